"""The scaled set-up for real: a redis-server, two Rasa replicas and two app replicas behind
nginx (``Stack(replicas=2)``, what ``make run-scaled`` starts).

Turns of one conversation alternate between the app replicas, and so between the Rasa
replicas (each app replica prefers its own Rasa, the other one is its backup): no turn may be
lost, none may be answered in another conversation or language; Redis may hold no typed text
and forgets. Then the faults: a Rasa replica killed mid-run, Redis down and back.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from aidguide.api.errors import ASSISTANT_UNAVAILABLE
from aidguide.directory import load_directory
from aidguide.i18n import translator
from aidguide.nlg import renderer
from aidguide.stack.balancer import NginxMissing
from aidguide.stack.launcher import Stack, free_port
from aidguide.stack.model import model_path
from aidguide.stack.redis_server import RedisServerMissing

pytestmark = pytest.mark.stack

#: Idle minutes before Redis forgets a conversation, short for the test (30 in use).
EXPIRY_MINUTES = 1
EXPIRY_SECONDS = EXPIRY_MINUTES * 60
QUESTION = {"fr": "Bonjour, où est mon CPAS s'il vous plaît ?", "nl": "Hallo, waar is mijn OCMW?"}
THANKS = {"fr": "merci beaucoup pour votre aide", "nl": "heel erg bedankt voor uw hulp"}


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not model_path().exists():
        pytest.fail("no trained model for the current bot/: run `make test` (it trains first)")
    log_dir = Path(os.environ.get("AIDGUIDE_TEST_LOGS", tmp_path_factory.mktemp("scaled-logs")))
    stack = Stack(
        app_port=free_port(),
        rasa_port=free_port(),
        replicas=2,
        log_dir=log_dir / "scaled",
        session_expiry_minutes=EXPIRY_MINUTES,
    )
    try:
        stack.start(timeout=600)
    except (RedisServerMissing, NginxMissing) as missing:
        pytest.fail(str(missing))
    try:
        yield stack
    finally:
        stack.stop()


def one_centre_postcodes(count: int) -> list[tuple[str, str]]:
    """``count`` postcodes served by exactly one centre, spread over the country."""
    directory = load_directory()
    unique = [
        (code, centres[0].nis)
        for code in sorted(directory.postcodes)
        if len(centres := directory.by_postcode(code)) == 1
    ]
    step = len(unique) // count
    return unique[::step][:count]


def centre_line(nis: str, lang: str) -> str:
    centre = load_directory().by_nis(nis)
    assert centre is not None
    values = {"centre": centre.display_name(lang), "municipality": centre.name_for(lang)}
    return renderer().render("utter_cpas_found", lang, values).text


class Conversation:
    """One person: a language, a place, and the turns the test expects to be answered."""

    def __init__(self, lang: str, postcode: str, nis: str) -> None:
        self.lang, self.postcode, self.nis = lang, postcode, nis
        self.id: str | None = None
        self.turns = [
            (QUESTION[lang], renderer().render("utter_ask_cpas_location", lang).text),
            (postcode, centre_line(nis, lang)),
            (THANKS[lang], None),  # any answer, in the language, in this conversation
        ]
        self.typed = [text for text, _ in self.turns]

    def send(self, base_url: str, text: str) -> httpx.Response:
        body = {"message": text, "lang": self.lang}
        if self.id:
            body["conversation_id"] = self.id
        return httpx.post(f"{base_url}/api/chat", json=body, timeout=90)

    def play(self, base_url: str, turn: int) -> None:
        """Turn ``turn`` through ``base_url``; fails on a lost or misplaced answer."""
        text, expected = self.turns[turn]
        response = self.send(base_url, text)
        assert response.status_code == 200, response.text
        reply = response.json()
        assert self.id in (None, reply["conversation_id"]), "answered in another conversation"
        self.id = reply["conversation_id"]
        assert reply["lang"] == self.lang
        texts = [m["text"] for m in reply["messages"]]
        assert texts, f"turn {turn} of a {self.lang} conversation got no answer"
        if expected is not None:
            assert texts[0] == expected, (turn, self.lang, texts)


def conversations(count: int) -> list[Conversation]:
    return [
        Conversation("fr" if index % 2 else "nl", postcode, nis)
        for index, (postcode, nis) in enumerate(one_centre_postcodes(count))
    ]


def redis_client(stack: Stack) -> redis.Redis:
    assert stack.redis is not None
    return redis.Redis.from_url(stack.redis.url, decode_responses=True)


def stored_values(client: redis.Redis) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for key in client.scan_iter("*"):
        kind = client.type(key)
        if kind == "list":
            values[key] = client.lrange(key, 0, -1)
        elif kind == "hash":
            values[key] = [f"{k}={v}" for k, v in client.hgetall(key).items()]
        elif kind == "string":
            values[key] = [client.get(key) or ""]
        else:
            values[key] = [kind]
    return values


def test_turns_alternate_between_replicas_and_none_is_lost_or_misplaced(scaled: Stack) -> None:
    people = conversations(20)
    for turn in range(3):
        for index, person in enumerate(people):
            # Turn by turn, a person's messages go to app 1 then app 2 (Rasa 1, then Rasa 2).
            person.play(scaled.app_urls[(index + turn) % 2], turn)

    client = redis_client(scaled)
    stored = stored_values(client)
    trackers = [key for key in stored if key.startswith("tracker:") and ":" not in key[8:]]
    assert {key.removeprefix("tracker:") for key in trackers} == {p.id for p in people}
    everything = json.dumps(stored)
    for person in people:
        for typed in person.typed[::2]:  # the sentences (the postcode is a slot's value)
            assert typed not in everything
        events = [json.loads(item) for item in stored[f"tracker:{person.id}"]]
        assert all(e["text"] == "" for e in events if e["event"] in ("user", "bot"))
        assert any(e["event"] == "user" for e in events)
    assert scaled.log_dir is not None
    logs = " ".join(path.read_text(errors="replace") for path in scaled.log_dir.glob("*.log"))
    assert not any(typed in logs for person in people for typed in person.typed[::2])
    for person in people:
        for key in (f"tracker:{person.id}", f"aidguide:turns:{person.id}"):
            assert 0 < client.ttl(key) <= EXPIRY_SECONDS, key
    assert all(client.ttl(key) != -1 for key in stored), "a key that never expires"


def test_a_rasa_replica_killed_mid_run_the_other_serves(scaled: Stack) -> None:
    people = conversations(8)
    for index, person in enumerate(people):
        person.play(scaled.app_urls[index % 2], 0)
    scaled.kill("rasa-1")
    for turn in (1, 2):
        for index, person in enumerate(people):
            person.play(scaled.app_urls[(index + turn) % 2], turn)
    # Through the public address (nginx) as well.
    Conversation("fr", *one_centre_postcodes(1)[0]).play(scaled.base_url, 0)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_redis_down_gets_the_helpdesk_in_the_language_then_recovers(
    scaled: Stack, lang: str
) -> None:
    assert scaled.redis is not None
    person = Conversation(lang, *one_centre_postcodes(1)[0])
    person.play(scaled.base_url, 0)
    scaled.redis.stop()
    try:
        down = person.send(scaled.base_url, person.turns[1][0])
    finally:
        scaled.redis.start()
    assert down.status_code == 503
    message = down.json()["error"]["message"]
    assert message.startswith(translator(lang).gettext(ASSISTANT_UNAVAILABLE).split("{")[0])
    assert "question@mi-is.be" in message
    # Back: Redis kept nothing (no persistence), so the conversation starts again.
    person.play(scaled.base_url, 0)
    person.play(scaled.base_url, 1)


def test_redis_forgets_idle_conversations(scaled: Stack) -> None:
    person = Conversation("nl", *one_centre_postcodes(1)[0])
    person.play(scaled.base_url, 0)
    client = redis_client(scaled)
    assert client.exists(f"tracker:{person.id}")
    deadline = time.monotonic() + EXPIRY_SECONDS + 30
    while client.dbsize() and time.monotonic() < deadline:
        time.sleep(2)
    assert stored_values(client) == {}
