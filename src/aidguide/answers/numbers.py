"""Numbers as people type them: "45", "1.200", "1 200,50 €", "septante-deux", "vijfenveertig".

The eligibility questions accept free answers. A person under stress writes "j'ai septante-deux
ans" or "ik verdien twaalfhonderd euro"; the assistant must read that rather than demand a
form-like "72". Belgian French (septante, nonante, huitante) and Dutch compounds are covered.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from aidguide.accents import strip_accents

_FR_UNITS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
}
_FR_SCALES = {"cent": 100, "cents": 100, "mille": 1000, "milles": 1000}
_NL_UNITS = {
    "nul": 0,
    "een": 1,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}
_NL_SCALES = {"honderd": 100, "duizend": 1000}
_NUMBER = re.compile(
    r"(?<![\w.,])-?\d{1,3}(?:[ .\u202f\xa0]\d{3})+(?:,\d{1,2})?(?![\d])|-?\d+(?:[.,]\d+)?"
)


def _digits_value(token: str) -> Decimal | None:
    """'1.200' and '1 200' are thousands; '1200,50' and '12.5' are decimals."""
    negative = token.startswith("-")
    token = token.lstrip("-")
    if re.fullmatch(r"\d{1,3}(?:[ .\u202f\xa0]\d{3})+(?:,\d{1,2})?", token):
        token = re.sub(r"[ .\u202f\xa0]", "", token).replace(",", ".")
    else:
        token = token.replace(",", ".")
    try:
        value = Decimal(token)
    except InvalidOperation:
        return None
    return -value if negative else value


def _dutch_word_value(word: str) -> int | None:
    """Dutch writes numbers as one word: 'vijfenveertig', 'twaalfhonderd', 'tweeduizend'."""
    if word in _NL_UNITS:
        return _NL_UNITS[word]
    for scale_word, scale in sorted(_NL_SCALES.items(), key=lambda kv: -kv[1]):
        if scale_word in word:
            head, _, tail = word.partition(scale_word)
            head_value = 1 if head == "" else _dutch_word_value(head)
            tail_value = 0 if tail == "" else _dutch_word_value(tail.removeprefix("en"))
            if head_value is None or tail_value is None:
                return None
            return head_value * scale + tail_value
    # vijfenveertig = vijf + en + veertig; the unit may itself contain "en" (zeven, negen).
    for at in (i for i in range(1, len(word) - 1) if word.startswith("en", i)):
        unit, tens = word[:at], word[at + 2 :]
        if unit in _NL_UNITS and tens in _NL_UNITS and _NL_UNITS[tens] >= 20:
            return _NL_UNITS[unit] + _NL_UNITS[tens]
    return None


def _french_words_value(words: list[str]) -> int | None:
    """'septante deux', 'quatre vingt dix', 'mille deux cents', 'vingt et un'."""
    total, current, seen = 0, 0, False
    for word in words:
        if word == "et":
            continue
        if word in _FR_UNITS:
            value = _FR_UNITS[word]
            if value == 20 and current in (4,):  # quatre-vingt(s)
                current *= 20
            else:
                current += value
            seen = True
        elif word in _FR_SCALES:
            scale = _FR_SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_number(text: str) -> Decimal | None:
    """The first number in ``text`` (digits or words in French or Dutch), or None."""
    match = _NUMBER.search(text)
    if match:
        return _digits_value(match.group(0))
    words = re.findall(r"[a-zéè]+", strip_accents(text.lower()))
    run: list[str] = []
    for word in [*words, ""]:  # the first run of French number words
        if word in _FR_UNITS or word in _FR_SCALES or (word == "et" and run):
            run.append(word)
        elif run:
            value = _french_words_value(run)
            if value is not None:
                return Decimal(value)
            run = []
    total, previous = None, None
    for word in [*words, ""]:  # Dutch: one word per number, "tweeduizend vijfhonderd" adds up
        value = _dutch_word_value(word) if word else None
        if value is not None and (previous is None or value < previous):
            total, previous = (total or 0) + value, value
        elif total is not None:
            return Decimal(total)
    return None
