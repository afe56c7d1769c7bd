"""Personal data is masked before a message goes anywhere; amounts and postcodes are not."""

from __future__ import annotations

import pytest

from aidguide.privacy import MASKS, mask_personal_data


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mon numéro national 85.07.30-033.28 merci", "national_register_number"),
        ("rijksregisternummer 85073003328", "national_register_number"),
        ("né en 2001: 01.02.03-123.45", "national_register_number"),
        ("mon compte BE71 0961 2345 6769 svp", "iban"),
        ("rekening be71096123456769", "iban"),
        ("carte 4111 1111 1111 1111", "payment_card"),
        ("mail moi a jan.peeters@example.be", "email"),
        ("bel me op 0470 12 34 56", "phone"),
        ("appelez le +32 2 508 85 85", "phone"),
        ("tel 0032470123456", "phone"),
        ("02/508.85.85", "phone"),
    ],
)
def test_personal_data_is_masked(text: str, kind: str) -> None:
    masked = mask_personal_data(text)
    assert MASKS[kind] in masked
    assert not any(ch.isdigit() for ch in masked.replace("2001", ""))


@pytest.mark.parametrize(
    "text",
    [
        "j'habite au 1070 et je gagne 1200 euros",
        "ik ben geboren in 1985 en verdien 1450,50 per maand",
        "le 12/03/2025 à 14h",
        "85.07.30-033.29",  # wrong national number checksum
        "BE71 0961 2345 6768 0000",  # not an IBAN
        "facture de 1 234,56 € pour 1500 litres",
    ],
)
def test_numbers_that_are_not_personal_data_stay(text: str) -> None:
    masked = mask_personal_data(text)
    assert MASKS["national_register_number"] not in masked
    assert MASKS["iban"] not in masked
    if "litres" in text or "euros" in text or "maand" in text or "14h" in text:
        assert masked == text


@pytest.mark.parametrize(
    "text",
    [
        "mon NN est 03040433355.",
        "mon NN est 85.07.30-033.28.",
        "NN: 85.07.30-033.28, merci",
        "(85.07.30-033.28)",
        "[85073003328]",
        "85073003328",
        "mijn nummer is 85 07 30 033 28!",
        "rijksregister:85.07.30-033.28;",
    ],
)
def test_national_numbers_are_masked_in_any_punctuation(text: str) -> None:
    masked = mask_personal_data(text)
    assert MASKS["national_register_number"] in masked, masked
    assert not any(ch.isdigit() for ch in masked), masked


@pytest.mark.parametrize(
    "text",
    [
        "appelez-moi au +33 6 12 34 56 78",
        "mijn nummer: +31 6 12345678.",
        "call +44 7911 123456 please",
        "ruf mich an: +49 1512 3456789",
        "au Luxembourg +352 621 123 456",
        "0033612345678",
        "bel 0470/12.34.56, graag",
        "+49 1512 3456606",  # its last 11 digits pass the national number checksum
    ],
)
def test_phone_numbers_of_any_country_are_masked(text: str) -> None:
    masked = mask_personal_data(text)
    assert MASKS["phone"] in masked, masked
    assert sum(ch.isdigit() for ch in masked) < 3, masked
