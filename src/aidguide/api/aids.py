"""``GET /api/aids`` and ``GET /api/aids/{aid_id}``: the vetted aid sheets, in FR or NL.

A thin adapter over :mod:`aidguide.content`. Amounts are resolved through the rules engine
for today, or for ``?date=`` (a CPAS worker checking last year's figures), and always carry
the date from which they apply.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from aidguide.content import AID_IDS, UnknownAid, list_overview, render_sheet
from aidguide.i18n import N_

from .dates import data_for
from .errors import ApiError
from .language import request_language

router = APIRouter(prefix="/api/aids", tags=["aids"])

UNKNOWN_AID = N_("We do not know this aid. Ask for the list of aids to see them all.")


class AidBriefOut(BaseModel):
    id: str = Field(description="Stable aid id (also the bot's slot value)")
    title: str
    summary: str


class GroupOut(BaseModel):
    id: str = Field(description="money_to_live, health, housing, energy, food, work, ...")
    title: str
    aids: list[AidBriefOut]


class OverviewOut(BaseModel):
    """The aids grouped by need; an aid may appear in two groups."""

    lang: str
    groups: list[GroupOut]


class GroupRefOut(BaseModel):
    id: str
    title: str


class ApplyAtOut(BaseModel):
    body: Literal["cpas", "federal_pension_service", "health_insurance_fund"]
    name: str = Field(description="Where to apply, in the request language")
    cpas_online: bool
    cpas_online_text: str | None
    cpas_online_url: str | None


class AmountOut(BaseModel):
    """One amount, from the rules engine; ``status`` is ``unknown`` or ``unavailable`` when
    the engine has no value (then ``text`` tells the reader to ask the CPAS)."""

    key: str = Field(description="Rules-engine parameter")
    label: str
    status: Literal["ok", "unknown", "unavailable"]
    text: str = Field(description="Formatted for the language (Babel fr_BE / nl_BE)")
    value: str | None = Field(None, description="Decimal as a string")
    unit: str | None = None
    period: Literal["month", "year"] | None = None
    applies_from: date | None = None
    applies_from_text: str | None = None
    reference: str | None = Field(None, description="Legal reference given by the rules engine")
    source: str | None = None
    note: str | None = None
    computed: bool = Field(
        False,
        description="True when no official amount was published for that date: the last "
        "published amount times the indexation steps since (`text` starts with ≈).",
    )
    computed_note: str | None = Field(
        None, description="For a computed amount: its basis and who confirms it, in words."
    )
    staleness_note: str | None = Field(
        None, description="Why the amount may have changed since (a forecast indexation...)."
    )


class LinkOut(BaseModel):
    url: str
    lang: str
    title: str


class SourceOut(BaseModel):
    cited_as: str
    url: str | None = None
    kind: Literal["official", "secondary"]
    facts_section: str = Field(description="Section of the research notes (belgian_aids.md)")
    note: str | None = None


class ReviewOut(BaseModel):
    status: Literal["pending", "reviewed"]
    reviewed_on: date | None
    notes: str
    text: str


class SheetOut(BaseModel):
    """One aid sheet in the request language, amounts resolved for ``amounts_date``."""

    id: str
    lang: str
    title: str
    official_name: str
    names: dict[str, str] = Field(description="Official names by language")
    groups: list[GroupRefOut]
    summary: str
    who: str
    how_to_apply: str
    apply_at: ApplyAtOut
    documents: list[str]
    decision_time: str
    appeal: str
    amounts_date: date
    amounts_intro: str
    amounts: list[AmountOut]
    amounts_note: str
    disclaimer: str
    links: list[LinkOut]
    sources: list[SourceOut]
    last_verified: date
    verified_against: str
    review: ReviewOut
    labels: dict[str, str] = Field(description="Headings of the parts, in the request language")


_OVERVIEW_EXAMPLE: dict[str, Any] = {
    "lang": "fr",
    "groups": [
        {
            "id": "energy",
            "title": "Énergie",
            "aids": [
                {
                    "id": "heating_allowance",
                    "title": "Allocation de chauffage",
                    "summary": "L'allocation de chauffage paie une partie de votre mazout…",
                }
            ],
        }
    ],
}
_SHEET_EXAMPLE: dict[str, Any] = {
    "id": "installation_premium",
    "lang": "fr",
    "title": "Prime d'installation",
    "official_name": "Prime d'installation",
    "names": {"fr": "Prime d'installation", "nl": "Installatiepremie"},
    "groups": [{"id": "housing", "title": "Logement"}],
    "summary": "La prime d'installation aide les personnes sans abri qui trouvent un logement…",
    "who": "Vous étiez sans abri et vous prenez un logement comme résidence principale…",
    "how_to_apply": "Demandez la prime au CPAS…",
    "apply_at": {
        "body": "cpas",
        "name": "Le CPAS de votre commune",
        "cpas_online": False,
        "cpas_online_text": None,
        "cpas_online_url": None,
    },
    "documents": ["Votre carte d'identité.", "Votre contrat de bail."],
    "decision_time": "Le CPAS décide dans les 30 jours après votre demande…",
    "appeal": "Vous n'êtes pas d'accord ? Vous pouvez faire un recours au tribunal du travail…",
    "amounts_date": "2025-06-01",
    "amounts_intro": "Montants qui s'appliquent le 1 juin 2025.",
    "amounts": [
        {
            "key": "installation_premium.amount",
            "label": "Montant de la prime",
            "status": "ok",
            "text": "1 776,07 €",
            "value": "1776.07",
            "unit": "EUR",
            "period": None,
            "applies_from": "2025-02-01",
            "applies_from_text": "depuis le 1 février 2025",
            "reference": "Loi du 26 mai 2002, art. 14 §3",
            "source": "bdas-wwsb.brussels/?p=4309",
            "note": None,
        }
    ],
    "amounts_note": "La prime vaut un douzième du revenu d'intégration d'une année…",
    "disclaimer": "Ceci est une information générale. Le CPAS décide pour votre situation.",
    "links": [
        {
            "url": "https://primabook.mi-is.be/fr/logement/introduction",
            "lang": "fr",
            "title": "Primabook : logement, introduction",
        }
    ],
    "sources": [
        {
            "cited_as": "https://primabook.mi-is.be/fr/logement/introduction",
            "url": "https://primabook.mi-is.be/fr/logement/introduction",
            "kind": "official",
            "facts_section": "§6",
            "note": None,
        }
    ],
    "last_verified": "2026-11-22",
    "verified_against": "shared/facts/belgian_aids.md",
    "review": {
        "status": "pending",
        "reviewed_on": None,
        "notes": "",
        "text": "Pas encore relu par des experts du vécu.",
    },
    "labels": {"who": "Qui peut l'avoir", "documents": "Documents à apporter"},
}
OverviewOut.model_config["json_schema_extra"] = {"examples": [_OVERVIEW_EXAMPLE]}
SheetOut.model_config["json_schema_extra"] = {"examples": [_SHEET_EXAMPLE]}

_LANG_QUERY = Query(description="Answer language: fr or nl (default: Accept-Language, then fr)")


@router.get(
    "",
    response_model=OverviewOut,
    summary="The aids, grouped by need",
    description="Money to live, health, housing, energy, food, work, debts, children and "
    "leisure, older people: each group lists its aids with a two-sentence summary.",
)
def aids_overview(request: Request, lang: Annotated[str | None, _LANG_QUERY] = None) -> OverviewOut:
    language = request_language(request)
    return OverviewOut.model_validate({"lang": language, "groups": list_overview(language)})


@router.get(
    "/{aid_id}",
    response_model=SheetOut,
    summary="One aid sheet, with amounts for today or for ?date=",
    description="Texts in the request language. Amounts come from the rules engine for the "
    "given date and say from when they apply; a computed amount (no official amount published "
    "for that date: the last published one times the indexation steps since) has `computed: "
    "true`, a text starting with ≈ and a `computed_note`; unknown amounts send the reader to "
    "the CPAS.",
    responses={
        404: {
            "description": "No aid has this id, or no data for the given date",
            "content": {
                "application/json": {
                    "example": {
                        "error": {
                            "code": "aid_not_found",
                            "message": "Nous ne connaissons pas cette aide. Demandez la liste "
                            "des aides pour les voir toutes.",
                        }
                    }
                }
            },
        }
    },
)
def aid_sheet(
    request: Request,
    aid_id: Annotated[
        str,
        Path(max_length=40, description=f"One of: {', '.join(AID_IDS)}", examples=["ris"]),
    ],
    lang: Annotated[str | None, _LANG_QUERY] = None,
    on: Annotated[
        date | None,
        Query(alias="date", description="Resolve amounts for this day (YYYY-MM-DD); default today"),
    ] = None,
) -> SheetOut:
    language = request_language(request)
    try:
        with data_for(on, language):
            sheet = render_sheet(aid_id, language, on or date.today())
    except UnknownAid:
        raise ApiError(404, "aid_not_found", UNKNOWN_AID) from None
    return SheetOut.model_validate(sheet)
