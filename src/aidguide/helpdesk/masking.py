"""The e-mail as the agent sees it on screen: personal data masked.

:func:`aidguide.privacy.mask_personal_data` masks national register numbers, IBANs, cards,
e-mail addresses and phone numbers. An e-mail also carries the writer's name in its headers and
a street address in its text or signature, which a chat message rarely does; those two are
masked here, for the helpdesk only. So is a national register number that ends a sentence
("... est le 87.11.02-045.53."), which the shared filter leaves as it is.
"""

from __future__ import annotations

import re

from aidguide.privacy import MASKS, mask_personal_data

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
#: A national register number followed by the full stop of its sentence.
_NRN_AT_SENTENCE_END = re.compile(
    r"(?<![\d.])(\d{2})[. ]?(\d{2})[. ]?(\d{2})[- .]?(\d{3})[. ]?(\d{2})(?=\.(?!\d))"
)
_NAME_HEADER = re.compile(r"^((?:from|to|cc|reply-to|sender)\s*:\s*)(.*)$", re.IGNORECASE | re.M)


def _mask_header(match: re.Match[str]) -> str:
    return match.group(1) + NAME_MASK


def _nrn_checksum_holds(match: re.Match[str]) -> bool:
    """The modulo-97 check of a national register number (born before or from 2000)."""
    first, check = int("".join(match.groups()[:4])), int(match.group(5))
    return check in (97 - first % 97, 97 - (2_000_000_000 + first) % 97)


def _mask_nrn(match: re.Match[str]) -> str:
    return MASKS["national_register_number"] if _nrn_checksum_holds(match) else match.group()


def mask_email(text: str) -> str:
    """``text`` with personal data, writer names of the headers and street addresses masked."""
    masked = _NAME_HEADER.sub(_mask_header, text)
    masked = mask_personal_data(_NRN_AT_SENTENCE_END.sub(_mask_nrn, masked))
    masked = _STREET_FR.sub(STREET_MASK, masked)
    masked = _STREET_DE.sub(STREET_MASK, masked)
    return _STREET_NL.sub(STREET_MASK, masked)
