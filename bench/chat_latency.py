"""Latency of /api/chat through the real stack, and the memory of both processes.

Starts Rasa and the app on free loopback ports (the model must be trained: `make train`),
sends a fixed mix of French and Dutch messages, and prints percentiles. Run: `make bench`.
"""

from __future__ import annotations

import statistics
import time
import uuid
from pathlib import Path
from tempfile import mkdtemp

import httpx
import psutil

from aidguide.stack.launcher import Stack, free_port

MESSAGES = [
    ("fr", "Bonjour"),
    ("nl", "Goeiedag"),
    ("fr", "que peux-tu faire ?"),
    ("nl", "wat kunt u allemaal?"),
    ("fr", "où est mon CPAS ?"),
    ("nl", "1070"),
    ("fr", "c'est quoi le revenu d'intégration"),
    ("nl", "bedankt"),
    ("fr", "au revoir"),
]
ROUNDS = 20


def rss_mb(pid: int) -> float:
    process = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 2**20


def main() -> None:
    stack = Stack(app_port=free_port(), rasa_port=free_port(), log_dir=Path(mkdtemp()))
    started = time.perf_counter()
    stack.start()
    print(f"startup (Rasa model load + app): {time.perf_counter() - started:.1f} s")
    timings: list[float] = []
    try:
        with httpx.Client(base_url=stack.base_url, timeout=60) as client:
            for _ in range(ROUNDS):
                conversation = uuid.uuid4().hex[:12]
                for lang, text in MESSAGES:
                    t0 = time.perf_counter()
                    response = client.post(
                        "/api/chat",
                        json={"conversation_id": conversation, "message": text, "lang": lang},
                    )
                    timings.append((time.perf_counter() - t0) * 1000)
                    response.raise_for_status()
        timings.sort()
        print(f"messages: {len(timings)}")
        print(
            f"latency ms: p50 {statistics.median(timings):.0f}  "
            f"p95 {timings[int(len(timings) * 0.95) - 1]:.0f}  max {timings[-1]:.0f}"
        )
        for name, process in zip(("app", "rasa"), stack._processes, strict=True):
            print(f"memory {name}: {rss_mb(process.pid):.0f} MB RSS")
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
