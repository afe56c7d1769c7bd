"""What an e-mail asks about: one to three aids, or a subject the helpdesk does not handle.

The names of an aid (official, everyday and other names of its sheet) are strong cues; the
sheet's keywords are weak ones, since a helpdesk e-mail says "CPAS" or "santé" whatever it asks.
E-mails also use words a chat user does not (German and English names, administrative
phrasing), listed here in ``EXTRA_CUES``. Cues are matched longest first, so "pas droit au
revenu d'intégration" counts for the equivalent aid and not for the revenu d'intégration.

An aid is a topic from one strong cue or three weak ones. The best-scored aid is the main
topic; another aid is a topic too when it is named in a question (or the subject), or named
twice: people give context ("j'ai la BIM", "ik heb geen leefloon meer") that is not a question.
An e-mail with two cues of a job application, a tax or a fine is off-topic even if it names an
aid ("I know the leefloon well": a cover letter).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from aidguide import text as folding
from aidguide.content import AID_IDS, get_sheet

STRONG, WEAK = 3.0, 1.0
#: Score from which an aid counts as asked about, and the share of the best score a second or
#: third topic must reach.
MIN_SCORE, RELATIVE_FLOOR = 3.0, 0.34
MAX_TOPICS = 3
#: Distinct off-topic cues from which an e-mail is off-topic whatever aid it names.
OFF_TOPIC_CERTAIN = 2

#: Keywords of the sheets too general to say which aid an e-mail is about.
GENERIC_KEYWORDS = frozenset(
    {
        "cpas",
        "ocmw",
        "allocation",
        "uitkering",
        "contrat",
        "contract",
        "projet",
        "leven",
        "accompagnement",
        "begeleiding",
        "ans",
        "jaar",
        "statut",
        "statuut",
        "sante",
        "gezondheid",
        "aide financiere",
        "financiele steun",
        "enfants",
        "kinderen",
        "ecole",
        "school",
        "facture",
        "factuur",
        "logement",
        "woning",
        "appartement",
        "rue",
        "straat",
        "oud",
        "vieux",
        "home",
        "chambre",
        "kamer",
        "sejour",
        "verblijf",
        "residence",
        "malade",
        "ziek",
        "internet",
        "stage",
        "job",
        "winkel",
        "pakket",
        "colis",
        "levering",
        "livraison",
        "tank",
        "froid",
        "koud",
    }
)

#: Cues of helpdesk e-mails that the sheets do not list (German and English names, and the
#: way people and social workers name an aid in writing). Folded: lower case, no accents.
EXTRA_CUES: dict[str, tuple[str, ...]] = {
    "ris": (
        "revenu d'integration",
        "revenu d integration",
        "leefloon",
        "eingliederungseinkommen",
        "integration income",
        "social integration income",
        "minimum income",
        "living wage",
        "RIS",
        "GPMI",
        "PIIS",
    ),
    "equivalent_aid": (
        "aide equivalente",
        "equivalent au revenu d'integration",
        "equivalent leefloon",
        "registre des etrangers",
        "vreemdelingenregister",
        "carte a",
        "a-kaart",
    ),
    "urgent_medical_aid": (
        "aide medicale urgente",
        "dringende medische hulp",
        "dringende medizinische hilfe",
        "urgent medical aid",
        "sans papiers",
        "sans-papiers",
        "zonder papieren",
        "undocumented",
        "mediprima",
    ),
    "heating_allowance": (
        "allocation de chauffage",
        "verwarmingstoelage",
        "heizkostenzuschuss",
        "heating allowance",
        "mazout",
        "stookolie",
        "heizol",
        "heating oil",
        "fonds social chauffage",
        "verwarmingsfonds",
    ),
    "rent_guarantee": (
        "garantie locative",
        "huurwaarborg",
        "mietkaution",
        "mietgarantie",
        "rental deposit",
        "rent deposit",
        "security deposit",
        "lettre de caution",
    ),
    "installation_premium": (
        "prime d'installation",
        "installatiepremie",
        "einrichtungspramie",
        "installation grant",
        "installation premium",
    ),
    "pocket_money": (
        "argent de poche",
        "zakgeld",
        "taschengeld",
        "pocket money",
        "maison de repos",
        "rusthuis",
        "woonzorgcentrum",
        "altenheim",
        "nursing home",
    ),
    "food_aid": (
        "aide alimentaire",
        "colis alimentaire",
        "colis alimentaires",
        "epicerie sociale",
        "voedselhulp",
        "voedselpakket",
        "voedselpakketten",
        "sociale kruidenier",
        "lebensmittelhilfe",
        "food aid",
        "food parcel",
        "food bank",
    ),
    "employment": (
        "article 60",
        "artikel 60",
        "art. 60",
        "art 60",
        "emploi d'insertion",
        "tijdelijke werkervaring",
        "werkervaring",
        "mise a l'emploi",
        "tewerkstelling",
    ),
    "housing_first": ("housing first",),
    "miriam": ("miriam",),
    "debt_mediation": (
        "mediation de dettes",
        "mediateur de dettes",
        "reglement collectif",
        "schuldbemiddeling",
        "schuldhulp",
        "collectieve schuldenregeling",
        "schuldnerberatung",
        "debt mediation",
        "debt advice",
        "huissier",
        "deurwaarder",
        "gerichtsvollzieher",
        "bailiff",
        "dettes",
        "schulden",
    ),
    "energy_bills": (
        "facture d'electricite",
        "facture de gaz",
        "facture d'energie",
        "factures d'energie",
        "energiefactuur",
        "energiefacturen",
        "gasfactuur",
        "elektriciteitsfactuur",
        "stromrechnung",
        "energy bill",
        "electricity bill",
        "compteur a budget",
        "budgetmeter",
        "fonds gaz",
        "fonds energie",
        "energiefonds",
        "coupure",
        "afsluiting",
    ),
    "participation_fund": (
        "participation sociale",
        "maatschappelijke participatie",
        "fonds participation",
        "participatiefonds",
        "frais scolaires",
        "schoolkosten",
        "club de sport",
        "sportclub",
        "voyage scolaire",
        "schoolreis",
        "stage sportif",
        "lidgeld",
    ),
    "grapa": (
        "grapa",
        "garantie de revenus",
        "inkomensgarantie voor ouderen",
        "IGO",
        "einkommensgarantie",
        "income guarantee for the elderly",
        "petite pension",
        "klein pensioen",
    ),
    "bim": (
        "intervention majoree",
        "statut bim",
        "verhoogde tegemoetkoming",
        "erhohte kostenerstattung",
        "increased reimbursement",
        "VIPO",
        "omnio",
    ),
}

#: Subjects the SPP IS helpdesk does not handle, by kind, each answered with a referral.
OFF_TOPIC_CUES: dict[str, tuple[str, ...]] = {
    "taxes": (
        "impot",
        "impots",
        "declaration fiscale",
        "tax-on-web",
        "taxonweb",
        "avertissement-extrait de role",
        "spf finances",
        "precompte",
        "belasting",
        "belastingen",
        "belastingaangifte",
        "aanslagbiljet",
        "fod financien",
        "steuer",
        "steuererklarung",
        "tax return",
        "income tax",
    ),
    "fine": (
        "amende",
        "proces-verbal",
        "stationnement",
        "parking",
        "sanction administrative",
        "boete",
        "parkeerboete",
        "gas-boete",
        "snelheidsovertreding",
        "strafzettel",
        "bussgeld",
        "parking fine",
        "parking ticket",
        "speeding ticket",
    ),
    "job_application": (
        "candidature",
        "postuler",
        "mon cv",
        "curriculum vitae",
        "lettre de motivation",
        "offre d'emploi",
        "sollicitatie",
        "solliciteren",
        "vacature",
        "motivatiebrief",
        "bewerbung",
        "lebenslauf",
        "job application",
        "apply for the position",
        "vacancy",
        "my cv",
        "mijn cv",
    ),
}


@dataclass(frozen=True)
class Topic:
    """One aid the e-mail asks about, with how sure the reading is (0 to 1)."""

    aid: str
    confidence: float


@dataclass(frozen=True)
class TopicReading:
    topics: tuple[Topic, ...]
    off_topic: str | None  # "taxes", "fine", "job_application", or None


@dataclass
class _Evidence:
    strong: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)
    asked: bool = False  # a strong cue stands in a question or in the subject

    @property
    def score(self) -> float:
        return STRONG * len(self.strong) + WEAK * len(self.weak)


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe and single spaces per line."""
    return "\n".join(" ".join(line.split()) for line in folding.fold(text).splitlines())


