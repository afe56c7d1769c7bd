"""Cleaning what a user typed before anything interprets it.

Messages arrive from phones, copy-pastes and, sometimes, from people probing the service:
control characters, zero-width characters, HTML or script tags. The assistant reads words,
so it keeps the words and drops the rest. Button payloads (``/intent{"entity": "value"}``)
pass only when they name an intent and entities of the bot, so a typed ``/restart`` is just
text; their entity values are masked like any text, since anyone can type a payload.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection

from aidguide.privacy import mask_personal_data
from aidguide.text import plain as fold

_TAG = re.compile(r"</?[A-Za-z!][^<>]{0,400}>")
_SPACES = re.compile(r"\s+")
_LETTERS = re.compile(r"[^\W\d_]+")
_CONSONANT_RUN = re.compile(r"[^aeiouy]{6,}")
#: Rows of AZERTY, QWERTY and QWERTZ keyboards, as people mash them.
_KEY_ROWS = (
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "qwertzuiop",
)
_KEY_RUNS = {row[i : i + 5] for row in _KEY_ROWS for i in range(len(row) - 4)}
_PAYLOAD = re.compile(r"^/([a-z_]{1,60})(\{.{0,400}\})?$", re.DOTALL)
#: The longest entity value a button of the bot carries (aid ids, choices, postcodes, places).
_MAX_VALUE_CHARS = 80


def _is_kept(char: str) -> bool:
    category = unicodedata.category(char)
    # Cc control, Cf format (zero-width, bidi overrides), Cs surrogates, Co private use
    return char in "\n\t" or category not in {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_text(text: str) -> str:
    """NFC-normalised text without control characters, tags or runs of white space."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(char for char in text if _is_kept(char))
    text = _TAG.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("an entity is set twice")
    return dict(pairs)


def button_payload(text: str, intents: Collection[str], entities: Collection[str]) -> str | None:
    """``text`` as a payload for Rasa, with its entity values masked; None when it is not a
    well-formed payload for one of ``intents`` setting only ``entities`` (then it is text).

    Entity values must be short strings or numbers: a payload is a button's, never a place
    for a message.
    """
    match = _PAYLOAD.match(text)
    if not match or match.group(1) not in intents:
        return None
    if not match.group(2):
        return text
    try:
        values = json.loads(match.group(2), object_pairs_hook=_unique_keys)
    except ValueError:
        return None
    if not isinstance(values, dict) or not set(values) <= set(entities):
        return None
    masked: dict[str, str | int | float] = {}
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return None
        if isinstance(value, str):
            value = mask_personal_data(clean_text(value))
            if not value or len(value) > _MAX_VALUE_CHARS:
                return None
        masked[name] = value
    if masked == values:
        return text
    return f"/{match.group(1)}{json.dumps(masked, ensure_ascii=False)}"


def _is_mashed(word: str) -> bool:
    plain = fold(word)
    if len(plain) < 4:
        return False
    if not any(vowel in plain for vowel in "aeiouy") or _CONSONANT_RUN.search(plain):
        return True
    return any(plain[i : i + 5] in _KEY_RUNS for i in range(len(plain) - 4))


def looks_like_keyboard_mashing(text: str) -> bool:
    """Whether a message is letters without words ("qsdkjfh", "azertyuiop sdfgh").

    Why: the intent model gives every input some intent, and mashed keys land on one with
    confidence; the person deserves "I could not read this" instead. Any digit, and any
    word that could be one, keeps a message readable: answers such as "ok", "45" or
    "Knokke" must never be taken for nonsense.
    """
    if any(char.isdigit() for char in text):
        return False
    words = [w for w in _LETTERS.findall(text) if len(w) >= 4]
    return bool(words) and all(_is_mashed(w) for w in words)
