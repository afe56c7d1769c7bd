"""Find texts that announce, as still to come, an event whose date has already passed.

"Une nouvelle indexation est prévue à partir du 1er mars 2026" was true when written and
wrong nine months later. Texts are not re-read every day, so a test does it: each sentence
that carries a date (French, Dutch or English: ``1er mars 2026``, ``maart 2026``,
``1 March 2026``, ``1/3/2026``, ``2026-03-01``, ``en 2025``) and a marker of the future
(``prévue``, ``sera``, ``prochain``, ``verwacht``, ``zal``, ``will``, ``expected``...) is
flagged when the date is over on the day of the check. A marker right after a past
auxiliary (``était prévue``, ``werd verwacht``, ``was expected``) tells about the past and is
not flagged. A month name with ``prochain`` / ``volgende`` / ``next`` and no year goes stale by
itself, so it is flagged whatever the date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .readability import sentences

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("janvier", "januari", "january", "jan"),
        ("février", "fevrier", "februari", "february", "feb"),
        ("mars", "maart", "march", "mar"),
        ("avril", "april", "apr"),
        ("mai", "mei", "may"),
        ("juin", "juni", "june", "jun"),
        ("juillet", "juli", "july", "jul"),
        ("août", "aout", "augustus", "august", "aug"),
        ("septembre", "september", "sept", "sep"),
        ("octobre", "oktober", "october", "oct", "okt"),
        ("novembre", "november", "nov"),
        ("décembre", "decembre", "december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2026-03-01
    re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>\d{{2}})-(?P<day>\d{{2}})\b"),
    # 1/3/2026, 01.03.2026
    re.compile(rf"\b(?P<day>\d{{1,2}})[/.](?P<month>\d{{1,2}})[/.](?P<year>{_YEAR})\b"),
    # 1er mars 2026, 1 maart 2026, 1 March 2026
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:er|e|st|nd|rd|th)?\s+(?P<mname>{_MONTH})\.?\s+(?P<year>{_YEAR})\b",
        re.IGNORECASE,
    ),
    # March 1, 2026
    re.compile(
        rf"\b(?P<mname>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>{_YEAR})\b", re.IGNORECASE
    ),
    # mars 2026, maart 2026 (the last day of the month)
    re.compile(rf"\b(?P<mname>{_MONTH})\.?\s+(?P<year>{_YEAR})\b", re.IGNORECASE),
    # en 2025, in 2025, tegen 2030 (the last day of the year)
    re.compile(rf"\b(?:en|in|tegen|by|dès|vanaf|from|à partir de)\s+(?P<year>{_YEAR})\b", re.I),
)

#: Words that put an event in the future, per language (lower case, matched as words).
FUTURE_MARKERS = (
    # French
    r"prévue?s?",
    r"programmée?s?",
    r"attendue?s?",
    r"annoncée?s?",
    r"sera",
    r"seront",
    r"aura",
    r"auront",
    r"va",
    r"vont",
    r"prochaine?s?",
    r"bientôt",
    r"\w{3,}(?:era|eront|iront)",  # augmentera, changeront, finiront
    # Dutch
    r"verwacht",
    r"gepland",
    r"zal",
    r"zullen",
    r"komende?",
    r"volgende?",
    r"binnenkort",
    r"aangekondigd",
    # English
    r"will",
    r"expected",
    r"planned",
    r"scheduled",
    r"upcoming",
    r"next",
    r"forthcoming",
)
_FUTURE = re.compile(rf"\b(?:{'|'.join(FUTURE_MARKERS)})\b", re.IGNORECASE)
#: Past auxiliaries: ``était prévue``, ``werd verwacht``, ``was expected`` tell about the past.
_PAST_BEFORE = re.compile(
    r"\b(?:était|étaient|avait|avaient|a été|ont été|werd|werden|was|waren|had|were|"
    r"has been|have been)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: ``mars prochain``, ``volgende maand maart``, ``next March``: a relative date with no year.
_RELATIVE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?:prochain|prochaine)|(?:volgende|komende|next)\s+(?P<m2>{_MONTH}))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StaleClaim:
    """One sentence that announces a passed date as future (or a future with no year)."""

    sentence: str
    date_text: str
    ends_on: date | None
    marker: str

    def describe(self) -> str:
        when = f"ended {self.ends_on.isoformat()}" if self.ends_on else "no year"
        return f"'{self.marker}' with '{self.date_text}' ({when}): {self.sentence}"


def _last_day(year: int, month: int | None, day: int | None) -> date | None:
    """The last day a date expression can mean; None when it is not a real date."""
    try:
        if month is None:
            return date(year, 12, 31)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day)
    except ValueError:
        return None


def dates_in(text: str) -> list[tuple[str, date]]:
    """Every date expression in ``text`` with the last day it can mean, left to right; a
    span already read by a more precise pattern is not read again."""
    found: list[tuple[int, int, str, date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end, *_ in found):
                continue
            parts = match.groupdict()
            month = parts.get("month")
            name = parts.get("mname")
            month_number = int(month) if month else (_MONTHS[name.lower()] if name else None)
            day = int(parts["day"]) if parts.get("day") else None
            ends = _last_day(int(parts["year"]), month_number, day)
            if ends is not None:
                found.append((match.start(), match.end(), match.group(0), ends))
    return [(text_, ends) for _, _, text_, ends in sorted(found)]


def _future_marker(sentence: str) -> str | None:
    for match in _FUTURE.finditer(sentence):
        if not _PAST_BEFORE.search(sentence[: match.start()]):
            return match.group(0)
    return None


def stale_claims(text: str, today: date) -> list[StaleClaim]:
    """Sentences of ``text`` that announce as future a date that is over on ``today``, or a
    month "prochain" / "volgende" / "next" without a year."""
    claims = []
    for sentence in sentences(text):
        relative = _RELATIVE.search(sentence)
        if relative:
            claims.append(StaleClaim(sentence, relative.group(0), None, relative.group(0)))
            continue
        marker = _future_marker(sentence)
        if marker is None:
            continue
        passed = [(text_, ends) for text_, ends in dates_in(sentence) if ends < today]
        if passed:
            claims.append(StaleClaim(sentence, passed[0][0], passed[0][1], marker))
    return claims
