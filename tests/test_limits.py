"""Limits: requests per client, body size, conversation length, and conversation ids that
cannot be chosen, guessed or reused by someone else. The web layer alone (Rasa stubbed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aidguide.api import app as app_module
from aidguide.api.chat import _STARTED_OVER, get_rasa_client
from aidguide.api.conversations import is_issued, issue_conversation_id
from aidguide.api.guards import BODY_TOO_LARGE, RATE_LIMITED
from aidguide.config import get_settings
from aidguide.i18n import translator

from .fake_rasa import FakeRasa


def app_with(monkeypatch: pytest.MonkeyPatch, rasa: FakeRasa, **settings: object) -> FastAPI:
    for name, value in settings.items():
        monkeypatch.setattr(get_settings(), name, value)
    application = app_module.create_app()
    application.dependency_overrides[get_rasa_client] = lambda: rasa
    return application


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, rasa: FakeRasa) -> Iterator[TestClient]:
    yield TestClient(app_with(monkeypatch, rasa))


def prefix(lang: str, msgid: str) -> str:
    return translator(lang).gettext(msgid).split("{")[0]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_too_many_requests_get_a_clear_429(
    monkeypatch: pytest.MonkeyPatch, rasa: FakeRasa, lang: str
) -> None:
    client = TestClient(app_with(monkeypatch, rasa, rate_limit="5/minute"))
    headers = {"accept-language": lang}
    statuses = [client.get("/api/aids", headers=headers).status_code for _ in range(8)]
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429] * 3
    response = client.get("/api/aids", headers=headers)
    assert response.json()["error"]["code"] == "rate_limited"
    assert response.json()["error"]["message"].startswith(prefix(lang, RATE_LIMITED))
    assert "question@mi-is.be" in response.json()["error"]["message"]
    assert 0 < int(response.headers["retry-after"]) <= 60
    assert client.get("/health").status_code == 200  # only /api/* is limited


def test_a_huge_body_is_refused_before_it_is_read(client: TestClient) -> None:
    response = client.post(
        "/api/chat",
        json={"message": "x" * 10_000_000, "lang": "nl"},
        headers={"accept-language": "nl"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["message"] == translator("nl").gettext(BODY_TOO_LARGE)


def test_a_huge_body_without_length_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"message": "'
        for _ in range(100):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post(
        "/api/chat", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_the_server_issues_conversation_ids(client: TestClient, rasa: FakeRasa) -> None:
    first = client.post("/api/chat", json={"message": "Bonjour"}).json()["conversation_id"]
    assert is_issued(first) and len(first) >= 43  # 128 random bits and their signature
    again = client.post("/api/chat", json={"conversation_id": first, "message": "merci"})
    assert again.json()["conversation_id"] == first
    assert [sender for sender, _ in rasa.sent] == [first, first]


@pytest.mark.parametrize(
    "chosen",
    ["a1", "0" * 44, issue_conversation_id()[:-2] + "AA", "x" * 64],
)
def test_an_id_the_server_did_not_issue_is_never_used(
    client: TestClient, rasa: FakeRasa, chosen: str
) -> None:
    response = client.post("/api/chat", json={"conversation_id": chosen, "message": "Bonjour"})
    assert response.status_code == 200
    given = response.json()["conversation_id"]
    assert given != chosen and is_issued(given)
    assert rasa.sent == [(given, "Bonjour")]


def test_forgetting_an_unknown_conversation_is_a_404(client: TestClient, rasa: FakeRasa) -> None:
    assert client.delete("/api/chat/a1").status_code == 404
    issued = issue_conversation_id()
    assert client.delete(f"/api/chat/{issued}").status_code == 204
    assert rasa.forgotten == [issued]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_very_long_conversation_starts_over_and_says_so(
    monkeypatch: pytest.MonkeyPatch, rasa: FakeRasa, lang: str
) -> None:
    client = TestClient(app_with(monkeypatch, rasa, max_turns_per_conversation=3))
    cid = client.post("/api/chat", json={"message": "Bonjour", "lang": lang}).json()
    cid = cid["conversation_id"]
    for _ in range(2):
        assert (
            client.post("/api/chat", json={"conversation_id": cid, "message": "ok"}).json()[
                "conversation_id"
            ]
            == cid
        )
    over = client.post("/api/chat", json={"conversation_id": cid, "message": "ok", "lang": lang})
    body = over.json()
    assert over.status_code == 200 and body["conversation_id"] != cid
    assert is_issued(body["conversation_id"])
    assert body["messages"][0]["text"] == translator("fr").gettext(_STARTED_OVER)  # Rasa: fr
    assert rasa.forgotten == [cid]
    assert len(rasa.sent) == 3  # the fourth turn did not reach the assistant
