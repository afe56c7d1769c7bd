"""Rasa's action calls run off the app's event loop: while one action computes, the other
requests are answered; and a long conversation's action call is not refused for its size."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from rasa_sdk import Action

from aidguide.api.app import app
from aidguide.api.webhook import executor
from aidguide.config import get_settings

from .test_rasa_callbacks import TOKEN, action_call

SLOW_ACTION = "action_slow_for_tests"
QUICK_ACTION = "action_quick_for_tests"
BUSY_SECONDS = 0.8


class BusyAction(Action):
    """Holds its thread, as the rules engine or the sheet search do, without awaiting."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.ended_at = 0.0

    def name(self) -> str:
        return SLOW_ACTION

    async def run(self, dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
        self.started.set()
        time.sleep(BUSY_SECONDS)
        self.ended_at = time.perf_counter()
        return []


async def _nothing_to_do(dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
    return []


@pytest.fixture
def busy_action(monkeypatch: pytest.MonkeyPatch) -> Iterator[BusyAction]:
    monkeypatch.setattr(get_settings(), "callback_token", TOKEN)
    action = BusyAction()
    monkeypatch.setitem(executor().actions, SLOW_ACTION, action.run)
    monkeypatch.setitem(executor().actions, QUICK_ACTION, _nothing_to_do)
    yield action


async def _answered_while_busy(action: BusyAction) -> float:
    """When another request was answered, while the busy action runs."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as http:
        call = asyncio.create_task(
            http.post("/webhook", params={"token": TOKEN}, json=action_call(SLOW_ACTION))
        )
        assert await asyncio.to_thread(action.started.wait, 30)
        assert (await http.get("/metrics")).status_code == 200
        answered_at = time.perf_counter()
        assert (await call).status_code == 200
        return answered_at


def test_other_requests_are_answered_while_an_action_computes(busy_action: BusyAction) -> None:
    # In a thread of its own: in a whole run, Playwright's sync API (the browser tests) keeps
    # an event loop running in the main thread, where asyncio.run() refuses to start.
    with ThreadPoolExecutor(max_workers=1) as pool:
        answered_at = pool.submit(asyncio.run, _answered_while_busy(busy_action)).result()
    assert answered_at < busy_action.ended_at


def test_an_action_call_of_a_long_conversation_is_not_refused(busy_action: BusyAction) -> None:
    call = action_call(QUICK_ACTION)
    turn = call["tracker"]["events"][0]
    call["tracker"]["events"] = [turn] * 2000  # about 400 kB: a conversation near its cap
    response = TestClient(app).post("/webhook", params={"token": TOKEN}, json=call)
    assert response.status_code == 200
    assert response.json() == {"events": [], "responses": []}
