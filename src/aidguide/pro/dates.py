"""Dates written in words, in French or Dutch: "en août 2023", "le 15 août 2023",
"op 1 juli 2023", "vorig jaar in mei", "l'année passée", "15/08/2023", "2023-08-15".

A small reader rather than a general date parser: the questions it serves name a day, a month
or a year of the past ("how much was the RIS in August 2023?"), and the relative words of two
languages. A month without a year is the last such month not after today; nothing is ever
read as a future date unless a year says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from aidguide.text import fold

Precision = Literal["day", "month", "year"]

#: Month names (accents folded), French then Dutch; a few short forms people type.
MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "juli": 7, "augustus": 8, "aug": 8, "oktober": 10,
    "november": 11, "december": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
#: Relative years: last year, this year, the year before last.
LAST_YEAR = (
    r"(?:l'?annee (?:passee|derniere)|l'?an (?:passe|dernier)|vorig jaar|verleden jaar|vorige jaar)"
)
THIS_YEAR = r"(?:cette annee|dit jaar|deze jaar)"
TODAY = r"\b(?:aujourd'?hui|maintenant|actuellement|vandaag|nu|momenteel|op dit moment)\b"
LAST_MONTH = r"(?:le mois (?:passe|dernier)|vorige maand|verleden maand)"


@dataclass(frozen=True)
class DateMention:
    """The date a text names: ``day`` is its first day at ``precision``."""

    day: date
    precision: Precision


def _valid(year: int, month: int, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _last(month: int, today: date) -> int:
    """The year of the last ``month`` not after today."""
    return today.year if month <= today.month else today.year - 1


def read_date(text: str, today: date) -> DateMention | None:
    """The date ``text`` names, or None when it names none."""
    folded = fold(text)
    numeric = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", folded)
    if numeric and (found := _valid(*map(int, numeric.groups()))):
        return DateMention(found, "day")
    numeric = re.search(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", folded)
    if numeric:
        day, month, year = map(int, numeric.groups())
        found = _valid(year, month, day)
        return DateMention(found, "day") if found else None  # 31/02: no such day
    numeric = re.search(r"(?<![\d/.-])(\d{1,2})[/.-](\d{4})\b", folded)
    if numeric:
        month, year = map(int, numeric.groups())
        if found := _valid(year, month):
            return DateMention(found, "month")
    named = re.search(rf"\b(\d{{1,2}})(?:er|e|ste|de)?\s+({_MONTH})\.?\s+(\d{{4}})\b", folded)
    if named:
        found = _valid(int(named[3]), MONTHS[named[2]], int(named[1]))
        if found:
            return DateMention(found, "day")
    named = re.search(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", folded)
    if named:
        return DateMention(date(int(named[2]), MONTHS[named[1]], 1), "month")
    month_word = re.search(rf"\b(?:en|in|au mois de|in de maand)\s+({_MONTH})\b", folded)
    if month_word:
        month = MONTHS[month_word[1]]
        if re.search(LAST_YEAR, folded):
            return DateMention(date(today.year - 1, month, 1), "month")
        if re.search(THIS_YEAR, folded):
            return DateMention(date(today.year, month, 1), "month")
        return DateMention(date(_last(month, today), month, 1), "month")
    if re.search(LAST_MONTH, folded):
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return DateMention(date(year, month, 1), "month")
    year = re.search(r"\b(?:en|in|pour|voor|de|van)\s+((?:19|20)\d{2})\b", folded)
    if year:
        return DateMention(date(int(year[1]), 1, 1), "year")
    if re.search(LAST_YEAR, folded):
        return DateMention(date(today.year - 1, 1, 1), "year")
    if re.search(THIS_YEAR, folded) or re.search(TODAY, folded):
        return DateMention(today, "day")
    return None
