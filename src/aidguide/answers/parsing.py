"""Free answers to the eligibility questions, read into the values the rules engine takes.

Every reader returns a value, ``UNKNOWN`` when the person says they do not know or would
rather not say (accepted, never guessed), or ``None`` when the answer cannot be read (the
question is then asked again with an example).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Final

from aidguide.answers.numbers import parse_number
from aidguide.text import plain

UNKNOWN: Final = "unknown"

_DONT_KNOW = re.compile(
    r"\b(je (ne )?sais pas|sais pas|j sais pas|chais pas|jsp|aucune idee|pas d idee|"
    r"je prefere ne pas|prefere pas|pas envie de (le )?dire|je ne veux pas (le )?dire|"
    r"pas de reponse|inconnu|geen idee|weet (ik )?(het )?niet|weet niet|geen flauw idee|"
    r"zeg ik (liever )?niet|liever niet|wil ik niet zeggen|onbekend|geen antwoord|"
    r"i don ?t know|no idea)\b"
)
_YES = re.compile(
    r"^(oui|ouais|ouai|yes|ja|jawel|jep|jazeker|zeker|ok|oke|d accord|exact|"
    r"bien sur|tout a fait|inderdaad|klopt|dat klopt|c est ca|correct|wel)\b"
)
_NO = re.compile(
    r"^(non|nan|no|nee|neen|nope|pas du tout|helemaal niet|niet|nooit|jamais|"
    r"absolument pas|pas vraiment|niet echt)\b"
)
_NOTHING = re.compile(
    r"\b(rien|aucun|aucune|zero|nada|niks|niets|geen|nul|pas de revenu|"
    r"pas d argent|geen inkomen|geen geld)\b"
)


def is_dont_know(text: str) -> bool:
    return bool(_DONT_KNOW.search(plain(text)))


def read_yes_no(text: str) -> bool | str | None:
    if is_dont_know(text):
        return UNKNOWN
    words = plain(text)
    if _NO.search(words):
        return False
    if _YES.search(words):
        return True
    return None


def read_age(text: str) -> int | str | None:
    if is_dont_know(text):
        return UNKNOWN
    value = parse_number(text)
    if value is None or value != value.to_integral_value() or not 0 <= value <= 120:
        return None
    return int(value)


def read_amount(text: str, maximum: Decimal = Decimal("1000000")) -> Decimal | str | None:
    """A sum of money (net income, yearly taxable income); "rien" / "niks" is zero."""
    if is_dont_know(text):
        return UNKNOWN
    value = parse_number(text)
    if value is None:
        return Decimal("0.00") if _NOTHING.search(plain(text)) else None
    if not Decimal(0) <= value <= maximum:
        return None
    return value.quantize(Decimal("0.01"))


def read_count(text: str, maximum: int = 20) -> int | str | None:
    """A number of people (dependants): "aucun" / "geen" is zero, "un enfant" / "een kind" one."""
    if is_dont_know(text):
        return UNKNOWN
    value = parse_number(text, counting=True)
    if value is None:
        return 0 if _NOTHING.search(plain(text)) else None
    if value != value.to_integral_value() or not 0 <= value <= maximum:
        return None
    return int(value)


def read_price_per_litre(text: str) -> Decimal | str | None:
    """Euros per litre as on an invoice ("1,10", "1.10 €/l", "110 cents")."""
    if is_dont_know(text):
        return UNKNOWN
    value = parse_number(text)
    if value is None or value <= 0:
        return None
    if value >= 20 and "cent" in plain(text):  # "110 cents"
        value = value / 100
    return value.quantize(Decimal("0.001")) if value < 10 else None


#: Keywords that are also an everyday word: "eu" is the French past participle of "avoir"
#: ("je suis belge depuis que j'ai eu 18 ans"). They count only as the whole answer ("EU");
#: the tables list the phrases where they mean the keyword ("uit de EU", "EU-burger").
_ONLY_AS_WHOLE_ANSWER = frozenset({"eu"})
#: Phrases that contain a keyword but choose no option: "carte d'identité" is not the card D,
#: "non-européen" and "buiten de EU" are not EU citizens. Being longer, they hide the keyword.
_PHRASES_OF_NO_OPTION = (
    "carte d identite",
    "carte d etranger",
    "non europeen",
    "non europeenne",
    "extra europeen",
    "extra europeenne",
    "hors ue",
    "hors de l ue",
    "hors union europeenne",
    "hors de l union europeenne",
    "niet europees",
    "niet europese",
    "niet eu",
    "buiten de eu",
    "buiten de europese unie",
)
#: Keywords longer than this also match as the start or the end of a word: inflections and
#: Dutch compounds ("vluchtelingen", "pleegkinderen", "installatiepremie").
_WHOLE_WORD_ONLY_UP_TO = 6


@dataclass(frozen=True)
class _Mention:
    """Where a keyword was found in the folded answer, and the option it chooses."""

    start: int
    end: int
    rank: int  # the option's place in its table: the more specific options come first
    option: str | None

    def overlaps(self, other: _Mention) -> bool:
        return self.start < other.end and other.start < self.end


@lru_cache(maxsize=1024)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    """Where a keyword (as written in a table) stands in a folded answer."""
    word = re.escape(plain(keyword))
    if len(keyword) > _WHOLE_WORD_ONLY_UP_TO:
        return re.compile(rf"(?<!\w){word}|{word}(?!\w)")
    return re.compile(rf"(?<!\w){word}(?!\w)")


def _mentions(
    words: str, phrases: tuple[str, ...], rank: int, option: str | None
) -> list[_Mention]:
    found = []
    for phrase in phrases:
        if phrase in _ONLY_AS_WHOLE_ANSWER:
            found += [_Mention(0, len(words), rank, option)] if words == phrase else []
        else:
            found += [
                _Mention(m.start(), m.end(), rank, option)
                for m in _keyword_pattern(phrase).finditer(words)
            ]
    return found


def read_choice(text: str, keywords: dict[str, tuple[str, ...]]) -> str | None:
    """The option the answer names, or UNKNOWN, or None.

    Keywords match whole words and phrases. Where keywords overlap, the longest one wins
    ("mazout à la pompe" is not "mazout", "gaz en bouteille" not "gaz", "j'ai une carte
    d'identité" not the card D). Between separate mentions, the option listed first wins: the
    tables list the more specific options first ("seule avec mes enfants" has children).
    """
    if is_dont_know(text):
        return UNKNOWN
    words = plain(text)
    mentions = _mentions(words, _PHRASES_OF_NO_OPTION, len(keywords), None)
    for rank, (option, phrases) in enumerate(keywords.items()):
        mentions += _mentions(words, phrases, rank, option)
    kept: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.rank)):
        if not any(mention.overlaps(longer) for longer in kept):
            kept.append(mention)
    chosen = [mention for mention in kept if mention.option is not None]
    return min(chosen, key=lambda m: m.rank).option if chosen else None


RESIDENCE_STATUS_KEYWORDS: dict[str, tuple[str, ...]] = {
    "no_legal_stay": (
        "sans papiers",
        "pas de papiers",
        "sans titre de sejour",
        "illegal",
        "geen papieren",
        "zonder papieren",
        "illegaal",
        "geen verblijfsvergunning",
    ),
    "eu_citizen_first_3_months": (
        "moins de 3 mois",
        "moins de trois mois",
        "minder dan 3 maanden",
        "minder dan drie maanden",
    ),
    "subsidiary_protection": ("protection subsidiaire", "subsidiaire bescherming"),
    "refugee": ("refugie", "refugiee", "vluchteling", "erkend vluchteling", "statut de refugie"),
    "stateless": ("apatride", "staatloos", "staatloze"),
    "foreigners_register": (
        "registre des etrangers",
        "vreemdelingenregister",
        "carte a",
        "kaart a",
        "attestation d immatriculation",
        "oranje kaart",
        "carte orange",
    ),
    "population_register": (
        "registre de la population",
        "bevolkingsregister",
        "carte b",
        "kaart b",
        "carte c",
        "kaart c",
        "carte d",
        "kaart d",
        "carte k",
        "kaart k",
        "carte l",
        "kaart l",
        "sejour illimite",
        "onbeperkt verblijf",
    ),
    "eu_citizen": (
        "europeen",
        "europeenne",
        "union europeenne",
        "ue",
        "eu",
        "europeaan",
        "europese",
        "europees",
        "eu burger",
        "eu onderdaan",
        "eu land",
        "eu lidstaat",
        "de eu",
        "ben eu",
        "francais",
        "francaise",
        "neerlandais",
        "nederlander",
        "italien",
        "polonais",
        "roumain",
        "espagnol",
        "portugais",
    ),
    "belgian": ("belge", "belg", "belgische", "belgisch", "nationalite belge"),
}

HOUSEHOLD_KEYWORDS: dict[str, tuple[str, ...]] = {
    "with_dependent_children": (
        "enfant",
        "enfants",
        "gosse",
        "gosses",
        "fils",
        "fille",
        "bebe",
        "kind",
        "kinderen",
        "kindje",
        "zoon",
        "dochter",
        "baby",
        "ten laste",
    ),
    "cohabiting": (
        "cohabite",
        "cohabitant",
        "en couple",
        "avec mon",
        "avec ma",
        "avec des",
        "colocation",
        "coloc",
        "chez mes parents",
        "samenwonend",
        "samen",
        "met mijn",
        "met m n",
        "bij mijn ouders",
        "partner",
        "vriend",
        "vriendin",
    ),
    "alone": (
        "seul",
        "seule",
        "isole",
        "isolee",
        "tout seul",
        "toute seule",
        "alleen",
        "alleenstaand",
        "alleenstaande",
        "op mezelf",
    ),
}

FUEL_KEYWORDS: dict[str, tuple[str, ...]] = {
    "heating_oil_pump": ("mazout a la pompe", "gasoil a la pompe", "pompe", "aan de pomp", "pomp"),
    "kerosene_pump": ("petrole", "kerosene", "lampolie", "kerosine"),
    "propane_bulk": ("propane", "propaan", "citerne de gaz", "gastank"),
    "bottled_gas": ("bonbonne", "gaz en bouteille", "butane", "gasfles", "flessengas"),
    "natural_gas": ("gaz naturel", "gaz de ville", "aardgas", "gas van het net", "gaz"),
    "electricity": ("electricite", "electrique", "elektriciteit", "elektrisch"),
    "pellets": ("pellets", "pellet", "granules"),
    "wood": ("bois", "buches", "hout"),
    "coal": ("charbon", "kolen", "steenkool"),
    "heating_oil_bulk": (
        "mazout",
        "gasoil de chauffage",
        "fuel",
        "stookolie",
        "huisbrandolie",
        "mazoet",
    ),
}

WORK_EXEMPTION_KEYWORDS: dict[str, tuple[str, ...]] = {
    "studies": (
        "etudes",
        "etudiant",
        "etudiante",
        "ecole",
        "unif",
        "universite",
        "haute ecole",
        "studeer",
        "student",
        "studente",
        "school",
        "hogeschool",
        "studies",
    ),
    "health": (
        "sante",
        "malade",
        "maladie",
        "handicap",
        "medecin",
        "incapacite",
        "ziek",
        "ziekte",
        "gezondheid",
        "handicap",
        "dokter",
        "arbeidsongeschikt",
    ),
    "none": ("autre", "pas de raison", "rien de special", "andere", "geen reden"),
}
