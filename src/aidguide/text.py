"""Folding text into comparable forms: the one place every text comparison here starts from.

People type "revenu d'integration", "leefloon" in SMS spelling, "Genéve" for "Genève",
"sœur" or "soeur", curly or straight apostrophes. The answer readers, the vocabulary, the
sheet search, the place index, the helpdesk topics and the /pro search all compare text in
one of these three forms, from the least to the most folded:

- :func:`strip_accents`: accents removed and ligatures spelled out ("Œuvre" -> "Oeuvre"),
  case kept;
- :func:`fold`: that, in lower case (``str.casefold``), with one kind of apostrophe;
- :func:`plain`: that, with punctuation and apostrophes as spaces, single spaces between
  words ("J’ai 2 enfants !" -> "j ai 2 enfants").
"""

from __future__ import annotations

import re
import unicodedata

#: Letters that Unicode does not decompose into a base letter and a mark.
_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O"}
)
#: Every apostrophe people type (typographic, backtick, modifier letter) as the ASCII one.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'"})
_PUNCTUATION = re.compile(r"[^\w\s]")


def strip_accents(text: str) -> str:
    """The text without accents and with ligatures spelled out: "Genève" -> "Geneve",
    "cœur" -> "coeur", "Straße" -> "Strasse". Case is kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def straight_apostrophes(text: str) -> str:
    """Every kind of apostrophe as ``'``: "l’aide" -> "l'aide"."""
    return text.translate(_APOSTROPHES)


def fold(text: str) -> str:
    """Lower case, without accents or ligatures, one kind of apostrophe: "L’Œuvre Sociale"
    -> "l'oeuvre sociale". Spaces and punctuation are kept."""
    return strip_accents(straight_apostrophes(text)).casefold()


def plain(text: str) -> str:
    """The folded words only: punctuation and apostrophes as spaces, single spaces between
    words ("Qu’est-ce que le RIS ?" -> "qu est ce que le ris")."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text)).split())
