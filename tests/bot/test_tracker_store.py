"""The redacting tracker stores (in memory, and on a real redis-server), exercised inside the
real Rasa environment: texts never stay, old private values are blanked, conversations
expire, and a save that appends gives what a save of the whole history would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from aidguide.stack.launcher import free_port
from aidguide.stack.model import bot_dir
from aidguide.stack.redis_server import RedisServer

from .rasa_python import run_in_rasa

SCRIPT = r"""
import asyncio, json, os, time
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered, BotUttered, SlotSet, ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from addons.redaction import plan_save
from addons.tracker_store import RedactingTrackerStore

domain = Domain.from_dict({"slots": {"age": {"type": "any", "influence_conversation": False,
                                              "mappings": [{"type": "custom"}]}}})
SECRETS = ("Quarantecinq", "Trentedeux", "Zorglub", "Jettezz", "45 ans")

def stored_values(store):
    red = getattr(store, "red", None)
    if red is None:
        return json.dumps([c.items for c in store.conversations.values()])
    values = []
    for key in red.scan_iter("*"):
        values += red.lrange(key, 0, -1) if red.type(key) == "list" else red.hvals(key)
    return json.dumps(values)

async def main():
    store = RedactingTrackerStore(domain, host=os.environ.get("REDIS_URL"),
                                  expire_after_minutes="0.02", private_slots=["age"])
    print(type(store).__name__)
    tracker = DialogueStateTracker.from_events("c1", [
        ActionExecuted("action_listen"),
        UserUttered("j'ai 45 ans, mon nom est Zorglub", {"name": "inform", "confidence": 0.9},
                    [{"entity": "place", "value": "Jettezz", "start": 0, "end": 5}],
                    metadata={"lang": "fr"}),
        SlotSet("age", "Quarantecinq"),
        BotUttered("Vous avez Quarantecinq ans"),
    ], domain.slots)
    await store.save(tracker)
    # The next turn, saved on its own: the earlier private value is blanked in the store.
    tracker = await store.retrieve("c1")
    for event in [ActionExecuted("action_listen"),
                  UserUttered("Trentedeux", {"name": "inform", "confidence": 0.8}),
                  SlotSet("age", "Trentedeux"), SlotSet("age", None)]:
        tracker.update(event)
    await store.save(tracker)
    kept = await store.retrieve("c1")
    dumped = json.dumps(kept.current_state(event_verbosity=EventVerbosity.ALL))
    leaked = any(s in dumped or s in stored_values(store) for s in SECRETS)
    print("SECRET_FOUND" if leaked else "REDACTED_OK")
    print("INTENT_KEPT" if kept.latest_message.intent.get("name") == "inform" else "INTENT_LOST")
    whole = plan_save(tracker.events, 0, None, {}, ["age"]).items
    same = [json.dumps(e.as_dict()) for e in kept.events] == whole
    print("INCREMENTAL_EQUALS_WHOLE" if same else "INCREMENTAL_DIFFERS")
    # The app forgets a conversation by replacing its events with none.
    await store.save(DialogueStateTracker.from_events("c2", [ActionExecuted("action_listen")]))
    await store.save(DialogueStateTracker.from_events("c2", []))
    print("FORGOTTEN" if await store.retrieve("c2") is None else "NOT_FORGOTTEN")
    time.sleep(1.5)
    print("EXPIRED" if await store.retrieve("c1") is None else "STILL_THERE")
    print("KEYS_EMPTY" if not list(await store.keys()) else "KEYS_LEFT")

asyncio.run(main())
"""

COMPACTION_SCRIPT = r"""
import asyncio, os
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, ActiveLoop, BotUttered, LoopInterrupted,
                                     SessionStarted, SlotSet, UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker
from addons.compaction import KEPT_TURNS, MAX_SESSION_EVENTS
from addons.tracker_store import RedactingTrackerStore

