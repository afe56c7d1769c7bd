"""Shared fixtures. ``stack`` starts the real Rasa server (trained model) and the app once
per test session; tests that only need the app use FastAPI's TestClient."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The suite sends thousands of requests from one client, faster than any person: the per-client
# rate limit is raised for it (before the settings are first read); tests/test_limits.py checks
# the limit itself on an app of its own.
os.environ.setdefault("AIDGUIDE_RATE_LIMIT", "100000/second")

import httpx
import pytest
from rasa_sdk import Tracker

from aidguide.stack.launcher import Stack, free_port
from aidguide.stack.model import model_path

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

#: tests/tiers.py checks the `stack` and `browser` markers; pytester runs that check in a test.
pytest_plugins = ["tests.tiers", "pytester"]


@dataclass
class Reply:
    status: int
    body: dict[str, Any]

    @property
    def lang(self) -> str:
        return self.body["lang"]

    @property
    def texts(self) -> list[str]:
        return [m["text"] for m in self.body.get("messages", [])]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def payloads(self) -> list[str]:
        return [b["payload"] for m in self.body.get("messages", []) for b in m["buttons"]]


class ChatClient:
    """Talks to /api/chat of a running stack, one conversation per test.

    A test names its conversation (``cid``); the server issues the real id on the first
    message, and the client sends that one from then on, as the widget does.
    """

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=60.0)
        self._server_ids: dict[str, str] = {}

    def server_id(self, conversation_id: str) -> str:
        """The id the server issued for the test's conversation ``conversation_id``."""
        return self._server_ids[conversation_id]

    def send(self, conversation_id: str, message: Any, lang: str | None = None) -> Reply:
        body: dict[str, Any] = {"message": message}
        if conversation_id in self._server_ids:
            body["conversation_id"] = self._server_ids[conversation_id]
        if lang:
            body["lang"] = lang
        response = self.http.post("/api/chat", json=body)
        reply = Reply(response.status_code, response.json())
        if response.status_code == 200:
            self._server_ids[conversation_id] = reply.body["conversation_id"]
        return reply


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not model_path().exists():
        pytest.fail("no trained model for the current bot/: run `make test` (it trains first)")
    log_dir = Path(os.environ.get("AIDGUIDE_TEST_LOGS", tmp_path_factory.mktemp("stack-logs")))
    running = Stack(app_port=free_port(), rasa_port=free_port(), log_dir=log_dir)
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def chat(stack: Stack) -> ChatClient:
    return ChatClient(stack.base_url)


def rasa_api(
    stack: Stack, method: str, path: str, body: Any = None, params: dict[str, str] | None = None
) -> Any:
    """A call to the running Rasa server's HTTP API (with its token), as parsed JSON."""
    response = httpx.request(
        method,
        f"{stack.rasa_url}{path}",
        params={"token": stack.rasa_token, **(params or {})},
        json=body,
        timeout=30,
    )
    response.raise_for_status()
    return response.json()


def rasa_tracker(stack: Stack, conversation_id: str) -> dict[str, Any]:
    """The conversation as Rasa's tracker store keeps it, read back through Rasa's API."""
    path = f"/conversations/{conversation_id}/tracker"
    return rasa_api(stack, "GET", path, params={"include_events": "ALL"})


def rasa_parse(stack: Stack, text: str) -> dict[str, Any]:
    """What the trained NLU model makes of ``text`` (intent, ranking, entities)."""
    return rasa_api(stack, "POST", "/model/parse", {"text": text})


def action_tracker(
    slots: dict[str, Any],
    latest_message: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    """A rasa_sdk Tracker as the action server hands it to an action, to call one directly."""
    return Tracker(
        "test", dict(slots), latest_message or {}, events or [], False, None, {}, "action_listen"
    )


def run_sync(coroutine: Any) -> Any:
    """Run a coroutine to completion from a test, in its own thread: the browser tests'
    Playwright keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
