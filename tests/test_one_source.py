"""Each list is written once; what cannot import it (the Rasa domain and endpoints, YAML) or
holds its own words per value (keyword tables, labels) must name exactly its values.

The sources: the rules engine's enumerations (aidguide.rules.enums, read through
aidguide.rules.models) for the answers' choices, the aid sheets (aidguide.content.AID_IDS)
for aids, and the question plan (aidguide.eligibility.plan) for the questions and the checks.
Each test fails naming what one side has and the other lacks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.aids import _NOT_ABOUT_ONE_AID, _TOPIC_OF_INTENT
from actions.eligibility import (
    _AID_KEYWORDS,
    CHOICES,
    EXAMPLES,
    PLACE_SLOTS,
    READERS,
    YES_NO_QUESTIONS,
    ValidateEligibilityForm,
)
from actions.fallback import INTENT_LABELS
from aidguide.answers.parsing import (
    FUEL_KEYWORDS,
    HOUSEHOLD_KEYWORDS,
    RESIDENCE_STATUS_KEYWORDS,
    WORK_EXEMPTION_KEYWORDS,
)
from aidguide.content import AID_IDS, load_sheets
from aidguide.eligibility import evaluate
from aidguide.eligibility.plan import CHECK_OF_AID, CHECKS, QUESTIONS
from aidguide.pro.form import CHOICE_LABELS
from aidguide.rules import AIDS, EligibilityRequest
from aidguide.rules.models import FUELS, RESIDENCE_STATUSES, SITUATIONS, WORK_EXEMPTIONS

BOT = Path(__file__).resolve().parents[1] / "bot"


def differ(what: str, actual: Iterable[str], expected: Iterable[str]) -> str:
    """'' when both hold the same values; otherwise which values one lacks."""
    actual, expected = list(actual), list(expected)
    missing = [v for v in expected if v not in actual]
    extra = [v for v in actual if v not in expected]
    if not missing and not extra:
        return ""
    return f"{what}: missing {missing}, not in the source {extra}"


def assert_same(what: str, actual: Iterable[str], expected: Iterable[str]) -> None:
    problem = differ(what, actual, expected)
    assert not problem, problem


def assert_within(what: str, actual: Iterable[str], allowed: Collection[str]) -> None:
    unknown = [v for v in actual if v not in allowed]
    assert not unknown, f"{what}: values not in the source {unknown}"


@cache
def domain() -> dict[str, Any]:
    """The bot's domain files merged as Rasa merges them (sections joined)."""
    merged: dict[str, Any] = {"intents": [], "slots": {}, "forms": {}, "responses": {}}
    for path in sorted((BOT / "domain").glob("*.yml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8"))
        merged["intents"] += [i if isinstance(i, str) else next(iter(i)) for i in part["intents"]]
        for key in ("slots", "forms", "responses"):
            merged[key].update(part.get(key) or {})
    return merged


def button_values(response: str, entity: str) -> list[str]:
    """The entity values the buttons of a domain response carry (``/intent{"x": "v"}``)."""
    values = []
    for variant in domain()["responses"][response]:
        for button in variant.get("buttons") or []:
            found = re.match(r"^/\w+(\{.*\})?$", button["payload"])
            entities = json.loads(found.group(1)) if found and found.group(1) else {}
            if entity in entities:
                values.append(entities[entity])
    return values


# --- the answers' choices: the rules engine's enumerations ---------------------------------

ENUM_CHOICES = {
    "residence_status": RESIDENCE_STATUSES,
    "situation": SITUATIONS,
    "work_exemption": WORK_EXEMPTIONS,
    "fuel": FUELS,
}
QUESTION_OF = {
    "residence_status": "elig_residence_status",
    "situation": "elig_household",
    "work_exemption": "elig_work_exemption",
    "fuel": "elig_fuel",
}
KEYWORDS = {
    "residence_status": RESIDENCE_STATUS_KEYWORDS,
    "situation": HOUSEHOLD_KEYWORDS,
    "work_exemption": WORK_EXEMPTION_KEYWORDS,
    "fuel": FUEL_KEYWORDS,
}


@pytest.mark.parametrize("field", ENUM_CHOICES)
def test_the_worker_form_labels_each_choice_of_the_engine(field: str) -> None:
    assert_same(f"pro/form.py CHOICE_LABELS[{field!r}]", CHOICE_LABELS[field], ENUM_CHOICES[field])


@pytest.mark.parametrize("field", ENUM_CHOICES)
def test_the_conversation_takes_the_engine_s_choices(field: str) -> None:
    question = QUESTION_OF[field]
    assert CHOICES[question] == ENUM_CHOICES[field]
    assert_within(f"answers/parsing.py keywords of {field}", KEYWORDS[field], ENUM_CHOICES[field])
    # A button stands for one choice (natural gas for "gas or electricity": both uncovered).
    assert_within(
        f"bot/domain buttons of utter_ask_{question}",
        button_values(f"utter_ask_{question}", "choice"),
        ENUM_CHOICES[field],
    )


