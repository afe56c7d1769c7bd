"""Removing accents, the one folding step every text comparison here shares.

People type "revenu d'integration", "leefloon" in SMS spelling, "Genéve" for "Genève": the
parsers, the sheet search and the place index all compare text with its accents removed.
"""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """The text with combining marks removed after NFKD decomposition: "é" -> "e", "ï" -> "i"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
