"""Free answers to the eligibility questions, in French and Dutch, as people type them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aidguide.answers.numbers import parse_number
from aidguide.answers.parsing import (
    FUEL_KEYWORDS,
    HOUSEHOLD_KEYWORDS,
    RESIDENCE_STATUS_KEYWORDS,
    UNKNOWN,
    WORK_EXEMPTION_KEYWORDS,
    read_age,
    read_amount,
    read_choice,
    read_count,
    read_price_per_litre,
    read_yes_no,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("45", 45),
        ("j'ai 45 ans", 45),
        ("septante-deux", 72),
        ("nonante et un", 91),
        ("quatre-vingt-dix", 90),
        ("vingt et un ans", 21),
        ("mille deux cents", 1200),
        ("1.200", 1200),
        ("1 200,50 €", Decimal("1200.50")),
        ("1200,50", Decimal("1200.50")),
        ("vijfenveertig", 45),
        ("ik ben zevenenveertig", 47),
        ("negenennegentig", 99),
        ("ik ben drieëntwintig", 23),
        ("twaalfhonderd", 1200),
        ("tweeduizend vijfhonderd", 2500),
        ("zeventig jaar", 70),
        ("1,10 le litre", Decimal("1.10")),
    ],
)
def test_numbers_in_digits_and_words(text: str, value: Decimal) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["rien", "niks", "bonjour", "", "ok"])
def test_no_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("j'ai 45 ans", 45),
        ("septante-deux", 72),
        ("ik ben 30", 30),
        ("18", 18),
        ("250", None),
        ("-3", None),
        ("abc", None),
        ("je sais pas", UNKNOWN),
        ("zeg ik liever niet", UNKNOWN),
        ("12.5", None),
    ],
)
def test_age(text: str, age: object) -> None:
    assert read_age(text) == age


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("ik verdien 1200 euro netto per maand", Decimal("1200")),
        ("rien", Decimal(0)),
        ("niks", Decimal(0)),
        ("pas de revenu", Decimal(0)),
        ("je touche le chômage 900", Decimal(900)),
        ("-200", None),
        ("beaucoup", None),
        ("geen idee", UNKNOWN),
        ("je préfère ne pas répondre", UNKNOWN),
    ],
)
def test_amount(text: str, amount: object) -> None:
    assert read_amount(text) == amount


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("oui", True),
        ("ouais bien sûr", True),
        ("ja", True),
        ("klopt", True),
        ("non", False),
        ("nee hoor", False),
        ("pas du tout", False),
        ("weet ik niet", UNKNOWN),
        ("peut-être", None),
    ],
)
def test_yes_no(text: str, answer: object) -> None:
    assert read_yes_no(text) == answer


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("je suis belge", "belgian"),
        ("Belg", "belgian"),
        ("pas de papiers", "no_legal_stay"),
        ("ik heb geen papieren", "no_legal_stay"),
        ("réfugié reconnu", "refugee"),
        ("erkend vluchteling", "refugee"),
        ("registre des étrangers", "foreigners_register"),
        ("ik sta in het vreemdelingenregister", "foreigners_register"),
        ("carte C", "population_register"),
        ("protection subsidiaire", "subsidiary_protection"),
        ("je suis européenne, française", "eu_citizen"),
        ("apatride", "stateless"),
        ("aucune idée", UNKNOWN),
        ("bof", None),
    ],
)
def test_residence_status(text: str, status: object) -> None:
    assert read_choice(text, RESIDENCE_STATUS_KEYWORDS) == status


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("je vis seul", "alone"),
        ("alleen", "alone"),
        ("avec ma copine", "cohabiting"),
        ("ik woon samen met mijn vriendin", "cohabiting"),
        ("seule avec mes 2 enfants", "with_dependent_children"),
        ("met mijn twee kinderen", "with_dependent_children"),
    ],
)
def test_household(text: str, situation: str) -> None:
    assert read_choice(text, HOUSEHOLD_KEYWORDS) == situation


@pytest.mark.parametrize(
    ("text", "fuel"),
    [
        ("mazout", "heating_oil_bulk"),
        ("stookolie in bulk", "heating_oil_bulk"),
        ("mazout à la pompe", "heating_oil_pump"),
        ("gaz naturel", "natural_gas"),
        ("aardgas", "natural_gas"),
        ("pellets", "pellets"),
        ("du bois", "wood"),
        ("propane", "propane_bulk"),
        ("pétrole lampant", "kerosene_pump"),
        ("une bonbonne de gaz", "bottled_gas"),
    ],
)
def test_fuel(text: str, fuel: str) -> None:
    assert read_choice(text, FUEL_KEYWORDS) == fuel


def test_work_exemption_and_counts_and_prices() -> None:
    assert read_choice("je fais des études", WORK_EXEMPTION_KEYWORDS) == "studies"
    assert read_choice("ik ben ziek", WORK_EXEMPTION_KEYWORDS) == "health"
    assert read_count("aucun") == 0 and read_count("deux") == 2 and read_count("30") is None
    assert read_price_per_litre("1,10") == Decimal("1.100")
    assert read_price_per_litre("110 cents") == Decimal("1.100")
    assert read_price_per_litre("50") is None
