"""The typed records of the directory: a centre, its contact details and their provenance.

Every contact value carries the page or register it was read from and a date, because CPAS
addresses and phone lines change often and a frontline worker must be able to check them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Language = Literal["fr", "nl", "de"]
LANGUAGES: tuple[Language, ...] = ("fr", "nl", "de")
LookupKind = Literal["postcode", "name", "none"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value was read: a title, a URL, the date shown there (if any), when it was read.

    ``kind`` says which source it is (``spp_is_list``, ``municipal_register``,
    ``flemish_contact_points``, ``flemish_addresses_2022``, ``web_page``), so that it can be
    named in the citizen's language; ``register`` refines ``municipal_register``
    (``vlaanderen_be``, ``odwb``, ``municipal_website``). ``date`` may be a month ("2026-01").
    """

    title: str
    url: str
    date: str | None
    retrieved: str | None
    kind: str = ""
    register: str | None = None


@dataclass(frozen=True, slots=True)
class ContactField:
    """One contact value (phone, e-mail, ...) exactly as its source gives it."""

    value: str
    source: Source
    note: str | None = None
    #: The link: ``tel:+3281337011`` for a phone, the ``https://`` address of a website.
    uri: str | None = None
    #: For a website: ``centre`` (its own) or ``municipality`` (the municipality's site).
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Address(ContactField):
    """An address; parts the source did not show (e.g. the postcode) stay ``None``."""

    street: str | None = None
    postcode: str | None = None
    town: str | None = None


@dataclass(frozen=True, slots=True)
class Locality:
    """A locality (deelgemeente / section) with its postcode; names as bpost writes them."""

    postcode: str
    name: str
    is_sub_municipality: bool


@dataclass(frozen=True, slots=True)
class FormerMunicipality:
    """A municipality of 2019-2024 that is now part of the centre's municipality."""

    nis: str
    names: dict[str, str]
    effective: str


@dataclass(frozen=True, slots=True)
class Area:
    """A region or province, with its Statbel code and names."""

    nis: str
    names: dict[str, str]


@dataclass(frozen=True, slots=True)
class MunicipalityContact:
    """The municipal administration: who to call when the centre's own detail is missing."""

    name: str
    address: Address | None
    phone: ContactField | None
    website: ContactField | None


@dataclass(frozen=True, slots=True)
class Centre:
    """The CPAS / OCMW / ÖSHZ of one municipality (one centre per municipality)."""

    nis: str
    names: dict[str, str]
    centre_name: dict[str, str]
    official_languages: tuple[str, ...]
    region: Area
    province: Area | None
    postcodes: tuple[str, ...]
    localities: tuple[Locality, ...] = ()
    merged_from: tuple[FormerMunicipality, ...] = ()
    address: Address | None = None
    phone: ContactField | None = None
    email: ContactField | None = None
    website: ContactField | None = None
    opening_hours: ContactField | None = None
    data_notes: tuple[str, ...] = ()
    municipality_contact: MunicipalityContact | None = None
    #: The centre's name as the federal list writes it ("CPAS Namur", "OSHZ Eupen").
    name_in_source: str | None = None

    @property
    def kind(self) -> str:
        """ "ÖSHZ" in the German-speaking area, "OCMW" in Flanders, "CPAS" elsewhere."""
        first = self.official_languages[0]
        return {"de": "ÖSHZ", "nl": "OCMW"}.get(first, "CPAS")

    def name_for(self, lang: str) -> str:
        """The municipality's name in ``lang`` (fr, nl, de; French otherwise)."""
        return self.names.get(lang) or self.names["fr"]

    def centre_name_for(self, lang: str) -> str:
        """The centre's name in ``lang``: "OCMW Luik" for Liège in Dutch, "CPAS de Liège"..."""
        return self.centre_name.get(lang) or self.centre_name["fr"]

    @property
    def official_names(self) -> dict[str, str]:
        """The centre's names in the municipality's own language(s) only."""
        return {lang: self.centre_name[lang] for lang in self.official_languages}

    def display_name(self, lang: str) -> str:
        """The name in ``lang``, followed by the name in the municipality's own language when
        ``lang`` is not that language: "CPAS d'Eupen (ÖSHZ Eupen)", "OCMW Luik (CPAS de
        Liège)". The official name is the one on the building and on the letters. In
        Brussels both French and Dutch are the municipality's own."""
        own = self.centre_name_for(lang)
        primary = self.official_languages[: 2 if self.region.nis == "04000" else 1]
        if lang in primary:
            return own
        others = [self.centre_name[code] for code in primary if self.centre_name[code] != own]
        return f"{own} ({' / '.join(others)})" if others else own

    def contact_fields(self) -> dict[str, ContactField]:
        """The contact fields a source gives, by name (empty ones left out)."""
        found = {
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
            "website": self.website,
            "opening_hours": self.opening_hours,
        }
        return {name: value for name, value in found.items() if value is not None}


@dataclass(frozen=True, slots=True)
class LookupResult:
    """The answer to a lookup. ``notes`` are stable codes the callers render in their language:

    - ``brussels_city``: "Bruxelles/Brussel" is the City of Brussels; each of the 19 communes
      has its own centre;
    - ``shared_postcode``: the postcode covers several municipalities (the street decides);
    - ``merged_2025``: the name is a municipality merged on 2025-01-01 into the match;
    - ``approximate``: matched despite a typo (a "did you mean" answer);
    - ``several_places``: the name fits several places;
    - ``postcode_name_conflict``: the postcode and the name point to different places.
    """

    query: str
    kind: LookupKind
    ambiguous: bool
    matches: list[Centre]
    notes: tuple[str, ...] = ()
    matched_names: tuple[str, ...] = field(default=())

    @property
    def found(self) -> bool:
        return bool(self.matches)
