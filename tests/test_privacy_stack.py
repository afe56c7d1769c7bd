"""Nothing a user types stays: not in Rasa's tracker, not in the logs of either process."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest

from aidguide.stack.launcher import Stack

from .conftest import ChatClient

pytestmark = pytest.mark.stack

SECRETS = [
    "Zorglub Quetzalcoatl",
    "85.07.30-033.28",
    "BE71 0961 2345 6769",
    "zorglub@example.be",
    "0470 12 34 56",
    "rue des Mimosas 17",
]


def tracker(stack: Stack, conversation_id: str) -> dict:
    response = httpx.get(
        f"{stack.rasa_url}/conversations/{conversation_id}/tracker",
        params={"token": stack.rasa_token, "include_events": "ALL"},
        timeout=10,
    )
    response.raise_for_status()
    return response.json()


def test_typed_texts_reach_neither_tracker_nor_logs(stack: Stack, chat: ChatClient) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, "Bonjour, je m'appelle Zorglub Quetzalcoatl", lang="fr")
    chat.send(cid, "mon numéro national est 85.07.30-033.28 et mon compte BE71 0961 2345 6769")
    chat.send(cid, "écrivez-moi à zorglub@example.be ou au 0470 12 34 56, rue des Mimosas 17")
    chat.send(cid, "Kan ik in het Nederlands verder?")

    stored = json.dumps(tracker(stack, cid), ensure_ascii=False)
    assert '"event": "user"' in stored  # the turns are there, without their texts
    for secret in [*SECRETS, "Bonjour", "Nederlands verder"]:
        assert secret not in stored, secret

    for name in ("app", "rasa"):
        log = stack.log_path(name).read_text(encoding="utf-8", errors="replace")
        assert log, f"the {name} log is empty: the test would prove nothing"
        for secret in [*SECRETS, "je m'appelle", "Nederlands verder"]:
            assert secret not in log, (name, secret)
    assert f"conversation={cid}" in stack.log_path("app").read_text()


def test_clearing_a_conversation_forgets_it(stack: Stack, chat: ChatClient) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, "Goeiedag")
    assert any(e["event"] == "user" for e in tracker(stack, cid)["events"])
    assert chat.http.delete(f"/api/chat/{cid}").status_code == 204
    assert not any(e["event"] == "user" for e in tracker(stack, cid)["events"])
    assert tracker(stack, cid)["slots"].get("language") is None
