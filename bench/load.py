"""Load on /api/chat: simulated people writing at a human pace; turns/s, p50/p95, errors.

Each simulated person waits 3 to 8 seconds between messages (reading, typing). A third of
them go through the eligibility questions (integration income or heating allowance, which
run the rules engine); the others ask about aids and where their CPAS/OCMW is, half in
French, half in Dutch. When a person's script ends, a new person starts a new conversation.
An error is a status other than 200, no answer in time, or an answer without any message.

By default the benchmark starts its own stack (one Rasa, one app; rate limit lifted) and
runs 50 then 200 people. ``--base-url`` measures a set-up already running instead (for
example several replicas behind a load balancer); lift its rate limit for the benchmark's
address. ``--save run.json`` keeps a run's figures; ``--compare one.json two.json`` prints
two saved runs side by side (1 replica against 2).

Run: ``.venv/bin/python bench/load.py [--people 50 200] [--duration 120] [--replicas 2]
[--label "2 replicas"] [--save two.json] [--base-url URL ...]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx
from _stack import app_urls_under_test, latency_line, load_average, percentile


def _choice(value: str) -> str:
    """A button's payload, as the widget sends it."""
    return f'/inform{{"choice": "{value}"}}'


#: Conversations through the eligibility questions, per language (answers as people type them).
ELIGIBILITY = {
    "fr": (
        (
            "est-ce que j'ai droit au revenu d'intégration ?",
            "35",
            _choice("belgian"),
            "oui",
            _choice("alone"),
            "rien",
            "oui",
            "1070",
        ),
        (
            "puis-je avoir l'allocation de chauffage ?",
            _choice("heating_oil_bulk"),
            "1500 litres",
            "0,95",
            "non",
            "21000",
            "aucun",
            "non",
            "5000",
        ),
    ),
    "nl": (
        (
            "heb ik recht op een leefloon?",
            "35",
            _choice("belgian"),
            "ja",
            _choice("alone"),
            "niks",
            "ja",
            "9000",
        ),
        (
            "kan ik de verwarmingstoelage krijgen?",
            _choice("heating_oil_bulk"),
            "1500 liter",
            "0,95",
            "nee",
            "21000",
            "geen",
            "nee",
            "2000",
        ),
    ),
}
#: Conversations about aids and centres, per language.
QUESTIONS = {
    "fr": (
        ("Bonjour", "où est mon CPAS ?", "1070", "c'est quoi le revenu d'intégration", "merci"),
        ("comment demander l'allocation de chauffage ?", "où est le CPAS de Namur ?", "merci"),
    ),
    "nl": (
        ("Goeiedag", "waar is mijn OCMW?", "9000", "wat is het leefloon", "bedankt"),
        ("hoe vraag ik de verwarmingstoelage aan?", "waar is het OCMW van Gent?", "bedankt"),
    ),
}


@dataclass
class Turn:
    kind: str  # "eligibility" or "questions"
    started: float
    seconds: float
    error: str | None


@dataclass
class RunFigures:
    """What one run measured; saved as JSON to compare runs."""

    label: str
    people: int
    seconds: float
    turns: int
    turns_per_second: float
    p50_ms: float
    p95_ms: float
    errors: dict[str, int] = field(default_factory=dict)
    load: str = ""


async def person(
    http: httpx.AsyncClient, number: int, pause: tuple[float, float], until: float, log: list[Turn]
) -> None:
    """One seat: people one after the other, each through their script, until ``until``."""
    rng = random.Random(number)
    await asyncio.sleep(rng.uniform(0, pause[1]))  # not everyone starts at the same second
    while time.monotonic() < until:
        kind = "eligibility" if number % 3 == 0 else "questions"
        lang = ("fr", "nl")[rng.randrange(2)]
        script = rng.choice((ELIGIBILITY if kind == "eligibility" else QUESTIONS)[lang])
        conversation_id = None
        for message in script:
            if time.monotonic() >= until:
                return
            body = {"message": message, "lang": lang}
            if conversation_id:
                body["conversation_id"] = conversation_id
            started = time.monotonic()
            error = None
            try:
                response = await http.post("/api/chat", json=body)
                if response.status_code != 200:
                    error = f"status {response.status_code}"
                else:
                    answer = response.json()
                    conversation_id = answer["conversation_id"]
                    error = None if answer["messages"] else "no message"
            except httpx.HTTPError as exc:
                error = type(exc).__name__
            log.append(Turn(kind, started, time.monotonic() - started, error))
            await asyncio.sleep(rng.uniform(*pause))


