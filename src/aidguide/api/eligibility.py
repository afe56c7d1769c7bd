"""POST /api/eligibility: an indicative answer per aid, from the rules engine (OpenFisca).

A thin adapter over :mod:`aidguide.eligibility` (explained answers on the OpenFisca engine in
:mod:`aidguide.rules`): the request body becomes an :class:`~aidguide.rules.EligibilityRequest`,
one simulation runs, the answer is returned and forgotten. Nothing the user sent is logged or
stored. Omitted answers stay unknown and give "unknown" conditions, never a guess.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date as Date  # noqa: N812 - the field is called "date"
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from aidguide import eligibility as explained
from aidguide import rules
from aidguide.i18n import normalize_language
from aidguide.pro.steps import calculation_steps
from aidguide.rules.models import FUELS, RESIDENCE_STATUSES, SITUATIONS, WORK_EXEMPTIONS

from .dates import NO_DATA_RESPONSE, data_for
from .language import request_language

router = APIRouter(tags=["eligibility"])

# The rules engine's enumerations are the one source of the choices (aidguide.rules.models).
ResidenceStatus = Literal[RESIDENCE_STATUSES]  # type: ignore[valid-type]
Fuel = Literal[FUELS]  # type: ignore[valid-type]
Situation = Literal[SITUATIONS]  # type: ignore[valid-type]
WorkExemption = Literal[WORK_EXEMPTIONS]  # type: ignore[valid-type]
Money = Annotated[float, Field(ge=0, le=10_000_000)]


class PersonIn(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # 0 is no boolean, "3" no number

    age: int | None = Field(None, ge=0, le=130, description="Age in years.")
    residence_status: ResidenceStatus | None = None
    lives_in_belgium: bool | None = Field(None, description="Lives in Belgium most of the time.")
    available_for_work: bool | None = None
    work_exemption: WorkExemption | None = Field(
        None, description="Why the person cannot work (when not available for work)."
    )
    monthly_net_income: Money | None = Field(
        None,
        description=(
            "Monthly net income of the person and their partner, without child benefit, in euros."
        ),
    )
    socio_professional_income: Money | None = Field(
        None,
        description="Part of that income from work covered by the socio-professional exemption (CPAS).",
    )
    isp_started_on_ris: bool | None = Field(
        None,
        description=(
            "Started that work or training (or student job) while on the RIS: the "
            "socio-professional exemption applies only then. Not given: it is applied to the "
            "income covered by it, as before."
        ),
    )
    isp_months_used: int | None = Field(
        None,
        ge=0,
        le=rules.MAX_MONTHS,
        description=(
            "Months of socio-professional exemption already used before this month (not "
            f"given: 0). It applies while fewer than {rules.ISP_MAX_MONTHS} months are used."
        ),
    )
    isp_months_since_first: int | None = Field(
        None,
        ge=0,
        le=rules.MAX_MONTHS,
        description=(
            "Months since the socio-professional exemption was first granted (not given: 0). "
            f"The {rules.ISP_MAX_MONTHS} months are spread over at most "
            f"{rules.ISP_WINDOW_MONTHS} months."
        ),
    )
    shortage_occupation: bool | None = Field(
        None,
        description=(
            "The work is in a shortage occupation (not given: no). Its own, higher exemption "
            f"applies for {rules.SHORTAGE_MAX_MONTHS} months, once, instead of the ordinary cap."
        ),
    )
    shortage_occupation_months_used: int | None = Field(
        None,
        ge=0,
        le=rules.MAX_MONTHS,
        description="Months of the shortage-occupation exemption already used (not given: 0).",
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

    situation: Situation | None = None
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


class StepOut(BaseModel):
    on: Date = Field(description="Date of the indexation step.")
    factor: float = Field(description="Factor applied on that date (1.02 = +2 %).")
    source: str


class BasisOut(BaseModel):
    parameter: str = Field(description="The rules-engine parameter, e.g. ris.amount.cat2.monthly.")
    value: float = Field(description="The last published amount.")
    applies_from: Date = Field(description="The date from which the published amount applied.")
    steps: list[StepOut] = Field(description="The indexation steps applied to it since.")


class AmountOut(BaseModel):
    value: float = Field(description="Raw amount, euros, two decimals.")
    currency: str
    period: Literal["month", "year", "once"] | None
    applies_from: Date = Field(description="The date from which this amount applies.")
    text: str = Field(description="The amount in words, formatted for fr_BE / nl_BE.")
    computed: bool = Field(
        False,
        description=(
            "True when no official amount was published for that date: the amount is the last "
            "published one times the indexation steps since (see `basis`); the CPAS confirms."
        ),
    )
    basis: BasisOut | None = Field(None, description="What a computed amount is made of.")


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


class ParameterUseOut(BaseModel):
    name: str = Field(description="The rules-engine parameter read, e.g. ris.amount.cat2.yearly.")
    label: str
    on: Date = Field(description="The date it was read at (first day of the month).")
    value: float | None
    text: str = Field(description="The value in words (with ≈ when computed).")
    since: Date | None = Field(description="The date from which that value applies.")
    status: Literal["published", "computed", "unknown"]
    source: str
    legal_basis: list[str]
    staleness_note: str | None = Field(
        default=None,
        description="Why the value may have changed by that date (its review date passed "
        "without confirmation), in the request language; null when nothing says so.",
    )


class CalculationStepOut(BaseModel):
    variable: str = Field(description="The OpenFisca variable computed at this step.")
    value: float | str | None = Field(description="Its value (None: unknown).")
    parameters: list[ParameterUseOut]
    text: str = Field(description="The step in words, in the request language.")


class CalculationOut(BaseModel):
    aid: str
    on: Date
    result: float | None
    steps: list[CalculationStepOut]
    text: str = Field(description="The steps in words, joined by arrows.")


CalculationOut.model_config["json_schema_extra"] = {
    "examples": [
        {
            "aid": "ris",
            "on": "2025-06-01",
            "result": 735.03,
            "steps": [
                {
                    "variable": "ris_general_exemption",
                    "value": 250.0,
                    "parameters": [
                        {
                            "name": "ris.exemption.general.cat2",
                            "label": "Exonération générale, catégorie 2 (isolé), par an",
                            "on": "2025-06-01",
                            "value": 250.0,
                            "text": "250,00 € par an",
                            "since": "2025-02-01",
                            "status": "published",
                            "source": "🟡 bdas-wwsb.brussels/?p=3321",
                            "legal_basis": ["AR du 11 juillet 2002 (Leefloonbesluit)"],
                        }
                    ],
                    "text": "Exonération générale : 250,00 € par an (ressources sous le montant "
                    "de la catégorie)",
                }
            ],
            "text": "Catégorie : catégorie 2 (isolé) → Montant catégorie 2 (isolé) au 1 juin "
            "2025 : 1 314,20 € par mois, 15 770,41 € par an → … → RIS annuel : 15 770,41 € − "
            "6 950,00 € = 8 820,41 €, soit 735,03 € par mois",
        }
    ]
}


class EligibilityOut(BaseModel):
    date: Date
    lang: str
    aids: list[AidOut]
    steps: list[CalculationOut] | None = Field(
        None,
        description="With `?explain=steps`: how the amounts were computed, from OpenFisca's "
        "trace (which variable, which parameter at which date, which value), in words.",
    )


ALONE_NO_INCOME = {
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
}
EXAMPLES = {
    "alone_no_income": {
        "summary": "Belgian, 30, living alone, no income",
        "value": ALONE_NO_INCOME,
    },
    "computed": {
        "summary": "June 2026, the same person: a computed amount (+2 % of March 2026)",
        "value": {**ALONE_NO_INCOME, "date": "2026-06-01"},
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
    "worker_example": {
        "summary": "Living alone, 600 € part-time wage, June 2025 (try with ?explain=steps)",
        "value": {
            **ALONE_NO_INCOME,
            "person": {**ALONE_NO_INCOME["person"], "monthly_net_income": 600},
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


def to_response(result: explained.EligibilityResult) -> dict[str, Any]:
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
        "never a guess. With `?explain=steps`, `steps` gives how each amount was computed, step "
        "by step (OpenFisca's trace, in words). Nothing sent here is logged or stored."
    ),
)
def eligibility(
    request: Request,
    body: Annotated[EligibilityIn, Body(openapi_examples=EXAMPLES)],
    explain: Annotated[
        Literal["steps"] | None,
        Query(description="`steps`: add the calculation steps of the amounts (`steps`)."),
    ] = None,
) -> dict[str, Any]:
    lang = normalize_language(body.lang) if body.lang else request_language(request)
    request.state.lang = lang
    engine_request = to_request(body, lang)
    with data_for(body.date, lang):
        response = to_response(explained.evaluate(engine_request))
        if explain == "steps":
            response["steps"] = [asdict(c) for c in calculation_steps(engine_request)]
    return response
