"""A stand-in for the Rasa client, for tests of the web layer that need no trained model."""

from __future__ import annotations

from typing import Any

from aidguide.api.rasa_client import TrackerSummary


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
