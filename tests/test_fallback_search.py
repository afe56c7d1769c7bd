"""The fallback ladder's first rung offers the aids whose sheets match the message."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionDefaultAskAffirmation, matching_aids

from .conftest import action_tracker, run_sync


def unsure_tracker(text: str, language: str, ranking: list[str]) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": "nlu_fallback", "confidence": 0.45},
        "intent_ranking": [
            {"name": name, "confidence": 0.3 - i / 100} for i, name in enumerate(ranking)
        ],
        "entities": [],
    }
    return action_tracker({"language": language}, message)


def offered(text: str, language: str, ranking: list[str]) -> list[str]:
    dispatcher = CollectingDispatcher()
    run_sync(
        ActionDefaultAskAffirmation().run(dispatcher, unsure_tracker(text, language, ranking), {})
    )
    (message,) = dispatcher.messages
    assert message["response"] == "utter_ask_affirmation"
    return [button["payload"] for button in message["buttons"]]


@pytest.mark.parametrize(
    ("language", "text", "aid"),
    [
        ("fr", "je n'arrive plus à payer le mazout cet hiver", "heating_allowance"),
        ("fr", "la garantie pour mon appart", "rent_guarantee"),
        ("nl", "ik heb schulden bij de bank en de deurwaarder komt", "debt_mediation"),
        ("nl", "stookolie te duur deze winter", "heating_allowance"),
    ],
)
def test_matching_sheets_come_first(language: str, text: str, aid: str) -> None:
    payloads = offered(text, language, ["greet", "help"])
    assert payloads[0] == f"/ask_{aid}"
    assert len(payloads) <= 5
    assert payloads[-1] == "/out_of_scope"  # "something else" leads on down the ladder


def test_without_matching_sheet_the_two_best_intents_are_offered() -> None:
    assert offered("qsdkjfh qsdf", "fr", ["affirm", "help", "find_cpas", "greet"]) == [
        "/help",
        "/find_cpas",
        "/out_of_scope",
    ]


def test_an_aid_found_by_both_is_offered_once() -> None:
    payloads = offered("mazout", "fr", ["ask_heating_allowance", "help"])
    assert payloads.count("/ask_heating_allowance") == 1


def test_at_most_three_aids() -> None:
    assert len(matching_aids("aide argent cpas logement énergie", "fr")) <= 3
