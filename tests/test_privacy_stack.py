"""Nothing a user types stays: not in Rasa's tracker, not in the logs of either process."""

from __future__ import annotations

import json
import re
import uuid

import pytest

from aidguide.stack.launcher import Stack

from .conftest import ChatClient
from .conftest import rasa_tracker as tracker

pytestmark = pytest.mark.stack

SECRETS = [
    "Zorglub Quetzalcoatl",
    "85.07.30-033.28",
    "BE71 0961 2345 6769",
    "zorglub@example.be",
    "0470 12 34 56",
    "rue des Mimosas 17",
]


def test_typed_texts_reach_neither_tracker_nor_logs(stack: Stack, chat: ChatClient) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, "Bonjour, je m'appelle Zorglub Quetzalcoatl", lang="fr")
    chat.send(cid, "mon numéro national est 85.07.30-033.28 et mon compte BE71 0961 2345 6769")
    chat.send(cid, "écrivez-moi à zorglub@example.be ou au 0470 12 34 56, rue des Mimosas 17")
    chat.send(cid, "Kan ik in het Nederlands verder?")

    stored = json.dumps(tracker(stack, chat.server_id(cid)), ensure_ascii=False)
    assert '"event": "user"' in stored  # the turns are there, without their texts
    for secret in [*SECRETS, "Bonjour", "Nederlands verder"]:
        assert secret not in stored, secret

    for name in ("app", "rasa"):
        log = stack.log_path(name).read_text(encoding="utf-8", errors="replace")
        assert log, f"the {name} log is empty: the test would prove nothing"
        for secret in [*SECRETS, "je m'appelle", "Nederlands verder"]:
            assert secret not in log, (name, secret)
    assert f"conversation={chat.server_id(cid)}" in stack.log_path("app").read_text()


def test_clearing_a_conversation_forgets_it(stack: Stack, chat: ChatClient) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, "Goeiedag")
    sid = chat.server_id(cid)
    assert any(e["event"] == "user" for e in tracker(stack, sid)["events"])
    assert chat.http.delete(f"/api/chat/{sid}").status_code == 204
    assert not any(e["event"] == "user" for e in tracker(stack, sid)["events"])
    assert tracker(stack, sid)["slots"].get("language") is None


ELIGIBILITY_ANSWERS = {
    "fr": [
        "est-ce que j'ai droit au revenu d'intégration ?",
        "j'ai quarante-sept ans",
        '/inform{"choice": "belgian"}',
        "oui j'habite ici",
        '/inform{"choice": "cohabiting"}',
        "je touche 4321,87 euros",
        "oui je cherche",
        "Ottignies-Louvain-la-Neuve",
    ],
    "nl": [
        "heb ik recht op een leefloon?",
        "ik ben zevenenveertig",
        '/inform{"choice": "belgian"}',
        "ja ik woon hier",
        '/inform{"choice": "cohabiting"}',
        "ik krijg 4321,87 euro",
        "ja ik zoek werk",
        "Sint-Pieters-Leeuw",
    ],
}
_AGE_OR_INCOME = re.compile(r"elig_(age|income)\W{1,6}(47|4321)")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_eligibility_answers_are_forgotten_once_the_result_is_shown(
    stack: Stack, chat: ChatClient, lang: str
) -> None:
    cid = uuid.uuid4().hex[:12]
    messages = ELIGIBILITY_ANSWERS[lang]
    replies = [chat.send(cid, messages[0], lang=lang)] + [chat.send(cid, m) for m in messages[1:]]
    assert {"fr": "Le CPAS décide", "nl": "Het OCMW beslist"}[lang] in replies[-1].text

    stored = tracker(stack, chat.server_id(cid))
    slot_events = [e for e in stored["events"] if e["event"] == "slot"]
    assert any(e["name"] == "elig_age" for e in slot_events), "the form must have run"
    for event in slot_events:
        if event["name"].startswith("elig_"):
            assert event["value"] is None, event
    assert all(v is None for k, v in stored["slots"].items() if k.startswith("elig_"))
    dumped = json.dumps(stored, ensure_ascii=False)
    typed = [m for m in messages if not m.startswith("/")]
    for secret in [*typed, "4321.87", "4321,87", "quarante-sept", "zevenenveertig"]:
        assert secret not in dumped, secret
    assert not _AGE_OR_INCOME.search(dumped)

    for name in ("app", "rasa"):
        log = stack.log_path(name).read_text(encoding="utf-8", errors="replace")
        for secret in [*typed, "4321.87", "4321,87"]:
            assert secret not in log, (name, secret)
        assert not _AGE_OR_INCOME.search(log), name
