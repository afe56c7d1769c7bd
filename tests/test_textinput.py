from __future__ import annotations

import pytest

from aidguide.textinput import clean_text, is_button_payload, looks_like_keyboard_mashing

INTENTS = {"greet", "change_language", "find_cpas"}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Bonjour\n\n  madame ", "Bonjour madame"),
        ("<img src=x onerror=alert(1)>Hallo", "Hallo"),
        ("<script>alert(1)</script>", "alert(1)"),
        ("a\x00b\x07c", "abc"),
        ("zero\u200bwidth\u202eoverride", "zerowidthoverride"),
        ("Cafe\u0301", "Café"),
        ("5 < 6 et 7 > 3", "5 < 6 et 7 > 3"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("/greet", True),
        ('/change_language{"language": "nl"}', True),
        ("/restart", False),
        ("/session_start", False),
        ('/change_language{"language": {"x": 1}}', False),
        ("/change_language{not json}", False),
        ("/find_cpas extra words", False),
    ],
)
def test_button_payloads(text: str, ok: bool) -> None:
    assert is_button_payload(text, INTENTS) is ok


@pytest.mark.parametrize(
    "text", ["qsdkjfh qsdf", "azertyuiop", "sdfghjk", "kjsdhf kjsdhf kjhsdf", "wxcvbn", "xkcd"]
)
def test_keyboard_mashing_is_recognised(text: str) -> None:
    assert looks_like_keyboard_mashing(text)


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "oui",
        "nee",
        "45",
        "1070",
        "Knokke",
        "Merksplas",
        "Borchtlombeek",
        "Wijtschate",
        "wat is je lievelingskleur",
        "je veux de l'aide",
        "mdr",
        "Sint-Pieters-Leeuw",
        "rien",
    ],
)
def test_words_names_and_numbers_are_never_nonsense(text: str) -> None:
    assert not looks_like_keyboard_mashing(text)


def test_no_place_name_of_the_directory_is_nonsense() -> None:
    from aidguide.directory import load_directory

    names = {n for c in load_directory().centres for n in c.names.values() if n}
    assert [n for n in names if looks_like_keyboard_mashing(n)] == []
