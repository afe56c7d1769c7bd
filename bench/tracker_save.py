"""What one save of the tracker store costs at turn 1 and at turn 200 of one conversation.

Why: a store that redacts and serialises the whole history on every save makes every turn
of a long conversation slower (and every other conversation waits meanwhile). The stores in
bot/addons/tracker_store.py redact and write only the events new since the last save. This
prints the median time of a save at turns 1-10 and at turns 200-209, for:
- whole history: the former way (redact and serialise every event, every save);
- the in-memory store (``make run``) and the Redis store (a local redis-server);
- Rasa's stock RedisTrackerStore, for reference (it reads, merges and rewrites the history).

Runs the stores in Rasa's own environment (bot/.venv) and starts its own redis-server.
"""

from __future__ import annotations

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from aidguide.stack.launcher import free_port
from aidguide.stack.model import BOT_DIR, rasa_environment
from aidguide.stack.redis_server import RedisServer

TURNS = (1, 200)
#: Conversations per measure, and saves timed in each (turns 1-10, turns 200-209).
REPEATS = 3
SAVES = 10

SCRIPT = r"""
import asyncio, json, os, statistics, time
from rasa.core.tracker_store import RedisTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from addons.redaction import redact_event
from addons.tracker_store import ExpiringInMemoryTrackerStore, RedactingRedisTrackerStore

PRIVATE = ["elig_income", "elig_age"]
domain = Domain.from_dict({"slots": {name: {"type": "any", "mappings": [{"type": "custom"}]}
                                     for name in PRIVATE + ["language"]}})

def turn(n):
    return [
        ActionExecuted("action_listen"),
        UserUttered(f"message {n} with some words in it", {"name": "inform", "confidence": 0.9},
                    [{"entity": "amount", "value": str(n), "start": 0, "end": 3}]),
        SlotSet("elig_income", 1000 + n), SlotSet("language", "fr"),
        ActionExecuted("action_ask_next"),
        BotUttered(f"answer {n}: a sentence of the assistant, about this long. " * 3),
    ]

class WholeHistory:
    # The former store: every save redacts and serialises every event.
    async def save(self, tracker):
        json.dumps({"events": [redact_event(e.as_dict()) for e in tracker.events]})

def stores():
    url = os.environ["REDIS_URL"]
    yield "whole history (former)", lambda: WholeHistory()
    yield "in memory (new)", lambda: ExpiringInMemoryTrackerStore(domain, private_slots=PRIVATE)
    yield "Redis (new)", lambda: RedactingRedisTrackerStore(domain, url, private_slots=PRIVATE)
    def stock():
        store = RedisTrackerStore(domain, record_exp=1800)
        import redis
        store.red = redis.Redis.from_url(url, decode_responses=True)
        return store
    yield "Rasa RedisTrackerStore", stock

async def saves_from(make_store, first_turn, sender):
    # Seconds of each save of turns first_turn .. first_turn + SAVES - 1, one turn at a time,
    # in one conversation whose earlier turns were saved once beforehand.
    store = make_store()
    events = [e for n in range(1, first_turn) for e in turn(n)]
    tracker = DialogueStateTracker.from_events(sender, events, domain.slots)
    if events:
        await store.save(tracker)
    if hasattr(store, "red"):
        store.red.ping()  # connected before the clock starts, as in a running server
    timings = []
    for n in range(first_turn, first_turn + int(os.environ["SAVES"])):
        for event in turn(n):
            tracker.update(event)
        start = time.perf_counter()
        await store.save(tracker)
        timings.append(time.perf_counter() - start)
    return timings


async def main():
    turns = [int(t) for t in os.environ["TURNS"].split(",")]
    repeats = int(os.environ["REPEATS"])
    for name, make_store in stores():
        medians = []
        for t in turns:
            timings = []
            for i in range(repeats):
                timings += await saves_from(make_store, t, f"{name[:5]}-{t}-{i}")
            medians.append(statistics.median(timings) * 1000)
        ratio = medians[-1] / medians[0]
        cells = "   ".join(f"turns {t}+: {m:7.2f} ms" for t, m in zip(turns, medians))
        print(f"{name:24} {cells}   ratio {ratio:5.1f}")

asyncio.run(main())
"""


def main() -> int:
    print(
        f"median of {REPEATS * SAVES} saves of the tracker store ({REPEATS} conversations, "
        f"{SAVES} successive turns from turn 1 and from turn 200; one turn = 6 events)"
    )
    with open(os.devnull, "wb") as quiet, RedisServer(port=free_port(), output=quiet) as server:
        env = {
            **rasa_environment(),
            "REDIS_URL": server.url,
            "TURNS": ",".join(map(str, TURNS)),
            "REPEATS": str(REPEATS),
            "SAVES": str(SAVES),
        }
        python = BOT_DIR / ".venv" / "bin" / "python"
        return subprocess.run([str(python), "-c", SCRIPT], cwd=BOT_DIR, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
