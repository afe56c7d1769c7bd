"""Does a turn cost more late in a conversation? One conversation of 200 turns, timed.

Prints the median duration of the first turns and of the last ones, and their ratio (the
goal: within 20 %). Turns cycle through a fixed list of French and Dutch questions whose
length divides the window, so both windows hold the same messages.

By default the benchmark's own stack lifts the conversation cap above the number of turns,
to measure the cost of a long conversation itself; ``--keep-cap`` keeps the product's cap
(a conversation starts over after ``Settings.max_turns_per_conversation`` turns).

Run: ``.venv/bin/python bench/turn_cost.py [--turns 200] [--base-url URL] [--keep-cap]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import httpx
from _stack import latency_line, load_average, stack_under_test

#: Questions that do not open a form, so that every turn is a question and its answer.
QUESTIONS = (
    ("fr", "où est mon CPAS ?"),
    ("fr", "c'est quoi le revenu d'intégration"),
    ("nl", "wat is het leefloon"),
    ("fr", "1070"),
    ("fr", "merci"),
)
WINDOW = 10


def converse(base_url: str, turns: int) -> tuple[list[float], int]:
    """Seconds per turn of one conversation, and how many times the server started it over."""
    durations: list[float] = []
    started_over = 0
    conversation_id = None
    with httpx.Client(base_url=base_url, timeout=120) as http:
        for turn in range(turns):
            lang, text = QUESTIONS[turn % len(QUESTIONS)]
            body = {"message": text, "lang": lang}
            if conversation_id:
                body["conversation_id"] = conversation_id
            begin = time.perf_counter()
            response = http.post("/api/chat", json=body)
            durations.append(time.perf_counter() - begin)
            response.raise_for_status()
            new_id = response.json()["conversation_id"]
            started_over += conversation_id is not None and new_id != conversation_id
            conversation_id = new_id
    return durations, started_over


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--base-url", help="measure this running set-up instead of starting one")
    parser.add_argument("--keep-cap", action="store_true", help="keep the conversation cap")
    args = parser.parse_args(argv)
    env = {} if args.keep_cap else {"AIDGUIDE_MAX_TURNS_PER_CONVERSATION": str(args.turns + 1)}
    with stack_under_test(args.base_url, env) as base_url:
        converse(base_url, len(QUESTIONS))  # warm-up: first-use caches of both processes
        durations, started_over = converse(base_url, args.turns)
    first, last = durations[:WINDOW], durations[-WINDOW:]
    ratio = statistics.median(last) / statistics.median(first)
    print(load_average())
    print(f"turns: {len(durations)} in one conversation (started over: {started_over})")
    print(f"turns 1-{WINDOW}:        {latency_line(first)}")
    print(f"turns {args.turns - WINDOW + 1}-{args.turns}:    {latency_line(last)}")
    print(f"last / first (medians): {ratio:.2f}  (goal: within 20 %, i.e. <= 1.20)")


if __name__ == "__main__":
    main()
