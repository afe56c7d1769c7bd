"""The rules engine and its explanations: the figures every answer must show, the API, the
catalogs.

Expected amounts are computed by hand from ../shared/facts/belgian_aids.md §1 (2025-02-01:
cat. 1 876,13 / 10.513,60; cat. 2 1.314,20 / 15.770,41; cat. 3 1.776,07 / 21.312,87;
general exemption cat. 2 250 €/yr).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from aidguide import eligibility as explained
from aidguide import rules
from aidguide.api.eligibility import ALONE_NO_INCOME
from aidguide.eligibility import texts
from aidguide.i18n import translator

ROOT = Path(__file__).resolve().parents[2]
ON = date(2025, 6, 1)


def _person(income: float = 0, **extra: object) -> rules.PersonAnswers:
    values = dict(
        age=30,
        residence_status="belgian",
        lives_in_belgium=True,
        available_for_work=True,
        monthly_net_income=income,
    )
    values.update(extra)
    return rules.PersonAnswers(**values)  # type: ignore[arg-type]


def _ris(situation: str, income: float = 0) -> explained.AidResult:
    request = rules.EligibilityRequest(
        on=ON, person=_person(income), household=rules.HouseholdAnswers(situation=situation)
    )
    return explained.evaluate(request).aid("ris")


@pytest.mark.parametrize(
    ("situation", "income", "expected"),
    [
        ("alone", 0, "1314.20"),
        ("cohabiting", 0, "876.13"),
        ("with_dependent_children", 0, "1776.07"),
        ("alone", 500, "835.03"),  # (15 770,41 - (6 000 - 250)) / 12
    ],
)
def test_ris_amounts_of_the_issue(situation: str, income: float, expected: str) -> None:
    result = _ris(situation, income)
    assert result.eligible is True
    assert result.amount is not None
    assert result.amount.value == Decimal(expected)
    assert result.amount.period == "month"
    assert result.amount.applies_from == date(2025, 2, 1)


def test_unknown_inputs_give_unknown_never_a_guess() -> None:
    result = explained.evaluate(rules.EligibilityRequest(on=ON, lang="nl"))
    ris = result.aid("ris")
    assert ris.eligible == "unknown"
    assert ris.amount is None
    statuses = {r.condition: r.status for r in ris.reasons}
    assert statuses["ris_age"] == "unknown" and statuses["resources"] == "unknown"
    assert "Om het te krijgen moet u ook" in " ".join(r.text for r in ris.reasons)


def test_reasons_say_what_is_still_needed_in_french() -> None:
    request = rules.EligibilityRequest(on=ON, lang="fr", person=rules.PersonAnswers(age=30))
    texts_fr = [r.text for r in explained.evaluate(request).aid("ris").reasons]
    assert any(t.startswith("Pour en bénéficier, vous devez également") for t in texts_fr)


def test_statuses_route_to_the_right_aid() -> None:
    def eligible(status: str) -> dict[str, object]:
        request = rules.EligibilityRequest(
            on=ON,
            person=_person(residence_status=status),
            household=rules.HouseholdAnswers(situation="alone"),
        )
        return {a.aid: a.eligible for a in explained.evaluate(request).aids}

    assert eligible("foreigners_register")["equivalent_aid"] is True
    assert eligible("foreigners_register")["ris"] is False
    no_stay = eligible("no_legal_stay")
    assert no_stay["urgent_medical_aid"] is True and no_stay["ris"] is False


def test_heating_amount_and_uncovered_fuel() -> None:
    def heating(fuel: str) -> explained.AidResult:
        request = rules.EligibilityRequest(
            on=ON,
            person=rules.PersonAnswers(bim=True),
            household=rules.HouseholdAnswers(situation="alone"),
            heating=rules.HeatingAnswers(fuel=fuel, litres=1000, price_per_litre=1.10),
        )
        return explained.evaluate(request).aid("heating_allowance")

    bulk = heating("heating_oil_bulk")
    assert bulk.eligible is True and bulk.amount is not None
    assert bulk.amount.value == Decimal("140.00")  # 14 c/l (< 1,12 €) x 1 000 l
    assert bulk.amount.applies_from == date(2024, 1, 1)
    assert heating("natural_gas").eligible is False


def test_batch_is_one_vectorised_call_per_month(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = rules.simulation.simulate

    def counting(requests, period):  # type: ignore[no-untyped-def]
        calls.append(len(requests))
        return original(requests, period)

    monkeypatch.setattr(rules.simulation, "simulate", counting)
    situations = ["alone", "cohabiting", "with_dependent_children"]
    requests = [
        rules.EligibilityRequest(
            on=ON,
            person=_person(income=i % 7 * 100),
            household=rules.HouseholdAnswers(situation=situations[i % 3]),
        )
        for i in range(200)
    ]
    results = explained.evaluate_batch(requests)
    assert calls == [200]
    assert len(results) == 200
    assert results[0].aid("ris").amount.value == _ris("alone").amount.value  # type: ignore[union-attr]
    assert results[1].aid("ris").amount.value == Decimal(
        "789.05"
    )  # (10 513,60 - (1 200 - 155)) / 12


def test_reference_amounts() -> None:
    ref = rules.reference_amount("ris.amount.cat2.monthly", ON)
    assert ref is not None
    assert (ref.value, ref.unit, ref.period, ref.applies_from) == (
        Decimal("1314.20"),
        "EUR",
        "month",
        date(2025, 2, 1),
    )
    assert ref.reference and ref.source
    premium = rules.reference_amount("installation_premium.amount", ON)
    assert premium is not None and premium.value == Decimal("1776.07")
    assert rules.reference_amount("ris.amount.cat2.yearly", date(2024, 6, 1)) is None
    assert rules.reference_amount("ris.amount.cat2.monthly", date(2020, 1, 1)) is None
    with pytest.raises(KeyError):
        rules.reference_amount("ris.amount.cat9.monthly", ON)


REQUIRED_KEYS = [
    "ris.amount.cat1.monthly",
    "ris.amount.cat2.monthly",
    "ris.amount.cat3.monthly",
    "ris.amount.cat1.yearly",
    "ris.amount.cat2.yearly",
    "ris.amount.cat3.yearly",
    "ris.exemption.general.cat1",
    "ris.exemption.general.cat2",
    "ris.exemption.general.cat3",
    "ris.exemption.socio_professional.monthly",
    "heating_allowance.income_ceiling.base",
    "heating_allowance.income_ceiling.per_dependant",
    "heating_allowance.dependant_income_limit",
    "heating_allowance.max_litres",
    "heating_allowance.max_amount",
    "heating_allowance.pump_flat_rate",
    "installation_premium.amount",
    "bim.income_ceiling.base",
    "bim.income_ceiling.per_extra_person",
    "bim.income_ceiling.one_month.base",
    "bim.income_ceiling.one_month.per_extra_person",
    "grapa.age",
]


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_every_key_of_the_content_sheets_resolves(key: str) -> None:
    found = rules.reference_amount(key, ON)
    assert found is not None and found.value > 0 and found.applies_from <= ON


def test_api_answers_in_the_request_language(client: TestClient) -> None:
    """The documented example, asked in Dutch for someone who lives with others."""
    body = {**ALONE_NO_INCOME, "lang": "nl", "household": {"situation": "cohabiting"}}
    response = client.post("/api/eligibility", json=body)
    assert response.status_code == 200
    ris = next(a for a in response.json()["aids"] if a["aid"] == "ris")
    assert ris["eligible"] is True
    assert ris["amount"]["value"] == 876.13
    assert ris["amount"]["applies_from"] == "2025-02-01"
    assert "876,13" in ris["amount"]["text"] and "februari" in ris["amount"]["text"]
    assert "OCMW" in ris["disclaimer"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"lang": "fr", "person": {"age": -3}}, "person.age"),
        ({"lang": "nl", "person": {"monthly_net_income": "abc"}}, "person.monthly_net_income"),
        ({"lang": "fr", "person": {"residence_status": "martian"}}, "person.residence_status"),
    ],
)
def test_api_rejects_bad_input_clearly(client: TestClient, body: dict, field: str) -> None:
    response = client.post("/api/eligibility", json=body)
    assert response.status_code == 422
    message = response.json()["error"]["message"]
    assert field in message
    assert ("Le champ" in message) if body["lang"] == "fr" else ("Het veld" in message)


def _msgids() -> list[str]:
    found = list(texts.REASONS.values())
    found += [v for k, v in vars(texts).items() if k.isupper() and isinstance(v, str)]
    return found


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_catalogs_are_complete(lang: str) -> None:
    t = translator(lang)
    missing = [m for m in _msgids() if not t.has(m)]
    assert missing == []


def test_openfisca_yaml_tests_pass() -> None:
    openfisca = Path(sys.executable).with_name("openfisca")
    result = subprocess.run(
        [str(openfisca), "test", "--country-package", "aidguide.rules", "src/aidguide/rules/tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
