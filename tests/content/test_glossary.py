"""Jargon is explained once per conversation, at its first use, in the reader's language."""

from __future__ import annotations

import pytest

from aidguide.content import (
    AID_IDS,
    explain_terms,
    find_terms,
    get_sheet,
    glossary_entries,
    load_glossary,
)
from aidguide.content.quality import readable_texts

REQUIRED_TERMS = {
    "cpas",
    "ris",
    "piis",
    "bim",
    "isp",
    "labour_court",
    "health_insurance_fund",
    "collective_debt_settlement",
}


def test_the_glossary_covers_the_usual_jargon_in_both_languages() -> None:
    glossary = load_glossary()
    assert set(glossary) >= REQUIRED_TERMS
    for term in glossary.values():
        for lang in ("fr", "nl"):
            assert term.forms[lang], (term.id, lang)
            assert term.short[lang].strip(), (term.id, lang)
            assert len(term.short[lang].split()) <= 14, (term.id, lang)


def test_first_use_is_explained_once() -> None:
    text = "Allez au CPAS. Le CPAS décide. Vous pouvez aller au tribunal du travail."
    result = explain_terms(text, "fr")
    assert result.text.count("(le service social public de votre commune)") == 1
    assert result.text.startswith("Allez au CPAS (le service social public de votre commune).")
    assert "tribunal du travail (" in result.text
    assert result.added == ("cpas", "labour_court")
    assert result.explained == {"cpas", "labour_court"}


def test_terms_explained_earlier_are_not_explained_again() -> None:
    first = explain_terms("Het OCMW helpt u.", "nl")
    second = explain_terms("Ga naar het OCMW en vraag een GPMI.", "nl", first.explained)
    assert "OCMW (" not in second.text
    assert "GPMI (" in second.text
    assert second.explained == {"cpas", "piis"}
    assert second.added == ("piis",)


def test_dutch_plural_and_web_addresses() -> None:
    result = explain_terms("Sommige OCMW's doen mee. Zie https://www.mi-is.be/nl/OCMW", "nl")
    assert result.text.startswith("Sommige OCMW's (")
    assert result.text.endswith("https://www.mi-is.be/nl/OCMW")


def test_acronyms_match_whole_words_only() -> None:
    assert find_terms("Le RISQUE est faible et le ris de veau aussi.", "fr") == []
    assert find_terms("Le BIM.", "nl") == []  # French form, Dutch text
    assert [t for t, _s, _e in find_terms("Votre mutualité et la Mutualité", "fr")] == [
        "health_insurance_fund"
    ]


def test_text_without_jargon_is_unchanged() -> None:
    result = explain_terms("Bonjour, comment allez-vous ?", "fr", {"cpas"})
    assert result.text == "Bonjour, comment allez-vous ?"
    assert result.explained == {"cpas"} and result.added == ()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_sheets_jargon_is_in_the_glossary(lang: str) -> None:
    found = set()
    for aid_id in AID_IDS:
        for text in readable_texts(get_sheet(aid_id), lang).values():
            found |= {term_id for term_id, _s, _e in find_terms(text, lang)}
    assert {"cpas", "labour_court", "piis"} <= found


def test_glossary_entries_for_a_page() -> None:
    nl = glossary_entries("nl")
    assert len(nl) == len(load_glossary())
    terms = [entry["term"] for entry in nl]
    assert terms == sorted(terms, key=str.casefold)
    assert {"id": "labour_court", "term": "arbeidsrechtbank"}.items() <= next(
        e for e in nl if e["id"] == "labour_court"
    ).items()
