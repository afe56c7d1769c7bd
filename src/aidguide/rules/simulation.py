"""Run the OpenFisca model on the answers of many people at once: values and condition codes.

No texts here: :mod:`aidguide.eligibility` turns what :func:`compute_batch` returns into
explained answers. Nothing is logged or kept: inputs live only in the arrays of one simulation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from openfisca_core.simulations import Simulation, SimulationBuilder

from .models import EligibilityRequest
from .system import tax_benefit_system

NAN = float("nan")

PERSON_OUTPUTS = (
    "ris_category",
    "ris_condition_age",
    "ris_condition_residence",
    "ris_condition_status",
    "ris_condition_resources",
    "ris_condition_work",
    "ris_condition_other_rights",
    "ris_eligibility",
    "ris_amount_known",
    "ris_indicative_monthly_amount",
    "equivalent_aid_condition_status",
    "equivalent_aid_eligibility",
    "urgent_medical_aid_condition_stay",
    "urgent_medical_aid_eligibility",
    "installation_premium_condition_housing",
    "installation_premium_condition_income",
    "installation_premium_eligibility",
    "installation_premium_amount_known",
    "installation_premium_amount",
    "grapa_referral",
    "bim_referral",
    "bim_income_ceiling",
    "bim_income_ceiling_one_month",
)
HOUSEHOLD_OUTPUTS = (
    "heating_allowance_condition_fuel",
    "heating_allowance_condition_category",
    "heating_allowance_condition_home",
    "heating_allowance_category",
    "heating_allowance_eligibility",
    "heating_allowance_amount_known",
    "heating_allowance_amount",
    "heating_allowance_income_ceiling",
)


def _answer(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _num(value: float | None) -> float:
    return NAN if value is None else float(value)


def _inputs(requests: Sequence[EligibilityRequest]) -> tuple[dict[str, list], dict[str, list]]:
    """Arrays of inputs, by variable, for persons and for households (one of each per request)."""
    person: dict[str, list] = {}
    household: dict[str, list] = {}
    for r in requests:
        p, h, heat = r.person, r.household, r.heating
        row_p = {
            "age": _num(p.age),
            "residence_status": p.residence_status or "unknown",
            "lives_in_belgium": _answer(p.lives_in_belgium),
            "available_for_work": _answer(p.available_for_work),
            "work_exemption": p.work_exemption or "unknown",
            "monthly_net_income": _num(p.monthly_net_income),
            "socio_professional_income": float(p.socio_professional_income or 0.0),
            "isp_started_on_ris": _answer(p.isp_started_on_ris),
            "isp_months_used": int(p.isp_months_used or 0),
            "isp_months_since_first": int(p.isp_months_since_first or 0),
            "shortage_occupation": _answer(p.shortage_occupation),
            "shortage_occupation_months_used": int(p.shortage_occupation_months_used or 0),
            "pregnant": _answer(p.pregnant),
            "emancipated_by_marriage": _answer(p.emancipated_by_marriage),
            "bim": _answer(p.bim),
            "homeless": _answer(p.homeless),
            "moving_out_of_homelessness": _answer(r.moving_out_of_homelessness),
            "other_rights_claimed": _answer(p.other_rights_claimed),
        }
        row_h = {
            "situation": h.situation or "unknown",
            "dependants": _num(h.dependants),
            "household_size": _num(h.household_size),
            "yearly_gross_taxable_income": _num(h.yearly_gross_taxable_income),
            "debt_mediation": _answer(h.debt_mediation),
            "all_members_bim": _answer(h.all_members_bim),
            "lives_in_care_home": _answer(h.lives_in_care_home),
            "fuel": heat.fuel or "unknown",
            "litres": _num(heat.litres),
            "price_per_litre": _num(heat.price_per_litre),
        }
        for key, value in row_p.items():
            person.setdefault(key, []).append(value)
        for key, value in row_h.items():
            household.setdefault(key, []).append(value)
    return person, household


def build_simulation(requests: Sequence[EligibilityRequest], period: str) -> Simulation:
    """ONE OpenFisca simulation for all ``requests`` (one household of one applicant each),
    with their answers as inputs for ``period`` (``YYYY-MM``); nothing computed yet, so that a
    caller may switch ``simulation.trace`` on first (the calculation steps for workers)."""
    system = tax_benefit_system()
    count = len(requests)
    builder = SimulationBuilder()
    builder.create_entities(system)
    person_ids = [f"p{i}" for i in range(count)]
    household_ids = [f"h{i}" for i in range(count)]
    builder.declare_person_entity("person", person_ids)
    households = builder.declare_entity("household", household_ids)
    builder.join_with_persons(households, household_ids, ["applicant"] * count)
    simulation = builder.build(system)
    person_inputs, household_inputs = _inputs(requests)
    for name, values in {**person_inputs, **household_inputs}.items():
        simulation.set_input(name, period, np.array(values))
    return simulation


def simulate(requests: Sequence[EligibilityRequest], period: str) -> dict[str, list]:
    """One vectorised simulation for all ``requests`` (:func:`build_simulation`), computed for
    ``period``. Enum outputs are decoded to names."""
    simulation = build_simulation(requests, period)
    outputs: dict[str, list] = {}
    for name in (*PERSON_OUTPUTS, *HOUSEHOLD_OUTPUTS):
        values = simulation.calculate(name, period)
        decoded = values.decode_to_str() if hasattr(values, "decode_to_str") else values
        outputs[name] = decoded.tolist()
    return outputs


def compute_batch(requests: Iterable[EligibilityRequest]) -> list[dict[str, Any]]:
    """The computed values of each request, by variable name, in the order given. Requests of
    the same month share one vectorised simulation (the parameters depend on the month)."""
    items = list(requests)
    by_period: dict[str, list[int]] = {}
    for index, request in enumerate(items):
        by_period.setdefault(request.on.strftime("%Y-%m"), []).append(index)
    results: list[dict[str, Any]] = [{} for _ in items]
    for period, indexes in by_period.items():
        outputs = simulate([items[i] for i in indexes], period)
        for row, index in enumerate(indexes):
            results[index] = {name: array[row] for name, array in outputs.items()}
    return results
