"""GET /api/parameters (every parameter at a date) and GET /api/parameters/{name} (its history).

A thin adapter over :mod:`aidguide.pro.catalogue`: the values, dates, statuses (published /
computed / unknown), sources and legal bases are the rules engine's.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date as Date  # noqa: N812 - the query parameter is called "date"
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from aidguide.i18n import N_
from aidguide.pro import catalogue

from .errors import ApiError
from .language import request_language

router = APIRouter(prefix="/api/parameters", tags=["parameters"])

UNKNOWN_PARAMETER = N_("The rules engine has no parameter of this name.")


class BracketOut(BaseModel):
    threshold: float = Field(description="From this value on (a price per litre)...")
    amount: float = Field(description="...this amount applies (an allowance per litre).")
    text: str


class ParameterOut(BaseModel):
    name: str = Field(description="The rules-engine parameter, e.g. ris.amount.cat1.monthly.")
    label: str
    group: str = Field(description="ris, installation_premium, heating_allowance, bim, ...")
    kind: Literal["value", "scale"]
    status: Literal["published", "computed", "unknown"] = Field(
        description="published: from a source; computed: the last published value times the "
        "indexation steps since (not published, the CPAS confirms); unknown: the sources give "
        "no value for that date."
    )
    value: float | None
    unit: str | None
    period: str | None
    since: Date | None = Field(description="The date from which this value applies.")
    text: str = Field(description="The value in words, fr_BE / nl_BE formats.")
    source: str
    legal_basis: list[str]
    note: str | None = None
    computed_note: str | None = None
    staleness_note: str | None = Field(None, description="Why it may have changed since.")
    brackets: list[BracketOut] = Field(default_factory=list, description="A scale's bands.")


class ParametersOut(BaseModel):
    date: Date
    lang: str
    parameters: list[ParameterOut]


class HistoryOut(BaseModel):
    name: str
    lang: str
    label: str
    values: list[ParameterOut] = Field(description="Every dated value, oldest first.")


_EXAMPLE = {
    "name": "ris.amount.cat1.monthly",
    "label": "RIS catégorie 1 (cohabitant), par mois",
    "group": "ris",
    "kind": "value",
    "status": "published",
    "value": 842.12,
    "unit": "EUR",
    "period": "month",
    "since": "2023-07-01",
    "text": "842,12 € par mois",
    "source": "🟡 ÖSHZ Eupen (facts, corrections of 2026-12-01, §2)",
    "legal_basis": ["Loi du 26 mai 2002 concernant le droit à l'intégration sociale (Leefloonwet)"],
    "brackets": [],
}
ParametersOut.model_config["json_schema_extra"] = {
    "examples": [{"date": "2023-08-15", "lang": "fr", "parameters": [_EXAMPLE]}]
}
HistoryOut.model_config["json_schema_extra"] = {
    "examples": [
        {"name": _EXAMPLE["name"], "lang": "fr", "label": _EXAMPLE["label"], "values": [_EXAMPLE]}
    ]
}
_LANG_QUERY = Query(description="Answer language: fr or nl (default: Accept-Language, then fr)")


def to_out(entry: catalogue.DatedValue) -> ParameterOut:
    data = asdict(entry)
    data["legal_basis"] = list(entry.legal_basis)
    return ParameterOut.model_validate(data)


@router.get(
    "",
    response_model=ParametersOut,
    summary="Every parameter of the rules engine at a date",
    description="RIS amounts per category (monthly and yearly), exemptions, installation "
    "premium, heating allowance ceilings, price bands and caps, BIM ceilings, GRAPA age, "
    "indexation steps: each with its value on `date` (default today), the date it applies "
    "from, whether it is published, computed (indexation) or unknown, its source and its "
    "legal basis.",
)
def parameters_at(
    request: Request,
    on: Annotated[Date | None, Query(alias="date", description="YYYY-MM-DD; default today")] = None,
    lang: Annotated[str | None, _LANG_QUERY] = None,
) -> ParametersOut:
    language = request_language(request)
    day = on or Date.today()
    entries = [to_out(e) for e in catalogue.values_at(day, language)]
    return ParametersOut(date=day, lang=language, parameters=entries)


@router.get(
    "/{name}",
    response_model=HistoryOut,
    summary="The history of one parameter",
    description="Every dated value of the parameter, oldest first: published, computed "
    "(with what it is made of) and unknown (the sources give none from that date).",
    responses={
        404: {
            "description": "No parameter has this name",
            "content": {
                "application/json": {
                    "example": {
                        "error": {
                            "code": "parameter_not_found",
                            "message": "Le moteur de règles n'a pas de paramètre de ce nom.",
                        }
                    }
                }
            },
        }
    },
)
def parameter_history(
    request: Request,
    name: Annotated[
        str,
        Path(max_length=100, description="A parameter name", examples=["ris.amount.cat1.monthly"]),
    ],
    lang: Annotated[str | None, _LANG_QUERY] = None,
) -> HistoryOut:
    language = request_language(request)
    try:
        values = catalogue.history(name, language)
        label = catalogue.label(name, language)
    except catalogue.UnknownParameter:
        raise ApiError(404, "parameter_not_found", UNKNOWN_PARAMETER) from None
    return HistoryOut(name=name, lang=language, label=label, values=[to_out(v) for v in values])
