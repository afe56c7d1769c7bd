"""Which aids exist: answers from the vetted aid sheets (content/ via aidguide.content).

The sheets are the only source of what the assistant says about an aid; the amounts in them
come from the rules engine's dated parameters. Until the content service can render a sheet,
the assistant says so and sends the person to the CPAS instead of improvising.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .common import entity_values, latest_intent


def content_available() -> bool:
    try:
        from aidguide import content
    except ImportError:
        return False
    return all(hasattr(content, name) for name in ("render_sheet", "list_overview"))


def aid_in_question(tracker: Tracker) -> str | None:
    """The aid the person means: named in this message, or the one discussed before."""
    intent = latest_intent(tracker) or ""
    if intent.startswith("ask_") and intent not in _TOPIC_INTENTS:
        return intent.removeprefix("ask_")
    named = entity_values(tracker, "aid")
    return named[-1] if named else tracker.get_slot("aid")


_TOPIC_INTENTS = {
    "ask_how_to_apply",
    "ask_documents",
    "ask_decision_time",
    "ask_appeal",
    "ask_privacy",
}


class _AidAction(Action):
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if not content_available():
            dispatcher.utter_message(response="utter_aids_unavailable")
            return []
        return self.answer(dispatcher, tracker)

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
        raise NotImplementedError


class ActionListAids(_AidAction):
    def name(self) -> str:
        return "action_list_aids"


class ActionAnswerAid(_AidAction):
    def name(self) -> str:
        return "action_answer_aid"


class ActionAnswerAidTopic(_AidAction):
    def name(self) -> str:
        return "action_answer_aid_topic"
