"""The facade's contract: what a caller may tell us, and what we answer. ``None`` always
means "not answered" and gives "unknown" conditions; it is never replaced by a guess."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

Tri = bool | Literal["unknown"]
Status = Literal["met", "not_met", "unknown", "required"]
Period = Literal["month", "year", "once"] | None

RESIDENCE_STATUSES = (
    "belgian",
    "eu_citizen",
    "eu_citizen_first_3_months",
    "population_register",
    "foreigners_register",
    "refugee",
    "subsidiary_protection",
    "stateless",
    "no_legal_stay",
)
WORK_EXEMPTIONS = ("none", "health", "studies")
SITUATIONS = ("alone", "cohabiting", "with_dependent_children")
FUELS = (
    "heating_oil_bulk",
    "heating_oil_pump",
    "kerosene_pump",
    "propane_bulk",
    "natural_gas",
    "electricity",
    "wood",
    "pellets",
    "coal",
    "bottled_gas",
)
AIDS = (
    "ris",
    "equivalent_aid",
    "urgent_medical_aid",
    "heating_allowance",
    "installation_premium",
    "grapa",
    "bim",
)


@dataclass(frozen=True)
class PersonAnswers:
    age: float | None = None
    residence_status: str | None = None
    lives_in_belgium: bool | None = None
    available_for_work: bool | None = None
    work_exemption: str | None = None
    #: Net resources per month (the person's and their partner's), before exemptions.
    monthly_net_income: float | None = None
    #: Part of that income from work that the socio-professional exemption covers (CPAS).
    socio_professional_income: float | None = None
    pregnant: bool | None = None
    emancipated_by_marriage: bool | None = None
    bim: bool | None = None
    homeless: bool | None = None
    other_rights_claimed: bool | None = None


@dataclass(frozen=True)
class HouseholdAnswers:
    situation: str | None = None
    dependants: int | None = None
    household_size: int | None = None
    yearly_gross_taxable_income: float | None = None
    debt_mediation: bool | None = None
    all_members_bim: bool | None = None
    lives_in_care_home: bool | None = None


@dataclass(frozen=True)
class HeatingAnswers:
    fuel: str | None = None
    litres: float | None = None
    price_per_litre: float | None = None


@dataclass(frozen=True)
class EligibilityRequest:
    on: date
    lang: str = "fr"
    person: PersonAnswers = field(default_factory=PersonAnswers)
    household: HouseholdAnswers = field(default_factory=HouseholdAnswers)
    heating: HeatingAnswers = field(default_factory=HeatingAnswers)
    moving_out_of_homelessness: bool | None = None


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str
    period: Period
    applies_from: date
    text: str


@dataclass(frozen=True)
class Reason:
    condition: str
    status: Status
    text: str


@dataclass(frozen=True)
class AidResult:
    aid: str
    name: str
    eligible: Tri
    amount: Amount | None
    amount_note: str | None
    reasons: list[Reason]
    legal_basis: list[str]
    next_steps: list[str]
    disclaimer: str
    category: str | None = None


@dataclass(frozen=True)
class EligibilityResult:
    on: date
    lang: str
    aids: list[AidResult]

    def aid(self, aid_id: str) -> AidResult:
        """The result of one aid by id (``ris``, ``heating_allowance``...)."""
        for item in self.aids:
            if item.aid == aid_id:
                return item
        raise KeyError(aid_id)


@dataclass(frozen=True)
class ReferenceAmount:
    """A parameter's value in force on a date, for content sheets that show amounts."""

    value: Decimal
    unit: str
    period: Literal["month", "year"] | None
    applies_from: date
    reference: str
    source: str
    note: str | None = None
