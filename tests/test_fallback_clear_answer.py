"""When the model hesitates between two questions that get the same answer, the person gets
that answer, not a "did you mean ...?" (actions/fallback.py)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionDefaultAskAffirmation, intent_with_clear_answer

from .conftest import action_tracker, run_sync

THRESHOLD = 0.45


def ranking(*scored: tuple[str, float]) -> list[dict[str, Any]]:
    return [{"name": name, "confidence": confidence} for name, confidence in scored]


@pytest.mark.parametrize(
    ("scored", "named", "expected"),
    [
        # the engine does not check pocket money: both show its sheet
        (
            (("ask_pocket_money", 0.50), ("check_eligibility", 0.48)),
            ["pocket_money"],
            "ask_pocket_money",
        ),
        (
            (("check_eligibility", 0.40), ("ask_rent_guarantee", 0.38)),
            ["rent_guarantee"],
            "check_eligibility",
        ),
        # the fallback's own entry in the ranking is not an intent of the person
        (
            (("nlu_fallback", 0.45), ("ask_food_aid", 0.3), ("check_eligibility", 0.29)),
            ["food_aid"],
            "ask_food_aid",
        ),
    ],
)
def test_two_intents_with_one_sheet_get_it(
    scored: tuple[tuple[str, float], ...], named: list[str], expected: str
) -> None:
    assert intent_with_clear_answer(ranking(*scored), named, THRESHOLD) == expected


@pytest.mark.parametrize(
    ("scored", "named"),
    [
        # the heating allowance is checked: "am I entitled?" asks questions, not the sheet
        ((("ask_heating_allowance", 0.5), ("check_eligibility", 0.48)), ["heating_allowance"]),
        # entitled to another aid than the one asked about
        ((("ask_pocket_money", 0.5), ("check_eligibility", 0.48)), ["rent_guarantee"]),
        # "am I entitled?" without an aid asks which one
        ((("ask_pocket_money", 0.5), ("check_eligibility", 0.48)), []),
        # two sheets
        ((("ask_ris", 0.5), ("ask_equivalent_aid", 0.48)), []),
        # a procedure question is answered for the aid of the conversation, not this sheet
        ((("ask_documents", 0.5), ("ask_pocket_money", 0.48)), ["pocket_money"]),
        # unsure of the answer too: together under the threshold
        ((("ask_pocket_money", 0.2), ("check_eligibility", 0.2)), ["pocket_money"]),
        # only one intent offered
        ((("ask_pocket_money", 0.4), ("out_of_scope", 0.38)), ["pocket_money"]),
    ],
)
def test_otherwise_the_person_is_asked(
    scored: tuple[tuple[str, float], ...], named: list[str]
) -> None:
    assert intent_with_clear_answer(ranking(*scored), named, THRESHOLD) is None


def test_the_message_is_replaced_with_the_clear_intent_and_its_slots_kept() -> None:
    """The events are those of Rasa's own clarification (undo the message, listen, the same
    message with the chosen intent); the slots set on reading the message are set again."""
    user_event = {
        "event": "user",
        "text": "m'n moeder in het rusthuis, heeft die recht op zakgeld?",
        "input_channel": "rest",
        "metadata": {"lang": "nl"},
    }
    events = [
        {"event": "slot", "name": "language", "value": "fr"},
        {"event": "action", "name": "action_listen"},
        user_event,
        {"event": "slot", "name": "language", "value": "nl"},
    ]
    message = {
        "text": user_event["text"],
        "intent": {"name": "nlu_fallback", "confidence": THRESHOLD},
        "intent_ranking": ranking(
            ("nlu_fallback", THRESHOLD), ("check_eligibility", 0.49), ("ask_pocket_money", 0.47)
        ),
        "entities": [{"entity": "aid", "value": "pocket_money"}],
    }
    dispatcher = CollectingDispatcher()
    tracker = action_tracker({"language": "nl"}, message, events)
    result = run_sync(ActionDefaultAskAffirmation().run(dispatcher, tracker, {}))
    assert dispatcher.messages == []  # the answer comes from the intent's own action
    assert [e["event"] for e in result] == ["rewind", "action", "user", "slot"]
    assert result[1]["name"] == "action_listen"
    clarified = result[2]
    assert clarified["parse_data"]["intent"] == {"name": "check_eligibility", "confidence": 0.49}
    assert clarified["parse_data"]["entities"] == message["entities"]
    assert clarified["text"] == user_event["text"]
    assert (clarified["input_channel"], clarified["metadata"]) == ("rest", {"lang": "nl"})
    # The slot is set again by a new event (no timestamp of its own: Rasa gives it the time
    # now), never a copy that the tracker store would take for the one it holds.
    assert {k: v for k, v in result[3].items() if k != "timestamp"} == events[3]
    assert result[3].get("timestamp") is None


def test_an_unclear_answer_still_asks() -> None:
    message = {
        "text": "argent de poche ou chauffage",
        "intent": {"name": "nlu_fallback", "confidence": THRESHOLD},
        "intent_ranking": ranking(("ask_pocket_money", 0.4), ("ask_heating_allowance", 0.38)),
        "entities": [],
    }
    dispatcher = CollectingDispatcher()
    tracker = action_tracker({"language": "fr"}, message)
    assert run_sync(ActionDefaultAskAffirmation().run(dispatcher, tracker, {})) == []
    (asked,) = dispatcher.messages
    assert asked["response"] == "utter_ask_affirmation"
