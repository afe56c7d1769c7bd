"""The e-mail as the agent sees it on screen: personal data masked.

:func:`aidguide.privacy.mask_personal_data` masks national register numbers, IBANs, cards,
e-mail addresses and phone numbers. An e-mail also carries the writer's name in its headers and
a street address in its text or signature, which a chat message rarely does; those two are
masked here, for the helpdesk only.
"""

from __future__ import annotations

import re

from aidguide.privacy import mask_personal_data

STREET_MASK = "[ADDRESS]"
NAME_MASK = "[NAME]"

_STREET_WORDS = (
    r"rue|avenue|av\.|boulevard|bd|chauss[ée]e|place|square|all[ée]e|chemin|clos|drève|impasse|"
    r"quai|route|rampe|sentier|cit[ée]|r[ée]sidence"
)
_STREET_SUFFIXES = (
    r"straat|laan|steenweg|plein|lei|dreef|weg|baan|kaai|hof|pad|markt|stra(?:ss|ß)e|gasse"
)
#: "rue de la Loi 16", "Avenue Louise 54 bte 3", "12 rue Haute"
_STREET_FR = re.compile(
    rf"(?:\b\d{{1,4}}[a-z]?,?\s+)?\b(?i:{_STREET_WORDS})\s+(?:[dl]['’]|de\s+la\s+|de\s+|du\s+|des\s+)?"
    r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3}"
    r"(?:,?\s+(?:n[°o]\s?)?\d{1,4}[a-zA-Z]?(?:\s*(?:/|bte|bus|boîte)\s*\w+)?)?",
)
#: "Kerkstraat 12 bus 3", "Lange Lozanastraat 5", "Hauptstraße 8"
_STREET_NL = re.compile(
    rf"\b(?:[A-ZÀ-Ý][\w'-]*\s+)?[A-ZÀ-Ý][\w'-]*(?:{_STREET_SUFFIXES})\b"
    r"(?:\s+\d{1,4}[a-zA-Z]?(?:\s*(?:/|bus|bte)\s*\w+)?)?"
)
#: "Herbesthaler Straße 12", "Aachener Weg 3"
_STREET_DE = re.compile(
    r"\b[A-ZÄÖÜ][\w-]*\s+(?:Stra(?:ss|ß)e|Weg|Platz|Gasse|Allee|Ring)\b"
    r"(?:\s+\d{1,4}[a-zA-Z]?)?"
)
_NAME_HEADER = re.compile(r"^((?:from|to|cc|reply-to|sender)\s*:\s*)(.*)$", re.IGNORECASE | re.M)


def _mask_header(match: re.Match[str]) -> str:
    return match.group(1) + NAME_MASK


def mask_email(text: str) -> str:
    """``text`` with personal data, writer names of the headers and street addresses masked."""
    masked = _NAME_HEADER.sub(_mask_header, text)
    masked = mask_personal_data(masked)
    masked = _STREET_FR.sub(STREET_MASK, masked)
    masked = _STREET_DE.sub(STREET_MASK, masked)
    return _STREET_NL.sub(STREET_MASK, masked)
