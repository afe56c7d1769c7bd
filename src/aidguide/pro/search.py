"""Rules search for workers: one word ("exonération", "vrijstelling", "cohabitant", "GPMI")
gives the aid sheets, the parameters and the legal bases that mention it.

Sheets are found by the ranked sheet search (:func:`aidguide.content.search.search_aids`,
stemming and typos) and by the words of their names, keywords, summary and "who" text;
parameters by their label, name, note and legal basis; legal bases among the laws of the
explained answers (:data:`aidguide.eligibility.texts.LEGAL_BASIS`) and of the parameters.
Matching ignores case and accents. Nothing typed is kept or logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from aidguide.content.search import search_aids
from aidguide.content.sheets import load_sheets
from aidguide.eligibility.texts import LEGAL_BASIS
from aidguide.i18n import translator
from aidguide.text import fold

from . import catalogue

#: A query longer than this is cut: a word or two is what the search is for.
MAX_QUERY = 100
MIN_WORD = 2


@dataclass(frozen=True)
class SheetHit:
    aid: str
    title: str
    summary: str


@dataclass(frozen=True)
class LegalBasisHit:
    text: str
    #: Aid ids and parameter names that rest on it.
    used_by: tuple[str, ...]


@dataclass(frozen=True)
class SearchResults:
    query: str
    sheets: list[SheetHit] = field(default_factory=list)
    parameters: list[catalogue.DatedValue] = field(default_factory=list)
    legal_bases: list[LegalBasisHit] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.sheets or self.parameters or self.legal_bases)


def _words(query: str) -> list[str]:
    return [w for w in fold(query).replace("'", " ").split() if len(w) >= MIN_WORD]


def _matches(words: list[str], *texts: str | None) -> bool:
    haystack = fold(" ".join(t for t in texts if t))
    return all(word in haystack for word in words)


def _sheet_text(aid: str, lang: str) -> tuple[str, ...]:
    sheet = load_sheets()[aid]
    return (
        sheet.title(lang),
        sheet.official_name(lang),
        " ".join(sheet.items("names.other", lang)),
        " ".join(sheet.items("keywords", lang)),
        sheet.text("summary", lang),
        sheet.text("who", lang),
    )


def search_rules(query: str, lang: str, on: date) -> SearchResults:
    """Sheets, parameters (valued on ``on``) and legal bases that match every word of
    ``query`` in ``lang`` (sheets also by the ranked search)."""
    query = " ".join(query.split())[:MAX_QUERY]
    words = _words(query)
    if not words:
        return SearchResults(query=query)
    sheets = load_sheets()
    ranked = [aid for aid, _score in search_aids(query, lang, limit=5)]
    literal = [aid for aid in sheets if _matches(words, *_sheet_text(aid, lang))]
    sheet_hits = [
        SheetHit(aid, sheets[aid].title(lang), sheets[aid].text("summary", lang))
        for aid in dict.fromkeys([*ranked, *literal])
    ]
    parameters = [
        entry
        for entry in catalogue.values_at(on, lang)
        if _matches(words, entry.label, entry.name, entry.note, " ".join(entry.legal_basis))
    ]
    t = translator(lang)
    bases: dict[str, list[str]] = {}
    for aid, laws in LEGAL_BASIS.items():
        for law in laws:
            bases.setdefault(t.gettext(law), []).append(sheets[aid].title(lang))
    for entry in catalogue.values_at(on, lang):
        for law in entry.legal_basis:
            bases.setdefault(law, []).append(entry.label)
    legal = [
        LegalBasisHit(text, tuple(dict.fromkeys(used)))
        for text, used in bases.items()
        if _matches(words, text)
    ]
    return SearchResults(query, sheet_hits, parameters, legal)
