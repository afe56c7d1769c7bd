"""POST /api/eligibility for past, present and computed dates, in French and Dutch.

Expected figures come from ../shared/facts/belgian_aids.md, "Corrections and additions of
2026-12-01": §1 (2025-02-01 cat. 2 = 1.314,20 €/month; +2 % on 1 March 2026, computed, not
published: ≈ 1.340,48), §2 (from 2023-07-01 cat. 2 = 1.263,17; from 2022-05-01 only cat. 2 is
known: 1.115,67), §3 (general exemption only below the category amount).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aidguide.api.errors import install_error_handlers
from aidguide.i18n import format_date, format_money

LANGS = ("fr", "nl")
COMPUTED_LABEL = {"fr": "calculé, pas publié", "nl": "berekend, niet gepubliceerd"}
UNKNOWN_ON_DATE = {
    "fr": "Nous ne connaissons pas le montant pour votre situation à cette date",
    "nl": "Wij kennen het bedrag voor uw situatie op deze datum niet",
}


def _ris(client: TestClient, on: str, lang: str, situation: str, income: float = 0) -> dict:
    body = {
        "date": on,
        "lang": lang,
        "person": {
            "age": 30,
            "residence_status": "belgian",
            "lives_in_belgium": True,
            "available_for_work": True,
            "monthly_net_income": income,
        },
        "household": {"situation": situation},
    }
    response = client.post("/api/eligibility", json=body)
    assert response.status_code == 200, response.text
    return next(a for a in response.json()["aids"] if a["aid"] == "ris")


@pytest.mark.parametrize("lang", LANGS)
def test_june_2026_alone_no_income_is_computed_with_its_basis(
    client: TestClient, lang: str
) -> None:
    ris = _ris(client, "2026-06-01", lang, "alone")
    amount = ris["amount"]
    assert amount["value"] == 1340.48
    assert amount["applies_from"] == "2026-03-01"
    assert amount["computed"] is True
    basis = amount["basis"]
    assert basis["parameter"] == "ris.amount.cat2.monthly"
    assert basis["value"] == 1314.20 and basis["applies_from"] == "2025-02-01"
    assert [(s["on"], s["factor"]) for s in basis["steps"]] == [("2026-03-01", 1.02)]
    assert all(s["source"] for s in basis["steps"])
    text = amount["text"]
    assert text.startswith(f"≈ {format_money(Decimal('1340.48'), lang)}")
    assert COMPUTED_LABEL[lang] in text
    assert format_date(date(2025, 2, 1), lang) in text
    assert format_date(date(2026, 3, 1), lang) in text and "2 %" in text
    assert {"fr": "le CPAS confirme", "nl": "het OCMW bevestigt"}[lang] in text


@pytest.mark.parametrize("lang", LANGS)
def test_after_october_2026_the_text_says_the_amounts_may_have_changed(
    client: TestClient, lang: str
) -> None:
    amount = _ris(client, "2026-11-15", lang, "alone")["amount"]
    assert amount["value"] == 1340.48 and amount["computed"] is True
    assert format_date(date(2026, 10, 1), lang) in amount["text"]
    assert {"fr": "pas confirmée", "nl": "niet bevestigd"}[lang] in amount["text"]


@pytest.mark.parametrize("lang", LANGS)
def test_august_2023_is_the_published_amount_of_july_2023(client: TestClient, lang: str) -> None:
    amount = _ris(client, "2023-08-15", lang, "alone")["amount"]
    assert amount["value"] == 1263.17
    assert amount["applies_from"] == "2023-07-01"
    assert amount["computed"] is False and amount["basis"] is None
    assert "≈" not in amount["text"] and COMPUTED_LABEL[lang] not in amount["text"]
    assert format_money(Decimal("1263.17"), lang) in amount["text"]


@pytest.mark.parametrize("lang", LANGS)
def test_june_2022_only_category_2_is_known(client: TestClient, lang: str) -> None:
    alone = _ris(client, "2022-06-01", lang, "alone")
    assert alone["amount"]["value"] == 1115.67
    assert alone["amount"]["applies_from"] == "2022-05-01"
    assert alone["category"] == "cat2"
    for situation, category in (("cohabiting", "cat1"), ("with_dependent_children", "cat3")):
        other = _ris(client, "2022-06-01", lang, situation)
        assert other["category"] == category
        assert other["amount"] is None  # not the 2021 amount carried forward
        assert other["eligible"] == "unknown"
        assert UNKNOWN_ON_DATE[lang] in other["amount_note"]
        resources = next(r for r in other["reasons"] if r["condition"] == "resources")
        assert resources["status"] == "unknown"
        assert {"fr": "le CPAS compare", "nl": "het OCMW vergelijkt"}[lang] in resources["text"]


@pytest.mark.parametrize("lang", LANGS)
def test_above_the_category_amount_there_is_no_general_exemption(
    client: TestClient, lang: str
) -> None:
    ris = _ris(client, "2025-06-01", lang, "alone", income=1320)
    assert ris["eligible"] is False
    assert ris["amount"] is None


def test_the_income_question_is_documented_as_both_partners_without_child_benefit(
    client: TestClient,
) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]["PersonIn"]
    description = schema["properties"]["monthly_net_income"]["description"]
    assert "partner" in description and "without child benefit" in description


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_amounts_of_june_2026_are_flagged_computed(lang: str) -> None:
    from aidguide.api import aids

    app = FastAPI()
    install_error_handlers(app)
    app.include_router(aids.router)
    response = TestClient(app).get(f"/api/aids/ris?date=2026-06-01&lang={lang}")
    assert response.status_code == 200, response.text
    amounts = {a["key"]: a for a in response.json()["amounts"]}
    alone = amounts["ris.amount.cat2.monthly"]
    assert alone["computed"] is True and alone["value"] == "1340.48"
    assert alone["text"].startswith("≈ ")
    assert COMPUTED_LABEL[lang] in alone["computed_note"]
    general = amounts["ris.exemption.general.cat2"]
    assert general["computed"] is False and general["value"] == "250.00"  # not indexed
