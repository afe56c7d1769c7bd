"""POST /api/eligibility?explain=steps: the steps of the calculation, from OpenFisca's trace.

The expected figures are recomputed here from the parameters (GET /api/parameters) and the
inputs, following the rule of the facts file (corrections of 2026-12-01, §3: the general
exemption only below the category amount), never read from the engine's answer.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

CENT = Decimal("0.01")
#: The worker's example of the issue: living alone, a 600 € part-time wage, June 2025.
EXAMPLE = {
    "date": "2025-06-01",
    "person": {
        "age": 30,
        "residence_status": "belgian",
        "lives_in_belgium": True,
        "available_for_work": True,
        "monthly_net_income": 600,
    },
    "household": {"situation": "alone"},
}


def _parameters(client, day: str) -> dict[str, Decimal]:
    body = client.get(f"/api/parameters?date={day}").json()
    return {
        p["name"]: Decimal(str(p["value"])) for p in body["parameters"] if p["value"] is not None
    }


def _steps(client, body: dict, lang: str = "fr") -> tuple[dict, dict]:
    response = client.post("/api/eligibility?explain=steps", json={**body, "lang": lang})
    assert response.status_code == 200
    answer = response.json()
    calculations = {c["aid"]: c for c in answer["steps"]}
    return answer, calculations


def _by_variable(calculation: dict) -> dict[str, dict]:
    return {s["variable"]: s for s in calculation["steps"]}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_steps_of_the_example_add_up_to_the_result(client, lang):
    params = _parameters(client, "2025-06-01")
    yearly = params["ris.amount.cat2.yearly"]
    general = params["ris.exemption.general.cat2"]
    resources = Decimal(600) * 12
    assert resources < yearly  # so the general exemption applies
    countable = resources - general
    expected_yearly_ris = yearly - countable
    expected = (expected_yearly_ris / 12).quantize(CENT, ROUND_HALF_UP)

    answer, calculations = _steps(client, EXAMPLE, lang)
    ris = calculations["ris"]
    steps = _by_variable(ris)
    assert steps["ris_category"]["value"] == "cat2"
    assert Decimal(str(steps["ris_yearly_category_amount"]["value"])) == yearly
    assert Decimal(str(steps["ris_yearly_resources"]["value"])) == resources
    assert Decimal(str(steps["ris_general_exemption"]["value"])) == general
    assert Decimal(str(steps["ris_countable_yearly_resources"]["value"])) == countable
    assert Decimal(str(ris["result"])) == expected
    # The same figure as the answer itself, and each step in the order OpenFisca computed it.
    ris_answer = next(a for a in answer["aids"] if a["aid"] == "ris")
    assert Decimal(str(ris_answer["amount"]["value"])) == expected
    order = [s["variable"] for s in ris["steps"]]
    assert order.index("ris_yearly_resources") < order.index("ris_countable_yearly_resources")
    assert order[-1] == "ris_indicative_monthly_amount"
    # The parameters read: the person's category only, at the date, with source and law.
    used = {u["name"]: u for s in ris["steps"] for u in s["parameters"]}
    assert "ris.amount.cat1.yearly" not in used
    amount_use = used["ris.amount.cat2.yearly"]
    assert amount_use["on"] == "2025-06-01" and amount_use["since"] == "2025-02-01"
    assert amount_use["status"] == "published" and amount_use["source"]
    assert amount_use["legal_basis"]


def test_the_steps_in_words_name_every_figure(client):
    params = _parameters(client, "2025-06-01")
    _answer, calculations = _steps(client, EXAMPLE, "fr")
    text = calculations["ris"]["text"]
    for figure in ("1\u202f314,20", "7\u202f200,00", "250,00", "6\u202f950,00", "735,03"):
        assert figure in text, figure
    assert str(params["ris.amount.cat2.monthly"]).replace(".", ",") in text.replace("\u202f", "")
    assert text.count(" → ") == len(calculations["ris"]["steps"]) - 1
    _answer, calculations = _steps(client, EXAMPLE, "nl")
    text = calculations["ris"]["text"]
    assert "algemene vrijstelling" in text.lower() and "€ 735,03" in text.replace("\xa0", " ")


def test_above_the_category_amount_there_is_no_general_exemption(client):
    body = {**EXAMPLE, "person": {**EXAMPLE["person"], "monthly_net_income": 1320}}
    params = _parameters(client, "2025-06-01")
    assert Decimal(1320 * 12) >= params["ris.amount.cat2.yearly"]
    _answer, calculations = _steps(client, body)
    steps = _by_variable(calculations["ris"])
    assert steps["ris_general_exemption"]["value"] == 0
    assert calculations["ris"]["result"] == 0
    assert "Pas d'exonération générale" in calculations["ris"]["text"]


def test_the_socio_professional_exemption_is_capped_and_shown(client):
    body = {
        **EXAMPLE,
        "person": {
            **EXAMPLE["person"],
            "monthly_net_income": 900,
            "socio_professional_income": 500,
        },
    }
    params = _parameters(client, "2025-06-01")
    cap = params["ris.exemption.socio_professional.monthly"]
    resources = (Decimal(900) - cap) * 12
    countable = resources - params["ris.exemption.general.cat2"]
    expected = ((params["ris.amount.cat2.yearly"] - countable) / 12).quantize(CENT, ROUND_HALF_UP)
    _answer, calculations = _steps(client, body)
    steps = _by_variable(calculations["ris"])
    assert Decimal(str(steps["ris_socio_professional_exemption"]["value"])) == cap
    assert Decimal(str(calculations["ris"]["result"])) == expected


def test_a_computed_amount_is_labelled_in_the_steps(client):
    body = {**EXAMPLE, "date": "2026-06-01"}
    _answer, calculations = _steps(client, body)
    step = _by_variable(calculations["ris"])["ris_yearly_category_amount"]
    assert {u["status"] for u in step["parameters"]} == {"computed"}
    assert "≈" in step["text"]


def test_heating_allowance_steps_for_1350_litres_at_1_19(client):
    """The issue's example: 1.350 l at 1,19 €/l (bulk), June 2025."""
    bands = next(
        p
        for p in client.get("/api/parameters?date=2025-06-01").json()["parameters"]
        if p["name"] == "heating_allowance.price_bands"
    )["brackets"]
    rate = max(
        (
            Decimal(str(b["amount"]))
            for b in bands
            if Decimal(str(b["threshold"])) <= Decimal("1.19")
        ),
        key=lambda amount: amount,
    )
    params = _parameters(client, "2025-06-01")
    litres = min(Decimal(1350), params["heating_allowance.max_litres"])
    expected = min(rate * litres, params["heating_allowance.max_amount"])
    body = {
        **EXAMPLE,
        "household": {"situation": "alone", "yearly_gross_taxable_income": 20000, "dependants": 0},
        "heating": {"fuel": "heating_oil_bulk", "litres": 1350, "price_per_litre": 1.19},
    }
    _answer, calculations = _steps(client, body, "nl")
    heating = calculations["heating_allowance"]
    steps = _by_variable(heating)
    assert Decimal(str(steps["heating_allowance_rate_per_litre"]["value"])) == rate
    assert Decimal(str(heating["result"])) == expected.quantize(CENT)
    assert "heating_allowance.price_bands" in {
        u["name"] for u in steps["heating_allowance_rate_per_litre"]["parameters"]
    }


def test_without_explain_the_answer_has_no_steps(client):
    response = client.post("/api/eligibility", json=EXAMPLE)
    assert response.status_code == 200
    assert response.json().get("steps") is None


def test_unknown_inputs_give_unknown_steps_not_a_guess(client):
    _answer, calculations = _steps(client, {"date": "2025-06-01", "person": {"age": 40}}, "nl")
    ris = calculations["ris"]
    assert ris["result"] is None
    assert "onbekend" in ris["text"]
