"""Catalogs, formatting and language detection (French and Dutch are equal)."""

from __future__ import annotations

import importlib.util
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from aidguide.i18n import format_date, format_money, normalize_language, translator
from aidguide.i18n.detect import choose_language, detect_language

ROOT = Path(__file__).resolve().parents[1]


def _i18n_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_every_msgid_is_translated_in_french_and_dutch() -> None:
    assert _i18n_script().missing_translations() == []


def test_a_msgid_has_one_translation_across_domains() -> None:
    """Two areas that say the same English sentence must say the same thing in FR/NL."""
    for lang in ("fr", "nl"):
        seen: dict[str, tuple[str, str]] = {}
        for po in sorted((ROOT / "locales" / lang / "LC_MESSAGES").glob("*.po")):
            with po.open("rb") as handle:
                for message in read_po(handle):
                    if not message.id or not message.string:
                        continue
                    if message.id in seen:
                        assert seen[message.id][1] == message.string, (
                            lang,
                            message.id,
                            seen[message.id][0],
                            po.stem,
                        )
                    seen[message.id] = (po.stem, message.string)


def test_translations_keep_their_placeholders() -> None:
    import string

    for lang in ("fr", "nl"):
        for po in sorted((ROOT / "locales" / lang / "LC_MESSAGES").glob("*.po")):
            with po.open("rb") as handle:
                for message in read_po(handle):
                    if not message.id or not isinstance(message.id, str) or not message.string:
                        continue
                    wanted = {f for _, f, _, _ in string.Formatter().parse(message.id) if f}
                    found = {f for _, f, _, _ in string.Formatter().parse(message.string) if f}
                    assert wanted == found, (lang, po.stem, message.id)


def test_translator_fills_placeholders() -> None:
    text = translator("nl").gettext(
        "Your message is too long. Please keep it under {max_chars} characters.", max_chars=2000
    )
    assert (
        "2000" in text
        and "{" not in text
        and text
        != translator("fr").gettext(
            "Your message is too long. Please keep it under {max_chars} characters.", max_chars=2000
        )
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("NL", "nl"),
        ("nl-BE", "nl"),
        ("fr_BE", "fr"),
        (None, "fr"),
        (42, "fr"),
        ("de", "fr"),
        ("", "fr"),
    ],
)
def test_normalize_language(value: object, expected: str) -> None:
    assert normalize_language(value) == expected


def test_money_and_dates_follow_belgian_conventions() -> None:
    assert format_money(Decimal("1314.20"), "fr") == "1\u202f314,20\xa0€"
    assert format_money(Decimal("1314.20"), "nl") == "€\xa01.314,20"
    assert format_date(date(2025, 2, 1), "fr") == "1er février 2025"
    assert format_date(date(2025, 2, 2), "fr") == "2 février 2025"
    assert format_date(date(2025, 2, 1), "nl") == "1 februari 2025"


@pytest.mark.parametrize("text", ["ok", "merci", "1070", "OK!", "sorry", "oui", "ja", "cpas", "?"])
def test_short_messages_do_not_tell_a_language(text: str) -> None:
    assert detect_language(text).language is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Goeiedag", "nl"),
        ("Kan ik in het Nederlands verder?", "nl"),
        ("ik heb geen geld meer voor eten", "nl"),
        ("j'habite à Jette", "fr"),
        ("je n'ai plus d'argent pour manger", "fr"),
        ("What is the weather like in London today", "en"),
        ("Wie geht es Ihnen heute, ich brauche Hilfe", "de"),
    ],
)
def test_clear_messages_tell_their_language(text: str, language: str) -> None:
    assert detect_language(text).language == language


def test_choose_language_order_of_precedence() -> None:
    assert choose_language(None, None, "ok") == "fr"  # default
    assert choose_language(None, "nl", "ok") == "nl"  # the client's start language
    assert choose_language("nl", "fr", "merci") == "nl"  # a short word keeps the language
    assert choose_language("fr", None, "ik woon in Gent en ik zoek hulp") == "nl"  # clearly Dutch
    assert choose_language("nl", None, "ik woon in Gent", requested="fr") == "fr"  # asked for
