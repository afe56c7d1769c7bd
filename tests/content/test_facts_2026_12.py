"""The corrections of 2026-12-01 in the research notes (shared/facts/belgian_aids.md) hold in
both languages of the sheets: each case names the correction it guards."""

from __future__ import annotations

import pytest

from aidguide.content import AID_IDS, get_sheet

LANGS = ("fr", "nl")


def _all_text(aid_id: str, lang: str) -> str:
    sheet = get_sheet(aid_id)
    fields = ("summary", "who", "how_to_apply", "decision_time", "appeal", "amounts_note")
    parts = [sheet.text(field, lang) for field in fields] + sheet.items("documents", lang)
    return "\n".join(parts)


@pytest.mark.parametrize("aid_id", AID_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_bank_statements_are_never_a_standard_document(aid_id: str, lang: str) -> None:
    """Correction 4: at most "the CPAS may ask for some in a specific case"."""
    word, crossroads = {
        "fr": ("extraits de compte", "Banque Carrefour"),
        "nl": ("bankafschrift", "Kruispuntbank"),
    }[lang]
    for item in get_sheet(aid_id).items("documents", lang):
        if word in item.lower() or "rekeninguittreksel" in item.lower():
            assert crossroads in item and ("cas précis" in item or "apart geval" in item), item


@pytest.mark.parametrize(
    ("lang", "habitual", "hospital"),
    [
        ("fr", "où vous habitez d'habitude", "commune de l'hôpital"),
        ("nl", "waar u gewoonlijk woont", "gemeente van het ziekenhuis"),
    ],
)
def test_urgent_medical_aid_goes_to_the_cpas_of_habitual_residence(
    lang: str, habitual: str, hospital: str
) -> None:
    """Correction 8."""
    text = _all_text("urgent_medical_aid", lang)
    assert habitual in text and hospital not in text
    assert ("jamais une urgence" if lang == "fr" else "nooit dringend") in text


@pytest.mark.parametrize(
    ("aid_id", "fr", "nl"),
    [
        (
            "employment",
            ("Tijdelijke Werkervaring", "emploi d'insertion"),
            ("Tijdelijke Werkervaring", "VDAB"),
        ),
        (
            "ris",
            ("droit de séjour enregistré de plus de 3", "partenaire", "commencez un travail"),
            ("geregistreerd verblijfsrecht van meer dan 3", "partner", "begint te werken"),
        ),
        (
            "miriam",
            ("médiation de dettes", "continue en 2026"),
            ("schuldbemiddeling", "in 2026 nog loopt"),
        ),
        (
            "heating_allowance",
            ("avec ou sans enfants à charge", "dernières tranches"),
            ("met of zonder kinderen ten laste", "laatste prijsschijven"),
        ),
        ("bim", ("deux plafonds",), ("twee grenzen",)),
    ],
)
def test_corrections_are_said_in_both_languages(
    aid_id: str, fr: tuple[str, ...], nl: tuple[str, ...]
) -> None:
    """Corrections 5, 6, 7, 9 and 10."""
    for lang, needles in (("fr", fr), ("nl", nl)):
        text = " ".join(_all_text(aid_id, lang).split())
        for needle in needles:
            assert needle in text, (aid_id, lang, needle)


@pytest.mark.parametrize("lang", LANGS)
def test_the_ris_sheet_no_longer_waits_for_the_march_2026_indexation(lang: str) -> None:
    """Correction 1: the rise of 1 March 2026 happened; October 2026 is unknown."""
    note = get_sheet("ris").text("amounts_note", lang)
    assert (
        "Ils ont augmenté le 1er mars 2026" if lang == "fr" else "Ze zijn gestegen op 1 maart 2026"
    ) in note
    assert ("octobre 2026" if lang == "fr" else "oktober 2026") in note
    assert ("Nous ne savons pas" if lang == "fr" else "We weten niet") in note
