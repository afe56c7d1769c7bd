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


def rules_engine_available() -> bool:
    """Whether the rules engine (src/aidguide/rules) can evaluate a request."""
    try:
        from aidguide import rules
    except ImportError:
        return False
    return hasattr(rules, "evaluate")


def render(slots: dict[str, Any], language: str, on: date) -> list[dict[str, Any]]:
    """The messages of the result (built on the rules engine in src/aidguide/rules)."""
    raise NotImplementedError("the rules engine adapter is not written yet")
