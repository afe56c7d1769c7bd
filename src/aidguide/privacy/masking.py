"""Mask personal data in a message before it reaches Rasa, the actions or any log.

People in distress paste what they have at hand: their national register number, their
bank account, a phone number. The assistant needs none of it, so it is replaced by a
placeholder such as ``[NRN]`` as the message enters the system. Numbers with a checksum
(national register numbers, IBANs, payment cards) are masked only when the checksum holds,
and phone numbers only when ``phonenumbers`` (Google's libphonenumber data) knows them as
valid numbers of their country, so that amounts, postcodes and dates stay untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import phonenumbers

MASKS = {
    "national_register_number": "[NRN]",
    "iban": "[IBAN]",
    "payment_card": "[CARD]",
    "email": "[EMAIL]",
    "phone": "[PHONE]",
}

_IBAN = re.compile(
    r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE
)
#: Eleven digits, grouped as people write them; a full stop next to them is punctuation
#: unless a digit follows it (then the number is part of a longer one).
_NRN = re.compile(
    r"(?<!\d)(?<!\d[.])(\d{2})[. ]?(\d{2})[. ]?(\d{2})[- .]?(\d{3})[. ]?(\d{2})(?!\d|[.]\d)"
)
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Numbers written without a country code are read as Belgian ones.
_PHONE_REGION = "BE"


def _iban_is_valid(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(char, 36)) for char in rearranged)
    return int(digits) % 97 == 1


def _mask_iban(match: re.Match[str]) -> str:
    """Mask the longest valid IBAN at the start of the match (a word may follow it)."""
    parts = match.group(0).split(" ")
    for end in range(len(parts), 0, -1):
        candidate = " ".join(parts[:end])
        if _iban_is_valid(candidate):
            rest = " ".join(parts[end:])
            return MASKS["iban"] + (" " + rest if rest else "")
    return match.group(0)


def _nrn_is_valid(match: re.Match[str]) -> bool:
    first_nine = "".join(match.groups()[:4])
    check = int(match.group(5))
    born_before_2000 = 97 - int(first_nine) % 97
    born_from_2000 = 97 - int("2" + first_nine) % 97
    return check in (born_before_2000, born_from_2000)


def _luhn_is_valid(candidate: str) -> bool:
    digits = [int(char) for char in candidate if char.isdigit()]
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def _masked_if(
    predicate: Callable[[re.Match[str]], bool], mask: str
) -> Callable[[re.Match[str]], str]:
    return lambda match: mask if predicate(match) else match.group(0)


def _mask_phones(text: str, international_only: bool = False) -> str:
    """Replace every valid phone number of any country by the phone mask (only those written
    with a ``+`` or ``00`` country prefix when ``international_only``)."""
    found = phonenumbers.PhoneNumberMatcher(text, _PHONE_REGION, phonenumbers.Leniency.VALID)
    spans = [
        (match.start, match.end)
        for match in found
        if not international_only or match.raw_string.lstrip("([").startswith(("+", "00"))
    ]
    for start, end in reversed(spans):
        text = text[:start] + MASKS["phone"] + text[end:]
    return text


def mask_personal_data(text: str) -> str:
    """Return ``text`` with national numbers, IBANs, cards, e-mails and phones masked."""
    text = _IBAN.sub(_mask_iban, text)
    # A number with a country prefix is a phone number even when its digits would also pass
    # the national register checksum ("+49 1512 3456606").
    text = _mask_phones(text, international_only=True)
    text = _NRN.sub(_masked_if(_nrn_is_valid, MASKS["national_register_number"]), text)
    text = _EMAIL.sub(MASKS["email"], text)
    # Phones before cards: some phone numbers pass the Luhn check by chance.
    text = _mask_phones(text)
    return _CARD.sub(_masked_if(lambda m: _luhn_is_valid(m.group(0)), MASKS["payment_card"]), text)
