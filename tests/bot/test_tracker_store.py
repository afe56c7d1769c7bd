"""The redacting tracker stores (in memory, and on a real redis-server), exercised inside the
real Rasa environment: texts never stay, old private values are blanked, conversations
expire, and a save that appends gives what a save of the whole history would."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from aidguide.stack.launcher import free_port
from aidguide.stack.model import bot_dir, rasa_environment
from aidguide.stack.redis_server import RedisServer

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

TELEMETRY_SCRIPT = "from rasa import telemetry; print(telemetry.is_telemetry_enabled())"


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with RedisServer(port=free_port()) as server:
        yield server.url


def printed_by_rasa(rasa_bin: Path, script: str, env: dict[str, str] | None = None) -> list[str]:
    """The words ``script`` prints, run by Rasa's Python in the environment Rasa runs with."""
    result = subprocess.run(
        [str(rasa_bin / "python"), "-c", script],
        cwd=bot_dir(),
        env={**rasa_environment(), **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split()


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
