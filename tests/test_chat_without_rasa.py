"""When Rasa is down the gateway says so in the user's language, with the helpdesk."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from aidguide.api.app import app
from aidguide.api.chat import get_rasa_client
from aidguide.api.conversations import issue_conversation_id
from aidguide.api.rasa_client import RasaClient
from aidguide.config import Settings
from aidguide.i18n import translator
from aidguide.stack.launcher import free_port


@pytest.fixture
def client() -> Iterator[TestClient]:
    closed_port = free_port()  # nothing listens there
    app.dependency_overrides[get_rasa_client] = lambda: RasaClient(
        Settings(rasa_url=f"http://127.0.0.1:{closed_port}", rasa_timeout_seconds=2)
    )
    try:
        yield TestClient(app, raise_server_exceptions=False)
    finally:
        app.dependency_overrides.clear()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_chat_answers_503_with_the_helpdesk(client: TestClient, lang: str) -> None:
    response = client.post(
        "/api/chat", json={"conversation_id": "x1", "message": "Bonjour", "lang": lang}
    )
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "assistant_unavailable"
    assert error["message"].startswith(
        translator(lang)
        .gettext(
            "The assistant is not available right now. Please try again in a moment. You can "
            "also contact the helpdesk: {helpdesk_email}, {helpdesk_phone}."
        )
        .split("{")[0]
    )
    assert "question@mi-is.be" in error["message"] and "+32 2 508 85 85" in error["message"]


def test_health_reports_each_component(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["components"]["app"] == "ok"
    assert body["components"]["rasa"] == "unavailable"
    assert body["components"]["catalogs"] == {"fr": "ok", "nl": "ok"}


def test_forget_without_rasa_is_503(client: TestClient) -> None:
    assert client.delete(f"/api/chat/{issue_conversation_id()}").status_code == 503


def test_unknown_route_is_a_json_404_in_the_language(client: TestClient) -> None:
    response = client.get("/nope", headers={"accept-language": "nl"})
    assert response.status_code == 404
    assert response.json()["error"]["message"] == translator("nl").gettext(
        "This address does not exist."
    )


def test_the_api_can_be_called_from_an_embedding_site(client: TestClient) -> None:
    preflight = client.options(
        "/api/chat",
        headers={
            "origin": "https://www.mi-is.be",
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] in ("*", "https://www.mi-is.be")
    assert "access-control-allow-credentials" not in preflight.headers
