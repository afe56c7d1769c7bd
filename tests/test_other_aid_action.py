""" "And the other one?": the aid is asked (intent ask_other_aid, or a procedure question
about "the other one"), or taken from the message."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.aids import ActionAnswerAidTopic, ActionAskOtherAid
from aidguide.content import topic_text

from .conftest import action_tracker, run_sync


def user(intent: str, entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "event": "user",
        "text": "...",
        "parse_data": {"intent": {"name": intent, "confidence": 0.9}, "entities": entities or []},
    }


def other_aid(
    language: str, slots: dict[str, Any], earlier: list[str], entities: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    current = user("ask_other_aid", entities)
    events = [user(intent) for intent in earlier] + [current]
    tracker = action_tracker({"language": language, **slots}, current["parse_data"], events)
    dispatcher = CollectingDispatcher()
    returned = run_sync(ActionAskOtherAid().run(dispatcher, tracker, {}))
    return dispatcher.messages, returned


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_same_question_is_offered_for_the_other_aids(language: str) -> None:
    messages, returned = other_aid(language, {"aid": "ris"}, ["ask_ris", "ask_appeal"], [])
    (message,) = messages
    assert message["response"] == "utter_which_other_aid"
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads[-1] == "/list_aids"
    assert payloads[:-1] and all(p.startswith('/ask_appeal{"aid": "') for p in payloads[:-1])
    assert not any('"ris"' in p for p in payloads)
    assert returned == []


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_without_an_earlier_question_the_buttons_ask_about_the_aid(language: str) -> None:
    messages, _ = other_aid(language, {"aid": "food_aid"}, ["ask_food_aid"], [])
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert "/ask_ris" in payloads and "/ask_food_aid" not in payloads


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_an_aid_named_in_the_message_is_answered(language: str) -> None:
    named = [{"entity": "aid", "value": "rent_guarantee"}]
    messages, returned = other_aid(language, {"aid": "ris"}, ["ask_ris"], named)
    summary = topic_text("rent_guarantee", "summary", language, date.today())
    assert messages[0]["text"].startswith(summary)
    assert {"event": "slot", "name": "aid", "value": "rent_guarantee"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in returned
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "et l'autre, je la demande où ?"), ("nl", "en die andere, waar vraag ik die aan?")],
)
def test_a_procedure_question_about_the_other_one_asks_which_aid(language: str, text: str) -> None:
    """Read as "how to apply", the message must not answer for the aid under discussion."""
    current = {**user("ask_how_to_apply"), "text": text}
    current["parse_data"]["text"] = text
    tracker = action_tracker(
        {"language": language, "aid": "ris"},
        current["parse_data"],
        [user("ask_ris"), current],
    )
    dispatcher = CollectingDispatcher()
    returned = run_sync(ActionAnswerAidTopic().run(dispatcher, tracker, {}))
    (message,) = dispatcher.messages
    assert message["response"] == "utter_which_other_aid"
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads[:-1] and all(p.startswith('/ask_how_to_apply{"aid": "') for p in payloads[:-1])
    assert not any('"ris"' in p for p in payloads)
    assert returned == []


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "l'autre document aussi, je le demande où ?"), ("nl", "waar vraag ik het aan?")],
)
def test_a_procedure_question_without_the_other_one_answers_for_the_aid(
    language: str, text: str
) -> None:
    current = {**user("ask_how_to_apply"), "text": text}
    current["parse_data"]["text"] = text
    tracker = action_tracker(
        {"language": language, "aid": "ris"}, current["parse_data"], [user("ask_ris"), current]
    )
    dispatcher = CollectingDispatcher()
    returned = run_sync(ActionAnswerAidTopic().run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["text"] == topic_text(
        "ris", "how_to_apply", language, date.today()
    )
    assert {"event": "slot", "name": "aid", "value": "ris"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in returned
    ]
