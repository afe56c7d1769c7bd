"""Ranked text search over the aid sheets, one index per language (BM25 with stemming).

When the intent model is unsure, the bot asks "did you mean...?" with the best sheets for
what the person wrote. Words are cut by spaCy's blank tokenizer, stop words dropped, stemmed
with Snowball and stripped of accents, so that "chauffer", "chauffage" and "Chauffage" meet.
A typo ("mazou", "leeflon") is matched to the closest known word. A minimum score keeps
nonsense and small talk from returning anything.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass
from functools import cache

import snowballstemmer
import spacy
from rapidfuzz import fuzz, process

from aidguide.text import straight_apostrophes, strip_accents

from .sheets import Sheet, load_sheets

#: BM25 parameters (the usual defaults).
K1 = 1.5
B = 0.75
#: Below this score a sheet is not returned: one rare, exact word (a name such as "mazout")
#: scores about 3; one word found in most sheets scores well below 1.
MIN_SCORE = 1.2
#: A result must score at least this share of the best one, or it is noise next to it.
RELATIVE_CUTOFF = 0.35
#: How much each part of a sheet counts (names and everyday keywords say most).
FIELD_WEIGHTS = {"names": 3, "keywords": 3, "summary": 1, "who": 1}
#: A typo match counts a little less than an exact word, and needs this similarity (0-100).
FUZZY_WEIGHT = 0.8
FUZZY_MIN_SIMILARITY = 84
FUZZY_MIN_LENGTH = 5
#: Added when the query holds every word of one of a sheet's names ("revenu d'intégration",
#: "leefloon"): the aid named outranks the aids that merely mention it.
NAME_BONUS = 2.0

_STEMMERS = {"fr": "french", "nl": "dutch"}
#: Words of this domain that say nothing about which aid is meant ("j'ai besoin d'aide").
DOMAIN_STOP_WORDS = {
    "fr": {
        "aide",
        "aides",
        "aider",
        "besoin",
        "cpas",
        "demande",
        "demander",
        "droit",
        "droits",
        "bonjour",
        "merci",
        "svp",
        "comment",
        "quoi",
        "veux",
        "voudrais",
        "obtenir",
        "recevoir",
        # forms of être / avoir that spaCy's list lacks and Snowball maps onto content words
        "êtes",
        "étais",
        "était",
        "étiez",
        "étaient",
        "été",
        "suis",
        "sommes",
        "sont",
        "ai",
        "avez",
        "avons",
        "ont",
        "eu",
        "peux",
        "peut",
        "pouvez",
        "dois",
        "doit",
        "faut",
    },
    "nl": {
        "hulp",
        "helpen",
        "steun",
        "nodig",
        "ocmw",
        "aanvraag",
        "aanvragen",
        "vragen",
        "recht",
        "hallo",
        "dag",
        "dank",
        "bedankt",
        "hoe",
        "wat",
        "krijgen",
        "krijg",
        "wil",
        "graag",
        "ben",
        "bent",
        "is",
        "zijn",
        "was",
        "waren",
        "heb",
        "hebt",
        "heeft",
        "hebben",
        "moet",
    },
}
_lock = threading.Lock()


@cache
def _nlp(lang: str) -> spacy.language.Language:
    return spacy.blank(lang)


@cache
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMERS[lang])


def analyse(text: str, lang: str) -> list[str]:
    """The index terms of ``text``: tokens without stop words, stemmed, without accents."""
    nlp = _nlp(lang)
    stop_words = nlp.Defaults.stop_words | DOMAIN_STOP_WORDS[lang]
    words = []
    for token in nlp.tokenizer(straight_apostrophes(text)):
        word = token.lower_.strip("'-")
        if "'" in word:  # aujourd'hui stays whole; l'aide became "l'" + "aide" already
            word = word.split("'")[-1] if len(word.split("'")[0]) <= 2 else word
        if not word or token.is_punct or word.isdigit() or word in stop_words:
            continue
        if len(word) < 2:
            continue
        words.append(word)
    with _lock:  # Snowball stemmers keep state between calls
        stems = _stemmer(lang).stemWords(words)
    return [strip_accents(stem) for stem in stems]


def _sheet_fields(sheet: Sheet, lang: str) -> dict[str, str]:
    names = [sheet.official_name(lang), sheet.title(lang), *sheet.items("names.other", lang)]
    return {
        "names": " . ".join(names),
        "keywords": " . ".join(sheet.items("keywords", lang)),
        "summary": sheet.text("summary", lang),
        "who": sheet.text("who", lang),
    }


@dataclass
class _Index:
    lang: str
    docs: dict[str, Counter[str]]
    names: dict[str, list[frozenset[str]]]
    lengths: dict[str, float]
    average_length: float
    idf: dict[str, float]

    def score(self, terms: Counter[str]) -> dict[str, float]:
        scores: dict[str, float] = {}
        for aid_id, frequencies in self.docs.items():
            norm = K1 * (1 - B + B * self.lengths[aid_id] / self.average_length)
            total = 0.0
            for term, (query_weight) in terms.items():
                tf = frequencies.get(term, 0)
                if tf:
                    total += query_weight * self.idf[term] * tf * (K1 + 1) / (tf + norm)
            if total and any(name <= terms.keys() for name in self.names[aid_id]):
                total += NAME_BONUS
            if total:
                scores[aid_id] = total
        return scores

    def query_terms(self, query: str) -> Counter[str]:
        """Query stems with weights; unknown stems are mapped to the closest known one."""
        weights: Counter[str] = Counter()
        for stem in analyse(query, self.lang):
            if stem in self.idf:
                weights[stem] = max(weights[stem], 1.0)
                continue
            if len(stem) < FUZZY_MIN_LENGTH:
                continue
            parts = self._split_compound(stem)
            if parts:
                for part in parts:
                    weights[part] = max(weights[part], FUZZY_WEIGHT)
                continue
            best = process.extractOne(
                stem, self.idf.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SIMILARITY
            )
            if best is not None:
                weights[best[0]] = max(weights[best[0]], FUZZY_WEIGHT)
        return weights

    def _split_compound(self, stem: str) -> tuple[str, str] | None:
        """Dutch glues words together (gasfactuur, schoolkosten): split an unknown word into
        two known ones, allowing a linking "s" (elektriciteitsfactuur)."""
        if self.lang != "nl" or len(stem) < 6:
            return None
        stemmer = _stemmer(self.lang)
        for cut in range(len(stem) - 3, 2, -1):
            head, tail = stem[:cut], stem[cut:]
            with _lock:
                tail_stem = strip_accents(stemmer.stemWord(tail))
            heads = [head, head[:-1]] if head.endswith("s") else [head]
            for candidate in heads:
                if candidate in self.idf and tail_stem in self.idf:
                    return candidate, tail_stem
        return None


def _build(lang: str) -> _Index:
    docs: dict[str, Counter[str]] = {}
    names: dict[str, list[frozenset[str]]] = {}
    for aid_id, sheet in load_sheets().items():
        all_names = [
            sheet.official_name(lang),
            sheet.title(lang),
            *sheet.items("names.other", lang),
        ]
        names[aid_id] = [frozenset(analyse(name, lang)) for name in all_names]
        names[aid_id] = [name for name in names[aid_id] if name]
        counts: Counter[str] = Counter()
        for field, text in _sheet_fields(sheet, lang).items():
            for stem in analyse(text, lang):
                counts[stem] += FIELD_WEIGHTS[field]
        docs[aid_id] = counts
    lengths = {aid_id: float(sum(c.values())) for aid_id, c in docs.items()}
    document_frequency: Counter[str] = Counter()
    for counts in docs.values():
        document_frequency.update(counts.keys())
    n = len(docs)
    idf = {
        term: math.log(1 + (n - df + 0.5) / (df + 0.5)) for term, df in document_frequency.items()
    }
    return _Index(lang, docs, names, lengths, sum(lengths.values()) / n, idf)


@cache
def _index(lang: str) -> _Index:
    return _build(lang)


def search_aids(query: str, lang: str, limit: int = 3) -> list[tuple[str, float]]:
    """The best aids for ``query`` in ``lang`` ("fr" or "nl"), best first, as
    ``(aid_id, score)``; empty when nothing scores at least :data:`MIN_SCORE`."""
    if lang not in _STEMMERS:
        raise ValueError(f"no search index for {lang!r}")
    index = _index(lang)
    scores = index.score(index.query_terms(query[:500]))
    if not scores:
        return []
    best = max(scores.values())
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [
        (aid_id, round(score, 3))
        for aid_id, score in ranked
        if score >= MIN_SCORE and score >= RELATIVE_CUTOFF * best
    ][: max(0, limit)]


def build_search_indexes() -> None:
    """Build every language's index now (spaCy's tokenizer with it), not on the first search.

    Why: spaCy's French tokenizer alone takes seconds to load; built on demand, that time
    fell on the first person whose message the intent model was unsure of.
    """
    for lang in _STEMMERS:
        _index(lang)
