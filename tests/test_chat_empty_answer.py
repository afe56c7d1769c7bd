"""An answer from Rasa with nothing to show never reaches the person as an empty reply."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from aidguide.api import app as app_module
from aidguide.api.chat import get_rasa_client
from aidguide.api.errors import HELPDESK, INTERNAL_ERROR
from aidguide.api.rasa_client import TrackerSummary
from aidguide.i18n import translator

from .fake_rasa import FakeRasa


class SilentRasa(FakeRasa):
    """Rasa answering a turn with no message at all (or only empty ones)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    async def send(self, sender: str, message: str, metadata: dict[str, Any]) -> list[dict]:
        self.sent.append((sender, message))
        return [{"text": "", "buttons": []}]

    async def tracker_summary(self, sender: str) -> TrackerSummary:
        return TrackerSummary(language=self.language, intent="ask_ris")


@pytest.fixture
def client_for() -> Iterator:
    application = app_module.create_app()

    def make(language: str) -> TestClient:
        application.dependency_overrides[get_rasa_client] = lambda: SilentRasa(language)
        return TestClient(application, raise_server_exceptions=False)

    yield make
    application.dependency_overrides.clear()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_an_empty_answer_becomes_the_apology_with_the_helpdesk(client_for, lang: str) -> None:
    response = client_for(lang).post("/api/chat", json={"message": "leefloon?", "lang": lang})
    assert response.status_code == 200
    body = response.json()
    assert body["lang"] == lang
    assert [m["text"] for m in body["messages"]] == [
        translator(lang).gettext(INTERNAL_ERROR, **HELPDESK)
    ]
    assert HELPDESK["helpdesk_email"] in body["messages"][0]["text"]
