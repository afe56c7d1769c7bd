"""An aid name the product does not know (typed, or forged into a button payload) never makes
an action raise: the person is asked which aid, with buttons."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.aids import ActionAnswerAid, ActionAnswerAidTopic
from actions.eligibility import ActionEligibilityIntro
from actions.fallback import ActionDefaultAskAffirmation
from aidguide.content import AID_IDS

from .conftest import action_tracker, run_sync

#: What the entity extractor (or a hand-typed payload) may hand over as an aid.
UNKNOWN_AIDS = ["intégration", "X-premie", "Zorglub 85.07.30-033.28 zorglub@example.be", "ris\n"]


def run(action: Any, language: str, intent: str, aid: str, slots: dict[str, Any] | None = None):
    message = {
        "intent": {"name": intent, "confidence": 0.95},
        "entities": [{"entity": "aid", "value": aid}],
        "intent_ranking": [{"name": intent, "confidence": 0.95}],
        "text": "...",
    }
    events = [{"event": "user", "text": "...", "parse_data": message}]
    tracker = action_tracker({"language": language, **(slots or {})}, message, events)
    dispatcher = CollectingDispatcher()
    returned = run_sync(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, returned


def assert_asks_which_aid(messages: list[dict[str, Any]]) -> None:
    asked = [m for m in messages if m.get("response") == "utter_which_aid"]
    assert asked, messages
    payloads = [b["payload"] for b in asked[0]["buttons"]]
    assert payloads and all(any(aid in p for aid in AID_IDS) for p in payloads)


@pytest.mark.parametrize("language", ["fr", "nl"])
@pytest.mark.parametrize("aid", UNKNOWN_AIDS)
def test_answer_aid_asks_which_aid(language: str, aid: str) -> None:
    messages, returned = run(ActionAnswerAid(), language, "check_eligibility", aid)
    assert_asks_which_aid(messages)
    assert not any(e.get("name") == "aid" for e in returned)


@pytest.mark.parametrize("language", ["fr", "nl"])
@pytest.mark.parametrize("aid", UNKNOWN_AIDS)
def test_topic_question_asks_which_aid(language: str, aid: str) -> None:
    messages, _ = run(ActionAnswerAidTopic(), language, "ask_documents", aid)
    assert_asks_which_aid(messages)


@pytest.mark.parametrize("language", ["fr", "nl"])
@pytest.mark.parametrize("aid", UNKNOWN_AIDS)
def test_eligibility_with_an_unknown_aid_asks_which_one(language: str, aid: str) -> None:
    messages, returned = run(ActionEligibilityIntro(), language, "check_eligibility", aid)
    assert_asks_which_aid(messages)
    payloads = [b["payload"] for m in messages for b in m.get("buttons", [])]
    assert all(p.startswith("/check_eligibility") for p in payloads), payloads
    assert not any(e.get("name") in ("aid", "elig_aid") for e in returned)


@pytest.mark.parametrize("aid", UNKNOWN_AIDS)
def test_fallback_with_an_unknown_aid_does_not_raise(aid: str) -> None:
    messages, _ = run(ActionDefaultAskAffirmation(), "fr", "check_eligibility", aid)
    assert messages


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_an_unknown_aid_in_the_slot_is_not_shown(language: str) -> None:
    messages, _ = run(ActionAnswerAid(), language, "ask_documents", "", {"aid": "zorglub"})
    assert_asks_which_aid(messages)
