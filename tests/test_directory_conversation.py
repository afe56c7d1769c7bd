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
            {"centre": centre.display_name(lang), "municipality": centre.name_for(lang)},
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


@pytest.mark.parametrize(
    ("lang", "message"),
    [("fr", "adresse du CPAS de Jupille"), ("fr", "cpas de Grivegnée"), ("nl", "OCMW Bressoux")],
)
def test_a_section_in_the_question_answers_at_once(
    chat: ChatClient, lang: str, message: str
) -> None:
    """Sections are not in the intent model's place list; the form finds them in the text."""
    reply = chat.send(new_id(), message, lang=lang)
    assert reply.texts[0] == centre_line("62063", lang)


def test_known_contact_details_come_with_their_source(chat: ChatClient) -> None:
    reply = chat.send(new_id(), "adresse du CPAS de Jette", lang="fr")
    centre = load_directory().by_nis("21010")
    assert centre is not None and centre.address is not None
    assert centre.address.value in reply.text
    assert "Source" in reply.text


def test_a_centre_without_a_generic_email_says_so_and_gives_the_phone(chat: ChatClient) -> None:
    directory = load_directory()
    centre, postcode = next(
        (c, p)
        for c in directory.centres
        if c.email is None and c.phone is not None
        for p in c.postcodes
        if len(directory.by_postcode(p)) == 1
    )
    cid = new_id()
    chat.send(cid, "où est mon CPAS", lang="fr")
    reply = chat.send(cid, postcode, lang="fr")
    assert reply.texts[0] == centre_line(centre.nis, "fr")
    assert centre.phone.value in reply.text
    assert "aucune adresse générale" in reply.text


#: What the SPP IS list of January 2026 gives (shared/data/raw/cpas_list_2026), per place as
#: people write it: the centre, its address and its phone.
LIST_2026 = {
    "5100": ("92094", "Rue de Dave 165, 5100 Namur", "081 33 70 11"),
    "Jupille": ("62063", "Place Saint-Jacques 13, 4000 Liège", "04 220 58 11"),
    "Wilrijk": ("11002", "Grote Markt 1, 2000 Antwerpen", "03 221 13 33"),
    "Eupen": ("63023", "Limburger Weg 5, 4700 Eupen", "087 63 89 50"),
}
SOURCE_2026 = {
    "fr": "Source : [Liste des CPAS du SPP Intégration sociale, janvier 2026](https://www.mi-is.be)",
    "nl": "Bron: [Lijst van de OCMW's van de POD MI, januari 2026](https://www.mi-is.be)",
}
QUESTION = {"fr": "où est mon CPAS ?", "nl": "waar is mijn OCMW?"}


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("place", sorted(LIST_2026))
def test_the_2026_address_and_phone_are_shown(chat: ChatClient, lang: str, place: str) -> None:
    nis, address, phone = LIST_2026[place]
    cid = new_id()
    chat.send(cid, QUESTION[lang], lang=lang)
    reply = chat.send(cid, place, lang=lang)
    assert reply.lang == lang
    assert reply.texts[0] == centre_line(nis, lang)
    assert address in reply.text
    assert f"[{phone}](tel:+32{phone[1:].replace(' ', '')})" in reply.text
    assert SOURCE_2026[lang] in reply.text
    assert "github" not in reply.text
    assert reply.texts[-1] == renderer().render("utter_cpas_rule", lang).text


@pytest.mark.parametrize("place", ["Wilrijk", "Watermaal-Bosvoorde", "Kortrijk"])
def test_a_bare_dutch_place_name_keeps_a_french_conversation_french(
    chat: ChatClient, place: str
) -> None:
    """The language identifier reads these names as Dutch; as an answer they are not a switch."""
    cid = new_id()
    chat.send(cid, QUESTION["fr"], lang="fr")
    reply = chat.send(cid, place, lang="fr")
    assert reply.lang == "fr"
    assert reply.texts[-1] == renderer().render("utter_cpas_rule", "fr").text


@pytest.mark.parametrize(
    ("lang", "name", "label"),
    [("fr", "CPAS d'Eupen (ÖSHZ Eupen)", "Adresse :"), ("nl", "OCMW Eupen (ÖSHZ Eupen)", "Adres:")],
)
def test_eupen_is_answered_in_the_conversation_language_with_its_german_name(
    chat: ChatClient, lang: str, name: str, label: str
) -> None:
    cid = new_id()
    chat.send(cid, QUESTION[lang], lang=lang)
    reply = chat.send(cid, "Eupen", lang=lang)
    assert name in reply.texts[0]
    assert f"{label} Limburger Weg 5, 4700 Eupen" in reply.text


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
