"""The CPAS / OCMW / ÖSHZ directory: one centre per Belgian municipality (2025 map).

``load_directory().lookup("anderleht", "fr")`` finds the centre for a postcode, a place name
in French, Dutch or German (with typos), or a short sentence holding one;
``card.centre_card(centre, "fr")`` gives what to show about it. No web framework
here: the API and the Rasa actions are thin adapters over this package.
"""

from __future__ import annotations

from .loader import data_dir
from .lookup import BRUSSELS_CITY, MAX_QUERY_CHARS, Directory, load_directory
from .models import (
    Address,
    Area,
    Centre,
    ContactField,
    FormerMunicipality,
    Locality,
    LookupResult,
    MunicipalityContact,
    Source,
)

__all__ = [
    "BRUSSELS_CITY",
    "MAX_QUERY_CHARS",
    "Address",
    "Area",
    "Centre",
    "ContactField",
    "Directory",
    "FormerMunicipality",
    "Locality",
    "LookupResult",
    "MunicipalityContact",
    "Source",
    "data_dir",
    "load_directory",
]
