"""The calculator form of the worker page: its fields, their choices in words, and reading a
submitted form into an :class:`~aidguide.rules.EligibilityRequest`.

The fields are the answers of ``POST /api/eligibility`` (including what decides the
socio-professional exemption: whether the work started on the RIS, the months already used)
plus one a worker knows: the partner's monthly net income, added to the person's own (the
engine's ``monthly_net_income`` is the income of the person and their partner). The choices
are the engine's own lists (:mod:`aidguide.rules.models`). Numbers may be typed the Belgian
way ("1.350", "1,19"). Nothing read here is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from aidguide.i18n import N_
from aidguide.rules import (
    MAX_MONTHS,
    EligibilityRequest,
    HeatingAnswers,
    HouseholdAnswers,
    PersonAnswers,
)

CHOICE_LABELS = {
    "situation": {
        "alone": N_("Lives alone (category 2)"),
        "cohabiting": N_("Cohabitant (category 1)"),
        "with_dependent_children": N_("With a family to support (category 3)"),
    },
    "residence_status": {
        "belgian": N_("Belgian"),
        "eu_citizen": N_("EU citizen with a right of residence of more than 3 months"),
        "eu_citizen_first_3_months": N_("EU citizen, first 3 months"),
        "population_register": N_("Foreigner in the population register"),
        "foreigners_register": N_("Foreigner in the foreigners register"),
        "refugee": N_("Recognised refugee"),
        "subsidiary_protection": N_("Subsidiary protection"),
        "stateless": N_("Stateless person"),
        "no_legal_stay": N_("No legal stay"),
    },
    "work_exemption": {
        "none": N_("No reason"),
        "health": N_("Health reasons"),
        "studies": N_("Studies (equity reasons)"),
    },
    "fuel": {
        "heating_oil_bulk": N_("Heating gasoil, bulk delivery"),
        "heating_oil_pump": N_("Heating gasoil bought at the pump"),
        "kerosene_pump": N_("Kerosene bought at the pump"),
        "propane_bulk": N_("Propane, bulk delivery"),
        "natural_gas": N_("Natural gas"),
        "electricity": N_("Electricity"),
        "wood": N_("Wood"),
        "pellets": N_("Pellets"),
        "coal": N_("Coal"),
        "bottled_gas": N_("Bottled gas"),
    },
    "yes_no": {"yes": N_("Yes"), "no": N_("No")},
}

#: Field -> (label msgid, kind, choices key or None, maximum for numbers).
FIELDS = {
    "on": (N_("Date of the calculation"), "date", None, None),
    "situation": (N_("Household situation"), "choice", "situation", None),
    "age": (N_("Age"), "integer", None, 130),
    "residence_status": (N_("Nationality or residence status"), "choice", "residence_status", None),
    "lives_in_belgium": (N_("Lives in Belgium"), "choice", "yes_no", None),
    "available_for_work": (N_("Available for work"), "choice", "yes_no", None),
    "work_exemption": (N_("If not available: why"), "choice", "work_exemption", None),
    "monthly_net_income": (N_("Monthly net income of the person (€)"), "money", None, 1_000_000),
    "partner_income": (N_("Monthly net income of the partner (€)"), "money", None, 1_000_000),
    "socio_professional_income": (
        N_(
            "Part of that income from work covered by the socio-professional exemption (€ per month)"
        ),
        "money",
        None,
        1_000_000,
    ),
    "isp_started_on_ris": (
        N_("Started that work or training while on the RIS"),
        "choice",
        "yes_no",
        None,
    ),
    "isp_months_used": (
        N_("Months of socio-professional exemption already used"),
        "integer",
        None,
        MAX_MONTHS,
    ),
    "isp_months_since_first": (
        N_("Months since the socio-professional exemption was first granted"),
        "integer",
        None,
        MAX_MONTHS,
    ),
    "shortage_occupation": (N_("Job in a shortage occupation"), "choice", "yes_no", None),
    "shortage_occupation_months_used": (
        N_("Months of the shortage-occupation exemption already used"),
        "integer",
        None,
        MAX_MONTHS,
    ),
    "bim": (N_("Has the increased reimbursement (BIM)"), "choice", "yes_no", None),
    "fuel": (N_("Heating fuel"), "choice", "fuel", None),
    "litres": (N_("Litres delivered"), "number", None, 100_000),
    "price_per_litre": (N_("Price per litre, VAT included (€)"), "number", None, 20),
    "yearly_gross_taxable_income": (
        N_("Yearly gross taxable income of the household (€)"),
        "money",
        None,
        10_000_000,
    ),
    "dependants": (N_("Dependants"), "integer", None, 30),
}
INVALID = N_("{field}: please give a number (for example 600 or 1,19).")
INVALID_DATE = N_("{field}: please give a date (for example 2025-06-01).")
TOO_BIG = N_("{field}: this number is too big.")
NOT_A_CHOICE = N_("{field}: please choose from the list.")
MAX_TEXT = 40


@dataclass
class ReadForm:
    """What a submitted form says: the request (None when a field is wrong), the errors as
    (field, msgid, params), and the values to show back in the form."""

    request: EligibilityRequest | None
    errors: list[tuple[str, str]] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)


def _number(text: str) -> Decimal:
    """``1.350`` -> 1350, ``1,19`` -> 1.19, ``1 314,20`` -> 1314.20 (Belgian habits)."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text)
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    value = Decimal(cleaned)
    if not value.is_finite() or value < 0:
        raise InvalidOperation
    return value


