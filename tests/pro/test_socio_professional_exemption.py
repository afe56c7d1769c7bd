"""POST /api/eligibility: what decides the socio-professional (ISP) exemption, in FR and NL.

A person living alone with a 600 € part-time wage, June 2025. Who started that work last month
while on the RIS has used the exemption for 1 month: it applies. Who has used it for 36 months
has no exemption left. The expected RIS is recomputed here from the parameters
(GET /api/parameters) and the rule of the facts file (§1 "Resources and exemptions": 3 years
spread over at most 6; corrections of 2026-12-01, §3 and §10), never read from the engine.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from .test_calculation_steps import EXAMPLE, _by_variable, _parameters, _steps

CENT = Decimal("0.01")
WAGE = 600


#: The worker page's calculator, filled in for the same person (June 2025).
CALCULATOR_FORM = {
    "action": "calculate",
    "on": "2025-06-01",
    "situation": "alone",
    "age": "30",
    "residence_status": "belgian",
    "lives_in_belgium": "yes",
    "available_for_work": "yes",
    "monthly_net_income": "600",
    "socio_professional_income": "600",
    "isp_started_on_ris": "yes",
}


def _body(**isp: object) -> dict:
    person = {**EXAMPLE["person"], "monthly_net_income": WAGE, "socio_professional_income": WAGE}
    return {**EXAMPLE, "person": {**person, **isp}}


def _expected(params: dict[str, Decimal], exemption: Decimal) -> Decimal:
    yearly = params["ris.amount.cat2.yearly"]
    resources = (Decimal(WAGE) - exemption) * 12
    general = params["ris.exemption.general.cat2"] if 0 < resources < yearly else Decimal(0)
    countable = max(resources - general, Decimal(0))
    return (max(yearly - countable, Decimal(0)) / 12).quantize(CENT, ROUND_HALF_UP)


def _cents(value: object) -> Decimal:
    """A traced value (computed in floats) to the cent."""
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


def _ris(client, body: dict, lang: str) -> tuple[Decimal, dict]:
    answer, calculations = _steps(client, body, lang)
    aid = next(a for a in answer["aids"] if a["aid"] == "ris")
    return Decimal(str(aid["amount"]["value"])), calculations["ris"]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_started_last_month_gets_the_exemption(client, lang):
    params = _parameters(client, "2025-06-01")
    cap = params["ris.exemption.socio_professional.monthly"]
    amount, ris = _ris(client, _body(isp_started_on_ris=True, isp_months_used=1), lang)
    assert amount == _expected(params, min(cap, Decimal(WAGE)))
    steps = _by_variable(ris)
    assert Decimal(str(steps["ris_socio_professional_exemption"]["value"])) == cap
    # The steps add up: resources, minus the general exemption, taken from the category amount.
    resources = _cents(steps["ris_yearly_resources"]["value"])
    assert resources == (Decimal(WAGE) - cap) * 12
    countable = _cents(steps["ris_countable_yearly_resources"]["value"])
    assert countable == resources - _cents(steps["ris_general_exemption"]["value"])
    yearly = _cents(steps["ris_yearly_category_amount"]["value"])
    assert ((yearly - countable) / 12).quantize(CENT, ROUND_HALF_UP) == amount
    assert Decimal(str(ris["result"])) == amount
    text = steps["ris_socio_professional_exemption"]["text"]
    assert ("mois 2 sur 36" if lang == "fr" else "maand 2 van 36") in text


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_after_36_months_there_is_no_exemption(client, lang):
    params = _parameters(client, "2025-06-01")
    amount, ris = _ris(client, _body(isp_started_on_ris=True, isp_months_used=36), lang)
    assert amount == _expected(params, Decimal(0))
    with_exemption, _ = _ris(client, _body(isp_started_on_ris=True, isp_months_used=35), lang)
    assert amount < with_exemption
    step = _by_variable(ris)["ris_socio_professional_exemption"]
    assert step["value"] == 0
    assert "36" in step["text"]
    word = "exonération" if lang == "fr" else "vrijstelling"
    assert word in step["text"].lower()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_work_not_started_on_the_ris_has_no_exemption_and_says_why(client, lang):
    params = _parameters(client, "2025-06-01")
    amount, ris = _ris(client, _body(isp_started_on_ris=False), lang)
    assert amount == _expected(params, Decimal(0))
    text = _by_variable(ris)["ris_socio_professional_exemption"]["text"]
    assert ("RIS" if lang == "fr" else "leefloon") in text


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_shortage_occupation_uses_its_own_amount_for_3_months(client, lang):
    params = _parameters(client, "2025-06-01")
    shortage = params["ris.exemption.socio_professional.shortage_occupation_monthly"]
    cap = params["ris.exemption.socio_professional.monthly"]
    body = _body(isp_started_on_ris=True, shortage_occupation=True)
    third = {**body, "person": {**body["person"], "shortage_occupation_months_used": 2}}
    fourth = {**body, "person": {**body["person"], "shortage_occupation_months_used": 3}}
    amount, ris = _ris(client, third, lang)
    assert amount == _expected(params, min(shortage, Decimal(WAGE)))
    assert Decimal(str(_by_variable(ris)["ris_socio_professional_exemption"]["value"])) == min(
        shortage, Decimal(WAGE)
    )
    amount, _ = _ris(client, fourth, lang)
    assert amount == _expected(params, min(cap, Decimal(WAGE)))


def test_existing_clients_are_unchanged(client):
    params = _parameters(client, "2025-06-01")
    cap = params["ris.exemption.socio_professional.monthly"]
    amount, _ = _ris(client, _body(), "fr")
    assert amount == _expected(params, cap)


@pytest.mark.parametrize("months", [-1, 1001, "3", 2.5])
def test_bad_months_are_refused_clearly(client, months):
    response = client.post("/api/eligibility", json=_body(isp_months_used=months))
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("path", "said"),
    [("/pro", "déjà utilisée pendant 36 mois"), ("/pro/nl", "al 36 maanden gebruikt")],
)
def test_the_calculator_form_takes_the_months_used(client, path, said):
    form = CALCULATOR_FORM
    params = _parameters(client, "2025-06-01")
    cap = params["ris.exemption.socio_professional.monthly"]
    page = _digits(client.post(path, data={**form, "isp_months_used": "36"}).text)
    assert said in page
    assert _money(_expected(params, Decimal(0))) in page
    page = _digits(client.post(path, data={**form, "isp_months_used": "1"}).text)
    assert said not in page
    assert _money(_expected(params, cap)) in page


@pytest.mark.parametrize("value", ["-3", "many", "5000"])
def test_bad_months_in_the_form_are_named(client, value):
    response = client.post("/pro", data={"action": "calculate", "isp_months_used": value})
    assert response.status_code == 200
    assert 'role="alert"' in response.text and 'id="result"' not in response.text


def _money(value: Decimal) -> str:
    """A euro amount as the page writes it without thousands separators: 1044,51 (FR and NL)."""
    return f"{value:.2f}".replace(".", ",")


def _digits(page: str) -> str:
    """The page without thousands separators (1 044,51 in FR, 1.044,51 in NL)."""
    return re.sub(r"(?<=\d)[\u202f\xa0.](?=\d{3})", "", page)


def test_the_new_answers_are_documented_in_openapi(client):
    schema = client.get("/openapi.json").json()["components"]["schemas"]["PersonIn"]
    for name in (
        "isp_started_on_ris",
        "isp_months_used",
        "isp_months_since_first",
        "shortage_occupation",
        "shortage_occupation_months_used",
    ):
        assert schema["properties"][name]["description"], name
        assert name not in schema.get("required", [])


@pytest.mark.parametrize(
    ("lang", "review_date"), [("fr", "1er février 2025"), ("nl", "1 februari 2025")]
)
def test_the_shortage_amount_past_its_review_date_is_flagged_in_the_steps(
    client, lang, review_date
):
    """Its only known value is of 2024-01-01 and its review date (2025-02-01) passed
    unconfirmed: a worker reading the steps after that date is told it may have changed."""
    body = _body(isp_started_on_ris=True, shortage_occupation=True)

    def shortage_use(day: str) -> dict:
        _, calculations = _steps(client, {**body, "date": day}, lang)
        step = _by_variable(calculations["ris"])["ris_socio_professional_exemption"]
        return next(
            p for p in step["parameters"] if p["name"].endswith("shortage_occupation_monthly")
        )

    assert shortage_use("2024-06-01")["staleness_note"] is None
    note = shortage_use("2026-06-01")["staleness_note"]
    assert note and review_date in note


@pytest.mark.parametrize(
    ("path", "review_date"), [("/pro", "1er février 2025"), ("/pro/nl", "1 februari 2025")]
)
def test_a_value_past_its_review_date_is_flagged_in_the_page_steps(client, path, review_date):
    """The same on the worker page: the note stands in the steps of the calculation."""
    form = {
        **CALCULATOR_FORM,
        "on": "2026-06-01",
        "isp_months_used": "1",
        "shortage_occupation": "yes",
        "shortage_occupation_months_used": "0",
    }
    response = client.post(path, data=form)
    assert response.status_code == 200
    steps = "".join(re.findall(r'<ol class="steps">(.*?)</ol>', response.text, re.S))
    notes = re.findall(r'<span class="note">([^<]*)</span>', steps)
    assert any(review_date in note for note in notes)
