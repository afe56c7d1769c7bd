"""Every response of the Rasa domain renders in French and Dutch, placeholders filled."""

from __future__ import annotations

import random

import pytest
from fastapi.testclient import TestClient

from aidguide.api.app import app
from aidguide.config import get_settings
from aidguide.nlg import renderer

NAMES = renderer().names
#: Values actions pass to responses (the helpdesk placeholders are filled by the renderer).
ACTION_ARGUMENTS = ["centre", "municipality", "example", "group"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_response_renders_translated(name: str, lang: str) -> None:
    """Placeholders are filled from the action's arguments, and none is left over."""
    arguments = {field: f"<{field}>" for field in ACTION_ARGUMENTS}
    for seed in range(3):  # responses may have several variants
        message = renderer().render(name, lang, arguments, choose=random.Random(seed))
        assert message.text
        assert "{" not in message.text, message.text
        assert all(b["title"] and b["payload"].startswith("/") for b in message.buttons)


@pytest.mark.parametrize("name", NAMES)
def test_french_and_dutch_texts_differ(name: str) -> None:
    """A text left in English (or copied from the other language) is a missing translation."""
    fr = renderer().render(name, "fr", {}, choose=random.Random(0)).text
    nl = renderer().render(name, "nl", {}, choose=random.Random(0)).text
    assert fr != nl


@pytest.fixture
def as_rasa(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The query parameters Rasa sends: the callback token of its endpoint config."""
    monkeypatch.setattr(get_settings(), "callback_token", "nlg-test-token")
    return {"token": "nlg-test-token"}


def test_nlg_endpoint_answers_in_the_slot_language(as_rasa: dict[str, str]) -> None:
    client = TestClient(app)
    body = {
        "response": "utter_greet",
        "arguments": {},
        "tracker": {"slots": {"language": "nl"}},
        "channel": {"name": "rest"},
    }
    response = client.post("/nlg", params=as_rasa, json=body)
    assert response.status_code == 200
    assert response.json()["text"] == renderer().render("utter_greet", "nl").text
    assert response.json()["text"] != renderer().render("utter_greet", "fr").text


def test_nlg_endpoint_rejects_unknown_responses(as_rasa: dict[str, str]) -> None:
    body = {"response": "utter_nope", "tracker": {}}
    response = TestClient(app).post("/nlg", params=as_rasa, json=body)
    assert response.status_code == 404
