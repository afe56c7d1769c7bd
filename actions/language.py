"""The `language` slot, decided after every user message (custom slot mapping)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from aidguide.directory import load_directory
from aidguide.i18n import SUPPORTED_LANGUAGES, normalize_language
from aidguide.i18n.detect import choose_language

from .common import entity_values, last_user_metadata, latest_intent

_TOGGLE = {"fr": "nl", "nl": "fr"}


class ValidateSlotMappings(ValidationAction):
    """Runs at the end of action_extract_slots, so on every user turn."""

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return ["language"]

    async def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        current = tracker.get_slot("language")
        hint = normalize_language(last_user_metadata(tracker).get("lang"), default="") or None
        text = tracker.latest_message.get("text") or ""
        requested = None
        if latest_intent(tracker) == "change_language":
            asked = [v for v in entity_values(tracker, "language") if v in SUPPORTED_LANGUAGES]
            if asked:
                requested = asked[-1]
            elif current in _TOGGLE and choose_language(current, hint, text) == current:
                requested = _TOGGLE[current]  # "can we switch language?" without naming one
        if text.startswith("/") or load_directory().is_place_name(text):
            text = ""  # a button payload or a bare place name says nothing about the language
        return {"language": choose_language(current, hint, text, requested)}

    async def validate_language(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"language": normalize_language(value)}
