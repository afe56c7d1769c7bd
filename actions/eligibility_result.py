"""From the answers to the rules engine, and from its result to plain messages.

Kept apart from the form so that the adapter to the rules engine is in one place.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .directory import find_centres


def find_centre_nis(text: str, language: str) -> str | None:
    """The NIS code(s) of the centre(s) a place points to, comma-separated; None if unknown."""
    centres = find_centres(text, language)
    return ",".join(c.nis for c in centres) if centres else None


#: The rules engine answers (src/aidguide/rules), but turning its result into messages
#: (``render``) is not written yet: until it is, the questions are not asked at all.
RESULT_MESSAGES_WRITTEN = False


def rules_engine_available() -> bool:
    """Whether a person who answers the questions will get a result."""
    if not RESULT_MESSAGES_WRITTEN:
        return False
    try:
        from aidguide import rules
    except ImportError:
        return False
    return hasattr(rules, "evaluate")


def render(slots: dict[str, Any], language: str, on: date) -> list[dict[str, Any]]:
    """The messages of the result (built on the rules engine in src/aidguide/rules)."""
    raise NotImplementedError("the rules engine adapter is not written yet")
