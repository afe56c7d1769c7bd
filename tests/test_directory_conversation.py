"""Finding one's CPAS / OCMW in a conversation, in French and Dutch (real model)."""

from __future__ import annotations

import uuid

import pytest

from aidguide.directory import load_directory
from aidguide.nlg import renderer

from .conftest import ChatClient

pytestmark = pytest.mark.stack


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def centre_line(nis: str, lang: str) -> str:
    centre = load_directory().by_nis(nis)
    assert centre is not None
    return (
        renderer()
        .render(
            "utter_cpas_found",
            lang,
            {"centre": centre.centre_name_for(lang), "municipality": centre.name_for(lang)},
        )
        .text
    )


@pytest.mark.parametrize(
    ("lang", "question", "answer", "nis"),
    [
        ("fr", "où est mon CPAS ?", "1070", "21001"),
        ("fr", "je dois aller à quel cpas svp", "j'habite à Jette", "21010"),
        ("nl", "welk OCMW moet ik hebben?", "ik woon in Gent", "44021"),
        ("nl", "waar is mijn ocmw", "9000", "44021"),
    ],
)
def test_the_form_asks_for_the_place_then_names_the_centre(
    chat: ChatClient, lang: str, question: str, answer: str, nis: str
) -> None:
    cid = new_id()
    asked = chat.send(cid, question, lang=lang)
    assert asked.text == renderer().render("utter_ask_cpas_location", lang).text
    found = chat.send(cid, answer, lang=lang)
    assert found.texts[0] == centre_line(nis, lang)
    assert found.texts[-1] == renderer().render("utter_cpas_rule", lang).text


@pytest.mark.parametrize(
    ("lang", "message", "nis"),
    [
        ("fr", "adresse du CPAS de Namur", "92094"),
        ("nl", "waar is het OCMW van Luik?", "62063"),
        ("fr", "c'est où l'ocmw de Anvers", "11002"),
    ],
)
def test_a_place_in_the_question_answers_at_once(
    chat: ChatClient, lang: str, message: str, nis: str
) -> None:
    reply = chat.send(new_id(), message, lang=lang)
    assert reply.texts[0] == centre_line(nis, lang)


def test_known_contact_details_come_with_their_source(chat: ChatClient) -> None:
    reply = chat.send(new_id(), "adresse du CPAS de Jette", lang="fr")
    centre = load_directory().by_nis("21010")
    assert centre is not None and centre.address is not None
    assert centre.address.value in reply.text
    assert "Source" in reply.text


def test_unknown_contact_details_are_said_with_the_helpdesk(chat: ChatClient) -> None:
    directory = load_directory()
    centre, postcode = next(
        (c, p)
        for c in directory.centres
        if not c.contact_fields()
        for p in c.postcodes
        if len(directory.by_postcode(p)) == 1
    )
    cid = new_id()
    chat.send(cid, "où est mon CPAS", lang="fr")
    reply = chat.send(cid, postcode, lang="fr")
    assert reply.texts[0] == centre_line(centre.nis, "fr")
    assert renderer().render("utter_cpas_no_contact", "fr").text in reply.texts


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_shared_postcode_offers_a_choice(chat: ChatClient, lang: str) -> None:
    cid = new_id()
    chat.send(cid, "où est mon CPAS ?" if lang == "fr" else "waar is mijn OCMW?", lang=lang)
    choice = chat.send(cid, "1040", lang=lang)
    assert choice.texts[0] == renderer().render("utter_cpas_choose", lang).text
    assert choice.payloads == [
        '/inform_location{"nis": "21004"}',
        '/inform_location{"nis": "21005"}',
    ]
    chosen = chat.send(cid, choice.payloads[1], lang=lang)
    assert chosen.texts[0] == centre_line("21005", lang)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_brussels_means_the_city_and_the_19_communes_are_explained(
    chat: ChatClient, lang: str
) -> None:
    cid = new_id()
    chat.send(cid, "où est mon CPAS ?" if lang == "fr" else "waar is mijn OCMW?", lang=lang)
    reply = chat.send(cid, "Bruxelles" if lang == "fr" else "Brussel", lang=lang)
    assert reply.texts[0] == centre_line("21004", lang)
    assert renderer().render("utter_cpas_brussels", lang).text in reply.texts


def test_an_unknown_place_is_asked_again_and_stop_leaves(chat: ChatClient) -> None:
    cid = new_id()
    chat.send(cid, "waar is mijn OCMW?", lang="nl")
    again = chat.send(cid, "Xyzzyville", lang="nl")
    assert renderer().render("utter_cpas_not_found", "nl").text in again.texts
    stopped = chat.send(cid, "stoppen", lang="nl")
    assert stopped.text == renderer().render("utter_form_stopped", "nl").text
