"""Quality checks over whole sheets, shared by ``scripts/content_check.py`` and the tests.

Which texts count as "answer texts" is decided here once: every prose field plus the list of
documents (read as one text), in each required language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .amounts import RulesUnavailable, lookup
from .readability import ReadabilityReport, check_text
from .schema import REQUIRED_LANGUAGES
from .sheets import TEXT_FIELDS, Sheet


def readable_texts(sheet: Sheet, lang: str) -> dict[str, str]:
    """The answer texts of ``sheet`` in ``lang``, by field (documents joined into one text)."""
    texts = {field: sheet.text(field, lang) for field in TEXT_FIELDS}
    texts["documents"] = " ".join(sheet.items("documents", lang))
    return texts


@dataclass(frozen=True)
class SheetReadability:
    """Reading ease of one sheet in one language: per text, and of all texts together."""

    sheet: str
    lang: str
    texts: dict[str, ReadabilityReport]
    overall: float

    @property
    def lowest(self) -> float:
        return min(report.score for report in self.texts.values())

    @property
    def failures(self) -> dict[str, ReadabilityReport]:
        return {field: report for field, report in self.texts.items() if not report.ok}


def sheet_readability(sheet: Sheet, lang: str) -> SheetReadability:
    texts = readable_texts(sheet, lang)
    reports = {field: check_text(text, lang) for field, text in texts.items()}
    overall = check_text(" ".join(texts.values()), lang).score
    return SheetReadability(sheet.id, lang, reports, overall)


def all_readability(sheet: Sheet) -> list[SheetReadability]:
    return [sheet_readability(sheet, lang) for lang in REQUIRED_LANGUAGES]


def unresolved_amounts(sheet: Sheet, on: date) -> list[str]:
    """Amount keys of ``sheet`` the rules engine cannot resolve for ``on``, with the reason.
    Raises :class:`~aidguide.content.amounts.RulesUnavailable` without a rules engine."""
    problems = []
    for ref in sheet.amounts:
        try:
            value = lookup(ref.key, on)
        except RulesUnavailable:
            raise
        except (LookupError, ValueError) as exc:
            problems.append(f"{ref.key}: {type(exc).__name__}: {exc}")
            continue
        if getattr(value, "applies_from", None) is None or getattr(value, "value", None) is None:
            problems.append(f"{ref.key}: no value or no applies_from")
    return problems
