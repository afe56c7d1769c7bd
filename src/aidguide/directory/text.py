"""Folding place names and free text into comparable keys.

People type place names without accents, with or without hyphens and apostrophes, with
"St" for Saint/Sint/Sankt, inside a sentence ("j'habite à Jette"). Both the index and the
query go through the same folding, so that these variants meet on one key.
"""

from __future__ import annotations

import re

from aidguide import text as folding

_NON_WORD = re.compile(r"[^a-z0-9]+")
#: Saint / Sint / Sankt / St all fold to "st" (and Sainte / Ste to "ste").
_TOKEN_MAP = {"saint": "st", "sint": "st", "sankt": "st", "sainte": "ste"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that frame a place in a request but are never the place itself (FR, NL, DE, EN).
FILLER_WORDS = _words(
    """
    a au aux ai avec bonjour ce cest cherche chercher comment commune contact contacter cpas
    d dans de des du domicile domiciliee domicilie en est et habite habitons habitez habiter
    habites ici il j je l la le les ma merci mon moi ou par pour pres qui quel quelle
    s suis sur trouver un une vers ville vis vit centre public action sociale social adresse
    numero telephone tel horaires ouverture aide aides
    aan adres bij dag dank dat de die een gemeente goeiedag hallo het hoe ik in is ligt mijn
    naar nabij nummer ocmw of op openbaar centrum voor maatschappelijk welzijn stad te telefoon
    u uit van waar wat welk welke woon woont wonen zit zoek zoeken hulp steun graag
    ich im wohne wohnen gemeinde stadt der die das oshz und bei nach
    i live the of city where is my near from hello help please
    postcode code postal zip nr no
    """
)
#: Prepositions after which a place name usually follows ("à Jette", "in Gent", "te Aalst").
LOCATIVES = frozenset({"a", "in", "te", "de", "d", "van", "uit", "bij", "im", "aus", "nabij"})


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: "Rhode-St-Genèse" -> "rhode st genese"."""
    tokens = _NON_WORD.sub(" ", folding.fold(text)).split()
    return " ".join(_TOKEN_MAP.get(token, token) for token in tokens)


def compact(key: str) -> str:
    """The key without spaces, for people who glue words ("sintgenesiusrode")."""
    return key.replace(" ", "")
