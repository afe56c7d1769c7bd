"""What the micro-benchmarks share: time one call over fixed inputs, print mean and p95.

Imported by the scripts beside it (their folder is on ``sys.path`` when they run); run on
its own it does nothing.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable


def time_calls(call: Callable[[str], object], inputs: Iterable[str], rounds: int) -> list[float]:
    """Seconds taken by ``call(x)`` for every input, ``rounds`` times over."""
    inputs = list(inputs)
    timings = []
    for _ in range(rounds):
        for value in inputs:
            start = time.perf_counter()
            call(value)
            timings.append(time.perf_counter() - start)
    return timings


def print_timings(kind: str, timings: list[float], unit: str) -> None:
    """One line: mean and p95 in microseconds, and how many ``unit`` were timed."""
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(
        f"{kind:11} mean {statistics.fmean(timings) * 1e6:8.1f} µs   "
        f"p95 {p95 * 1e6:8.1f} µs   ({len(timings)} {unit})"
    )
