from __future__ import annotations

import pytest

from aidguide.privacy import MASKS
from aidguide.textinput import button_payload, clean_text, looks_like_keyboard_mashing

INTENTS = {"greet", "change_language", "find_cpas", "check_eligibility"}
ENTITIES = {"language", "aid", "postcode"}


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
        ('/find_cpas{"postcode": "1070"}', True),
        ('/find_cpas{"postcode": 1070}', True),
        ('/find_cpas{"city": "Namur"}', False),  # no such entity in the domain
        ('/find_cpas{"postcode": true}', False),
        ('/find_cpas{"postcode": null}', False),
        ('/find_cpas["1070"]', False),
        ('/check_eligibility{"aid": "' + "x" * 200 + '"}', False),
        ('/check_eligibility{"aid": "ris", "aid": "<script>"}', False),
    ],
)
def test_button_payloads(text: str, ok: bool) -> None:
    assert (button_payload(text, INTENTS, ENTITIES) is not None) is ok


@pytest.mark.parametrize(
    ("payload", "kept", "masks"),
    [
        (
            '/check_eligibility{"aid": "Zorglub 85.07.30-033.28 zorglub@example.be"}',
            "Zorglub",
            ["national_register_number", "email"],
        ),
        ('/check_eligibility{"aid": "+33 6 12 34 56 78"}', "", ["phone"]),
        ('/check_eligibility{"aid": "BE71 0961 2345 6769"}', "", ["iban"]),
    ],
)
def test_payload_entity_values_are_masked(payload: str, kept: str, masks: list[str]) -> None:
    result = button_payload(payload, INTENTS, ENTITIES)
    assert result is not None and result.startswith('/check_eligibility{"aid": ')
    for kind in masks:
        assert MASKS[kind] in result
    assert kept in result
    assert not any(ch.isdigit() for ch in result), result


def test_well_formed_payloads_pass_unchanged() -> None:
    payload = '/change_language{"language": "nl"}'
    assert button_payload(payload, INTENTS, ENTITIES) == payload


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
