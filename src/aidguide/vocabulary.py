"""Whether a short message has any word the assistant knows.

Why: the intent model gives every message some intent, and on words it never saw it is often
sure of one ("blabla" -> affirm 0.64, "kwak kwak" -> dont_know 0.84 in the measurements of
issue #5). Such a message deserves "I did not understand", not an answer to a question
nobody asked. The assistant's words are those of its own texts: the training examples in
both languages, the aid sheets and the names of the directory's places. A word
close to one of them (a typo such as "leeflon") counts as known.

Measured on the training data (one example in five held out, the vocabulary built from the
rest and the other texts): 1 of 1,400 French and 5 of 1,507 Dutch held-out examples of one
to six words had no known word ("okay", "tnx"; tests/test_vocabulary.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from aidguide.config import get_settings
from aidguide.content.paths import content_dir
from aidguide.directory import load_directory
from aidguide.text import plain

#: Longer messages go to the intent model as they are: nonsense is short.
MAX_WORDS = 6
#: Shorter words ("ok", "ja", "la") are never judged.
MIN_LETTERS = 3
#: rapidfuzz ratio (0-100) from which a word counts as a variant of a known word.
SIMILARITY = 80

_WORD = re.compile(rf"[a-z]{{{MIN_LETTERS},}}")
#: libyaml when present: the training files are large, and they are read at start-up.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: An entity annotation of the training data, `[text](entity)` or `[text]{...}`; group 1 is the
#: text a user would type.
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]+\)|\{[^}]+\})")


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def training_files() -> list[Path]:
    """The intent model's examples, one file per language."""
    return sorted((get_settings().bot_dir / "data").glob("nlu_*.yml"))


def reference_texts() -> Iterator[str]:
    """The texts the assistant answers with, and every place name of the directory."""
    content = content_dir()
    for path in sorted((content / "aids").glob("*.yml")):
        yield from texts_of(path)
    yield from load_directory().place_names()


def without_annotations(example: str) -> str:
    """The text a user would type: the entity annotations of a training example removed."""
    return ANNOTATION.sub(r"\1", example)


def words(text: str) -> list[str]:
    """The words of ``text`` that are judged: folded, letters only, three letters or more."""
    return _WORD.findall(plain(without_annotations(text)))


class Vocabulary:
    """A set of known words, and the messages none of whose words it knows."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.words = frozenset(word for text in texts for word in words(text))
        self._sorted = sorted(self.words)

    def knows(self, word: str) -> bool:
        if word in self.words:
            return True
        match = process.extractOne(word, self._sorted, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
        return match is not None

    def has_no_known_word(self, text: str) -> bool:
        """Whether a short message is made only of words this vocabulary does not know.

        Messages with a digit (a postcode, an amount), longer than ``MAX_WORDS`` words, or
        made of short words only are never judged: the intent model and the forms read those.
        """
        if not self.words or any(char.isdigit() for char in text):
            return False
        judged = words(text)
        if not judged or len(plain(text).split()) > MAX_WORDS:
            return False
        return not any(self.knows(word) for word in judged)


def assistant_texts() -> Iterator[str]:
    """The training examples and the reference texts."""
    for path in training_files():
        yield from texts_of(path)
    yield from reference_texts()


def texts_of(path: Path) -> Iterator[str]:
    """Every string value of a YAML file (none when it is missing)."""
    if path.exists():
        yield from _strings(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER))


@lru_cache(maxsize=1)
def assistant_vocabulary() -> Vocabulary:
    """The words of the assistant's own texts (loaded once per process)."""
    return Vocabulary(assistant_texts())


def has_no_known_word(text: str) -> bool:
    """Whether a short message is made only of words the assistant does not know."""
    return assistant_vocabulary().has_no_known_word(text)