def read_form(data: Mapping[str, str], lang: str, today: date) -> ReadForm:
    """Read the calculator's fields; an empty field stays unknown (never a guess)."""
    values = {name: str(data.get(name, "")).strip()[:MAX_TEXT] for name in FIELDS}
    parsed: dict[str, object] = {}
    errors: list[tuple[str, str]] = []
    for name, (_label, kind, choices, maximum) in FIELDS.items():
        text = values[name]
        if not text:
            continue
        try:
            if kind == "date":
                parsed[name] = date.fromisoformat(text)
            elif kind == "choice":
                if text not in CHOICE_LABELS[choices or ""]:
                    errors.append((name, NOT_A_CHOICE))
                    continue
                parsed[name] = text
            else:
                number = _number(text)
                if maximum is not None and number > maximum:
                    errors.append((name, TOO_BIG))
                    continue
                parsed[name] = int(number) if kind == "integer" else float(number)
        except (ValueError, InvalidOperation):
            errors.append((name, INVALID_DATE if kind == "date" else INVALID))
    if errors:
        return ReadForm(None, errors, values)

    def yes_no(name: str) -> bool | None:
        return None if name not in parsed else parsed[name] == "yes"

    own, partner = parsed.get("monthly_net_income"), parsed.get("partner_income")
    income = None if own is None and partner is None else float(own or 0) + float(partner or 0)  # type: ignore[arg-type]
    request = EligibilityRequest(
        on=parsed.get("on") or today,  # type: ignore[arg-type]
        lang=lang,
        person=PersonAnswers(
            age=parsed.get("age"),  # type: ignore[arg-type]
            residence_status=parsed.get("residence_status"),  # type: ignore[arg-type]
            lives_in_belgium=yes_no("lives_in_belgium"),
            available_for_work=yes_no("available_for_work"),
            work_exemption=parsed.get("work_exemption"),  # type: ignore[arg-type]
            monthly_net_income=income,
            socio_professional_income=parsed.get("socio_professional_income"),  # type: ignore[arg-type]
            isp_started_on_ris=yes_no("isp_started_on_ris"),
            isp_months_used=parsed.get("isp_months_used"),  # type: ignore[arg-type]
            isp_months_since_first=parsed.get("isp_months_since_first"),  # type: ignore[arg-type]
            shortage_occupation=yes_no("shortage_occupation"),
            shortage_occupation_months_used=parsed.get("shortage_occupation_months_used"),  # type: ignore[arg-type]
            bim=yes_no("bim"),
        ),
        household=HouseholdAnswers(
            situation=parsed.get("situation"),  # type: ignore[arg-type]
            dependants=parsed.get("dependants"),  # type: ignore[arg-type]
            yearly_gross_taxable_income=parsed.get("yearly_gross_taxable_income"),  # type: ignore[arg-type]
        ),
        heating=HeatingAnswers(
            fuel=parsed.get("fuel"),  # type: ignore[arg-type]
            litres=parsed.get("litres"),  # type: ignore[arg-type]
            price_per_litre=parsed.get("price_per_litre"),  # type: ignore[arg-type]
        ),
    )
    return ReadForm(request, [], values)
