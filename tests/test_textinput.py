from __future__ import annotations

import pytest

from aidguide.textinput import clean_text, is_button_payload

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
