"""Finding a centre from what a person types: a postcode, a place name, or a short sentence.

The index maps folded names (see :mod:`.text`) to NIS codes in four tiers, because a name
can be both a municipality and a locality elsewhere ("Tielt"): a current municipality name
wins over a municipality merged in 2025, which wins over a locality, which wins over the
short form of a locality people write without its river or neighbour ("Jupille" for
Jupille-sur-Meuse, "Marchienne" for Marchienne-au-Pont, see :func:`short_forms`). Typos go through
rapidfuzz (optimal string alignment: edits and swaps) with a distance allowed by the length of the word, so
"anderleht" finds Anderlecht while nonsense finds nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .loader import Aliases, read_centres
from .models import LANGUAGES, Centre, LookupResult
from .text import FILLER_WORDS, LOCATIVES, compact, fold

#: Tiers of the name index: lower wins.
MUNICIPALITY, FORMER_MUNICIPALITY, LOCALITY, SHORT_LOCALITY = 0, 1, 2, 3
#: "Jupille-sur-Meuse", "Marchienne-au-Pont", "Fayt-lez-Manage": the part people keep.
_SHORTENED = re.compile(r"^(.+?)[- ](?:sur|sous|lez|lès|les|au|aux|en)[- ].+$", re.IGNORECASE)
#: Short forms that are everyday French words ("je marche", "la croix"): never keys.
_SHORT_FORM_STOP = frozenset({"marche", "croix", "chapelle", "ville"})
#: Shorter forms ("Han", "Mont", "Sart") match too many words.
_SHORT_FORM_MIN_LETTERS = 5
#: The City of Brussels (Bruxelles / Brussel), not the 19-commune region.
BRUSSELS_CITY = "21004"
#: Longest query handled; longer texts are not place names.
MAX_QUERY_CHARS = 200
_MAX_SPAN = 6
_POSTCODE = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def allowed_typos(length: int) -> int:
    """How many edits a word of ``length`` letters may carry and still count as a match.

    Short words get little room: "werk" is one edit away from "Perk" and "Werm". A
    four-letter word may only swap two letters ("gnet" -> Gent), see :func:`_close_enough`.
    """
    if length < 4:
        return 0
    if length < 8:
        return 1
    if length < 12:
        return 2
    return 3


def short_forms(name: str) -> list[str]:
    """The short form of a locality's name, if people write one: "Jupille-sur-Meuse" ->
    ["Jupille"]. Only the French connectors (sur, sous, lez, lès, les, au, aux, en) are cut."""
    match = _SHORTENED.match(name)
    if not match:
        return []
    short = match.group(1)
    key = fold(short)
    if len(compact(key)) < _SHORT_FORM_MIN_LETTERS or key in _SHORT_FORM_STOP:
        return []
    return [short]


def _close_enough(piece: str, key: str) -> bool:
    """Extra guard for four-letter words: the same letters, only swapped."""
    return len(compact(piece)) > 4 or sorted(piece) == sorted(key)


@dataclass(frozen=True, slots=True)
class _Hit:
    """Candidates for one key: NIS codes per tier, and the name as written in the source."""

    tiers: dict[int, frozenset[str]]
    label: str

    def best(self) -> tuple[int, frozenset[str]]:
        tier = min(self.tiers)
        return tier, self.tiers[tier]


class Directory:
    """All centres, indexed by NIS code, postcode and name. Build it once (see load_directory)."""

    def __init__(self, centres: list[Centre], aliases: Aliases | None = None):
        self.centres: tuple[Centre, ...] = tuple(sorted(centres, key=lambda c: c.nis))
        self._by_nis = {c.nis: c for c in self.centres}
        postcodes: dict[str, list[str]] = defaultdict(list)
        for centre in self.centres:
            for postcode in centre.postcodes:
                postcodes[postcode].append(centre.nis)
        self._by_postcode = {pc: tuple(sorted(nis)) for pc, nis in postcodes.items()}
        self._index = self._build_index(aliases or {})
        self._keys_by_length: dict[int, list[str]] = defaultdict(list)
        for key in self._index:
            self._keys_by_length[len(key)].append(key)
        self._window_cache: dict[tuple[int, int], list[str]] = {}

    # -- building -------------------------------------------------------------------------

    def _build_index(self, aliases: Aliases) -> dict[str, _Hit]:
        tiers: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        labels: dict[str, str] = {}

        def add(name: str, tier: int, nis: str) -> None:
            key = fold(name)
            if not key:
                return
            for variant in {key, compact(key)}:
                tiers[variant][tier].add(nis)
                labels.setdefault(variant, name)

        for centre in self.centres:
            for lang in LANGUAGES:
                add(centre.names[lang], MUNICIPALITY, centre.nis)
            for alias, kind in aliases.get(centre.nis, ()):
                add(alias, MUNICIPALITY if kind == "municipality" else LOCALITY, centre.nis)
            for former in centre.merged_from:
                for name in former.names.values():
                    if name:
                        add(name, FORMER_MUNICIPALITY, centre.nis)
            for locality in centre.localities:
                add(locality.name, LOCALITY, centre.nis)
                for short in short_forms(locality.name):
                    add(short, SHORT_LOCALITY, centre.nis)
        return {
            key: _Hit({t: frozenset(n) for t, n in by_tier.items()}, labels[key])
            for key, by_tier in tiers.items()
        }

    # -- simple accessors -----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.centres)

    def place_names(self) -> list[str]:
        """Every name the index knows: municipalities (all languages), former municipalities,
        localities and aliases, as first written."""
        return sorted({hit.label for hit in self._index.values()})

    def is_place_name(self, text: str) -> bool:
        """Whether ``text`` is nothing but a place name the index knows ("Wilrijk", "Jette").

        A bare place name says nothing about the language a person writes in: "Wilrijk" typed
        in a French conversation is an answer, not a switch to Dutch.
        """
        folded = fold((text or "")[:MAX_QUERY_CHARS])
        return bool(folded) and (folded in self._index or compact(folded) in self._index)

    def by_nis(self, nis: str) -> Centre | None:
        return self._by_nis.get(str(nis).strip())

    def by_postcode(self, postcode: str) -> list[Centre]:
        return [self._by_nis[n] for n in self._by_postcode.get(postcode.strip(), ())]

    @property
    def postcodes(self) -> frozenset[str]:
        return frozenset(self._by_postcode)

    # -- lookup ---------------------------------------------------------------------------

    def lookup(self, query: str, lang: str = "fr") -> LookupResult:
        """Find the centre(s) for ``query``: a postcode, a name, or a sentence holding one.

        ``lang`` is the conversation's language; matching accepts names in every language
        whatever ``lang`` is, so it only matters to callers rendering the result.
        """
        del lang  # names in FR, NL and DE are all accepted; the caller renders the result
        text = (query or "")[:MAX_QUERY_CHARS]
        folded = fold(text)
        if not folded:
            return LookupResult(query=query, kind="none", ambiguous=False, matches=[])
        by_postcode = [pc for pc in _POSTCODE.findall(text) if pc in self._by_postcode]
        has_letters = any(c.isalpha() for c in folded)
        by_name = self._match_name(folded) if has_letters else None
        if by_postcode:
            return self._postcode_result(query, by_postcode[0], by_name)
        if by_name is None:
            return LookupResult(query=query, kind="none", ambiguous=False, matches=[])
        nis_codes, notes, labels = by_name
        return self._result(query, "name", nis_codes, notes, labels)

    def _postcode_result(
        self,
        query: str,
        postcode: str,
        by_name: tuple[frozenset[str], tuple[str, ...], tuple[str, ...]] | None,
    ) -> LookupResult:
        nis_codes = frozenset(self._by_postcode[postcode])
        notes: list[str] = []
        labels: tuple[str, ...] = (postcode,)
        if by_name is not None:
            named = by_name[0]
            if named & nis_codes:  # "1040 Etterbeek": the name settles a shared postcode
                nis_codes = named & nis_codes
                labels = (postcode, *by_name[2])
            else:
                nis_codes = nis_codes | named
                notes.append("postcode_name_conflict")
        if len(self._by_postcode[postcode]) > 1 and len(nis_codes) > 1:
            notes.append("shared_postcode")
        if nis_codes == {BRUSSELS_CITY}:
            notes.append("brussels_city")
        return self._result(query, "postcode", nis_codes, tuple(notes), labels)

    def _result(
        self,
        query: str,
        kind: str,
        nis_codes: frozenset[str],
        notes: tuple[str, ...],
        labels: tuple[str, ...],
    ) -> LookupResult:
        matches = [self._by_nis[n] for n in sorted(nis_codes)]
        return LookupResult(
            query=query,
            kind=kind,  # type: ignore[arg-type]
            ambiguous=len(matches) > 1,
            matches=matches,
            notes=notes,
            matched_names=labels,
        )

    def _match_name(
        self, folded: str
    ) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]] | None:
        """(NIS codes, note codes, matched names) for a folded text, or None."""
        found = self._exact(folded)
        approximate = False
        if found is None:
            found = self._fuzzy(folded)
            approximate = found is not None
        if found is None:
            return None
        keys, tier, nis_codes = found
        notes: list[str] = []
        if approximate:
            notes.append("approximate")
        if len(nis_codes) > 1:
            notes.append("several_places")
        if tier == FORMER_MUNICIPALITY:
            notes.append("merged_2025")
        if (
            BRUSSELS_CITY in nis_codes
            and tier == MUNICIPALITY
            and any(BRUSSELS_CITY in self._index[k].tiers.get(MUNICIPALITY, ()) for k in keys)
        ):
            notes.append("brussels_city")
        return nis_codes, tuple(notes), tuple(self._index[k].label for k in keys)

    def _exact(self, folded: str) -> tuple[list[str], int, frozenset[str]] | None:
        """The best exact key among the word spans of the text (longest, after "à"/"in")."""
        whole = self._index.get(folded) or self._index.get(compact(folded))
        if whole is not None:
            tier, nis_codes = whole.best()
            return [folded if folded in self._index else compact(folded)], tier, nis_codes
        tokens = folded.split()
        content = [t for t in tokens if t not in FILLER_WORDS]
        candidates: list[tuple[tuple[int, int, int], str]] = []
        for start in range(len(tokens)):
            for end in range(start + 1, min(len(tokens), start + _MAX_SPAN) + 1):
                span = tokens[start:end]
                if all(t in FILLER_WORDS for t in span):
                    continue
                key = " ".join(span)
                hit = self._index.get(key)
                if hit is None:
                    continue
                if len(span) == 1 and len(key) <= 2 and content != span:
                    continue  # "as", "on": only when nothing else was typed
                after_locative = start > 0 and tokens[start - 1] in LOCATIVES
                tier, _ = hit.best()
                candidates.append(((len(span), int(after_locative), -tier), key))
        if not candidates:
            return None
        top = max(score for score, _ in candidates)
        keys = sorted({key for score, key in candidates if score == top})
        tier = -top[2]
        nis_codes = frozenset().union(*(self._index[k].tiers[tier] for k in keys))
        return keys, tier, nis_codes

    def _choices(self, length: int, limit: int) -> list[str]:
        """Keys whose length is within ``limit`` of ``length`` (others cannot match)."""
        cached = self._window_cache.get((length, limit))
        if cached is None:
            cached = [
                key
                for size in range(length - limit, length + limit + 1)
                for key in self._keys_by_length.get(size, ())
            ]
            self._window_cache[(length, limit)] = cached
        return cached

    def _fuzzy(self, folded: str) -> tuple[list[str], int, frozenset[str]] | None:
        """The closest keys within the allowed typos, for the text and its content words."""
        tokens = folded.split()
        content = [t for t in tokens if t not in FILLER_WORDS]
        pieces = {folded, " ".join(content)}
        for start in range(len(content)):
            for end in range(start + 1, min(len(content), start + 4) + 1):
                pieces.add(" ".join(content[start:end]))
        best: tuple[float, list[str]] | None = None
        for piece in pieces:
            limit = allowed_typos(len(compact(piece)))
            if not limit:
                continue
            choices = self._choices(len(piece), limit)
            for key, distance, _ in process.extract(
                piece,
                choices,
                scorer=OSA.distance,
                score_cutoff=limit,
                limit=None,
            ):
                if not _close_enough(piece, key):
                    continue
                # Relative distance: one typo in a long name is closer than in a short one.
                score = distance / max(len(piece), 1)
                if best is None or score < best[0] - 1e-9:
                    best = (score, [key])
                elif abs(score - best[0]) < 1e-9:
                    best[1].append(key)
        if best is None:
            return None
        keys = sorted(set(best[1]))
        tier = min(self._index[k].best()[0] for k in keys)
        nis_codes = frozenset().union(
            *(self._index[k].tiers[tier] for k in keys if tier in self._index[k].tiers)
        )
        return keys, tier, nis_codes


@cache
def _load(directory: str | None) -> Directory:
    centres, aliases = read_centres(Path(directory) if directory else None)
    return Directory(centres, aliases)


def load_directory(directory: Path | str | None = None) -> Directory:
    """The directory built from ``data/`` (or ``directory``), loaded once and cached."""
    return _load(str(directory) if directory else None)
