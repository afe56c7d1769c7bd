"""Rasa's callbacks (/webhook, /nlg) answer Rasa only, and a failing action neither loses the
answer nor writes what the person typed to a log."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from aidguide.api.app import app
from aidguide.api.errors import HELPDESK, INTERNAL_ERROR
from aidguide.api.webhook import executor
from aidguide.config import get_settings
from aidguide.i18n import translator

TOKEN = "callback-secret-for-tests"
MARKER = "Zorglub-85.07.30-033.28"


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(get_settings(), "callback_token", TOKEN)
    yield TestClient(app, raise_server_exceptions=False)


def action_call(action: str, language: str = "fr", text: str = MARKER) -> dict[str, Any]:
    message = {"text": text, "intent": {"name": "ask_ris"}, "entities": []}
    return {
        "next_action": action,
        "sender_id": "s1",
        "tracker": {
            "sender_id": "s1",
            "slots": {"language": language},
            "latest_message": message,
            "events": [{"event": "user", "text": text, "parse_data": message}],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
        "domain": {},
        "version": "3.6.0",
    }


NLG_CALL = {
    "response": "utter_default",
    "arguments": {"helpdesk_phone": "+32 9 999 99 99"},
    "tracker": {"slots": {"language": "fr"}},
    "channel": {"name": "rest"},
}


@pytest.mark.parametrize("path", ["/webhook", "/nlg"])
@pytest.mark.parametrize("params", [{}, {"token": "guess"}, {"token": ""}])
def test_callbacks_refuse_anyone_but_rasa(
    client: TestClient, caplog: pytest.LogCaptureFixture, path: str, params: dict[str, str]
) -> None:
    caplog.set_level(logging.DEBUG)
    body = action_call("action_answer_aid") if path == "/webhook" else NLG_CALL
    response = client.post(path, params=params, json=body)
    assert response.status_code == 403
    assert "text" not in response.json() and "events" not in response.json()
    assert MARKER not in caplog.text and "+32 9 999" not in caplog.text


def test_callbacks_without_a_configured_token_refuse_everyone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(get_settings(), "callback_token", "")
    client = TestClient(app)
    assert client.post("/nlg", params={"token": ""}, json=NLG_CALL).status_code == 403


def test_rasa_with_its_token_gets_an_answer(client: TestClient) -> None:
    response = client.post(
        "/webhook", params={"token": TOKEN}, json=action_call("action_list_aids")
    )
    assert response.status_code == 200
    assert response.json()["responses"]


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_a_crashing_action_answers_with_the_helpdesk_and_logs_no_text(
    client: TestClient,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    def crash(dispatcher: Any, tracker: Any, domain: Any) -> None:
        raise ValueError(tracker.latest_message["text"])  # as UnknownAid quoted an aid name

    monkeypatch.setitem(executor().actions, "action_answer_aid", crash)
    caplog.set_level(logging.DEBUG)
    response = client.post(
        "/webhook", params={"token": TOKEN}, json=action_call("action_answer_aid", language)
    )
    assert response.status_code == 200
    (message,) = response.json()["responses"]
    assert message["text"] == translator(language).gettext(INTERNAL_ERROR, **HELPDESK)
    assert HELPDESK["helpdesk_email"] in message["text"]
    assert "action=action_answer_aid error=ValueError" in caplog.text
    assert MARKER not in caplog.text


def test_a_forged_action_name_cannot_write_a_log_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    forged = "action_x\n2026-12-01 INFO aidguide.chat admin login ok"
    response = client.post("/webhook", params={"token": TOKEN}, json=action_call(forged))
    assert response.status_code == 404
    assert "admin login" not in caplog.text and "admin login" not in response.text
    assert "<invalid>" in caplog.text
