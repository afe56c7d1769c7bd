"""What the chat benchmarks share: a stack to measure, and latency figures in milliseconds.

Either the benchmark starts its own stack (one Rasa, one app, on free loopback ports, the
model of the current bot/) or it measures one already running at ``--base-url`` (a scaled
set-up behind its load balancer). Its own stack lifts the per-client rate limit: every
simulated person comes from one address, which the public limit would refuse.

Imported by the scripts beside it (their folder is on ``sys.path`` when they run).
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aidguide.stack.launcher import Stack, free_port

#: One address sends everything in a benchmark: the limit the public has would refuse it.
UNLIMITED = {"AIDGUIDE_RATE_LIMIT": "100000/second"}


@contextmanager
def stack_under_test(
    base_url: str | None, extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """The base URL to measure: ``base_url`` as given, else a stack started (and stopped) here."""
    with app_urls_under_test([base_url] if base_url else [], 1, extra_env) as urls:
        yield urls[0]


@contextmanager
def app_urls_under_test(
    base_urls: list[str], replicas: int = 1, extra_env: dict[str, str] | None = None
) -> Iterator[list[str]]:
    """The addresses to spread simulated people over: ``base_urls`` as given, else those of
    a stack started (and stopped) here with ``replicas`` Rasa and app replicas.

    With several replicas the people go to the app replicas directly, as nginx would spread
    them: nginx's public limit per client address (deploy/nginx/http.conf) would refuse a
    benchmark whose people all come from one address. Each app replica still reaches Rasa
    through nginx, its own replica first.
    """
    if base_urls:
        yield [url.rstrip("/") for url in base_urls]
        return
    stack = Stack(
        app_port=free_port(),
        rasa_port=free_port(),
        log_dir=Path(tempfile.mkdtemp(prefix="aidguide-bench-")),
        extra_app_env={**UNLIMITED, **(extra_env or {})},
        replicas=replicas,
    )
    with stack:
        yield stack.app_urls


def percentile(sorted_values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``sorted_values`` lie (nearest rank)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, round(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def latency_line(seconds: list[float]) -> str:
    """p50, p95 and max of request durations, in milliseconds."""
    ordered = sorted(seconds)
    if not ordered:
        return "no request"
    return (
        f"p50 {statistics.median(ordered) * 1000:.0f} ms  "
        f"p95 {percentile(ordered, 0.95) * 1000:.0f} ms  max {ordered[-1] * 1000:.0f} ms"
    )


def load_average() -> str:
    """The machine's load (``uptime``): the figures beside it are only comparable with it."""
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
