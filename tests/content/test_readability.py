"""Plain language: every answer text reads easily (Kandel & Moles / Flesch-Douma >= 60) and
no sentence is longer than 25 words."""

from __future__ import annotations

import pytest

from aidguide.content import AID_IDS, MAX_SENTENCE_WORDS, MIN_READING_EASE, get_sheet
from aidguide.content.quality import readable_texts
from aidguide.content.readability import check_text, long_sentences, reading_ease, sentences

CASES = [(aid_id, lang) for aid_id in AID_IDS for lang in ("fr", "nl")]


@pytest.mark.parametrize(("aid_id", "lang"), CASES)
def test_every_answer_text_is_plain(aid_id: str, lang: str) -> None:
    texts = readable_texts(get_sheet(aid_id), lang)
    assert set(texts) >= {"summary", "who", "how_to_apply", "documents", "appeal"}
    for field, text in texts.items():
        report = check_text(text, lang)
        assert report.score >= MIN_READING_EASE, f"{aid_id}/{lang}/{field}: {report.score}"
        assert report.long_sentences == [], f"{aid_id}/{lang}/{field}"


@pytest.mark.parametrize(("aid_id", "lang"), CASES)
def test_summary_has_two_sentences(aid_id: str, lang: str) -> None:
    assert len(sentences(get_sheet(aid_id).text("summary", lang))) == 2


PLAIN = {
    "fr": "Allez au CPAS de votre commune. Vous pouvez y aller seul. On vous aide.",
    "nl": "Ga naar het OCMW van uw gemeente. U mag alleen gaan. Men helpt u.",
}
HARD = {
    "fr": "L'administration communale procédera ultérieurement à l'instruction "
    "individualisée des demandes d'intervention complémentaire conformément aux "
    "dispositions réglementaires applicables.",
    "nl": "De gemeentelijke administratie zal overeenkomstig de toepasselijke "
    "reglementaire bepalingen overgaan tot de geïndividualiseerde behandeling van "
    "aanvullende tegemoetkomingsaanvragen.",
}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_score_tells_plain_from_hard(lang: str) -> None:
    assert reading_ease(PLAIN[lang], lang) >= MIN_READING_EASE
    assert reading_ease(HARD[lang], lang) < MIN_READING_EASE
    assert not check_text(HARD[lang], lang).ok


def test_the_formulas_differ_by_language() -> None:
    # Kandel & Moles and Flesch-Douma weigh sentence length and syllables differently, so
    # the same text gets two different scores: the language really is applied.
    text = "Les pellets et le propane sont livrés en vrac."
    assert reading_ease(text, "fr") != reading_ease(text, "nl")


def test_long_sentences_are_found() -> None:
    limit = MAX_SENTENCE_WORDS
    ok = " ".join(["mot"] * limit) + "."
    too_long = " ".join(["mot"] * (limit + 1)) + "."
    assert long_sentences(ok) == []
    assert long_sentences(f"Court. {too_long} Court aussi.") == [too_long]
    assert check_text(too_long, "fr").ok is False


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        reading_ease("Hello there.", "xx")
