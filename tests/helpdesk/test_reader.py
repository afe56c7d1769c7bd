"""Reading an e-mail: only the writer's new text is analysed."""

from __future__ import annotations

import pytest

from aidguide.helpdesk import UnreadableEmail, read_email
from aidguide.helpdesk.masking import mask_email
from aidguide.helpdesk.topics import read_topics

from .evaluation import EMAILS


def test_headers_give_the_subject_without_reply_prefixes():
    read = read_email((EMAILS / "fr05_rent_guarantee_charleroi_reply.eml").read_bytes())
    assert read.subject == "Votre question au SPP Intégration sociale"
    assert "From:" not in read.new_text


def test_quoted_french_history_is_set_apart():
    read = read_email((EMAILS / "fr05_rent_guarantee_charleroi_reply.eml").read_bytes())
    assert "garantie locative" in read.new_text
    assert "revenu d'intégration" not in read.new_text.lower()
    assert read.quoted.startswith("Le 18 nov. 2026")


def test_quoted_dutch_history_is_set_apart():
    read = read_email((EMAILS / "nl34_huurwaarborg_hasselt_reply.eml").read_bytes())
    assert "huurwaarborg" in read.new_text
    assert read.quoted.startswith("Op 19 nov. 2026")
    assert "30 dagen" not in read.new_text


@pytest.mark.parametrize(
    ("intro", "quoted"),
    [
        ("On Mon, 30 Nov 2026 at 10:00, Help <question@mi-is.be> wrote:", "> old text"),
        ("Am 30.11.2026 um 10:00 schrieb Helpdesk <question@mi-is.be>:", "> alter Text"),
        ("-----Original Message-----", "From: x\nSent: y\nold text"),
        ("-------- Message d'origine --------", "De : x\nold text"),
        ("Van: Helpdesk <question@mi-is.be>", "Verzonden: maandag 30 november 2026\nold text"),
    ],
)
def test_other_reply_styles_are_set_apart(intro, quoted):
    read = read_email(f"Ma question sur le leefloon.\n\n{intro}\n{quoted}\n")
    assert read.new_text == "Ma question sur le leefloon."
    assert "old" not in read.new_text and "alter" not in read.new_text


def test_a_signature_is_set_apart_from_the_new_text():
    read = read_email((EMAILS / "fr04_amu_saintgilles_worker.eml").read_bytes())
    assert "Ixelles" not in read.new_text, "the organisation's address is not the residence"
    assert "Ixelles" in read.signature


def test_a_forwarded_message_is_kept_apart():
    read = read_email((EMAILS / "fr15_forwarded_heating_arlon.eml").read_bytes())
    assert "Arlon" not in read.new_text
    assert "Arlon" in read.forwarded and read.quoted == ""


def test_an_html_email_is_read_as_text():
    read = read_email((EMAILS / "fr20_rent_guarantee_etterbeek_html.eml").read_bytes())
    assert "garantie locative" in read.new_text and "<p>" not in read.new_text
    assert "Nous habitons à Etterbeek" in read.new_text


def test_quoted_printable_latin1_is_decoded():
    read = read_email((EMAILS / "fr02_heating_liege.eml").read_bytes())
    assert "J'ai fait livrer 1.000 litres de mazout" in read.new_text


@pytest.mark.parametrize(
    "raw", ["", "   \n\t ", b"\x00\x01\x02binary\x00", b"\x89PNG\r\n\x1a\n\x00"]
)
def test_empty_or_binary_input_is_unreadable(raw):
    with pytest.raises(UnreadableEmail):
        read_email(raw)


def test_mail_with_headers_and_no_body_is_unreadable():
    with pytest.raises(UnreadableEmail):
        read_email("From: a@b.be\nTo: question@mi-is.be\nSubject:\n\n")


def test_masking_covers_headers_streets_and_numbers():
    raw = (EMAILS / "nl31_stookolie_brugge.eml").read_text(encoding="utf-8")
    masked = mask_email(raw)
    for value in (
        "Willy Vermeersch <",
        "49.12.24-017.85",
        "Moerkerkse Steenweg 190",
        "050 36 12 48",
    ):
        assert value not in masked
    assert "stookolie" in masked, "the question stays readable"


def test_a_name_in_a_question_is_asked_a_name_in_context_is_not():
    reading = read_topics("J'ai la BIM. Est-ce que j'ai droit à l'allocation de chauffage ?")
    assert [t.aid for t in reading.topics] == ["heating_allowance"]
    both = read_topics("Puis-je avoir le statut BIM ? Et l'allocation de chauffage ?")
    assert {t.aid for t in both.topics} == {"bim", "heating_allowance"}


def test_an_acronym_counts_only_in_capitals():
    assert read_topics("Merci,\nMr Diallo").topics == ()
    assert [t.aid for t in read_topics("Une question sur le RIS ?").topics] == ["ris"]


def test_a_longer_cue_wins_over_the_name_it_contains():
    text = "Il est au registre des étrangers. Il n'a pas droit au revenu d'intégration ?"
    assert [t.aid for t in read_topics(text).topics] == ["equivalent_aid"]
    assert [t.aid for t in read_topics("A-t-il droit au revenu d'intégration ?").topics] == ["ris"]


#: 87.11.02-045.53: 97 - (871102045 mod 97) = 53, a valid national register number.
@pytest.mark.parametrize(
    "written", ["est le 87.11.02-045.53.", "est le 87110204553.", "(87110204553)"]
)
def test_a_national_number_in_any_punctuation_is_masked_in_the_email(written):
    masked = mask_email(f"Bonjour, mon numéro national {written} Merci")
    assert "87" not in masked and "[NRN]" in masked