domain = Domain.load("domain")
PRIVATE = ["elig_aid", "elig_age", "elig_household", "elig_income"]

def user(intent):
    # Without text: the store keeps none, and the comparison is about the rest.
    return UserUttered("", {"name": intent, "confidence": 0.9})

def question(intent, action):
    return [user(intent), ActionExecuted(action), BotUttered("answer"),
            ActionExecuted("action_listen")]

def form_step(intent, slot, value, next_slot):
    return [user(intent), SlotSet(slot, value), ActionExecuted("eligibility_form"),
            SlotSet("requested_slot", next_slot), BotUttered("question"),
            ActionExecuted("action_listen")]

# A long session: questions, then the eligibility questions, interrupted by a question in
# the middle, so that compaction happens while the form is open.
TURNS = [[ActionExecuted("action_session_start"), SessionStarted(),
          ActionExecuted("action_listen")]]
TURNS += [question(("ask_ris", "greet", "list_aids")[i % 3], "utter_greet") for i in range(25)]
TURNS += [[user("check_eligibility"), ActionExecuted("eligibility_form"),
           ActiveLoop("eligibility_form"), SlotSet("elig_aid", "ris"),
           SlotSet("requested_slot", "elig_age"), BotUttered("age?"),
           ActionExecuted("action_listen")]]
TURNS += [form_step("inform", "elig_age", age, "elig_household") for age in (30, 31, 32)]
TURNS += [[user("ask_ris"), ActionExecuted("utter_greet"), LoopInterrupted(True),
           ActionExecuted("eligibility_form"), BotUttered("household?"),
           ActionExecuted("action_listen")]]
TURNS += [form_step("inform", "elig_household", h, "elig_income") for h in ("a", "b", "c")]
TURNS += [[user("inform"), SlotSet("elig_income", 1000), ActionExecuted("eligibility_form"),
           ActiveLoop(None), SlotSet("requested_slot", None),
           ActionExecuted("action_eligibility_result"), BotUttered("result"),
           ActionExecuted("action_listen")]]
TURNS += [question("greet", "utter_greet") for _ in range(20)]

def compare(full, kept):
    differences = []
    if full.current_slot_values() != kept.current_slot_values():
        differences.append("slots")
    loops = [(t.active_loop_name, t.is_active_loop_interrupted,
              bool(t.active_loop and t.active_loop.rejected)) for t in (full, kept)]
    if loops[0] != loops[1]:
        differences.append(f"loop {loops}")
    kept_states = kept.past_states(domain)
    window = min(2 * KEPT_TURNS, len(kept_states))
    if full.past_states(domain)[-window:] != kept_states[-window:]:
        differences.append("states")
    if full.latest_message.intent != kept.latest_message.intent:
        differences.append("intent")
    return differences

async def main():
    store = RedactingTrackerStore(domain, host=os.environ.get("REDIS_URL"),
                                  private_slots=PRIVATE)
    full = DialogueStateTracker("long", domain.slots)
    compacted_at, differences = [], []
    for number, turn in enumerate(TURNS):
        tracker = await store.retrieve("long") or DialogueStateTracker("long", domain.slots)
        before = len(tracker.events)
        for event in turn:
            tracker.update(event)
            full.update(event)
        await store.save(tracker)
        # What Rasa would read back from a store keeping everything (its events replayed).
        whole = DialogueStateTracker("long", domain.slots)
        whole.recreate_from_dialogue(full.as_dialogue())
        kept = await store.retrieve("long")
        if len(kept.events) < before:
            compacted_at.append(number)
        differences += [f"turn {number}: {d}" for d in compare(whole, kept)]
    print("SAME_STATE" if not differences else "DIFFERENT " + "|".join(differences))
    # A form in progress is kept whole; after it, the bound holds again.
    bound = MAX_SESSION_EVENTS + max(len(turn) for turn in TURNS)
    print("BOUNDED" if len(kept.events) <= bound < len(full.events) else "UNBOUNDED")
    print("COMPACTED" if len(compacted_at) > 1 else f"NOT_COMPACTED_{compacted_at}")
    open_form = [n for n in compacted_at if 26 <= n <= 33]
    print("COMPACTED_IN_FORM" if open_form else "NO_COMPACTION_IN_FORM")