def test_the_api_accepts_exactly_the_engine_s_choices() -> None:
    from aidguide.api.eligibility import HeatingIn, HouseholdIn, PersonIn

    def enum_of(model: Any, name: str) -> list[str]:
        schema = model.model_json_schema()["properties"][name]
        return next(option["enum"] for option in schema["anyOf"] if "enum" in option)

    assert_same("API residence_status", enum_of(PersonIn, "residence_status"), RESIDENCE_STATUSES)
    assert_same("API work_exemption", enum_of(PersonIn, "work_exemption"), WORK_EXEMPTIONS)
    assert_same("API situation", enum_of(HouseholdIn, "situation"), SITUATIONS)
    assert_same("API fuel", enum_of(HeatingIn, "fuel"), FUELS)


# --- the questions: the question plan ------------------------------------------------------


def test_the_domain_declares_each_question_as_a_slot_of_the_form() -> None:
    slots = [s for s in domain()["slots"] if s.startswith("elig_")]
    assert_same("bot/domain elig_* slots", slots, QUESTIONS)
    form = domain()["forms"]["eligibility_form"]["required_slots"]
    assert_same("bot/domain eligibility_form.required_slots", form, QUESTIONS)
    asked = [r.removeprefix("utter_ask_") for r in domain()["responses"] if "_ask_elig_" in r]
    assert_same("bot/domain utter_ask_elig_* responses", asked, QUESTIONS)


def test_the_tracker_store_keeps_no_answer_of_any_question() -> None:
    endpoints = yaml.safe_load((BOT / "endpoints.yml").read_text(encoding="utf-8"))
    private = endpoints["tracker_store"]["private_slots"]
    assert_same("bot/endpoints.yml private_slots", private, [*QUESTIONS, *PLACE_SLOTS])


def test_every_question_has_a_reader_and_an_example() -> None:
    form = ValidateEligibilityForm()
    without = [q for q in QUESTIONS if not callable(getattr(form, f"validate_{q}", None))]
    assert not without, f"questions without a validator: {without}"
    assert_same("actions/eligibility.py EXAMPLES", EXAMPLES, QUESTIONS)
    assert_within("actions/eligibility.py READERS", READERS, QUESTIONS)
    assert_within("actions/eligibility.py YES_NO_QUESTIONS", YES_NO_QUESTIONS, QUESTIONS)


# --- the checks and the aids: the plan and the sheets --------------------------------------


def test_the_checks_offered_are_the_plan_s() -> None:
    assert_same(
        "bot/domain buttons of utter_ask_elig_aid",
        button_values("utter_ask_elig_aid", "choice"),
        CHECKS,
    )
    assert_same("actions/eligibility.py _AID_KEYWORDS", _AID_KEYWORDS, CHECKS)


def test_each_aid_the_engine_answers_for_has_a_sheet_and_a_result() -> None:
    assert_within("rules.AIDS", AIDS, AID_IDS)
    assert_within("aids shown by the checks", CHECK_OF_AID, AIDS)
    result = evaluate(EligibilityRequest(on=date(2026, 12, 2)))
    assert_same("aids in an eligibility result", [a.aid for a in result.aids], AIDS)


def test_the_domain_knows_each_aid_of_the_sheets() -> None:
    assert_same("content/aids/*.yml", list(load_sheets()), AID_IDS)
    assert_same("bot/domain slot aid values", domain()["slots"]["aid"]["values"], AID_IDS)
    about_one_aid = [
        i.removeprefix("ask_")
        for i in domain()["intents"]
        if i.startswith("ask_") and i not in _NOT_ABOUT_ONE_AID
    ]
    assert_same("bot/domain ask_<aid> intents", about_one_aid, AID_IDS)


def test_each_aid_question_is_answered_by_its_sheet() -> None:
    rules = yaml.safe_load((BOT / "data" / "aids_rules.yml").read_text(encoding="utf-8"))
    answered = [
        rule["steps"][0]["intent"].removeprefix("ask_")
        for rule in rules["rules"]
        if rule["steps"][0].get("intent", "").startswith("ask_")
        and rule["steps"][1].get("action") == "action_answer_aid"
    ]
    assert_same("bot/data/aids_rules.yml rules to action_answer_aid", answered, AID_IDS)


def test_intent_labels_name_no_aid() -> None:
    """An aid's button is labelled with its sheet's name, never with a second copy."""
    aid_intents = [i for i in INTENT_LABELS if i.removeprefix("ask_") in AID_IDS]
    assert not aid_intents, f"actions/fallback.py INTENT_LABELS repeats sheet names: {aid_intents}"
    assert_within("actions/aids.py topic intents", _TOPIC_OF_INTENT, INTENT_LABELS)
