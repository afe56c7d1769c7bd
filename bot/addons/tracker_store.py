"""An in-memory tracker store that forgets: conversations expire, and texts never stay.

Why: the assistant must keep no personal data. Rasa's default in-memory store keeps every
conversation, with every message, for as long as the process lives. This store
- drops a conversation once it has been idle longer than ``expire_after_seconds``;
- redacts what the user typed (and what the bot answered, which may quote it) as soon as a
  turn is saved: intents and entity names stay, because the dialogue policies use them;
- keeps, for the slots listed in ``private_slots``, only the current value: earlier values
  of those slots are blanked in the event history (such slots must not influence the
  conversation, so the history of their values is never featurised).

Configure it in endpoints.yml:
    tracker_store:
      type: addons.tracker_store.ExpiringInMemoryTrackerStore
      expire_after_seconds: 1800
      private_slots: [age, monthly_income]
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

REDACTED = ""
_SWEEP_EVERY_SECONDS = 30.0


def redact_dialogue(dialogue: dict[str, Any], private_slots: Iterable[str]) -> dict[str, Any]:
    """Return the serialised dialogue with user and bot texts and old private values removed."""
    private = set(private_slots)
    events: list[dict[str, Any]] = dialogue.get("events") or []
    last_index_of_slot: dict[str, int] = {}
    for index, event in enumerate(events):
        if event.get("event") == "slot" and event.get("name") in private:
            last_index_of_slot[event["name"]] = index

    for index, event in enumerate(events):
        kind = event.get("event")
        if kind == "user":
            event["text"] = REDACTED
            event["metadata"] = {}
            parse_data = event.get("parse_data") or {}
            parse_data["text"] = REDACTED
            parse_data["metadata"] = {}
            for entity in parse_data.get("entities") or []:
                _redact_entity(entity)
            for entity in event.get("entities") or []:
                _redact_entity(entity)
        elif kind == "bot":
            event["text"] = REDACTED
            event["data"] = {}
            event["metadata"] = {}
        elif (
            kind == "slot"
            and event.get("name") in private
            and index != last_index_of_slot[event["name"]]
        ):
            event["value"] = None
    return dialogue


def _redact_entity(entity: dict[str, Any]) -> None:
    entity["value"] = REDACTED
    entity.pop("text", None)
    entity.pop("additional_info", None)


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    """In-memory tracker store with idle expiry and redaction of typed texts."""

    def __init__(
        self,
        domain: Domain,
        event_broker: EventBroker | None = None,
        expire_after_seconds: float = 1800,
        private_slots: list[str] | None = None,
        **kwargs: dict[str, Any],
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.expire_after_seconds = float(expire_after_seconds)
        self.private_slots = list(private_slots or [])
        self._last_activity: dict[str, float] = {}
        self._last_sweep = time.monotonic()

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        dialogue = redact_dialogue(tracker.as_dialogue().as_dict(), self.private_slots)
        self.store[tracker.sender_id] = json.dumps(dialogue)
        self._last_activity[tracker.sender_id] = time.monotonic()
        self._sweep()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        self._expire(sender_id)
        return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, sender_id: str) -> DialogueStateTracker | None:
        self._expire(sender_id)
        return await super().retrieve_full_tracker(sender_id)

    async def keys(self) -> Iterable[str]:
        self._sweep(force=True)
        return list(self.store.keys())

    def _is_expired(self, sender_id: str, now: float) -> bool:
        last = self._last_activity.get(sender_id)
        return last is not None and now - last > self.expire_after_seconds

    def _expire(self, sender_id: str) -> None:
        if self._is_expired(sender_id, time.monotonic()):
            self._forget(sender_id)

    def _forget(self, sender_id: str) -> None:
        self.store.pop(sender_id, None)
        self._last_activity.pop(sender_id, None)
        logger.debug("forgot an expired conversation")

    def _sweep(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_sweep < _SWEEP_EVERY_SECONDS:
            return
        self._last_sweep = now
        for sender_id in [s for s in self._last_activity if self._is_expired(s, now)]:
            self._forget(sender_id)
