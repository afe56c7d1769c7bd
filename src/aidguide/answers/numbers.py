"""Numbers as people type them: "45", "1.200", "1 200,50 €", "1,3k", "nonante-cinq", "vijftig".

The eligibility questions accept free answers. A person under stress writes "j'ai septante-deux
ans" or "ik verdien twaalfhonderd euro"; the assistant must read that rather than demand a
form-like "72". Number words are read by ``text2num`` (French with the Belgian septante,
huitante, nonante; Dutch compounds such as "twaalfhonderdvijftig"), not by tables of our own.

"un", "une" and "een" standing alone are articles ("j'ai un salaire de mille euros" is a
thousand, not one); the number one in words ("un", "een", "één") is read only where the
question counts things ("un enfant", "een kind").
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from text_to_num import alpha2digit

#: The languages of the answers, in the order their number words are tried.
_LANGUAGES = ("fr", "nl")
#: Number words are looked for in the first characters of an answer only: text2num's time
#: grows with the square of the length, and a number given as an answer comes early.
_WORDS_READ_AT_MOST = 500
#: "1.200,50", "1 200": thousands grouped the Belgian way, decimals after a comma.
_GROUPED = r"\d{1,3}(?:[ .\u202f\xa0]\d{3})+(?:,\d{1,2})?"
#: "1,100.50": grouped the English way, recognised by its decimals after a point.
_GROUPED_WITH_DECIMAL_POINT = r"\d{1,3}(?:,\d{3})+\.\d{1,2}"
_NUMBER = re.compile(
    rf"(?<![\w.,])-?(?:{_GROUPED}|{_GROUPED_WITH_DECIMAL_POINT})(?![\d])|-?\d+(?:[.,]\d+)?"
)
#: "1,3k", "2 k€": thousands, as people write salaries in messages.
_THOUSANDS = re.compile(r"\s?k(?:€|eur)?(?![a-z])", re.IGNORECASE)
#: "1 euro 10", "1320 euros 50" at the end of the answer: euros, then cents.
_CENTS_AFTER_EUROS = re.compile(
    r"\s*(?:€|eur|euros?)\s*(\d{1,2})\s*(?:cents?|centimes?|eurocent)?\s*[.!]?\s*$",
    re.IGNORECASE,
)
#: French joins number words with "et" only before "un", "une" and "onze" ("vingt et un",
#: "soixante et onze"); elsewhere "et" separates two numbers ("huit cents et neuf cents"),
#: which text2num would otherwise read as one (809).
_FRENCH_AND_BETWEEN_NUMBERS = re.compile(r"\bet\b(?!\s+(?:un|une|onze)\b)", re.IGNORECASE)
#: Dutch "anderhalf" (one and a half), which text2num does not read: "anderhalve duizend".
_ONE_AND_A_HALF = re.compile(r"\banderhal(?:f|ve)\b(?:\s+(\d+)(?![\d.,]))?", re.IGNORECASE)


def _digits_value(token: str) -> Decimal | None:
    """'1.200' and '1 200' are thousands; '1200,50' and '12.5' are decimals."""
    negative = token.startswith("-")
    token = token.lstrip("-")
    if re.fullmatch(_GROUPED_WITH_DECIMAL_POINT, token):
        token = token.replace(",", "")
    elif re.fullmatch(_GROUPED, token):
        token = re.sub(r"[ .\u202f\xa0]", "", token).replace(",", ".")
    else:
        token = token.replace(",", ".")
    try:
        value = Decimal(token)
    except InvalidOperation:
        return None
    return -value if negative else value


def _first_digits(text: str) -> Decimal | None:
    """The first number written in digits, with its "k" (thousands) or its cents after "€"."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    value = _digits_value(match.group(0))
    if value is None:
        return None
    rest = text[match.end() :]
    if _THOUSANDS.match(rest):
        return value * 1000
    cents = _CENTS_AFTER_EUROS.match(rest)
    if cents and value == value.to_integral_value():
        return value + Decimal(cents.group(1).rjust(2, "0")) / 100
    return value


def _words_as_digits(text: str, language: str, counting: bool) -> str:
    """The answer with its number words written in digits, in one language."""
    if language == "fr":
        text = _FRENCH_AND_BETWEEN_NUMBERS.sub(", et", text)
    # text2num writes a lone number in digits only from its threshold on: 2 keeps the
    # articles "un" / "een" (and "zéro", read as nothing by the answer readers) as words.
    digits = alpha2digit(text, language, 0 if counting else 2)
    if language == "nl":
        digits = _ONE_AND_A_HALF.sub(lambda m: str(Decimal("1.5") * int(m.group(1) or 1)), digits)
    return digits


def parse_number(text: str, *, counting: bool = False) -> Decimal | None:
    """The first number in ``text`` (digits, else words in French, else in Dutch), or None.

    ``counting`` is for questions that count things: a lone "un" / "une" / "een" / "één" is
    then the number one ("un enfant", "een kind") instead of an article.
    """
    value = _first_digits(text)
    if value is not None:
        return value
    words = text[:_WORDS_READ_AT_MOST]
    for language in _LANGUAGES:
        value = _first_digits(_words_as_digits(words, language, counting))
        if value is not None:
            return value
    return None
