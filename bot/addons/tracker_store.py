"""Tracker stores that forget: conversations expire, and texts never stay.

Why: the assistant must keep no personal data. Rasa's stores keep every message for as long
as they live. These keep each event redacted (:mod:`addons.redaction`: no typed or answered
text, only the current value of a private slot) and forget a conversation once it has been
idle for ``expire_after_minutes``. A long session is stored compacted
(:mod:`addons.compaction`): its older turns replaced by the state they left, so that what
Rasa reads, replays and sends per turn stays bounded.

- :class:`ExpiringInMemoryTrackerStore`: one process (``make run``), no Redis.
- :class:`RedactingRedisTrackerStore`: Rasa's ``RedisTrackerStore`` (its connection, key
  prefix and ``record_exp``), so that several Rasa replicas serve the same conversations; the
  TTL of a conversation's keys is the idle expiry, renewed at every save. Redis keeps the
  events as a list, so a save appends only the new ones instead of reading, merging and
  rewriting the whole history as the stock store does.

endpoints.yml names :class:`RedactingTrackerStore`, which is one or the other depending on
``url`` (``${AIDGUIDE_REDIS_URL}``: empty for the embedded default):

    tracker_store:
      type: addons.tracker_store.RedactingTrackerStore
      url: ${AIDGUIDE_REDIS_URL}
      expire_after_minutes: ${AIDGUIDE_SESSION_EXPIRY_MINUTES}
      private_slots: [elig_age, elig_income]
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import (
    DialogueStateTracker,
    get_trackers_for_conversation_sessions,
)

from addons.compaction import compacted_events
from addons.redaction import SavePlan, blank_value, plan_save

logger = logging.getLogger(__name__)

_SWEEP_EVERY_SECONDS = 30.0
#: Seconds Redis may take to answer before a turn fails (and the app shows the helpdesk).
REDIS_TIMEOUT_SECONDS = 2.0


def _dialogue_json(sender_id: str, items: Iterable[str]) -> str:
    """The stored events as the JSON Rasa's ``deserialise_tracker`` reads."""
    return f'{{"name": {json.dumps(sender_id)}, "events": [{", ".join(items)}]}}'


def _last_session(tracker: DialogueStateTracker, all_sessions: bool) -> DialogueStateTracker:
    if all_sessions:
        return tracker
    sessions = get_trackers_for_conversation_sessions(tracker)
    return sessions[-1] if len(sessions) > 1 else tracker


def _plan(
    tracker: DialogueStateTracker,
    domain: Domain,
    stored_length: int,
    stored_last: str | None,
    positions: dict[str, int],
    private_slots: frozenset[str],
) -> SavePlan:
    """What to write for ``tracker``: its new events, or its whole session compacted once it
    is longer than :data:`addons.compaction.MAX_SESSION_EVENTS` (a bounded history, so that
    a turn costs the same at turn 200 as at turn 1)."""
    compacted = compacted_events(tracker, domain.slots)
    if compacted is None:
        return plan_save(tracker.events, stored_length, stored_last, positions, private_slots)
    plan = plan_save(compacted, 0, None, {}, private_slots)
    plan.rewrite = True
    return plan


