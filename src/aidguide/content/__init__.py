"""Vetted aid sheets: loading, validation, rendering with dated amounts, search.

The sheets live in ``content/aids/<aid_id>.yml`` (French and Dutch, with their sources); their
review status comes from the records in ``content/reviews/``. Amounts are references to
rules-engine parameters, resolved at render time. This package never imports the web layer
or Rasa; ``aidguide.api.aids`` and ``actions/`` adapt it.
"""

from __future__ import annotations

from .amounts import ResolvedAmount, rules_available
from .readability import (
    MAX_SENTENCE_WORDS,
    MIN_READING_EASE,
    ReadabilityReport,
    check_text,
    long_sentences,
    reading_ease,
)
from .render import GROUP_LABELS, SECTION_LABELS, TOPICS, list_overview, render_sheet, topic_text
from .search import search_aids
from .sheets import (
    AID_IDS,
    GROUPS,
    TEXT_FIELDS,
    Sheet,
    SheetError,
    UnknownAid,
    get_sheet,
    load_sheets,
)

__all__ = [
    "AID_IDS",
    "GROUPS",
    "GROUP_LABELS",
    "MAX_SENTENCE_WORDS",
    "MIN_READING_EASE",
    "SECTION_LABELS",
    "TEXT_FIELDS",
    "TOPICS",
    "ReadabilityReport",
    "ResolvedAmount",
    "Sheet",
    "SheetError",
    "UnknownAid",
    "check_text",
    "get_sheet",
    "list_overview",
    "load_sheets",
    "long_sentences",
    "reading_ease",
    "render_sheet",
    "rules_available",
    "search_aids",
    "topic_text",
]
