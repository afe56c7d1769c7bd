"""GET /api/parameters and GET /api/parameters/{name}: values, dates, statuses, sources and
legal bases, checked against the facts file (not against the engine's own output)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aidguide.i18n import translator


def _by_name(body: dict) -> dict[str, dict]:
    return {p["name"]: p for p in body["parameters"]}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_ris_amounts_on_15_august_2023_are_the_ones_of_1_july_2023(client, ris_july_2023, lang):
    response = client.get(f"/api/parameters?date=2023-08-15&lang={lang}")
    assert response.status_code == 200
    body = response.json()
    assert body["date"] == "2023-08-15" and body["lang"] == lang
    params = _by_name(body)
    for name, expected in ris_july_2023.items():
        entry = params[name]
        assert Decimal(str(entry["value"])) == expected, name
        assert entry["since"] == "2023-07-01"
        assert entry["status"] == "published"
        assert "Eupen" in entry["source"]
        assert any("26 mai 2002" in law for law in entry["legal_basis"])
    # Dutch and French labels and formats, not the English msgid.
    label = params["ris.amount.cat1.monthly"]["label"]
    assert label == translator(lang).gettext("RIS Category 1 (cohabitant), per month")
    assert label != "RIS Category 1 (cohabitant), per month"
    text = params["ris.amount.cat2.monthly"]["text"]
    assert ("1.263,17" if lang == "nl" else "1\u202f263,17") in text


def test_heating_ceiling_and_regime_on_15_august_2023(client, heating_ceiling_july_2023):
    params = _by_name(client.get("/api/parameters?date=2023-08-15").json())
    base, per_dependant = heating_ceiling_july_2023
    assert Decimal(str(params["heating_allowance.income_ceiling.base"]["value"])) == base
    per = params["heating_allowance.income_ceiling.per_dependant"]
    assert Decimal(str(per["value"])) == per_dependant
    assert per["since"] == "2023-07-01"
    # facts §4 timeline: 2023 is the 2.000 l regime; its price bands were not found.
    assert params["heating_allowance.max_litres"]["value"] == 2000
    assert params["heating_allowance.price_bands"]["status"] == "unknown"


def test_values_the_sources_do_not_give_are_unknown_never_carried_forward(client):
    params = _by_name(client.get("/api/parameters?date=2022-08-01&lang=fr").json())
    cat1 = params["ris.amount.cat1.monthly"]
    assert cat1["status"] == "unknown" and cat1["value"] is None
    assert cat1["since"] == "2022-05-01"
    # Only cat. 2 is known at that date (facts, corrections §2): 1.115,67 from 1/5/2022.
    assert params["ris.amount.cat2.monthly"]["value"] == 1115.67
    # The general exemption is not dated before 2025-02-01 in the sources.
    assert params["ris.exemption.general.cat2"]["status"] == "unknown"


def test_march_2026_amounts_are_computed_and_labelled(client):
    params = _by_name(client.get("/api/parameters?date=2026-06-15&lang=fr").json())
    step = params["indexation.social_benefits.step"]
    published = _by_name(client.get("/api/parameters?date=2026-02-15").json())
    for cat in ("cat1", "cat2", "cat3"):
        entry = params[f"ris.amount.{cat}.monthly"]
        before = published[f"ris.amount.{cat}.monthly"]
        assert entry["status"] == "computed" and entry["since"] == "2026-03-01"
        assert before["status"] == "published" and before["since"] == "2025-02-01"
        expected = Decimal(str(before["value"])) * Decimal(str(step["value"]))
        assert abs(Decimal(str(entry["value"])) - expected) < Decimal("0.01")
        assert entry["text"].startswith("≈")
        assert "calculé, pas publié" in entry["computed_note"]
    # The general exemption is not indexed (facts, corrections §1).
    assert params["ris.exemption.general.cat2"]["status"] == "published"
    assert params["ris.exemption.general.cat2"]["value"] == 250


def test_every_group_and_the_price_bands_are_listed(client):
    body = client.get("/api/parameters?date=2025-06-01&lang=nl").json()
    groups = {p["group"] for p in body["parameters"]}
    assert groups == {
        "ris",
        "installation_premium",
        "heating_allowance",
        "bim",
        "grapa",
        "indexation",
    }
    bands = _by_name(body)["heating_allowance.price_bands"]
    assert bands["kind"] == "scale" and bands["since"] == "2024-01-01"
    # facts §4: <1,12 -> 14 c/l ... >=1,245 -> 20 c/l.
    assert [b["amount"] for b in bands["brackets"]] == [0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2]
    assert bands["brackets"][2]["threshold"] == 1.145
    assert "1,145" in bands["brackets"][2]["text"]
    assert bands["staleness_note"]  # bands after 2024 are the last known ones


def test_history_of_a_parameter_is_dated_oldest_first(client):
    response = client.get("/api/parameters/ris.amount.cat1.monthly?lang=nl")
    assert response.status_code == 200
    values = response.json()["values"]
    sinces = [v["since"] for v in values]
    assert sinces == sorted(sinces)
    by_date = {v["since"]: v for v in values}
    assert by_date["2021-01-01"]["value"] == 656.45
    assert by_date["2022-05-01"]["status"] == "unknown"
    assert by_date["2023-07-01"]["value"] == 842.12
    assert by_date["2026-03-01"]["status"] == "computed"


def test_history_of_the_installation_premium_follows_the_yearly_cat3_amount(client):
    values = client.get("/api/parameters/installation_premium.amount").json()["values"]
    yearly = client.get("/api/parameters/ris.amount.cat3.yearly").json()["values"]
    known = {v["since"]: Decimal(str(v["value"])) for v in yearly if v["value"] is not None}
    for entry in values:
        if entry["status"] == "published":
            expected = (known[entry["since"]] / 12).quantize(Decimal("0.01"))
            assert Decimal(str(entry["value"])) == expected


@pytest.mark.parametrize(("lang", "word"), [("fr", "paramètre"), ("nl", "parameter")])
def test_unknown_parameter_is_a_404_in_the_request_language(client, lang, word):
    response = client.get(f"/api/parameters/ris.amount.cat9?lang={lang}")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "parameter_not_found"
    assert word in error["message"]


def test_a_wrong_date_is_a_clear_422(client):
    response = client.get("/api/parameters?date=15-08-2023&lang=nl")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_the_routes_are_documented_with_examples(client):
    spec = client.get("/openapi.json").json()
    assert "/api/parameters" in spec["paths"]
    assert "/api/parameters/{name}" in spec["paths"]
    explain = spec["paths"]["/api/eligibility"]["post"]["parameters"]
    assert any(p["name"] == "explain" for p in explain)
    assert "examples" in spec["components"]["schemas"]["ParametersOut"]
