"""Small helpers every action uses: the conversation's language and the last user event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rasa_sdk import Tracker

from aidguide.i18n import normalize_language


def conversation_language(tracker: Tracker) -> str:
    """The language to answer in (the `language` slot, French by default)."""
    return normalize_language(tracker.get_slot("language"))


def user_events_newest_first(tracker: Tracker) -> Iterator[dict[str, Any]]:
    """The user's messages of the conversation, the current one first."""
    return (event for event in reversed(tracker.events) if event.get("event") == "user")


def last_user_event(tracker: Tracker) -> dict[str, Any]:
    return next(user_events_newest_first(tracker), {})


def last_user_metadata(tracker: Tracker) -> dict[str, Any]:
    """Metadata the gateway sent with the current message (e.g. the client's language)."""
    metadata = last_user_event(tracker).get("metadata") or {}
    return metadata if isinstance(metadata, dict) else {}


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def entity_values(tracker: Tracker, entity: str) -> list[str]:
    return [
        str(e.get("value"))
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == entity and e.get("value") not in (None, "")
    ]
