"""Bad input to /api/chat through the real assistant: a clear answer in the user's language,
and the conversation goes on afterwards. Input refused before the assistant is asked:
tests/test_chat_input_checks.py."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from aidguide.content import topic_text
from aidguide.nlg import renderer

from .conftest import ChatClient

pytestmark = pytest.mark.stack


@pytest.mark.parametrize(
    ("lang", "question", "with_markup"),
    [
        ("fr", "Où est mon CPAS ?", "<b>Où est mon <i>CPAS</i> ?</b><img src=x onerror=alert(1)>"),
        (
            "nl",
            "Waar is mijn OCMW?",
            "<p>Waar is mijn <i>OCMW</i>?</p><img src=x onerror=alert(1)>",
        ),
    ],
)
def test_a_question_wrapped_in_markup_gets_the_answer_of_the_plain_question(
    chat: ChatClient, lang: str, question: str, with_markup: str
) -> None:
    """The markup is dropped before the model reads the question (tests/test_chat_input_checks.py
    shows what is forwarded): it changes neither the answer nor its language."""
    plain = chat.send(uuid.uuid4().hex[:12], question, lang=lang)
    wrapped = chat.send(uuid.uuid4().hex[:12], with_markup, lang=lang)
    assert wrapped.status == 200 and wrapped.lang == lang
    assert wrapped.texts == plain.texts and wrapped.payloads == plain.payloads


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
