"""What of a conversation may be kept: events without texts, private slots without history.

Why: the assistant keeps no personal data, yet Rasa's dialogue policies need the events of
the conversation (intents, actions, slots). So every event is stored redacted: what the user
typed and what the bot answered (which may quote it) are removed, intents and entity names
stay. For the slots listed in ``private_slots`` only the current value is kept: earlier values
are blanked (such slots do not influence the conversation, so their history is never
featurised).

The work is incremental: a save redacts and serialises only the events new since the last
save, so its cost does not grow with the length of the conversation (see
bench/tracker_save.py). :func:`plan_save` decides what to append and what to blank; the
stores in :mod:`addons.tracker_store` only apply the plan to their storage.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasa.shared.core.events import Event

REDACTED = ""


def redact_event(event: dict[str, Any]) -> dict[str, Any]:
    """The serialised event without what the user typed or the bot said (changed in place)."""
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
    return event


def _redact_entity(entity: dict[str, Any]) -> None:
    entity["value"] = REDACTED
    entity.pop("text", None)
    entity.pop("additional_info", None)


def serialise(event: Event) -> str:
    """One event as the stores keep it: redacted JSON."""
    return json.dumps(redact_event(event.as_dict()))


def blank_value(serialised_slot_event: str) -> str:
    """A stored slot event with its value removed."""
    event = json.loads(serialised_slot_event)
    event["value"] = None
    return json.dumps(event)


def _private_slot(event: dict[str, Any], private_slots: Collection[str]) -> str | None:
    if event.get("event") == "slot" and event.get("name") in private_slots:
        return str(event["name"])
    return None


@dataclass
class SavePlan:
    """How to bring a stored conversation up to date with a tracker."""

    #: True: replace everything stored by ``items`` (the tracker does not continue it).
    rewrite: bool
    #: Serialised events to append (or to store, when ``rewrite``).
    items: list[str]
    #: Stored positions of private slot events whose value is now blanked.
    blank_positions: list[int] = field(default_factory=list)
    #: For every private slot: the stored position of the event holding its current value.
    positions: dict[str, int] = field(default_factory=dict)


def _new_events(events: Iterable[Event], stored_last: str | None) -> list[Event] | None:
    """The events after the last stored one; None when the tracker does not continue the
    stored conversation (the app replaced its events, or it was forgotten meanwhile)."""
    if stored_last is None:
        return list(events)
    timestamp = json.loads(stored_last).get("timestamp")
    # The last stored event is near the end: walk back from there, never through the history.
    newer: list[Event] = []
    for event in reversed(events):  # type: ignore[call-overload]
        if event.timestamp < timestamp:
            return None
        if event.timestamp == timestamp and serialise(event) == stored_last:
            newer.reverse()
            return newer
        newer.append(event)
    return None


def plan_save(
    events: Sequence[Event],
    stored_length: int,
    stored_last: str | None,
    positions: dict[str, int],
    private_slots: Collection[str],
) -> SavePlan:
    """What to write so that the store holds ``events``, redacted, after ``stored_length``
    events of which the last is ``stored_last`` and whose private slots are at ``positions``.
    """
    new = _new_events(events, stored_last)
    rewrite = new is None
    if rewrite:
        new, stored_length, positions = list(events), 0, {}
    plan = SavePlan(rewrite=rewrite, items=[], positions=dict(positions))
    batch: list[dict[str, Any]] = []
    for offset, event in enumerate(new or []):
        data = redact_event(event.as_dict())
        slot = _private_slot(data, private_slots)
        if slot is not None:
            previous = plan.positions.get(slot)
            if previous is not None and previous >= stored_length:
                batch[previous - stored_length]["value"] = None
            elif previous is not None:
                plan.blank_positions.append(previous)
            plan.positions[slot] = stored_length + offset
        batch.append(data)
    plan.items = [json.dumps(data) for data in batch]
    return plan
