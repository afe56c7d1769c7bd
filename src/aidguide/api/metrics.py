"""GET /metrics: what the assistant does and how fast, in Prometheus text format.

Nothing personal goes into a metric: no conversation id, and no label value taken from what
a person typed. Every label has a closed set of values: intents are those of the Rasa domain
(anything else counts as ``other``), action names those the action executor registered,
languages those the assistant speaks, the rest are names written in this module.

Each series carries the ``replica`` label (``Settings.replica``, by default the host name
and port), so a scrape through a load balancer still tells the replicas apart. When the
app runs as several worker processes of one replica, set ``PROMETHEUS_MULTIPROC_DIR`` to an
empty directory shared by them (prometheus-client's multiprocess mode): /metrics then adds up
every worker's figures.
"""

from __future__ import annotations

import os
import socket
from functools import lru_cache

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from aidguide.config import get_settings
from aidguide.i18n import SUPPORTED_LANGUAGES
from aidguide.nlg import bot_intents

router = APIRouter(tags=["health"])

OTHER = "other"
#: The intent Rasa's FallbackClassifier (bot/config.yml) gives a message it is unsure of; it
#: is not listed in the domain.
NLU_FALLBACK = "nlu_fallback"
#: Turns the app answers itself, without Rasa: their "intent" is what the app recognised.
APP_ANSWERS = frozenset(
    {"unreadable", "other_language", "not_understood", "amount_at_date", "started_over"}
)
#: Intents meaning the assistant did not understand the message.
FALLBACK_INTENTS = frozenset({NLU_FALLBACK, "unreadable", "not_understood"})
#: What can go wrong, by kind.
ERROR_KINDS = frozenset(
    {"rasa_unavailable", "action_failed", "unknown_action", "unknown_response", "empty_answer"}
)
#: Calls from the app to Rasa's HTTP API.
RASA_CALLS = frozenset({"send", "tracker", "forget"})
#: Seconds: a turn is expected well under one second; the tail shows an overloaded machine.
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.5, 5.0, 10.0, 30.0)

TURNS = Counter("aidguide_chat_turns", "Turns answered by /api/chat.", ["replica", "lang"])
INTENTS = Counter(
    "aidguide_chat_intents",
    "Turns by recognised intent (domain intents only).",
    ["replica", "intent"],
)
FALLBACKS = Counter(
    "aidguide_chat_fallbacks", "Turns the assistant did not understand.", ["replica", "intent"]
)
ERRORS = Counter("aidguide_errors", "Failures, by kind.", ["replica", "kind"])
TURN_SECONDS = Histogram(
    "aidguide_chat_turn_seconds",
    "Duration of a /api/chat turn in the app, Rasa included.",
    ["replica"],
    buckets=LATENCY_BUCKETS,
)
RASA_SECONDS = Histogram(
    "aidguide_rasa_call_seconds",
    "Duration of the app's calls to Rasa, by call.",
    ["replica", "call"],
    buckets=LATENCY_BUCKETS,
)
CALLBACK_SECONDS = Histogram(
    "aidguide_rasa_callback_seconds",
    "Duration of Rasa's calls back to the app (/nlg: one response text; /webhook: one action).",
    ["replica", "callback"],
    buckets=LATENCY_BUCKETS,
)
ACTION_SECONDS = Histogram(
    "aidguide_action_seconds",
    "Duration of a custom action, by action.",
    ["replica", "action"],
    buckets=LATENCY_BUCKETS,
)


@lru_cache(maxsize=1)
def replica() -> str:
    """This replica's name in every series."""
    settings = get_settings()
    return settings.replica or f"{socket.gethostname()}:{settings.port}"


def known_intents() -> frozenset[str]:
    """Every value the ``intent`` label may take, ``other`` aside."""
    return bot_intents() | APP_ANSWERS | {NLU_FALLBACK}


def record_turn(language: str | None, intent: str | None, seconds: float) -> None:
    """One answered turn: its language, its intent (within the closed set) and its duration."""
    name = replica()
    lang = language if language in SUPPORTED_LANGUAGES else OTHER
    known = intent if intent in known_intents() else OTHER
    TURNS.labels(name, lang).inc()
    INTENTS.labels(name, known).inc()
    if known in FALLBACK_INTENTS:
        FALLBACKS.labels(name, known).inc()
    TURN_SECONDS.labels(name).observe(seconds)


def record_error(kind: str) -> None:
    ERRORS.labels(replica(), kind if kind in ERROR_KINDS else OTHER).inc()


def record_rasa_call(call: str, seconds: float) -> None:
    RASA_SECONDS.labels(replica(), call if call in RASA_CALLS else OTHER).observe(seconds)


def record_callback(callback: str, seconds: float) -> None:
    """``callback`` is ``nlg`` or ``webhook``: a route of this app, never a caller's value."""
    CALLBACK_SECONDS.labels(replica(), callback).observe(seconds)


def record_action(action: str, known_actions: frozenset[str], seconds: float) -> None:
    label = action if action in known_actions else OTHER
    ACTION_SECONDS.labels(replica(), label).observe(seconds)


def _registry() -> CollectorRegistry:
    """This process's registry, or every worker's when they share a multiprocess directory."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format."}},
)
def metrics() -> Response:
    """Counters and latency histograms of this replica; no conversation id, nothing typed."""
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)
