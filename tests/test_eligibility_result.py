"""From the form's slots to the rules engine and back to messages (no Rasa needed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility_result import build_request, render
from aidguide.answers.parsing import UNKNOWN
from aidguide.content import get_sheet
from aidguide.directory import load_directory
from aidguide.i18n import format_date, format_money
from aidguide.rules import reference_amount

from .conftest import action_tracker, run_sync

ON = date(2026, 11, 29)
SINGLE_NO_INCOME = {
    "elig_aid": "ris",
    "elig_age": 45,
    "elig_residence_status": "belgian",
    "elig_lives_in_belgium": True,
    "elig_household": "alone",
    "elig_income": "0",
    "elig_available_for_work": True,
    "elig_location": "21001",
}


def text(messages: list[dict]) -> str:
    """Every text, and the values given to domain responses (such as a centre's name)."""
    return "\n".join(str(value) for m in messages for key, value in m.items() if key != "buttons")


def test_unknown_answers_stay_unknown_never_guessed() -> None:
    request = build_request(
        {
            "elig_age": UNKNOWN,
            "elig_income": UNKNOWN,
            "elig_household": UNKNOWN,
            "elig_lives_in_belgium": UNKNOWN,
            "elig_dependants": "0",
            "elig_price": "1.10",
            "elig_fuel": "heating_oil_bulk",
        },
        "nl",
        ON,
    )
    assert request.person.age is None
    assert request.person.monthly_net_income is None
    assert request.household.situation is None
    assert request.person.lives_in_belgium is None
    assert request.household.dependants == 0
    assert request.heating.price_per_litre == pytest.approx(1.10)
    assert request.lang == "nl" and request.on == ON


def test_values_outside_the_engines_vocabulary_are_ignored() -> None:
    request = build_request(
        {"elig_residence_status": "martian", "elig_income": "-5", "elig_fuel": "plutonium"},
        "fr",
        ON,
    )
    assert request.person.residence_status is None
    assert request.person.monthly_net_income is None
    assert request.heating.fuel is None


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_single_without_income_gets_the_full_amount_and_the_cpas(lang: str) -> None:
    messages = render(SINGLE_NO_INCOME, lang, ON)
    said = text(messages)
    amount = reference_amount("ris.amount.cat2.monthly", ON)
    assert amount is not None
    assert format_money(amount.value, lang) in said
    assert format_date(amount.applies_from, lang) in said
    centre = load_directory().by_nis("21001")
    assert centre is not None and centre.centre_name_for(lang) in said
    assert {"fr": "Le CPAS décide", "nl": "Het OCMW beslist"}[lang] in said
    assert {"fr": "30 jours", "nl": "30 dagen"}[lang] in said
    assert {"fr": "3 mois", "nl": "3 maanden"}[lang] in said
    assert "Leefloonwet" in said or "26 mai 2002" in said  # the legal basis


COMPUTED_LABEL = {"fr": "calculé, pas publié", "nl": "berekend, niet gepubliceerd"}
INDEXATION_2026 = {
    "fr": "l'indexation de 2 % du 1er mars 2026",
    "nl": "de indexering van 2 % van 1 maart 2026",
}


class _June2026(date):
    @classmethod
    def today(cls) -> date:
        return date(2026, 6, 1)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_action_labels_an_amount_after_march_2026_as_computed(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """June 2026: the amount of 1 February 2025 + 2 %, said to be computed, with its basis."""
    from actions import eligibility as action_module

    monkeypatch.setattr(action_module, "date", _June2026)
    dispatcher = CollectingDispatcher()
    tracker = action_tracker({**SINGLE_NO_INCOME, "language": lang})
    run_sync(action_module.ActionEligibilityResult().run(dispatcher, tracker, {}))
    said = text(dispatcher.messages)
    assert f"≈ {format_money(Decimal('1340.48'), lang)}" in said
    assert COMPUTED_LABEL[lang] in said
    assert INDEXATION_2026[lang] in said
    assert format_date(date(2025, 2, 1), lang) in said  # the published basis
    assert {"fr": "octobre", "nl": "oktober"}[lang] not in said  # no forecast before October


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_after_october_2026_the_forecast_indexation_is_said_unconfirmed(lang: str) -> None:
    said = text(render(SINGLE_NO_INCOME, lang, ON))
    assert COMPUTED_LABEL[lang] in said
    assert format_date(date(2026, 10, 1), lang) in said
    assert {"fr": "pas confirmée", "nl": "niet bevestigd"}[lang] in said


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_published_amount_is_not_labelled_computed(lang: str) -> None:
    said = text(render(SINGLE_NO_INCOME, lang, date(2023, 8, 15)))
    assert format_money(Decimal("1263.17"), lang) in said
    assert COMPUTED_LABEL[lang] not in said and "≈" not in said


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_without_legal_stay_the_route_is_urgent_medical_aid(lang: str) -> None:
    slots = {"elig_aid": "ris", "elig_age": 30, "elig_residence_status": "no_legal_stay"}
    said = text(render({**slots, "elig_location": UNKNOWN}, lang, ON))
    names = {
        aid: get_sheet(aid).title(lang) for aid in ("ris", "equivalent_aid", "urgent_medical_aid")
    }
    assert said.startswith(names["urgent_medical_aid"])
    assert names["ris"] not in said and names["equivalent_aid"] not in said


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_unknown_place_offers_to_find_the_cpas(lang: str) -> None:
    messages = render({**SINGLE_NO_INCOME, "elig_location": UNKNOWN}, lang, ON)
    payloads = [b["payload"] for m in messages for b in m.get("buttons", [])]
    assert "/find_cpas" in payloads


def test_everything_check_with_nothing_known_says_the_cpas_looks() -> None:
    messages = render({"elig_aid": "all"}, "fr", ON)
    said = text(messages)
    assert "Le CPAS décide" in said
    assert all(isinstance(m.get("text"), str) and m["text"] for m in messages)


def test_an_engine_failure_still_answers_without_logging_answers(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from actions import eligibility_result
    from actions.eligibility import ActionEligibilityResult

    def broken(slots: dict, language: str, on: date) -> list[dict]:
        raise ValueError(f"cannot compute {slots['elig_income']}")

    monkeypatch.setattr(eligibility_result, "render", broken)
    tracker = action_tracker({**SINGLE_NO_INCOME, "elig_income": "4321.87"})
    dispatcher = CollectingDispatcher()
    run_sync(ActionEligibilityResult().run(dispatcher, tracker, {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_eligibility_unavailable"]
    assert "ValueError" in caplog.text and "4321" not in caplog.text
