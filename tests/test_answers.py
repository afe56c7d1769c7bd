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
        # Belgian French number words and how people write amounts.
        ("nonante-cinq", 95),
        ("huitante", 80),
        ("douze cents", 1200),
        ("onze cents euros", 1100),
        ("mille deux cent cinquante", 1250),
        ("deux mille cinq cents", 2500),
        ("1.320,50", Decimal("1320.50")),
        ("1 320 €", 1320),
        ("1320€", 1320),
        ("1,100.50", Decimal("1100.50")),
        ("1,3k", 1300),
        ("2k€ par mois", 2000),
        ("mille trois cent vingt euros cinquante", Decimal("1320.50")),
        ("1 euro 10", Decimal("1.10")),
        # Dutch compounds and separate words.
        ("twaalfhonderdvijftig", 1250),
        ("duizend tweehonderd", 1200),
        ("duizendtweehonderd", 1200),
        ("dertienhonderd euro", 1300),
        ("anderhalve duizend", 1500),
        ("anderhalf duizend euro", 1500),
    ],
)
def test_numbers_in_digits_and_words(text: str, value: Decimal) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["rien", "niks", "bonjour", "", "ok"])
def test_no_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("j'ai un salaire de mille euros", 1000),
        ("une allocation de huit cents euros", 800),
        ("een uitkering van twaalfhonderd euro", 1200),
        ("ik krijg één uitkering van negenhonderd euro", 900),
        ("ik ben een vrouw van drieënvijftig", 53),
    ],
)
def test_an_article_is_not_the_number_one(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("un enfant", 1),
        ("une fille", 1),
        ("een kind", 1),
        ("één kind", 1),
        ("deux enfants", 2),
        ("twee kinderen", 2),
    ],
)
def test_when_counting_one_is_a_number(text: str, value: int) -> None:
    assert parse_number(text, counting=True) == value
    assert read_count(text) == value


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("entre huit cents et neuf cents", 800),
        ("entre huit cents et mille euros", 800),
        ("800-900", 800),
        ("tussen achthonderd en negenhonderd", 800),
        ("soixante et onze", 71),
        ("vingt et un ans", 21),
    ],
)
def test_a_range_gives_its_first_number(text: str, first: int) -> None:
    assert parse_number(text) == first


def test_a_long_or_strange_answer_is_read_without_error() -> None:
    assert parse_number("deux " * 400) == 2
    assert parse_number("blabla " * 300) is None
    assert parse_number("\x00\ufffd<script>alert('x')</script>") is None


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
        ("j'ai un salaire de mille euros", Decimal(1000)),
        ("een uitkering van twaalfhonderd euro", Decimal(1200)),
        ("je gagne mille deux cents euros net", Decimal(1200)),
        ("1.320,50 €", Decimal("1320.50")),
        ("ik verdien 1 320 euro", Decimal(1320)),
        ("0", Decimal(0)),
        ("zéro", Decimal(0)),
        ("nul", Decimal(0)),
        ("un salaire", None),
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
        # "eu" is the past participle of avoir, not the EU.
        ("je suis belge depuis que j'ai eu 18 ans", "belgian"),
        ("j'ai eu mes papiers l'an dernier", None),
        ("EU", "eu_citizen"),
        ("citoyen de l'UE", "eu_citizen"),
        ("ressortissant européen", "eu_citizen"),
        ("je suis polonaise", "eu_citizen"),
        ("ik ben EU-burger", "eu_citizen"),
        ("ik kom uit de EU", "eu_citizen"),
        ("ik ben EU", "eu_citizen"),
        ("Europese Unie", "eu_citizen"),
        ("européen depuis moins de 3 mois", "eu_citizen_first_3_months"),
        # Longer phrases that contain a keyword but mean something else.
        ("non-européen", None),
        ("ik kom van buiten de EU", None),
        ("j'ai une carte d'identité belge", "belgian"),
        ("carte D", "population_register"),
        # Keywords are whole words; long ones also start or end a word.
        ("wij zijn erkende vluchtelingen", "refugee"),
        ("réfugiés", "refugee"),
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
        ("je vis avec ma fille", "with_dependent_children"),
        ("met mijn pleegkinderen", "with_dependent_children"),
        ("tout seul", "alone"),
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
        ("du gaz en bouteille", "bottled_gas"),
        ("chauffage au gaz naturel", "natural_gas"),
        ("du mazout, je le prends à la pompe", "heating_oil_pump"),
        ("stookolie aan de pomp", "heating_oil_pump"),
        ("elektrische verwarming", "electricity"),
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