async def run(
    base_urls: list[str], people: int, seconds: float, warm_up: float, pause: tuple[float, float]
) -> list[Turn]:
    """Every turn of ``people`` seats over ``warm_up + seconds``; the warm-up's turns dropped."""
    log: list[Turn] = []
    # An idle connection is dropped before the server's keep-alive timeout (uvicorn: 5 s)
    # closes it: a pause of 3-8 s would otherwise reuse a closed connection, an error no
    # browser shows (it retries).
    limits = httpx.Limits(
        max_connections=people, max_keepalive_connections=people, keepalive_expiry=4.0
    )
    clients = [httpx.AsyncClient(base_url=url, timeout=60, limits=limits) for url in base_urls]
    try:
        begin = time.monotonic()
        until = begin + warm_up + seconds
        await asyncio.gather(
            *(person(clients[n % len(clients)], n, pause, until, log) for n in range(people))
        )
    finally:
        for http in clients:
            await http.aclose()
    return [t for t in log if t.started >= begin + warm_up]


def figures(label: str, people: int, seconds: float, turns: list[Turn]) -> RunFigures:
    ordered = sorted(t.seconds for t in turns)
    return RunFigures(
        label=label,
        people=people,
        seconds=seconds,
        turns=len(turns),
        turns_per_second=len(turns) / seconds,
        p50_ms=statistics.median(ordered) * 1000 if ordered else float("nan"),
        p95_ms=percentile(ordered, 0.95) * 1000,
        errors=dict(Counter(t.error for t in turns if t.error)),
        load=load_average(),
    )


def report(result: RunFigures, turns: list[Turn]) -> None:
    print(f"== {result.label}: {result.people} people, {result.seconds:.0f} s measured")
    print(f"   {result.load}")
    print(f"   turns {result.turns}  ({result.turns_per_second:.1f} turns/s)")
    print(f"   all turns:    {latency_line([t.seconds for t in turns])}")
    for kind in ("eligibility", "questions"):
        print(f"   {kind + ':':13} {latency_line([t.seconds for t in turns if t.kind == kind])}")
    print(f"   errors {sum(result.errors.values())} {result.errors or ''}")


def compare(first: RunFigures, second: RunFigures) -> None:
    """Two runs side by side, and the second's figures as a multiple of the first's."""
    print(f"{'':14}{first.label:>22}{second.label:>22}{'ratio':>8}")
    rows = (
        ("people", first.people, second.people),
        ("turns/s", first.turns_per_second, second.turns_per_second),
        ("p50 ms", first.p50_ms, second.p50_ms),
        ("p95 ms", first.p95_ms, second.p95_ms),
        ("errors", sum(first.errors.values()), sum(second.errors.values())),
    )
    for name, a, b in rows:
        ratio = f"{b / a:8.2f}" if a else f"{'-':>8}"
        print(f"{name:14}{a:22.1f}{b:22.1f}{ratio}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--duration", type=float, default=120, help="measured seconds per run")
    parser.add_argument("--warm-up", type=float, default=15, help="seconds not measured")
    parser.add_argument("--pause", type=float, nargs=2, default=(3.0, 8.0), metavar=("MIN", "MAX"))
    parser.add_argument(
        "--base-url",
        nargs="+",
        default=[],
        help="measure this running set-up instead of starting one (several: people spread)",
    )
    parser.add_argument(
        "--replicas", type=int, default=1, help="Rasa and app replicas of the stack started here"
    )
    parser.add_argument("--label", default="1 replica", help="the set-up's name in the output")
    parser.add_argument("--save", type=Path, help="write the runs' figures to this JSON file")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("ONE", "TWO"))
    args = parser.parse_args(argv)
    if args.compare:
        saved = [json.loads(path.read_text()) for path in args.compare]
        for one, two in zip(*saved, strict=False):
            compare(RunFigures(**one), RunFigures(**two))
        return
    results = []
    with app_urls_under_test(args.base_url, args.replicas) as base_urls:
        for people in args.people:
            turns = asyncio.run(
                run(base_urls, people, args.duration, args.warm_up, tuple(args.pause))
            )
            results.append(figures(args.label, people, args.duration, turns))
            report(results[-1], turns)
    if args.save:
        args.save.write_text(json.dumps([asdict(r) for r in results], indent=1))


if __name__ == "__main__":
    main()
