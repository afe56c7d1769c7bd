"""The glossary: jargon people meet (CPAS/OCMW, PIIS/GPMI, BIM, tribunal du travail...).

A word like "PIIS" means nothing to most people. At its first use in a conversation we add a
few plain words in brackets after it; later uses stay as they are, so that an answer does not
grow heavier each time. The caller keeps the set of explained term ids (per conversation,
never written to disk) and passes it back in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .paths import glossary_path

_URL = re.compile(r"\S+://\S+|\b\S+\.(?:be|eu|org|com)\b\S*")


@dataclass(frozen=True)
class Term:
    """One glossary entry: the forms to look for and a short explanation, per language."""

    id: str
    forms: Mapping[str, tuple[str, ...]]
    short: Mapping[str, str]

    def patterns(self, lang: str) -> list[re.Pattern[str]]:
        """One pattern per form; acronyms (all capitals) match case-sensitively."""
        found = []
        for form in self.forms.get(lang, ()):
            flags = 0 if form.isupper() else re.IGNORECASE
            found.append(re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", flags))
        return found


@dataclass(frozen=True)
class Explained:
    """An answer text with explanations added, and the term ids explained so far."""

    text: str
    explained: frozenset[str]
    added: tuple[str, ...]


@cache
def _load(path: str) -> dict[str, Term]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    terms = {}
    for term_id, entry in (data.get("terms") or {}).items():
        terms[term_id] = Term(
            id=term_id,
            forms={lang: tuple(forms) for lang, forms in entry["forms"].items()},
            short=dict(entry["short"]),
        )
    return terms


def load_glossary() -> dict[str, Term]:
    """All glossary terms by id (from ``content/glossary.yml``; cached)."""
    return _load(str(glossary_path()))


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _URL.finditer(text)]


def find_terms(text: str, lang: str) -> list[tuple[str, int, int]]:
    """``(term_id, start, end)`` of the first use of each glossary term in ``text``, in order.

    Overlapping uses keep the one that starts first (and the longer one on a tie); uses
    inside a web address are ignored.
    """
    blocked = _blocked_spans(text)
    candidates = []
    for term in load_glossary().values():
        for pattern in term.patterns(lang):
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(b0 <= start < b1 for b0, b1 in blocked):
                    continue
                if lang == "nl" and text[end : end + 2] in ("'s", "’s"):
                    end += 2  # OCMW's: explain after the plural, not inside it
                candidates.append((start, -(end - start), term.id, end))
    chosen: list[tuple[str, int, int]] = []
    seen: set[str] = set()
    taken_until = -1
    for start, _negative_length, term_id, end in sorted(candidates):
        if start < taken_until:
            continue
        taken_until = end
        if term_id in seen:
            continue
        seen.add(term_id)
        chosen.append((term_id, start, end))
    return chosen


def explain_terms(text: str, lang: str, already_explained: Iterable[str] = ()) -> Explained:
    """Add ``(short explanation)`` after the first use of every term not yet explained.

    ``already_explained`` holds the term ids explained earlier in the conversation; the result
    carries the updated set to pass in next time.
    """
    explained = set(already_explained)
    terms = load_glossary()
    insertions: list[tuple[int, str, str]] = []
    for term_id, _start, end in find_terms(text, lang):
        if term_id in explained:
            continue
        if text[end:].lstrip().startswith("("):
            explained.add(term_id)  # the text explains it already
            continue
        short = terms[term_id].short.get(lang)
        if not short:
            continue
        insertions.append((end, f" ({short})", term_id))
    result = text
    for end, addition, _term_id in sorted(insertions, reverse=True):
        result = result[:end] + addition + result[end:]
    added = tuple(term_id for _end, _addition, term_id in insertions)
    return Explained(result, frozenset(explained | set(added)), added)


def glossary_entries(lang: str) -> list[dict[str, str]]:
    """The glossary as a list for a "words we use" page: ``[{id, term, short}]``, by term."""
    entries = [
        {"id": term.id, "term": term.forms[lang][0], "short": term.short[lang]}
        for term in load_glossary().values()
        if term.forms.get(lang) and term.short.get(lang)
    ]
    return sorted(entries, key=lambda entry: entry["term"].casefold())
