"""The failure paths, driven on the real stack (Rasa + app): an action that crashes, a turn
the client gives up on (Rasa's REST timeout), forged button payloads, forged callbacks. Each
answer stays clear, and afterwards neither process's log holds anything that was typed."""

from __future__ import annotations

import stat
import uuid
from contextlib import suppress
from pathlib import Path

import httpx
import pytest

from aidguide.api.errors import HELPDESK, INTERNAL_ERROR
from aidguide.i18n import translator
from aidguide.stack.launcher import Stack

from .conftest import ChatClient, rasa_api

pytestmark = pytest.mark.stack

MARKERS = ["Zorglub", "Quetzalcoatl", "85.07.30-033.28", "85073003328", "zorglub@example.be"]


def logs(stack: Stack) -> dict[str, str]:
    return {
        name: stack.log_path(name).read_text(encoding="utf-8", errors="replace")
        for name in ("app", "rasa")
    }


def assert_no_marker_in_logs(stack: Stack) -> None:
    for name, text in logs(stack).items():
        assert text, f"the {name} log is empty: the test would prove nothing"
        for marker in MARKERS:
            assert marker not in text, (name, marker)


@pytest.mark.parametrize(
    ("lang", "question"),
    [("fr", "est-ce que j'ai droit à l'intégration ?"), ("nl", "heb ik recht op de X-premie?")],
)
def test_an_aid_the_product_does_not_know_gets_an_answer(
    chat: ChatClient, lang: str, question: str
) -> None:
    reply = chat.send(uuid.uuid4().hex, question, lang=lang)
    assert reply.status == 200
    assert reply.texts, "an answer, not an empty turn"
    assert reply.payloads, "buttons to choose the aid"


@pytest.mark.parametrize(
    "payload",
    [
        '/check_eligibility{"aid": "Zorglub Quetzalcoatl 85.07.30-033.28 zorglub@example.be"}',
        '/ask_documents{"aid": "Zorglub 85073003328"}',
        '/inform{"choice": "Zorglub zorglub@example.be"}',
        '/check_eligibility{"aid": "ris", "name": "Zorglub"}',
        '/restart{"aid": "Zorglub"}',
    ],
)
def test_forged_payloads_get_an_answer_and_leave_no_trace(
    stack: Stack, chat: ChatClient, payload: str
) -> None:
    reply = chat.send(uuid.uuid4().hex, payload, lang="fr")
    assert reply.status == 200 and reply.texts
    assert "85.07.30" not in reply.text and "zorglub@" not in reply.text
    assert_no_marker_in_logs(stack)


def test_a_crashing_action_answers_with_the_helpdesk_and_logs_no_text(
    stack: Stack, chat: ChatClient
) -> None:
    chat.send("crash", "Bonjour", lang="fr")
    sid = chat.server_id("crash")
    # A slot value no action expects (the events API accepts any value): the eligibility
    # intro fails on it, as an action failed on an aid name someone typed.
    event = {"event": "slot", "name": "aid", "value": ["Zorglub Quetzalcoatl 85073003328"]}
    rasa_api(stack, "POST", f"/conversations/{sid}/tracker/events", [event])
    executed = rasa_api(
        stack, "POST", f"/conversations/{sid}/execute", {"name": "action_eligibility_intro"}
    )
    texts = [m.get("text") for m in executed["messages"]]
    assert translator("fr").gettext(INTERNAL_ERROR, **HELPDESK) in texts
    app_log = logs(stack)["app"]
    assert "action failed action=action_eligibility_intro error=TypeError" in app_log
    assert_no_marker_in_logs(stack)


def test_a_turn_the_client_gives_up_on_logs_no_text(stack: Stack) -> None:
    """Rasa logs ``rest.message.received.timeout`` when the caller leaves before the answer."""
    for timeout in (0.02, 0.05, 0.1, 0.2, 0.4, 0.8):
        for _ in range(3):
            with suppress(httpx.TimeoutException):
                httpx.post(
                    f"{stack.rasa_url}/webhooks/rest/webhook",
                    json={
                        "sender": uuid.uuid4().hex,
                        "message": "Zorglub Quetzalcoatl 85073003328",
                    },
                    timeout=timeout,
                )
        if "rest.message.received.timeout" in logs(stack)["rasa"]:
            break
    assert "rest.message.received.timeout" in logs(stack)["rasa"], "the path was not driven"
    assert_no_marker_in_logs(stack)


@pytest.mark.parametrize("path", ["/webhook", "/nlg"])
def test_callbacks_refuse_the_public(stack: Stack, path: str) -> None:
    body = {
        "next_action": "action_default_fallback",
        "response": "utter_default",
        "arguments": {"helpdesk_phone": "Zorglub"},
        "tracker": {"sender_id": "x", "slots": {}, "events": [], "latest_message": {}},
    }
    for params in ({}, {"token": stack.rasa_token}, {"token": "guess"}):
        response = httpx.post(f"{stack.base_url}{path}", params=params, json=body, timeout=10)
        assert response.status_code == 403
    assert_no_marker_in_logs(stack)


def test_tokens_are_on_no_command_line(stack: Stack) -> None:
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            arguments = cmdline.read_bytes().decode(errors="replace")
        except OSError:  # the process ended meanwhile
            continue
        assert stack.rasa_token not in arguments, cmdline
        assert stack.callback_token not in arguments, cmdline


def test_log_files_are_readable_by_the_service_only(stack: Stack) -> None:
    for name in ("app", "rasa"):
        assert stat.S_IMODE(stack.log_path(name).stat().st_mode) == 0o600
