"""A greeting or thanks before a question gets the answer to the question, in both languages,
through the real stack (aidguide.courtesy, called by /api/chat)."""

from __future__ import annotations

import uuid

import pytest

from aidguide.nlg import renderer

from .conftest import ChatClient

pytestmark = pytest.mark.stack


def rendered(response: str, language: str) -> str:
    return renderer().render(response, language).text


@pytest.mark.parametrize(
    ("message", "lang", "place"),
    [
        ("Bonjour, où est le CPAS de 1070 ?", "fr", "Anderlecht"),
        ("Salut ! le cpas de Namur c'est où", "fr", "Namur"),
        ("Hallo, ik woon in 9000, welk OCMW?", "nl", "Gent"),
        ("Goeiedag, waar is het OCMW van Gent?", "nl", "Gent"),
        ("Dag, ik zoek het adres van het OCMW van Leuven", "nl", "Leuven"),
        ("Goedemiddag, ik heb een vraag: waar is het OCMW van Brugge?", "nl", "Brugge"),
    ],
)
def test_greeting_then_where_is_my_centre_names_the_centre(
    chat: ChatClient, message: str, lang: str, place: str
) -> None:
    reply = chat.send(uuid.uuid4().hex[:12], message, lang=lang)
    assert reply.status == 200
    assert rendered("utter_greet", lang) not in reply.texts
    assert place in reply.text


@pytest.mark.parametrize(
    ("message", "lang", "aid"),
    [
        ("Bonjour, aide pour payer le mazout ?", "fr", "heating_allowance"),
        ("Salut, c'est quoi la garantie locative du CPAS ?", "fr", "rent_guarantee"),
        ("Goedemiddag, ik heb een vraag: hoe werkt de huurwaarborg?", "nl", "rent_guarantee"),
        ("Dag, wat is de installatiepremie?", "nl", "installation_premium"),
    ],
)
def test_greeting_then_an_aid_question_gets_the_sheet_once(
    chat: ChatClient, message: str, lang: str, aid: str
) -> None:
    reply = chat.send(uuid.uuid4().hex[:12], message, lang=lang)
    assert rendered("utter_greet", lang) not in reply.texts
    assert f'/ask_how_to_apply{{"aid": "{aid}"}}' in reply.payloads


@pytest.mark.parametrize(
    ("first", "then", "lang", "aid"),
    [
        ("le RIS c'est quoi ?", "Merci ! Et pour la garantie locative ?", "fr", "rent_guarantee"),
        (
            "wat is het leefloon?",
            "Bedankt. En de stookoliepremie, hoe zit dat?",
            "nl",
            "heating_allowance",
        ),
        (
            "c'est quoi la GRAPA ?",
            "Merci beaucoup. Autre chose : le RIS, c'est quoi ?",
            "fr",
            "ris",
        ),
        ("wat is de IGO?", "Dank u wel! Nog een vraag: wat is het leefloon?", "nl", "ris"),
    ],
)
def test_thanks_then_a_new_question_gets_the_answer_not_you_are_welcome(
    chat: ChatClient, first: str, then: str, lang: str, aid: str
) -> None:
    conversation = uuid.uuid4().hex[:12]
    chat.send(conversation, first, lang=lang)
    reply = chat.send(conversation, then, lang=lang)
    assert rendered("utter_you_are_welcome", lang) not in reply.texts
    assert f'/ask_how_to_apply{{"aid": "{aid}"}}' in reply.payloads


@pytest.mark.parametrize(("message", "lang"), [("Bonjour", "fr"), ("Goeiedag", "nl")])
def test_a_greeting_alone_is_still_greeted(chat: ChatClient, message: str, lang: str) -> None:
    reply = chat.send(uuid.uuid4().hex[:12], message, lang=lang)
    assert reply.text == rendered("utter_greet", lang)