def _pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    folded = sorted({fold(cue) for cue in cues if cue.strip()}, key=len, reverse=True)
    if not folded:
        return None
    alternatives = "|".join(re.escape(cue) for cue in folded)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _is_acronym(cue: str) -> bool:
    """ "MR", "BIM", "RIS": matched only in capitals ("Mr Diallo" is not a nursing home)."""
    letters = [c for c in cue if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in cue.strip()


@cache
def _cues() -> tuple[dict[bool, re.Pattern[str]], dict[str, dict[str, float]]]:
    """Two patterns of every cue, longest first: words (matched on folded text) and acronyms
    (matched in capitals); and, per cue, the aids it points to with its strength (a cue may
    point to two aids: "sans-abri")."""
    table: dict[str, dict[str, float]] = {}
    for aid in AID_IDS:
        sheet = get_sheet(aid)
        names = sheet.data["names"]
        strong: list[str] = list(EXTRA_CUES.get(aid, ()))
        for kind in ("official", "short"):
            strong += [name for name in names.get(kind, {}).values() if name]
        for lang in ("fr", "nl"):
            strong += sheet.items("names.other", lang)
        weak = [kw for lang in ("fr", "nl") for kw in sheet.items("keywords", lang)]
        for cue in weak:
            if fold(cue) not in GENERIC_KEYWORDS:
                table.setdefault(_key(cue), {}).setdefault(aid, WEAK)
        for cue in strong:
            table.setdefault(_key(cue), {})[aid] = STRONG
    words = _pattern(cue for cue in table if not _is_acronym(cue))
    acronyms = re.compile(
        "|".join(
            rf"(?<![\w-]){re.escape(cue)}(?![\w-])"
            for cue in sorted((c for c in table if _is_acronym(c)), key=len, reverse=True)
        )
    )
    assert words is not None
    return {False: words, True: acronyms}, table


def _key(cue: str) -> str:
    """How a cue is looked up: acronyms as written, everything else folded."""
    return folding.strip_accents(cue.strip()) if _is_acronym(cue.strip()) else fold(cue)


@cache
def _off_topic_patterns() -> dict[str, re.Pattern[str]]:
    return {kind: p for kind, cues in OFF_TOPIC_CUES.items() if (p := _pattern(cues))}


_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


def _question_ends(folded: str) -> tuple[list[int], list[bool]]:
    """Where each sentence ends, and whether it is a question (for a bisect per cue)."""
    ends, questions = [], []
    for match in _SENTENCE.finditer(folded):
        if match.end() > match.start():
            ends.append(match.end())
            questions.append(match.group().rstrip().endswith("?"))
    return ends, questions


def _matches(text: str) -> list[tuple[str, bool]]:
    """Every cue of ``text`` (longest first, no overlap) and whether it stands in a question."""
    patterns, _table = _cues()
    found = []
    for acronym, pattern in patterns.items():
        prepared = folding.strip_accents(text) if acronym else fold(text)
        ends, questions = _question_ends(prepared)
        for match in pattern.finditer(prepared):
            index = bisect_right(ends, match.start())
            found.append((match.group(), index < len(questions) and questions[index]))
    return found


def _evidence(body: str, subject: str) -> dict[str, _Evidence]:
    _patterns, table = _cues()
    found: dict[str, _Evidence] = {}
    for text, in_subject in ((subject, True), (body, False)):
        for cue, in_question in _matches(text):
            asked = in_subject or in_question
            for aid, strength in table[cue].items():
                evidence = found.setdefault(aid, _Evidence())
                if strength == STRONG:
                    evidence.strong.add(cue)
                    evidence.asked |= asked
                else:
                    evidence.weak.add(cue)
    return found


def _off_topic(text: str) -> tuple[str | None, int]:
    """The off-topic kind with the most distinct cues, and how many."""
    folded = fold(text)
    counts = {
        kind: len(set(pattern.findall(folded))) for kind, pattern in _off_topic_patterns().items()
    }
    kind = max(counts, key=lambda k: counts[k])
    return (kind, counts[kind]) if counts[kind] else (None, 0)


def read_topics(body: str, subject: str = "") -> TopicReading:
    """The aids an e-mail asks about (best first), or the off-topic kind when it asks about
    none of them. ``body`` is the writer's new text, ``subject`` the subject line."""
    evidence = _evidence(body, subject)
    off_topic, off_cues = _off_topic(subject + "\n" + body)
    if off_cues >= OFF_TOPIC_CERTAIN:
        return TopicReading((), off_topic)
    if off_topic:  # a tax letter says "revenu", a job offer "emploi": names only
        evidence = {aid: e for aid, e in evidence.items() if e.strong}
    ranked = sorted(evidence.items(), key=lambda item: (-item[1].score, AID_IDS.index(item[0])))
    ranked = [(aid, e) for aid, e in ranked if e.score >= MIN_SCORE]
    if not ranked:
        return TopicReading((), off_topic)
    best = ranked[0][1].score
    kept = [ranked[0]] + [
        (aid, e)
        for aid, e in ranked[1:]
        if e.score >= RELATIVE_FLOOR * best and (e.asked or len(e.strong) >= 2)
    ]
    topics = tuple(
        Topic(aid, round(min(1.0, e.score / (2 * STRONG)), 2)) for aid, e in kept[:MAX_TOPICS]
    )
    return TopicReading(topics, None)