asyncio.run(main())
"""

TELEMETRY_SCRIPT = "from rasa import telemetry; print(telemetry.is_telemetry_enabled())"


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with RedisServer(port=free_port()) as server:
        yield server.url


def printed_by_rasa(rasa_bin: Path, script: str, env: dict[str, str] | None = None) -> list[str]:
    """The words ``script`` prints, run by Rasa's Python (``rasa_bin``: present, or the test
    was skipped) in the environment Rasa runs with."""
    return run_in_rasa(script, env=env).split()


@pytest.mark.parametrize("backend", ["memory", "redis"])
def test_store_redacts_texts_and_old_private_values_then_expires(
    backend: str, rasa_bin: Path, request: pytest.FixtureRequest
) -> None:
    env = {"REDIS_URL": request.getfixturevalue("redis_url")} if backend == "redis" else {}
    lines = printed_by_rasa(rasa_bin, SCRIPT, env)
    expected_store = {
        "memory": "ExpiringInMemoryTrackerStore",
        "redis": "RedactingRedisTrackerStore",
    }
    assert lines[-7:] == [
        expected_store[backend],
        "REDACTED_OK",
        "INTENT_KEPT",
        "INCREMENTAL_EQUALS_WHOLE",
        "FORGOTTEN",
        "EXPIRED",
        "KEYS_EMPTY",
    ], lines


@pytest.mark.parametrize("backend", ["memory", "redis"])
def test_store_keeps_a_bounded_history_that_recreates_the_state(
    backend: str, rasa_bin: Path, request: pytest.FixtureRequest
) -> None:
    """A long conversation saved turn by turn: the stored session stays bounded, and after
    every turn (an eligibility form open and interrupted included) the compacted tracker has
    the slots, the open form and the recent states (what the policies predict from) of the
    whole conversation."""
    env = {"REDIS_URL": request.getfixturevalue("redis_url")} if backend == "redis" else {}
    lines = printed_by_rasa(rasa_bin, COMPACTION_SCRIPT, env)
    assert lines[-4:] == ["SAME_STATE", "BOUNDED", "COMPACTED", "COMPACTED_IN_FORM"], lines


def test_sessions_expire_within_30_minutes_and_slots_do_not_carry_over() -> None:
    core = yaml.safe_load((bot_dir() / "domain" / "core.yml").read_text())
    session = core["session_config"]
    assert 0 < session["session_expiration_time"] <= 30
    assert session["carry_over_slots_to_new_session"] is False
    endpoints = yaml.safe_load((bot_dir() / "endpoints.yml").read_text())
    store = endpoints["tracker_store"]
    assert store["type"] == "addons.tracker_store.RedactingTrackerStore"
    # The launcher derives both from the settings (tests/test_scaled_stack.py runs them).
    assert store["url"] == "${AIDGUIDE_REDIS_URL}"
    assert store["expire_after_minutes"] == "${AIDGUIDE_SESSION_EXPIRY_MINUTES}"
    assert endpoints["lock_store"]["type"] == "addons.lock_store.ConfiguredLockStore"


def test_rasa_runs_without_telemetry(rasa_bin: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa itself says telemetry is off in the environment it is started with, whatever the
    caller's environment and ~/.config/rasa/global.yml say."""
    monkeypatch.delenv("RASA_TELEMETRY_ENABLED", raising=False)
    assert printed_by_rasa(rasa_bin, TELEMETRY_SCRIPT)[-1:] == ["False"]


def test_rasa_listens_on_the_rest_channel_only() -> None:
    assert Path(bot_dir() / "credentials.yml").read_text().count("rest:") == 1
