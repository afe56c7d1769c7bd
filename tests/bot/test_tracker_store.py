"""The expiring, redacting tracker store, exercised inside the real Rasa environment."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from aidguide.stack.model import BOT_DIR, rasa_environment

SCRIPT = r"""
import asyncio, json, time
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered, BotUttered, SlotSet, ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from addons.tracker_store import ExpiringInMemoryTrackerStore

domain = Domain.from_dict({"slots": {"age": {"type": "any", "influence_conversation": False,
                                              "mappings": [{"type": "custom"}]}}})

async def main():
    store = ExpiringInMemoryTrackerStore(domain, expire_after_seconds=0.5, private_slots=["age"])
    tracker = DialogueStateTracker.from_events("c1", [
        ActionExecuted("action_listen"),
        UserUttered("j'ai 45 ans, mon nom est Zorglub", {"name": "inform", "confidence": 0.9},
                    [{"entity": "place", "value": "Jettezz", "start": 0, "end": 5}],
                    metadata={"lang": "fr"}),
        SlotSet("age", "Quarantecinq"),
        BotUttered("Vous avez Quarantecinq ans"),
        SlotSet("age", None),
    ], domain.slots)
    await store.save(tracker)
    kept = await store.retrieve("c1")
    dumped = json.dumps(kept.current_state(event_verbosity=EventVerbosity.ALL))
    secrets = ("Quarantecinq", "Zorglub", "Jettezz", "45 ans")
    print("SECRET_FOUND" if any(s in dumped for s in secrets) else "REDACTED_OK")
    print("INTENT_KEPT" if kept.latest_message.intent.get("name") == "inform" else "INTENT_LOST")
    time.sleep(0.7)
    print("EXPIRED" if await store.retrieve("c1") is None else "STILL_THERE")
    print("KEYS_EMPTY" if not list(await store.keys()) else "KEYS_LEFT")

asyncio.run(main())
"""

TELEMETRY_SCRIPT = "from rasa import telemetry; print(telemetry.is_telemetry_enabled())"


def printed_by_rasa(rasa_bin: Path, script: str) -> list[str]:
    """The words ``script`` prints, run by Rasa's Python in the environment Rasa runs with."""
    result = subprocess.run(
        [str(rasa_bin / "python"), "-c", script],
        cwd=BOT_DIR,
        env=rasa_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split()


def test_store_redacts_texts_and_old_private_values_then_expires(rasa_bin: Path) -> None:
    printed = printed_by_rasa(rasa_bin, SCRIPT)
    assert printed[-4:] == ["REDACTED_OK", "INTENT_KEPT", "EXPIRED", "KEYS_EMPTY"], printed


def test_sessions_expire_within_30_minutes_and_slots_do_not_carry_over() -> None:
    core = yaml.safe_load((BOT_DIR / "domain" / "core.yml").read_text())
    session = core["session_config"]
    assert 0 < session["session_expiration_time"] <= 30
    assert session["carry_over_slots_to_new_session"] is False
    endpoints = yaml.safe_load((BOT_DIR / "endpoints.yml").read_text())
    store = endpoints["tracker_store"]
    assert store["type"] == "addons.tracker_store.ExpiringInMemoryTrackerStore"
    assert 0 < store["expire_after_seconds"] <= 30 * 60


def test_rasa_runs_without_telemetry(rasa_bin: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa itself says telemetry is off in the environment it is started with, whatever the
    caller's environment and ~/.config/rasa/global.yml say."""
    monkeypatch.delenv("RASA_TELEMETRY_ENABLED", raising=False)
    assert printed_by_rasa(rasa_bin, TELEMETRY_SCRIPT)[-1:] == ["False"]


def test_rasa_listens_on_the_rest_channel_only() -> None:
    assert Path(BOT_DIR / "credentials.yml").read_text().count("rest:") == 1
