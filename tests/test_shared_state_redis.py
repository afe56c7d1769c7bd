"""App replicas share their per-client rate limits and turn counts through a real Redis, and
a Redis outage gets a clear answer with the helpdesk in the person's language, then heals.
The web layer alone (Rasa stubbed); tests/test_scaled_stack.py runs the whole scaled stack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aidguide.api import app as app_module
from aidguide.api.chat import _STARTED_OVER, get_rasa_client
from aidguide.api.conversations import RedisTurnCounter, redis_client, turn_counter
from aidguide.api.errors import ASSISTANT_UNAVAILABLE
from aidguide.api.guards import RATE_LIMITED
from aidguide.config import get_settings
from aidguide.i18n import translator
from aidguide.stack.launcher import free_port
from aidguide.stack.redis_server import RedisServer

from .fake_rasa import FakeRasa


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with RedisServer(port=free_port()) as server:
        yield server


@pytest.fixture
def replicas(
    monkeypatch: pytest.MonkeyPatch, redis_server: RedisServer
) -> Iterator[tuple[TestClient, TestClient]]:
    """Two app replicas on one Redis (each with its own limiter and Redis connections)."""
    monkeypatch.setattr(get_settings(), "redis_url", redis_server.url)
    monkeypatch.setattr(get_settings(), "rate_limit", "6/minute")
    monkeypatch.setattr(get_settings(), "max_turns_per_conversation", 3)
    turn_counter.cache_clear()
    rasa = FakeRasa()
    apps: list[FastAPI] = []
    for _ in range(2):
        application = app_module.create_app()
        application.dependency_overrides[get_rasa_client] = lambda: rasa
        apps.append(application)
    # One event loop per client for its whole life, as under uvicorn (the limiter's async
    # Redis connections belong to the loop that opened them).
    with TestClient(apps[0]) as first, TestClient(apps[1]) as second:
        yield first, second
    turn_counter.cache_clear()


def starts_like(text: str, lang: str, msgid: str) -> bool:
    return text.startswith(translator(lang).gettext(msgid).split("{")[0])


def test_replicas_share_one_rate_limit_per_client(
    replicas: tuple[TestClient, TestClient],
) -> None:
    first, second = replicas
    statuses = [
        (first if i % 2 else second).get("/api/aids", headers={"accept-language": "nl"})
        for i in range(8)
    ]
    assert [r.status_code for r in statuses] == [200] * 6 + [429] * 2
    assert starts_like(statuses[-1].json()["error"]["message"], "nl", RATE_LIMITED)


def test_replicas_count_the_turns_of_a_conversation_together(
    replicas: tuple[TestClient, TestClient],
) -> None:
    first, second = replicas
    body = {"message": "bonjour", "lang": "fr"}
    reply = first.post("/api/chat", json=body).json()
    conversation = reply["conversation_id"]
    for client in (second, first):
        reply = client.post("/api/chat", json={**body, "conversation_id": conversation}).json()
        assert reply["conversation_id"] == conversation
    # The fourth turn, wherever it lands, is over the cap of three: a new conversation.
    reply = second.post("/api/chat", json={**body, "conversation_id": conversation}).json()
    assert reply["conversation_id"] != conversation
    assert reply["messages"][0]["text"] == translator("fr").gettext(_STARTED_OVER)


def test_a_turn_count_expires_with_the_conversation(redis_server: RedisServer) -> None:
    client = redis_client(redis_server.url)
    counter = RedisTurnCounter(client, idle_seconds=1800)
    other_replica = RedisTurnCounter(redis_client(redis_server.url), idle_seconds=1800)
    assert [counter.count("c1"), other_replica.count("c1"), counter.count("c2")] == [1, 2, 1]
    assert 0 < client.ttl(RedisTurnCounter.KEY_PREFIX + "c1") <= 1800
    other_replica.forget("c1")
    assert counter.count("c1") == 1


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_redis_down_gets_the_helpdesk_in_the_language_then_recovers(
    replicas: tuple[TestClient, TestClient], redis_server: RedisServer, lang: str
) -> None:
    first, _ = replicas
    body = {"message": "bonjour" if lang == "fr" else "hallo", "lang": lang}
    assert first.post("/api/chat", json=body).status_code == 200
    redis_server.stop()
    down = first.post("/api/chat", json=body)
    assert down.status_code == 503
    message = down.json()["error"]["message"]
    assert starts_like(message, lang, ASSISTANT_UNAVAILABLE)
    assert "question@mi-is.be" in message
    # What needs no conversation keeps working (nginx still limits the rate meanwhile).
    assert first.get("/api/aids", params={"lang": lang}).status_code == 200
    redis_server.start()  # same port and password; the fixture stops it
    assert first.post("/api/chat", json=body).status_code == 200
