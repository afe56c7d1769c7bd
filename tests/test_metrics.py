"""GET /metrics: a turn moves the counters and histograms; no label carries what a person
typed or a conversation id; intents are those of the domain.

Rasa is replaced at the transport level (the app's real Rasa client over an httpx mock
transport), so every turn runs the gateway's whole path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from aidguide.api.app import app
from aidguide.api.chat import get_rasa_client
from aidguide.api.metrics import OTHER, known_intents
from aidguide.api.rasa_client import RasaClient
from aidguide.config import get_settings
from aidguide.nlg import bot_intents

#: A word no metric name or label of the assistant could contain unless it came from a user.
TYPED_WORD = "Quetzalcoatlus"


def rasa_answering(intent: str, language: str = "fr") -> Callable[[], RasaClient]:
    """A Rasa whose tracker reports ``intent`` (whatever the message) in ``language``."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/webhooks/rest/webhook":
            return httpx.Response(200, json=[{"text": "ok", "buttons": []}])
        if request.url.path.endswith("/tracker"):
            return httpx.Response(
                200,
                json={
                    "slots": {"language": language},
                    "latest_message": {"intent": {"name": intent}},
                },
            )
        return httpx.Response(404, json={})

    return lambda: RasaClient(get_settings(), transport=httpx.MockTransport(answer))


@pytest.fixture
def client() -> Iterator[TestClient]:
    yield TestClient(app, raise_server_exceptions=False)
    app.dependency_overrides.clear()


def samples(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics by name and labels."""
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def total(found: dict, name: str, **labels: str) -> float:
    """The sum of ``name`` over the samples whose labels include ``labels``."""
    wanted = set(labels.items())
    return sum(v for (n, lbl), v in found.items() if n == name and wanted <= set(lbl))


def moved(before: dict, after: dict, name: str, **labels: str) -> float:
    """How much ``name`` (summed over the samples with ``labels``) grew between two scrapes."""
    return total(after, name, **labels) - total(before, name, **labels)


def label_values(found: dict, label: str) -> set[str]:
    return {dict(lbl)[label] for (_, lbl), _ in found.items() if label in dict(lbl)}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_turn_moves_the_counters_and_the_latency_histograms(
    client: TestClient, lang: str
) -> None:
    app.dependency_overrides[get_rasa_client] = rasa_answering("ask_ris", lang)
    before = samples(client)
    reply = client.post("/api/chat", json={"message": "c'est quoi le RIS ?", "lang": lang})
    assert reply.status_code == 200
    after = samples(client)
    assert moved(before, after, "aidguide_chat_turns_total", lang=lang) == 1
    assert moved(before, after, "aidguide_chat_intents_total", intent="ask_ris") == 1
    assert moved(before, after, "aidguide_chat_turn_seconds_count") == 1
    assert moved(before, after, "aidguide_rasa_call_seconds_count", call="send") == 1
    assert moved(before, after, "aidguide_chat_fallbacks_total") == 0


def test_a_turn_rasa_did_not_understand_counts_as_a_fallback(client: TestClient) -> None:
    app.dependency_overrides[get_rasa_client] = rasa_answering("nlu_fallback")
    before = samples(client)
    client.post("/api/chat", json={"message": "le truc de la chose", "lang": "fr"})
    after = samples(client)
    assert moved(before, after, "aidguide_chat_fallbacks_total", intent="nlu_fallback") == 1


def test_an_unreachable_rasa_counts_as_an_error(client: TestClient) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    app.dependency_overrides[get_rasa_client] = lambda: RasaClient(
        get_settings(), transport=httpx.MockTransport(refuse)
    )
    before = samples(client)
    assert client.post("/api/chat", json={"message": "Bonjour", "lang": "fr"}).status_code == 503
    after = samples(client)
    assert moved(before, after, "aidguide_errors_total", kind="rasa_unavailable") == 1


def test_nothing_typed_and_no_conversation_id_appears_in_the_metrics(client: TestClient) -> None:
    # The worst case: Rasa reports the typed word itself as the intent.
    app.dependency_overrides[get_rasa_client] = rasa_answering(TYPED_WORD)
    reply = client.post("/api/chat", json={"message": f"je suis {TYPED_WORD}", "lang": "fr"})
    conversation_id = reply.json()["conversation_id"]
    text = client.get("/metrics").text
    assert TYPED_WORD.lower() not in text.lower()
    assert conversation_id not in text
    assert OTHER in label_values(samples(client), "intent")


def test_intents_are_a_closed_set_from_the_domain(client: TestClient) -> None:
    for intent in ("greet", "find_cpas", "nlu_fallback", TYPED_WORD, "utter_greet"):
        app.dependency_overrides[get_rasa_client] = rasa_answering(intent)
        client.post("/api/chat", json={"message": "Bonjour", "lang": "fr"})
    intents = label_values(samples(client), "intent")
    assert {"greet", "find_cpas", "nlu_fallback"} <= intents
    assert intents <= known_intents() | {OTHER}
    assert bot_intents() <= known_intents()
    assert TYPED_WORD not in known_intents() and "utter_greet" not in known_intents()


def test_every_series_names_its_replica(client: TestClient) -> None:
    found = samples(client)
    ours = [lbl for (name, lbl), _ in found.items() if name.startswith("aidguide_")]
    assert ours and all("replica" in dict(lbl) for lbl in ours)
