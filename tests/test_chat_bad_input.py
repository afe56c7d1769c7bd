"""Bad input to /api/chat: a clear answer in the user's language, never a stack trace,
and the conversation goes on afterwards."""

from __future__ import annotations

import uuid
from datetime import date

import httpx
import pytest

from aidguide.content import topic_text
from aidguide.i18n import translator
from aidguide.nlg import renderer

from .conftest import ChatClient

pytestmark = pytest.mark.stack


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
def test_empty_messages(chat: ChatClient, lang: str, message: str) -> None:
    response = chat.http.post(
        "/api/chat", json={"conversation_id": "e1", "message": message, "lang": lang}
    )
    assert_error(
        response, 422, "empty_message", lang, "Your message is empty. Please write your question."
    )


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_too_long_message(chat: ChatClient, lang: str) -> None:
    response = chat.http.post(
        "/api/chat", json={"conversation_id": "e2", "message": "a" * 2001, "lang": lang}
    )
    assert_error(
        response,
        422,
        "message_too_long",
        lang,
        "Your message is too long. Please keep it under {max_chars} characters.",
    )


@pytest.mark.parametrize(
    ("content", "status", "code", "msgid"),
    [
        (b"{not json", 400, "invalid_json", "The request is not valid JSON."),
        (b"\xff\xfe\x00\x81binary", 400, "invalid_json", "The request is not valid JSON."),
        (b"", 422, "invalid_request", "The request is not valid."),
    ],
)
def test_invalid_json_and_binary_bodies(
    chat: ChatClient, content: bytes, status: int, code: str, msgid: str
) -> None:
    response = chat.http.post(
        "/api/chat",
        content=content,
        headers={"content-type": "application/json", "accept-language": "nl-BE,nl;q=0.9"},
    )
    assert_error(response, status, code, "nl", msgid)


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
def test_wrong_types_are_named_in_the_users_language(chat: ChatClient, body: dict) -> None:
    response = chat.http.post("/api/chat", json=body)
    assert_error(
        response, 422, "invalid_request", "nl", "The field {field} is missing or has a wrong value."
    )


def test_html_and_script_are_treated_as_text(chat: ChatClient) -> None:
    cid = uuid.uuid4().hex[:12]
    reply = chat.send(cid, "<script>alert('x')</script>", lang="fr")
    assert reply.status == 200
    for text in reply.texts:
        assert "<script>" not in text and "alert(" not in text


def test_unknown_slash_commands_are_plain_text(chat: ChatClient) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, "Goeiedag")
    reply = chat.send(cid, "/restart")
    assert reply.status == 200
    assert reply.lang == "nl"


def test_another_language_gets_a_clear_answer_and_the_state_stays(chat: ChatClient) -> None:
    cid = uuid.uuid4().hex[:12]
    assert chat.send(cid, "Goeiedag").lang == "nl"
    reply = chat.send(cid, "Hello, can you please tell me where I can get help with my rent?")
    assert reply.lang == "nl"
    assert reply.text == renderer().render("utter_other_language", "nl").text
    assert set(reply.payloads) == {
        '/change_language{"language": "fr"}',
        '/change_language{"language": "nl"}',
    }
    reply = chat.send(cid, "Wie geht es Ihnen heute, ich brauche Hilfe")
    assert reply.lang == "nl"


def test_conversation_goes_on_after_bad_input(chat: ChatClient) -> None:
    cid = uuid.uuid4().hex[:12]
    assert chat.send(cid, "Goeiedag").lang == "nl"
    for bad in ("", "x" * 5000, "\x00"):
        chat.http.post("/api/chat", json={"conversation_id": chat.server_id(cid), "message": bad})
    chat.http.post("/api/chat", content=b"\xff", headers={"content-type": "application/json"})
    reply = chat.send(cid, "ok")
    assert reply.status == 200
    assert reply.lang == "nl"  # the conversation kept its language


@pytest.mark.parametrize(("lang", "first"), [("fr", "Bonjour"), ("nl", "Goeiedag")])
def test_keyboard_mashing_gets_a_clear_answer_and_the_question_stays(
    chat: ChatClient, lang: str, first: str
) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, first, lang=lang)
    chat.send(cid, "/check_eligibility")
    asked = chat.send(cid, '/inform{"choice": "ris"}')
    assert asked.texts[-1] == renderer().render("utter_ask_elig_age", lang).text
    reply = chat.send(cid, "qsdkjfh qsdf")
    assert reply.lang == lang
    assert reply.text == renderer().render("utter_unreadable", lang).text
    # The open question is still open: the next answer is taken as the age.
    after = chat.send(cid, "45")
    assert after.texts[-1] == renderer().render("utter_ask_elig_residence_status", lang).text


@pytest.mark.parametrize(("lang", "unknown"), [("fr", "blabla"), ("nl", "kwak kwak")])
def test_words_the_assistant_does_not_know_get_a_clear_answer_and_the_topic_stays(
    chat: ChatClient, lang: str, unknown: str
) -> None:
    """The intent model is sure of some intent on such words (blabla -> affirm); the app says
    it did not understand, and the aid under discussion is still the one of the follow-up."""
    cid = uuid.uuid4().hex[:12]
    chat.send(
        cid,
        {"fr": "c'est quoi le revenu d'intégration ?", "nl": "wat is het leefloon?"}[lang],
        lang=lang,
    )
    reply = chat.send(cid, unknown)
    assert reply.lang == lang
    assert reply.text == renderer().render("utter_not_understood", lang).text
    assert reply.payloads == ["/list_aids", "/find_cpas", "/contact_human"]
    documents = chat.send(
        cid,
        {
            "fr": "et quels documents je dois apporter ?",
            "nl": "en welke papieren moet ik meebrengen?",
        }[lang],
    )
    assert documents.texts[0] == topic_text("ris", "documents", lang, date.today())


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_inside_a_form_unknown_words_are_the_form_s_to_read(chat: ChatClient, lang: str) -> None:
    """The form asks again with an example: the answer is its own to judge."""
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, "/check_eligibility", lang=lang)
    asked = chat.send(cid, '/inform{"choice": "ris"}')
    assert asked.texts[-1] == renderer().render("utter_ask_elig_age", lang).text
    reply = chat.send(cid, "blabla")
    assert reply.text != renderer().render("utter_not_understood", lang).text
    assert reply.texts[-1] == renderer().render("utter_ask_elig_age", lang).text
