"""What an e-mail asks about: one to three aids, or a subject the helpdesk does not handle.

The names of an aid (official, everyday and other names of its sheet) are strong cues; the
sheet's keywords are weak ones, since a helpdesk e-mail says "CPAS" or "santé" whatever it asks.
E-mails also use words a chat user does not (German and English names, administrative
phrasing), listed here in ``EXTRA_CUES``. An aid is a topic from one strong cue or three weak
ones; the weaker topics of a long e-mail are dropped relative to the strongest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from aidguide.accents import strip_accents
from aidguide.content import AID_IDS, get_sheet

STRONG, WEAK = 3.0, 1.0
#: Score from which an aid counts as asked about, and the share of the best score a second or
#: third topic must reach.
MIN_SCORE, RELATIVE_FLOOR = 3.0, 0.34
MAX_TOPICS = 3

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
        "ris",
        "gpmi",
        "piis",
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
        "igo",
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
        "vipo",
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


def fold(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe and single spaces."""
    text = strip_accents(text).lower().replace("’", "'").replace("`", "'")
    return " ".join(text.split())


def _pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    folded = sorted({fold(cue) for cue in cues if cue.strip()}, key=len, reverse=True)
    if not folded:
        return None
    alternatives = "|".join(re.escape(cue) for cue in folded)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


@cache
def _cue_patterns() -> dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]:
    """Per aid: (strong cues, weak cues) as one compiled pattern each."""
    patterns = {}
    for aid in AID_IDS:
        sheet = get_sheet(aid)
        names = sheet.data["names"]
        strong: list[str] = list(EXTRA_CUES.get(aid, ()))
        for kind in ("official", "short"):
            strong += [name for name in names.get(kind, {}).values() if name]
        for lang in ("fr", "nl"):
            strong += sheet.items("names.other", lang)
        weak = [
            keyword
            for lang in ("fr", "nl")
            for keyword in sheet.items("keywords", lang)
            if fold(keyword) not in GENERIC_KEYWORDS
        ]
        strong_folded = {fold(cue) for cue in strong}
        weak = [cue for cue in weak if fold(cue) not in strong_folded]
        patterns[aid] = (_pattern(strong), _pattern(weak))
    return patterns


@cache
def _off_topic_patterns() -> dict[str, re.Pattern[str]]:
    return {kind: p for kind, cues in OFF_TOPIC_CUES.items() if (p := _pattern(cues))}


def _scores(folded: str) -> dict[str, tuple[float, bool]]:
    """Per aid: (score, whether a strong cue matched)."""
    scores = {}
    for aid, (strong, weak) in _cue_patterns().items():
        strong_hits = len(set(strong.findall(folded))) if strong else 0
        weak_hits = len(set(weak.findall(folded))) if weak else 0
        score = STRONG * strong_hits + WEAK * weak_hits
        if score:
            scores[aid] = (score, strong_hits > 0)
    return scores


def read_topics(text: str) -> TopicReading:
    """The aids ``text`` asks about (best first), or the off-topic kind when it asks about
    none of them."""
    folded = fold(text)
    scores = _scores(folded)
    off_topic = next(
        (kind for kind, pattern in _off_topic_patterns().items() if pattern.search(folded)),
        None,
    )
    if off_topic:  # a job application says "emploi", a tax letter "revenu": names only
        scores = {aid: value for aid, value in scores.items() if value[1]}
    ranked = sorted(scores.items(), key=lambda item: (-item[1][0], AID_IDS.index(item[0])))
    best = ranked[0][1][0] if ranked else 0.0
    topics = tuple(
        Topic(aid, round(min(1.0, score / (2 * STRONG)), 2))
        for aid, (score, _strong) in ranked
        if score >= MIN_SCORE and score >= RELATIVE_FLOOR * best
    )[:MAX_TOPICS]
    return TopicReading(topics, None if topics else off_topic)
