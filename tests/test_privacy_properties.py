"""Property tests: every valid national register number and phone number is masked, whatever
surrounds it; numbers that are not personal data stay as they were."""

from __future__ import annotations

from datetime import date

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from aidguide.privacy import MASKS, mask_personal_data

#: What people write around a number: punctuation, brackets, words, line ends.
_BEFORE = st.sampled_from(["", " ", "(", "[", "NN:", "nr. ", "« ", "\n", "mon numéro est ", "'"])
_AFTER = st.sampled_from(["", " ", ".", ",", ")", "]", ";", "!", "?", " »", ".\n", "'", ". Merci"])


@st.composite
def national_register_numbers(draw: st.DrawFn) -> str:
    """A valid national register number (birth date, serial, checksum), in a common layout."""
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 11, 30)))
    serial = draw(st.integers(min_value=1, max_value=997))
    first_nine = f"{born:%y%m%d}{serial:03d}"
    base = int(("2" if born.year >= 2000 else "") + first_nine)
    digits = first_nine + f"{97 - base % 97:02d}"
    layout = draw(st.sampled_from(["{}", "{}.{}.{}-{}.{}", "{} {} {} {} {}", "{}{}{}-{}{}"]))
    if layout == "{}":
        return digits
    parts = (digits[0:2], digits[2:4], digits[4:6], digits[6:9], digits[9:11])
    return layout.format(*parts)


_REGIONS = ["BE", "FR", "NL", "GB", "DE", "LU", "IT", "ES", "PL", "RO", "MA", "TR", "CD", "US"]
_KINDS = [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
_FORMATS = [
    phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    phonenumbers.PhoneNumberFormat.E164,
]


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    """A valid phone number of one of many countries, written internationally (or nationally
    for Belgium), with its last digits varied."""
    region = draw(st.sampled_from(_REGIONS))
    example = phonenumbers.example_number_for_type(region, draw(st.sampled_from(_KINDS)))
    national = str(example.national_number)
    for _ in range(20):
        tail = draw(st.integers(min_value=0, max_value=999))
        number = phonenumbers.parse(f"+{example.country_code}{national[:-3]}{tail:03d}")
        if phonenumbers.is_valid_number(number):
            break
    else:
        number = example
    if region == "BE" and draw(st.booleans()):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, draw(st.sampled_from(_FORMATS)))


@settings(max_examples=300, deadline=None)
@given(before=_BEFORE, number=national_register_numbers(), after=_AFTER)
def test_every_valid_national_number_is_masked(before: str, number: str, after: str) -> None:
    masked = mask_personal_data(f"{before}{number}{after}")
    assert MASKS["national_register_number"] in masked
    assert not any(ch.isdigit() for ch in masked), masked


@settings(max_examples=300, deadline=None)
@given(before=_BEFORE, number=phone_numbers(), after=_AFTER)
def test_every_valid_phone_number_is_masked(before: str, number: str, after: str) -> None:
    masked = mask_personal_data(f"{before}{number}{after}")
    # A phone number may also pass another mask's checksum (a national number): masked either way.
    assert MASKS["phone"] in masked or MASKS["national_register_number"] in masked, masked
    assert not any(ch.isdigit() for ch in masked), (number, masked)


@settings(max_examples=300, deadline=None)
@given(
    amount=st.decimals(min_value=0, max_value=99_999, places=2),
    postcode=st.integers(min_value=1000, max_value=9999),
    year=st.integers(min_value=1900, max_value=2030),
)
def test_amounts_postcodes_and_years_stay(amount: object, postcode: int, year: int) -> None:
    text = f"je gagne {str(amount).replace('.', ',')} €, j'habite au {postcode}, né en {year}."
    assert mask_personal_data(text) == text