@dataclass
class _Conversation:
    items: list[str] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)
    last_activity: float = 0.0


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    """In-memory tracker store with idle expiry and redaction of typed texts."""

    def __init__(
        self,
        domain: Domain,
        event_broker: EventBroker | None = None,
        expire_after_minutes: float | str = 30,
        private_slots: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.expire_after_seconds = float(expire_after_minutes) * 60
        self.private_slots = frozenset(private_slots or [])
        self.conversations: dict[str, _Conversation] = {}
        self._last_sweep = time.monotonic()

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        conversation = self.conversations.setdefault(tracker.sender_id, _Conversation())
        items = conversation.items
        plan = _plan(
            tracker,
            self.domain,
            len(items),
            items[-1] if items else None,
            conversation.positions,
            self.private_slots,
        )
        if plan.rewrite:
            items.clear()
        for position in plan.blank_positions:
            items[position] = blank_value(items[position])
        items.extend(plan.items)
        if not items:  # the app replaced its events by none: nothing left to keep
            self._forget(tracker.sender_id)
            return
        conversation.positions = plan.positions
        conversation.last_activity = time.monotonic()
        self._sweep()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._retrieve(sender_id, fetch_all_sessions=False)

    async def retrieve_full_tracker(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._retrieve(sender_id, fetch_all_sessions=True)

    async def _retrieve(
        self, sender_id: str, fetch_all_sessions: bool
    ) -> DialogueStateTracker | None:
        self._expire(sender_id)
        conversation = self.conversations.get(sender_id)
        if conversation is None:
            return None
        tracker = self.deserialise_tracker(sender_id, _dialogue_json(sender_id, conversation.items))
        return _last_session(tracker, fetch_all_sessions) if tracker else None

    async def keys(self) -> Iterable[str]:
        self._sweep(force=True)
        return list(self.conversations)

    def _is_expired(self, sender_id: str, now: float) -> bool:
        conversation = self.conversations.get(sender_id)
        return (
            conversation is not None
            and now - conversation.last_activity > self.expire_after_seconds
        )

    def _expire(self, sender_id: str) -> None:
        if self._is_expired(sender_id, time.monotonic()):
            self._forget(sender_id)

    def _forget(self, sender_id: str) -> None:
        self.conversations.pop(sender_id, None)
        logger.debug("forgot a conversation")

    def _sweep(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_sweep < _SWEEP_EVERY_SECONDS:
            return
        self._last_sweep = now
        for sender_id in [s for s in self.conversations if self._is_expired(s, now)]:
            self._forget(sender_id)


class RedactingRedisTrackerStore(RedisTrackerStore):
    """Rasa's Redis tracker store, keeping redacted events in a list with an idle TTL.

    Per conversation: ``<prefix><id>`` (a list of redacted events) and ``<prefix><id>:slots``
    (a hash: private slot -> position of its current value), both expiring together.
    Two saves of one conversation never race: Rasa's lock store serialises its turns.
    """

    def __init__(
        self,
        domain: Domain,
        url: str,
        event_broker: EventBroker | None = None,
        expire_after_minutes: float | str = 30,
        private_slots: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        import redis

        expiry_seconds = float(expire_after_minutes) * 60
        super().__init__(domain, event_broker=event_broker, record_exp=expiry_seconds, **kwargs)
        # From a URL (redis://, rediss://, with password and db) rather than host/port
        # fields: one setting for the app, Rasa and the lock store.
        self.red = redis.Redis.from_url(
            url,
            decode_responses=True,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
        self.private_slots = frozenset(private_slots or [])

    def _slots_key(self, key: str) -> str:
        return key + ":slots"

    async def save(self, tracker: DialogueStateTracker, timeout: float | None = None) -> None:
        await self.stream_events(tracker)
        key = self.key_prefix + tracker.sender_id
        read = self.red.pipeline(transaction=False)
        read.llen(key).lindex(key, -1).hgetall(self._slots_key(key))
        length, last, positions = read.execute()
        plan = _plan(
            tracker,
            self.domain,
            int(length),
            last,
            {name: int(position) for name, position in positions.items()},
            self.private_slots,
        )
        blanked = self._blanked(key, plan)
        write = self.red.pipeline(transaction=True)
        if plan.rewrite:
            write.delete(key, self._slots_key(key))
        for position, item in blanked.items():
            write.lset(key, position, item)
        if plan.items:
            write.rpush(key, *plan.items)
        if plan.positions:
            write.hset(self._slots_key(key), mapping=plan.positions)
        expiry_ms = math.ceil((timeout or self.record_exp or 0) * 1000)
        if expiry_ms > 0:
            write.pexpire(key, expiry_ms).pexpire(self._slots_key(key), expiry_ms)
        write.execute()

    def _blanked(self, key: str, plan: SavePlan) -> dict[int, str]:
        """The stored private slot events of ``plan.blank_positions``, values removed."""
        if not plan.blank_positions:
            return {}
        read = self.red.pipeline(transaction=False)
        for position in plan.blank_positions:
            read.lindex(key, position)
        stored = read.execute()
        return {
            position: blank_value(item)
            for position, item in zip(plan.blank_positions, stored, strict=True)
            if item is not None
        }

    async def _retrieve(
        self, sender_id: str, fetch_all_sessions: bool
    ) -> DialogueStateTracker | None:
        items = self.red.lrange(self.key_prefix + sender_id, 0, -1)
        if not items:
            return None
        tracker = self.deserialise_tracker(sender_id, _dialogue_json(sender_id, items))
        return _last_session(tracker, fetch_all_sessions) if tracker else None

    async def keys(self) -> Iterable[str]:
        prefix = self.key_prefix
        return [
            key[len(prefix) :]
            for key in self.red.scan_iter(match=prefix + "*")
            if not key.endswith(":slots")
        ]


class RedactingTrackerStore:
    """The store endpoints.yml names: on Redis when ``url`` is set, else in memory.

    Rasa builds a custom store as ``cls(host=url, domain=..., event_broker=..., **kwargs)``;
    this class answers with the right store, so one endpoints.yml serves ``make run`` and a
    scaled deployment alike (``AIDGUIDE_REDIS_URL`` empty or set).
    """

    def __new__(  # type: ignore[misc]
        cls,
        domain: Domain,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        **kwargs: Any,
    ) -> TrackerStore:
        if host:
            return RedactingRedisTrackerStore(domain, host, event_broker, **kwargs)
        return ExpiringInMemoryTrackerStore(domain, event_broker, **kwargs)
