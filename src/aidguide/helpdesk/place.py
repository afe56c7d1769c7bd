"""Where the person lives: the one place of an e-mail that decides which CPAS helps.

An e-mail names many places (where a daughter works, the hospital, the old address). The
residence is what follows "j'habite à", "ik woon in", "wohnt in", "I live in", a postal address
("1030 Schaerbeek"), or "le CPAS de ..." / "het OCMW van ...". When someone writes for another
person ("pour ma mère", "mijn cliënt"), that person's residence comes first. Each candidate
goes through the directory lookup, so merged municipalities (2025), localities, Dutch, French
and German names and typos are resolved exactly as in the chat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from aidguide.directory import Centre, LookupResult, load_directory

#: Capitalised names looked up when no cue names the residence (each is a directory lookup).
MAX_NAMES = 40
_WORDS_AFTER = r"(?P<place>[^\n.,;:!?()]{2,60})"
_FIRST_PERSON = [
    r"\bj'?\s?habite(?:\s+(?:actuellement|maintenant|toujours|depuis\s+\S+(?:\s+\S+)?))?"
    r"\s+(?:a|à|au|en|sur|dans)\s+",
    r"\bje\s+(?:vis|r[ée]side|loge|demeure)(?:\s+(?:actuellement|maintenant|toujours|seule?|"
    r"depuis\s+\S+(?:\s+\S+)?))?\s+(?:a|à|au|en|sur|dans)\s+",
    r"\bje\s+suis\s+domicili[ée]e?\s+(?:a|à|au|en|sur|dans)\s+",
    r"\bnous\s+(?:habitons|vivons|r[ée]sidons)\s+(?:a|à|au|en|sur|dans)\s+",
    r"\b(?:ik|wij|we)\s+(?:woon|wonen|verblijf|verblijven)(?:\s+(?:nu|momenteel|sinds\s+\S+"
    r"(?:\s+\S+)?|al\s+\S+\s+\S+))?\s+(?:in|te|op)\s+",
    r"\b(?:woon|wonen)\s+(?:ik|wij|we)(?:\s+(?:nu|momenteel|sinds\s+\S+(?:\s+\S+)?))?"
    r"\s+(?:in|te)\s+",
    r"\b(?:ich|wir)\s+(?:wohne|wohnen|lebe|leben)(?:\s+(?:seit\s+\S+(?:\s+\S+)?|jetzt))?"
    r"\s+in\s+",
    r"\b(?:i|we)\s+(?:live|reside|am\s+living|are\s+living)(?:\s+(?:now|currently))?\s+in\s+",
]
_THIRD_PERSON = [
    r"\b(?:habite|vit|r[ée]side|demeure|est\s+domicili[ée]e?|domicili[ée]e?)"
    r"(?:\s+(?:actuellement|toujours|seule?|depuis\s+\S+(?:\s+\S+)?))?\s+(?:a|à|au|en|sur|dans)\s+",
    r"\b(?:woont|verblijft|gedomicilieerd)(?:\s+(?:nu|momenteel|alleen|nog|sinds\s+\S+"
    r"(?:\s+\S+)?))?\s+(?:in|te|op)\s+",
    r"\b(?:wohnt|lebt)(?:\s+(?:seit\s+\S+(?:\s+\S+)?|allein))?\s+in\s+",
    r"\b(?:lives|resides)(?:\s+(?:alone|now|currently))?\s+in\s+",
    r"\b(?:maison\s+de\s+repos|home|r[ée]sidence|woonzorgcentrum|rusthuis|altenheim|"
    r"nursing\s+home)\s+(?:[àa]|in|te)\s+",
]
#: Dutch puts the verb last: "die in Antwerpen verblijft", "omdat ik in Gent woon".
_VERB_LAST = re.compile(
    r"\b(?:in|te)\s+(?P<place>[A-ZÀ-Ý][\w'-]+(?:[- ][A-ZÀ-Ý][\w'-]+){0,2})\s+"
    r"(?:woon|woont|wonen|verblijf|verblijft|verblijven|wohne|wohnt|wohnen)\b"
)
#: A capitalised name inside a sentence: the last resort when no cue names the residence.
_NAME = re.compile(r"(?<=[a-zà-ÿ,] )[A-ZÀ-Ý][\w'-]+(?:[- ][A-ZÀ-Ý][\w'-]+){0,3}")
_CENTRE = [
    r"\b(?:cpas|ocmw|[öo]shz)\s+(?:de\s+la\s+ville\s+de\s+|de\s+|d'|du\s+|van\s+|in\s+|von\s+)?",
]
#: A postal address line: a postcode followed by a capitalised name.
_ADDRESS = re.compile(
    r"(?<!\d)(?<!\d )(?P<place>\d{4}[ ]+[A-ZÀ-Ý][\w'’-]+(?:[- ][A-ZÀ-Ý][\w'’-]+)?)"
)
#: Someone writing for another person.
_ON_BEHALF = re.compile(
    r"\b(?:ma|mon|notre|votre)\s+(?:m[èe]re|p[èe]re|fille|fils|s(?:oe|œ)ur|fr[èe]re|tante|oncle|"
    r"grand-m[èe]re|grand-p[èe]re|voisine?|ami|amie|b[ée]n[ée]ficiaire|usag[eè]re?|client|"
    r"cliente|patient|patiente|belle-m[èe]re)\b"
    r"|\b(?:mijn|onze)\s+(?:moeder|vader|dochter|zoon|zus|broer|tante|oom|oma|opa|buurman|"
    r"buurvrouw|vriend|vriendin|cli[ëe]nt|cli[ëe]nte|pati[ëe]nt|schoonmoeder)\b"
    r"|\b(?:meine|mein)\s+(?:mutter|vater|tochter|sohn|klient|klientin)\b"
    r"|\bmy\s+(?:mother|father|daughter|son|client|neighbour|neighbor|sister|brother)\b",
    re.IGNORECASE,
)
_FIRST = [re.compile(p + _WORDS_AFTER, re.IGNORECASE) for p in _FIRST_PERSON]
_THIRD = [re.compile(p + _WORDS_AFTER, re.IGNORECASE) for p in _THIRD_PERSON]
_CENTRES = [re.compile(p + _WORDS_AFTER, re.IGNORECASE) for p in _CENTRE]
#: Words after which a snippet no longer names the place ("à Jette depuis 2019").
_STOP = re.compile(
    r"\s(?:depuis|sinds|seit|since|avec|met|mit|with|et|en|und|and|mais|maar|aber|but|qui|die|"
    r"dat|that|pour|voor|car|want|chez|bij|dans|sur)\s.*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Place:
    """The residence read from an e-mail and the centre(s) it points to."""

    text: str  # the place as the lookup matched it (a name or postcode, never a street)
    result: LookupResult

    @property
    def centre(self) -> Centre | None:
        """The one centre, or None when the place fits several (the agent chooses)."""
        return self.result.matches[0] if len(self.result.matches) == 1 else None


def _snippets(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, str]]:
    found = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            snippet = _STOP.sub("", " " + match.group("place")).strip()
            found.append((match.start(), " ".join(snippet.split()[:4])))
    return sorted(found)


def _candidates(text: str) -> list[str]:
    """Place snippets in the order they should be tried."""
    first = [s for _, s in _snippets(_FIRST, text)]
    third = sorted(
        [
            *_snippets(_THIRD, text),
            *((m.start(), m.group("place")) for m in _VERB_LAST.finditer(text)),
        ]
    )
    third = [s for _, s in third]
    addresses = [m.group("place") for m in _ADDRESS.finditer(text)]
    centres = [s for _, s in _snippets(_CENTRES, text)]
    if _ON_BEHALF.search(text):
        return [*third, *first, *addresses, *centres]
    return [*first, *third, *addresses, *centres]


def _resolve(snippet: str) -> LookupResult | None:
    result = load_directory().lookup(snippet)
    if not result.found or ("approximate" in result.notes and len(snippet) < 5):
        return None
    return result


def _only_named_place(text: str) -> Place | None:
    """The one municipality the text names without a cue ("un appartement à Marcinelle"),
    when every name it holds points to the same centre; exact names only."""
    found: dict[str, Place] = {}
    for match in islice(_NAME.finditer(text), MAX_NAMES):
        result = load_directory().lookup(match.group())
        if result.found and not result.ambiguous and "approximate" not in result.notes:
            found.setdefault(result.matches[0].nis, Place(match.group(), result))
    return next(iter(found.values())) if len(found) == 1 else None


def find_place(text: str) -> Place | None:
    """The residence named in ``text`` (the writer's new text), or None if it names none."""
    for snippet in _candidates(text):
        result = _resolve(snippet)
        if result is not None:
            label = " ".join(result.matched_names) or snippet
            return Place(label, result)
    return _only_named_place(text)


def place_from_query(query: str) -> Place | None:
    """A place the agent typed (a name, a postcode or a NIS code) instead of the one read."""
    directory = load_directory()
    query = query.strip()
    if re.fullmatch(r"\d{5}", query) and (centre := directory.by_nis(query)):
        result = LookupResult(query, "name", False, [centre], (), (centre.name_for("fr"),))
        return Place(centre.name_for("fr"), result)
    result = directory.lookup(query)
    return Place(" ".join(result.matched_names) or query, result) if result.found else None
