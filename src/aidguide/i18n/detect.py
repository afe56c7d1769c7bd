"""Which language a message is written in, and which language the conversation continues in.

A short message ("ok", "merci", "1070") says little about its language: Belgians write
"merci" in Dutch too. So the identifier (py3langid, restricted to the languages we expect)
only counts when it is confident, and the conversation keeps its language otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from aidguide.i18n.catalogs import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

#: Languages the identifier chooses between: ours, and the two others people write in most.
CANDIDATE_LANGUAGES = ("fr", "nl", "en", "de")
#: Probability from which a fr/nl detection switches the conversation.
SWITCH_CONFIDENCE = 0.85
#: Probability (and words) from which a message counts as written in an unsupported language.
FOREIGN_CONFIDENCE = 0.95
FOREIGN_MIN_WORDS = 3
_MIN_LETTERS = 5
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Detection:
    language: str | None  # None when the text is too short or too uncertain to tell
    probability: float

    @property
    def is_supported(self) -> bool:
        return self.language in SUPPORTED_LANGUAGES

    @property
    def is_foreign(self) -> bool:
        return self.language is not None and not self.is_supported


@lru_cache(maxsize=1)
def language_identifier():  # type: ignore[no-untyped-def]
    """py3langid's model, restricted to :data:`CANDIDATE_LANGUAGES` (loaded once per
    process: unpacking the model takes about a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATE_LANGUAGES))
    return identifier


def detect_language(text: str) -> Detection:
    """Detect the language of ``text``; ``language`` is None unless the guess is confident."""
    words = _WORD.findall(text or "")
    if sum(len(word) for word in words) < _MIN_LETTERS:
        return Detection(None, 0.0)
    language, probability = language_identifier().classify(text)
    probability = float(probability)
    if language in SUPPORTED_LANGUAGES and probability >= SWITCH_CONFIDENCE:
        return Detection(language, probability)
    if (
        language not in SUPPORTED_LANGUAGES
        and probability >= FOREIGN_CONFIDENCE
        and len(words) >= FOREIGN_MIN_WORDS
    ):
        return Detection(language, probability)
    return Detection(None, probability)


def choose_language(
    current: str | None,
    client_hint: str | None,
    text: str,
    requested: str | None = None,
) -> str:
    """The language of the conversation after this message.

    In order: what the user explicitly asked for; the language the message is clearly
    written in; the language so far; the language the client (widget) started with; French.
    """
    if requested in SUPPORTED_LANGUAGES:
        return requested
    detected = detect_language(text)
    if detected.is_supported:
        return detected.language  # type: ignore[return-value]
    if current in SUPPORTED_LANGUAGES:
        return current
    if client_hint in SUPPORTED_LANGUAGES:
        return client_hint
    return DEFAULT_LANGUAGE
