"""POST /api/eligibility: an indicative answer per aid, from the rules engine (OpenFisca).

A thin adapter over :mod:`aidguide.rules`: the request body becomes an
:class:`~aidguide.rules.EligibilityRequest`, one simulation runs, the answer is returned and
forgotten. Nothing the user sent is logged or stored. Omitted answers stay unknown and give
"unknown" conditions, never a guess.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date as Date  # noqa: N812 - the field is called "date"
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Request
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from aidguide import rules
from aidguide.i18n import normalize_language

from .dates import NO_DATA_RESPONSE, data_for
from .language import request_language

router = APIRouter(tags=["eligibility"])

ResidenceStatus = Literal[
    "belgian",
    "eu_citizen",
    "eu_citizen_first_3_months",
    "population_register",
    "foreigners_register",
    "refugee",
    "subsidiary_protection",
    "stateless",
    "no_legal_stay",
]
Fuel = Literal[
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
]
Money = Annotated[float, Field(ge=0, le=10_000_000)]


class PersonIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # 0 is no boolean, "3" no number

    age: int | None = Field(None, ge=0, le=130, description="Age in years.")
    residence_status: ResidenceStatus | None = None
    lives_in_belgium: bool | None = Field(None, description="Lives in Belgium most of the time.")
    available_for_work: bool | None = None
    work_exemption: Literal["none", "health", "studies"] | None = Field(
        None, description="Why the person cannot work (when not available for work)."
    )
    monthly_net_income: Money | None = Field(
        None, description="Net income per month (yours and your partner's), in euros."
    )
    socio_professional_income: Money | None = Field(
        None,
        description="Part of that income from work covered by the socio-professional exemption (CPAS).",
    )
    pregnant: bool | None = None
    emancipated_by_marriage: bool | None = Field(None, description="A married minor.")
    bim: bool | None = Field(None, description="Has the increased reimbursement (BIM).")
    homeless: bool | None = None
    other_rights_claimed: bool | None = Field(
        None, description="Has asked for the other benefits they may have."
    )


class HouseholdIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # 0 is no boolean, "3" no number

    situation: Literal["alone", "cohabiting", "with_dependent_children"] | None = None
    dependants: int | None = Field(None, ge=0, le=30)
    household_size: int | None = Field(None, ge=1, le=30)
    yearly_gross_taxable_income: Money | None = None
    debt_mediation: bool | None = None
    all_members_bim: bool | None = None
    lives_in_care_home: bool | None = Field(None, description="Nursing home or hospital.")


class HeatingIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # 0 is no boolean, "3" no number

    fuel: Fuel | None = None
    litres: float | None = Field(None, gt=0, le=100_000)
    price_per_litre: float | None = Field(None, gt=0, le=20, description="VAT included, euros.")


class EligibilityIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: Date | None = Field(
        None, description="Date of the check (default: today). Amounts in force that day."
    )
    lang: Literal["fr", "nl"] | None = Field(None, description="Language of the texts.")
    person: PersonIn = Field(default_factory=PersonIn)
    household: HouseholdIn = Field(default_factory=HouseholdIn)
    heating: HeatingIn = Field(default_factory=HeatingIn)
    moving_out_of_homelessness: StrictBool | None = None


class AmountOut(BaseModel):
    value: float = Field(description="Raw amount, euros, two decimals.")
    currency: str
    period: Literal["month", "year", "once"] | None
    applies_from: Date = Field(description="The date from which this amount applies.")
    text: str = Field(description="The amount in words, formatted for fr_BE / nl_BE.")


class ReasonOut(BaseModel):
    condition: str
    status: Literal["met", "not_met", "unknown", "required"]
    text: str


class AidOut(BaseModel):
    aid: str
    name: str
    eligible: bool | Literal["unknown"]
    amount: AmountOut | None
    amount_note: str | None
    reasons: list[ReasonOut]
    legal_basis: list[str]
    next_steps: list[str]
    disclaimer: str
    category: str | None = None


class EligibilityOut(BaseModel):
    date: Date
    lang: str
    aids: list[AidOut]


EXAMPLES = {
    "alone_no_income": {
        "summary": "Belgian, 30, living alone, no income",
        "value": {
            "date": "2025-06-01",
            "lang": "fr",
            "person": {
                "age": 30,
                "residence_status": "belgian",
                "lives_in_belgium": True,
                "available_for_work": True,
                "monthly_net_income": 0,
            },
            "household": {"situation": "alone"},
        },
    },
    "heating": {
        "summary": "Heating oil in bulk, low income (Dutch)",
        "value": {
            "date": "2025-06-01",
            "lang": "nl",
            "person": {"age": 45, "bim": False},
            "household": {
                "situation": "with_dependent_children",
                "dependants": 2,
                "yearly_gross_taxable_income": 28000,
                "debt_mediation": False,
            },
            "heating": {"fuel": "heating_oil_bulk", "litres": 1000, "price_per_litre": 1.1},
        },
    },
    "few_answers": {
        "summary": "Almost nothing known: every condition says what is still needed",
        "value": {"lang": "nl", "person": {"age": 17}},
    },
}


def to_request(body: EligibilityIn, lang: str) -> rules.EligibilityRequest:
    """The API body as the rules engine's request (omitted answers stay None)."""
    return rules.EligibilityRequest(
        on=body.date or Date.today(),
        lang=lang,
        person=rules.PersonAnswers(**body.person.model_dump()),
        household=rules.HouseholdAnswers(**body.household.model_dump()),
        heating=rules.HeatingAnswers(**body.heating.model_dump()),
        moving_out_of_homelessness=body.moving_out_of_homelessness,
    )


def to_response(result: rules.EligibilityResult) -> dict[str, Any]:
    return {"date": result.on, "lang": result.lang, "aids": [asdict(aid) for aid in result.aids]}


@router.post(
    "/api/eligibility",
    response_model=EligibilityOut,
    summary="Indicative eligibility for each aid",
    responses=NO_DATA_RESPONSE,
    description=(
        "For each aid (integration income, equivalent social aid, urgent medical aid, heating "
        "allowance, installation premium, GRAPA and BIM referrals): `eligible` (true, false or "
        '"unknown"), an indicative `amount` with the date from which it applies, the `reasons` '
        "per condition in the request language, the `legal_basis`, the `next_steps` and a "
        '`disclaimer` (the CPAS decides). Any answer may be omitted: it then gives "unknown", '
        "never a guess. Nothing sent here is logged or stored."
    ),
)
def eligibility(
    request: Request,
    body: Annotated[EligibilityIn, Body(openapi_examples=EXAMPLES)],
) -> dict[str, Any]:
    lang = normalize_language(body.lang) if body.lang else request_language(request)
    request.state.lang = lang
    with data_for(body.date, lang):
        return to_response(rules.evaluate(to_request(body, lang)))
