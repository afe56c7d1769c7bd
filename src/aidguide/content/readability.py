"""Plain-language checks: reading ease per language and sentence length.

People read these texts on a phone, often in a hard moment, sometimes with low literacy.
French texts are scored with Kandel & Moles and Dutch texts with Flesch-Douma, the Flesch
adaptations for those languages (textstat's ``flesch_reading_ease`` once the language is set:
``fr`` uses 207 - 1.015 ASL - 73.6 ASW, ``nl`` 206.835 - 0.93 ASL - 77 ASW). Higher is easier;
60 or more reads as plain language. No sentence may be longer than 25 words.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cache

from textstat.textstat import textstatistics

MIN_READING_EASE = 60.0
MAX_SENTENCE_WORDS = 25

#: Which formula textstat applies once set to the language (for reports).
FORMULA = {"fr": "Kandel & Moles", "nl": "Flesch-Douma"}

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
# A sentence ends at . ! ? … followed by a space or the end; "art. 60" and "1er" are rare
# enough in our texts, and splitting there only makes a sentence look shorter.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_lock = threading.Lock()


@cache
def _stats(lang: str) -> textstatistics:
    """One textstat instance per language: ``set_lang`` is instance state, not shared."""
    stats = textstatistics()
    stats.set_lang(lang)
    return stats


def reading_ease(text: str, lang: str) -> float:
    """Kandel & Moles (fr) or Flesch-Douma (nl) reading ease of ``text``."""
    if lang not in FORMULA:
        raise ValueError(f"no reading-ease formula for {lang!r}")
    with _lock:  # textstat caches per call; keep one caller at a time
        return float(_stats(lang).flesch_reading_ease(text))


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (list items and lines count as sentences)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def long_sentences(text: str, limit: int = MAX_SENTENCE_WORDS) -> list[str]:
    """The sentences of ``text`` with more than ``limit`` words."""
    return [s for s in sentences(text) if word_count(s) > limit]


@dataclass(frozen=True)
class ReadabilityReport:
    """The score of one text and what makes it hard, if anything."""

    lang: str
    score: float
    long_sentences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.score >= MIN_READING_EASE and not self.long_sentences


def check_text(text: str, lang: str) -> ReadabilityReport:
    """Score ``text`` and list its too-long sentences."""
    return ReadabilityReport(lang, round(reading_ease(text, lang), 1), long_sentences(text))
