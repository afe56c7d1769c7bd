"""A stand-in for the Rasa client, for tests of the web layer that need no trained model."""

from __future__ import annotations

from typing import Any

import httpx

from aidguide.api.rasa_client import RasaClient, TrackerSummary
from aidguide.config import get_settings


class FakeRasa:
    """Answers every message with one text, remembers what it was asked."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.forgotten: list[str] = []

    async def send(self, sender: str, message: str, metadata: dict[str, Any]) -> list[dict]:
        self.sent.append((sender, message))
        return [{"text": "ok", "buttons": [{"title": "Aides", "payload": "/list_aids"}]}]

    async def tracker_summary(self, sender: str) -> TrackerSummary:
        return TrackerSummary(language="fr", intent="greet")

    async def forget(self, sender: str) -> None:
        self.forgotten.append(sender)

    async def status(self) -> dict[str, Any]:
        return {"model_file": "model.tar.gz"}


def _rasa_answer(request: httpx.Request) -> httpx.Response:
    """What Rasa's HTTP API answers, for the few routes the app calls."""
    if request.url.path == "/webhooks/rest/webhook":
        return httpx.Response(200, json=[{"text": "ok", "buttons": []}])
    if request.url.path.endswith("/tracker"):
        return httpx.Response(200, json={"slots": {"language": "nl"}, "latest_message": {}})
    if request.url.path.endswith("/tracker/events"):
        return httpx.Response(200, json={})
    if request.url.path == "/status":
        return httpx.Response(200, json={"model_file": "model.tar.gz"})
    return httpx.Response(404, json={})


def rasa_over_mock_transport() -> RasaClient:
    """The real Rasa client, its network replaced by :func:`_rasa_answer`."""
    return RasaClient(get_settings(), transport=httpx.MockTransport(_rasa_answer))
