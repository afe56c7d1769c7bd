"""Input the app refuses or cleans before the assistant sees it: a clear error in the user's
language, never a stack trace, and markup never forwarded. The web layer alone, with Rasa
stubbed: each test also shows what reached the assistant (nothing, for a refused message)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from aidguide.api import app as app_module
from aidguide.api.chat import get_rasa_client
from aidguide.i18n import translator

from .fake_rasa import FakeRasa


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def client(rasa: FakeRasa) -> Iterator[TestClient]:
    application = app_module.create_app()
    application.dependency_overrides[get_rasa_client] = lambda: rasa
    with TestClient(application, raise_server_exceptions=False) as test_client:
        yield test_client


def assert_error(response: httpx.Response, status: int, code: str, lang: str, msgid: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"].startswith(translator(lang).gettext(msgid).split("{")[0])
    assert "Traceback" not in response.text


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize(
    "message", ["", "   ", "\n\t  ", "\x00\x01\x02", "\u200b\u200b", "<b></b>"]
)
def test_empty_messages(client: TestClient, rasa: FakeRasa, lang: str, message: str) -> None:
    response = client.post(
        "/api/chat", json={"conversation_id": "e1", "message": message, "lang": lang}
    )
    assert_error(
        response, 422, "empty_message", lang, "Your message is empty. Please write your question."
    )
    assert rasa.sent == []


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_too_long_message(client: TestClient, rasa: FakeRasa, lang: str) -> None:
    response = client.post(
        "/api/chat", json={"conversation_id": "e2", "message": "a" * 2001, "lang": lang}
    )
    assert_error(
        response,
        422,
        "message_too_long",
        lang,
        "Your message is too long. Please keep it under {max_chars} characters.",
    )
    assert rasa.sent == []


@pytest.mark.parametrize(
    ("content", "status", "code", "msgid"),
    [
        (b"{not json", 400, "invalid_json", "The request is not valid JSON."),
        (b"\xff\xfe\x00\x81binary", 400, "invalid_json", "The request is not valid JSON."),
        (b"", 422, "invalid_request", "The request is not valid."),
    ],
)
def test_invalid_json_and_binary_bodies(
    client: TestClient, rasa: FakeRasa, content: bytes, status: int, code: str, msgid: str
) -> None:
    response = client.post(
        "/api/chat",
        content=content,
        headers={"content-type": "application/json", "accept-language": "nl-BE,nl;q=0.9"},
    )
    assert_error(response, status, code, "nl", msgid)
    assert rasa.sent == []


@pytest.mark.parametrize(
    "body",
    [
        {"conversation_id": "e3", "message": 42, "lang": "nl"},
        {"conversation_id": "e3", "message": ["hallo"], "lang": "nl"},
        {"conversation_id": ["e3"], "message": "hallo", "lang": "nl"},
        {"conversation_id": "../../etc/passwd", "message": "hallo", "lang": "nl"},
        {"lang": "nl"},
    ],
)
def test_wrong_types_are_named_in_the_users_language(
    client: TestClient, rasa: FakeRasa, body: dict
) -> None:
    response = client.post("/api/chat", json=body)
    assert_error(
        response, 422, "invalid_request", "nl", "The field {field} is missing or has a wrong value."
    )
    assert rasa.sent == []


@pytest.mark.parametrize(
    ("message", "forwarded"),
    [
        ("<script>alert('x')</script> où est mon CPAS ?", "alert('x') où est mon CPAS ?"),
        ("<b>Waar is mijn OCMW?</b><img src=x onerror=alert(1)>", "Waar is mijn OCMW?"),
    ],
)
def test_markup_never_reaches_the_assistant(
    client: TestClient, rasa: FakeRasa, message: str, forwarded: str
) -> None:
    """Tags are dropped and their text kept as text: the assistant reads words, never markup."""
    assert client.post("/api/chat", json={"message": message}).status_code == 200
    assert [text for _, text in rasa.sent] == [forwarded]
