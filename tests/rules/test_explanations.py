"""What the explained answers say about the BIM ceilings, the heating limits and rules, and
the amounts of the sheets, in French and Dutch.

Figures: ../shared/facts/belgian_aids.md, corrections of 2026-12-01: §6 (BIM from 2024-01-01:
25.630,67 + 4.744,94 one-year reference; 27.011,00 + 5.000,48 one-month reference), §7
(heating: BIM holders living alone with or without children have no income check; bands after
2024 are the last known ones), §1 (+2 % on 2026-03-01, computed, not published).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from aidguide import eligibility as explained
from aidguide import rules
from aidguide.content.amounts import resolve
from aidguide.i18n import format_date, format_money

LANGS = ("fr", "nl")
COMPUTED_LABEL = {"fr": "calculé, pas publié", "nl": "berekend, niet gepubliceerd"}


def _evaluate(on: date, lang: str, **parts: object) -> explained.EligibilityResult:
    return explained.evaluate(rules.EligibilityRequest(on=on, lang=lang, **parts))  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
def test_bim_between_the_two_ceilings_names_both(lang: str) -> None:
    bim = _evaluate(
        date(2024, 6, 1),
        lang,
        person=rules.PersonAnswers(bim=False, residence_status="belgian", monthly_net_income=2000),
        household=rules.HouseholdAnswers(situation="alone", yearly_gross_taxable_income=26000),
    ).aid("bim")
    assert bim.eligible == "unknown"
    said = bim.reasons[0].text
    for figure in ("25630.67", "27011.00", "4744.94", "5000.48"):
        assert format_money(Decimal(figure), lang) in said
    assert "27.550" not in said and "27 550" not in said


@pytest.mark.parametrize("lang", LANGS)
def test_bim_ceilings_after_2024_are_labelled_computed(lang: str) -> None:
    bim = _evaluate(
        date(2026, 6, 1),
        lang,
        person=rules.PersonAnswers(bim=False, residence_status="belgian", monthly_net_income=2000),
        household=rules.HouseholdAnswers(situation="alone", yearly_gross_taxable_income=26900),
    ).aid("bim")
    assert "≈" in bim.reasons[0].text
    assert COMPUTED_LABEL[lang] in bim.disclaimer
    assert format_date(date(2024, 1, 1), lang) in bim.disclaimer


@pytest.mark.parametrize("lang", LANGS)
def test_heating_limit_after_march_2026_is_computed_to_the_cent(lang: str) -> None:
    heating = _evaluate(
        date(2026, 6, 1),
        lang,
        person=rules.PersonAnswers(bim=False),
        household=rules.HouseholdAnswers(
            situation="alone", dependants=0, yearly_gross_taxable_income=30000, debt_mediation=False
        ),
        heating=rules.HeatingAnswers(fuel="heating_oil_bulk", litres=1000, price_per_litre=1.1),
    ).aid("heating_allowance")
    assert heating.eligible is False
    said = " ".join(r.text for r in heating.reasons)
    assert f"≈ {format_money(Decimal('25311.05'), lang)}" in said  # 24 814,75 x 1,02
    assert COMPUTED_LABEL[lang] in heating.disclaimer


@pytest.mark.parametrize("lang", LANGS)
def test_heating_bands_after_2024_are_the_last_known_ones(lang: str) -> None:
    def amount_text(on: date) -> str:
        heating = _evaluate(
            on,
            lang,
            person=rules.PersonAnswers(bim=True),
            household=rules.HouseholdAnswers(situation="alone"),
            heating=rules.HeatingAnswers(fuel="heating_oil_bulk", litres=1000, price_per_litre=1.1),
        ).aid("heating_allowance")
        assert heating.amount is not None and heating.amount.value == Decimal("140.00")
        return heating.amount.text

    last_known = {
        "fr": "dernière valeur que nous connaissons",
        "nl": "laatste waarde die wij kennen",
    }
    assert last_known[lang] in amount_text(date(2026, 6, 1))
    assert last_known[lang] not in amount_text(date(2024, 6, 1))


@pytest.mark.parametrize("lang", LANGS)
def test_heating_bim_single_parent_has_no_income_check(lang: str) -> None:
    heating = _evaluate(
        date(2025, 6, 1),
        lang,
        person=rules.PersonAnswers(bim=True),
        household=rules.HouseholdAnswers(
            situation="with_dependent_children",
            household_size=3,
            dependants=2,
            yearly_gross_taxable_income=90000,
        ),
        heating=rules.HeatingAnswers(fuel="heating_oil_bulk", litres=1000, price_per_litre=1.1),
    ).aid("heating_allowance")
    assert heating.eligible is True and heating.category == "cat1"


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_amounts_say_when_they_are_computed(lang: str) -> None:
    computed = resolve("ris.amount.cat2.monthly", "label", lang, date(2026, 6, 1))
    assert computed.computed is True
    assert computed.text.startswith("≈ ")
    assert COMPUTED_LABEL[lang] in computed.sentence()
    published = resolve("ris.amount.cat2.monthly", "label", lang, date(2025, 6, 1))
    assert published.computed is False and "≈" not in published.sentence()
    general = resolve("ris.exemption.general.cat2", "label", lang, date(2026, 6, 1))
    assert general.computed is False and general.value == Decimal("250")  # not indexed


@pytest.mark.parametrize("lang", LANGS)
def test_next_steps_come_from_the_sheet(lang: str) -> None:
    from aidguide.content import get_sheet

    ris = _evaluate(date(2025, 6, 1), lang).aid("ris")
    sheet = get_sheet("ris")
    assert ris.name == sheet.title(lang)
    assert sheet.text("how_to_apply", lang) in ris.next_steps
    assert sheet.text("appeal", lang) in ris.next_steps
    documents = " ".join(ris.next_steps)
    assert all(item in documents for item in sheet.items("documents", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_a_value_past_its_review_date_is_shown_as_the_last_known_one(lang: str) -> None:
    key = "ris.exemption.socio_professional.shortage_occupation_monthly"
    last_known = {
        "fr": "dernière valeur que nous connaissons",
        "nl": "laatste waarde die wij kennen",
    }
    before = resolve(key, "label", lang, date(2024, 6, 1))
    after = resolve(key, "label", lang, date(2026, 6, 1))
    assert before.value == after.value == Decimal("443.52")  # facts §10, from 2024-01-01
    assert last_known[lang] not in before.sentence()
    assert last_known[lang] in after.sentence()
    assert format_date(date(2025, 2, 1), lang) in after.sentence()
