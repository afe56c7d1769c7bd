"""Text folding: the forms in which every comparison of what people type is made."""

from __future__ import annotations

import pytest

from aidguide.text import fold, plain, straight_apostrophes, strip_accents


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Revenu d'intégration", "Revenu d'integration"),
        ("Genève, Liège, Comines-Warneton", "Geneve, Liege, Comines-Warneton"),
        ("Ça coûte très cher", "Ca coute tres cher"),
        ("België, ideeën, coördinatie", "Belgie, ideeen, coordinatie"),
        ("financiële steun", "financiele steun"),
        ("ma sœur, un œuf, L'Œuvre", "ma soeur, un oeuf, L'Oeuvre"),
        ("ex æquo, Cæsar, Æsop", "ex aequo, Caesar, Aesop"),
        ("Straße", "Strasse"),
        ("Søren, Ørsted", "Soren, Orsted"),
    ],
)
def test_strip_accents_removes_accents_and_spells_out_ligatures_keeping_case(
    text: str, stripped: str
) -> None:
    assert strip_accents(text) == stripped


@pytest.mark.parametrize("apostrophe", ["'", "’", "‘", "`", "ʼ"])
def test_every_apostrophe_becomes_the_ascii_one(apostrophe: str) -> None:
    assert straight_apostrophes(f"l{apostrophe}aide") == "l'aide"
    assert fold(f"L{apostrophe}AIDE") == "l'aide"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("L’Œuvre SOCIALE", "l'oeuvre sociale"),
        ("Allocation de CHAUFFAGE !", "allocation de chauffage !"),
        ("Verhoogde Tegemoetkoming", "verhoogde tegemoetkoming"),
        ("Rhode-Saint-Genèse", "rhode-saint-genese"),
        ("STRASSE / Straße", "strasse / strasse"),
    ],
)
def test_fold_lowers_and_strips_but_keeps_punctuation(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Qu’est-ce que le RIS ?", "qu est ce que le ris"),
        ("J'ai 2 enfants, et mon cœur…", "j ai 2 enfants et mon coeur"),
        ("  Où   est mon CPAS ?! ", "ou est mon cpas"),
        ("Wat is het leefloon?", "wat is het leefloon"),
        (
            "Ik woon in 's-Gravenbrakel (Braine-le-Comte).",
            "ik woon in s gravenbrakel braine le comte",
        ),
        ("Hoeveel bedraagt de financiële steun, €?", "hoeveel bedraagt de financiele steun"),
        ("", ""),
    ],
)
def test_plain_keeps_the_folded_words_only(text: str, words: str) -> None:
    assert plain(text) == words


def test_each_form_is_stable_once_applied() -> None:
    text = "L’Œuvre de Genève : ideeën, ex æquo !"
    for form in (strip_accents, fold, plain):
        assert form(form(text)) == form(text)
