"""What a caller may tell the engine (the answers), and the dated values it gives back.
``None`` always means "not answered" and gives "unknown" conditions; it is never replaced by
a guess. The explained answers (texts) are :mod:`aidguide.eligibility`'s."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from openfisca_core.indexed_enums import Enum

from .enums import Fuel, HouseholdSituation, ResidenceStatus, WorkExemption
from .indexation import Basis


def _answers(enum: type[Enum]) -> tuple[str, ...]:
    """The values a caller may give for an enumeration: its names but ``unknown`` (which is
    what "not answered" becomes, never a value to choose)."""
    return tuple(item.name for item in enum if item.name != "unknown")


#: The choices of the categorical answers, in the order of the rules engine's enumerations
#: (:mod:`.enums`, their one source): the API, the conversation and the worker form use these.
RESIDENCE_STATUSES = _answers(ResidenceStatus)
WORK_EXEMPTIONS = _answers(WorkExemption)
SITUATIONS = _answers(HouseholdSituation)
FUELS = _answers(Fuel)

#: Durations of the socio-professional exemptions, in months (facts, §1 "Resources and
#: exemptions": 3 years spread over at most 6 years, bdas-wwsb.brussels/?p=3363; corrections of
#: 2026-12-01, §10: shortage occupation 3 months, once, droitsquotidiens.be).
ISP_MAX_MONTHS = 36
ISP_WINDOW_MONTHS = 72
SHORTAGE_MAX_MONTHS = 3
#: The largest month counter a caller may give (a bound against nonsense, not a rule).
MAX_MONTHS = 1000
#: The aids the rules engine answers for, in the order an "everything" check shows them.
AIDS = (
    "ris",
    "equivalent_aid",
    "urgent_medical_aid",
    "installation_premium",
    "heating_allowance",
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
    #: Monthly net income of the person and their partner, without child benefit.
    monthly_net_income: float | None = None
    #: Part of that income from work that the socio-professional exemption covers (CPAS).
    socio_professional_income: float | None = None
    #: Started that work or training while on the RIS (None: as the caller says, it applies).
    isp_started_on_ris: bool | None = None
    #: Months of the socio-professional exemption used before this month (None: 0).
    isp_months_used: int | None = None
    #: Months since that exemption was first granted (None: 0, the 6-year window is open).
    isp_months_since_first: int | None = None
    #: The work is in a shortage occupation (None: no).
    shortage_occupation: bool | None = None
    #: Months of the shortage-occupation exemption used before this month (None: 0).
    shortage_occupation_months_used: int | None = None
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
class Staleness:
    """Why a value in force may no longer be the right one on the date asked.

    ``forecast_indexation``: an indexation step was forecast for ``since`` and not confirmed,
    so computed amounts may have risen since. ``review_due``: the parameter declared that its
    value must be re-checked by ``since`` and no check confirmed it: it is the last known value.
    """

    reason: Literal["forecast_indexation", "review_due"]
    since: date


@dataclass(frozen=True)
class ReferenceAmount:
    """A parameter's value in force on a date, for content sheets that show amounts.

    ``computed``: not published but computed as ``basis`` (the last published amount and the
    indexation steps since); every text that shows it says so.
    """

    value: Decimal
    unit: str
    period: Literal["month", "year"] | None
    applies_from: date
    reference: str
    source: str
    note: str | None = None
    computed: bool = False
    basis: Basis | None = None
    staleness: Staleness | None = None
    #: The parameter (or computed key) it was read from.
    key: str = ""
