"""The rules engine as the rest of the product sees it: ``evaluate`` one request, or
``evaluate_batch`` many in one vectorised OpenFisca call per month.

No web framework here: Rasa actions and the HTTP API both call these functions in-process.
Nothing is logged or kept: inputs live only in the arrays of one simulation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
from openfisca_core.simulations import SimulationBuilder

from aidguide.i18n import format_date, format_money, normalize_language, translator

from . import texts as T  # noqa: N812 - short name for the message table
from .models import (
    AidResult,
    Amount,
    EligibilityRequest,
    EligibilityResult,
    Reason,
    Tri,
)
from .reference import applies_from, reference_amount
from .system import tax_benefit_system

NAN = float("nan")
CENT = Decimal("0.01")
REFORM_DATE = date(2026, 3, 1)  # facts §1: +2% indexation and cohabitant reform (AR 7/1/2026)
CPAS_ONLINE_LAUNCH = date(2025, 6, 2)  # facts §0: official launch of CPAS Online

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

TRI = {"eligible": True, "not_eligible": False, "unknown": "unknown"}


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


def simulate(requests: Sequence[EligibilityRequest], period: str) -> dict[str, list]:
    """ONE OpenFisca simulation for all ``requests`` (one household of one applicant each),
    computed vectorised for ``period`` (``YYYY-MM``). Enum outputs are decoded to names."""
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
    outputs: dict[str, list] = {}
    for name in (*PERSON_OUTPUTS, *HOUSEHOLD_OUTPUTS):
        values = simulation.calculate(name, period)
        decoded = values.decode_to_str() if hasattr(values, "decode_to_str") else values
        outputs[name] = decoded.tolist()
    return outputs


def evaluate_batch(requests: Iterable[EligibilityRequest]) -> list[EligibilityResult]:
    """Evaluate many requests; those of the same month share one vectorised simulation (the
    parameters in force depend on the month). Results come back in the order given."""
    items = list(requests)
    by_period: dict[str, list[int]] = {}
    for index, request in enumerate(items):
        by_period.setdefault(request.on.strftime("%Y-%m"), []).append(index)
    results: list[EligibilityResult | None] = [None] * len(items)
    for period, indexes in by_period.items():
        outputs = simulate([items[i] for i in indexes], period)
        for row, index in enumerate(indexes):
            values = {name: array[row] for name, array in outputs.items()}
            results[index] = _result(items[index], values)
    return [r for r in results if r is not None]


def evaluate(request: EligibilityRequest) -> EligibilityResult:
    """Evaluate one request: every aid, its conditions, an indicative amount, what to do next."""
    return evaluate_batch([request])[0]


# --- from computed values to answers ------------------------------------------------------


class _Writer:
    """Builds the texts of one result in one language."""

    def __init__(self, request: EligibilityRequest) -> None:
        self.request = request
        self.lang = normalize_language(request.lang)
        self.t = translator(self.lang)

    def say(self, msgid: str, **params: Any) -> str:
        return self.t.gettext(msgid, **params)

    def money(self, value: Decimal | float) -> str:
        return format_money(Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP), self.lang)

    def day(self, value: date) -> str:
        return format_date(value, self.lang)

    def reason(
        self, condition: str, status: str, variant: str | None = None, **params: Any
    ) -> Reason:
        key = (condition, f"{status}_{variant}" if variant else status)
        msgid = T.REASONS.get(key) or T.REASONS[(condition, status)]
        return Reason(condition=condition, status=status, text=self.say(msgid, **params))  # type: ignore[arg-type]

    def amount(
        self, value: float, period: str | None, since: date | None, msgid: str
    ) -> Amount | None:
        if since is None:
            return None
        exact = Decimal(str(float(value))).quantize(CENT, rounding=ROUND_HALF_UP)
        text = self.say(msgid, amount=self.money(exact), date=self.day(since))
        return Amount(exact, "EUR", period, since, text)  # type: ignore[arg-type]

    def laws(self, aid: str) -> list[str]:
        """The legal basis of an aid, with the laws' titles in the answer's language."""
        return [self.say(msgid) for msgid in T.LEGAL_BASIS[aid]]

    def disclaimer(self, since: date | None) -> str:
        if since is None:
            return self.say(T.DISCLAIMER_CPAS_NO_AMOUNT)
        return self.say(T.DISCLAIMER_CPAS, date=self.day(since))

    def cpas_steps(self, documents: str, appeal: bool = True) -> list[str]:
        steps = [self.say(T.STEP_APPLY)]
        if self.request.person.homeless:
            steps.append(self.say(T.STEP_APPLY_HOMELESS))
        if self.request.on >= CPAS_ONLINE_LAUNCH:
            steps.append(self.say(T.STEP_ONLINE))
        steps.append(self.say(documents))
        steps.append(self.say(T.STEP_DECISION))
        if appeal:
            steps.append(self.say(T.STEP_APPEAL))
        return steps


def _tri(value: str) -> Tri:
    return TRI[value]  # type: ignore[return-value]


def _result(request: EligibilityRequest, v: dict[str, Any]) -> EligibilityResult:
    w = _Writer(request)
    aids = [
        _ris(w, v),
        _equivalent(w, v),
        _urgent_medical(w, v),
        _heating(w, v),
        _premium(w, v),
        _grapa(w, v),
        _bim(w, v),
    ]
    return EligibilityResult(on=request.on, lang=w.lang, aids=aids)


def _ris_amount_since(w: _Writer, v: dict[str, Any]) -> date | None:
    category = v["ris_category"]
    if category == "unknown" or not v["ris_amount_known"]:
        return None
    return applies_from(f"ris.amount.{category}.monthly", w.request.on)


def _ris_notes(w: _Writer) -> str | None:
    if w.request.on >= REFORM_DATE:
        return " ".join([w.say(T.INDEXATION_2026), w.say(T.REFORM_2026)])
    return None


def _status_variant(status: str, residence: str | None) -> str | None:
    if status == "not_met" and residence in (
        "foreigners_register",
        "eu_citizen_first_3_months",
        "no_legal_stay",
    ):
        return {"eu_citizen_first_3_months": "eu_first_3_months"}.get(residence, residence)
    return None


def _ris(w: _Writer, v: dict[str, Any]) -> AidResult:
    residence = w.request.person.residence_status
    reasons = [
        w.reason("ris_age", v["ris_condition_age"]),
        w.reason("residence", v["ris_condition_residence"]),
        w.reason(
            "ris_status",
            v["ris_condition_status"],
            _status_variant(v["ris_condition_status"], residence),
        ),
        w.reason("resources", v["ris_condition_resources"]),
        w.reason("work", v["ris_condition_work"]),
        w.reason("other_rights", v["ris_condition_other_rights"]),
    ]
    eligible = _tri(v["ris_eligibility"])
    since = _ris_amount_since(w, v)
    amount = None
    if eligible is not False:
        amount = w.amount(v["ris_indicative_monthly_amount"], "month", since, T.AMOUNT_MONTHLY)
    note = _ris_notes(w) or (None if amount or eligible is False else w.say(T.AMOUNT_UNKNOWN))
    return AidResult(
        aid="ris",
        name=w.say(T.AID_NAMES["ris"]),
        eligible=eligible,
        amount=amount,
        amount_note=note,
        reasons=reasons,
        legal_basis=w.laws("ris"),
        next_steps=w.cpas_steps(T.STEP_DOCUMENTS_RIS),
        disclaimer=w.disclaimer(since),
        category=None if v["ris_category"] == "unknown" else v["ris_category"],
    )


def _equivalent(w: _Writer, v: dict[str, Any]) -> AidResult:
    residence = w.request.person.residence_status
    status = v["equivalent_aid_condition_status"]
    variant = "no_legal_stay" if status == "not_met" and residence == "no_legal_stay" else None
    reasons = [
        w.reason("equivalent_status", status, variant),
        w.reason("residence", v["ris_condition_residence"]),
        w.reason("resources", v["ris_condition_resources"]),
        w.reason("equivalent_other", "required"),
    ]
    eligible = _tri(v["equivalent_aid_eligibility"])
    since = _ris_amount_since(w, v)
    amount = None
    if eligible is not False:
        amount = w.amount(v["ris_indicative_monthly_amount"], "month", since, T.AMOUNT_MONTHLY)
    note = _ris_notes(w) or (None if amount or eligible is False else w.say(T.AMOUNT_UNKNOWN))
    return AidResult(
        aid="equivalent_aid",
        name=w.say(T.AID_NAMES["equivalent_aid"]),
        eligible=eligible,
        amount=amount,
        amount_note=note,
        reasons=reasons,
        legal_basis=w.laws("equivalent_aid"),
        next_steps=w.cpas_steps(T.STEP_DOCUMENTS_RIS),
        disclaimer=w.disclaimer(since),
        category=None if v["ris_category"] == "unknown" else v["ris_category"],
    )


def _urgent_medical(w: _Writer, v: dict[str, Any]) -> AidResult:
    reasons = [
        w.reason("stay", v["urgent_medical_aid_condition_stay"]),
        w.reason("need", "required"),
        w.reason("certificate", "required"),
    ]
    return AidResult(
        aid="urgent_medical_aid",
        name=w.say(T.AID_NAMES["urgent_medical_aid"]),
        eligible=_tri(v["urgent_medical_aid_eligibility"]),
        amount=None,
        amount_note=None,
        reasons=reasons,
        legal_basis=w.laws("urgent_medical_aid"),
        next_steps=[
            w.say(T.STEP_AMU_APPLY),
            w.say(T.STEP_AMU_DOCTOR),
            w.say(T.STEP_AMU_CONFIDENTIAL),
            w.say(T.STEP_APPEAL),
        ],
        disclaimer=w.disclaimer(None),
    )


def _heating_since(w: _Writer) -> date | None:
    fuel = w.request.heating.fuel
    on = w.request.on
    if fuel in ("heating_oil_pump", "kerosene_pump"):
        return applies_from("heating_allowance.pump_flat_rate", on)
    dates = [
        applies_from("heating_allowance.max_litres", on),
        applies_from("heating_allowance.max_amount", on),
    ]
    bands = tax_benefit_system().parameters.heating_allowance.price_bands
    starts = [b.amount.values_list[-1].instant_str for b in bands.brackets]
    if min(starts) <= on.isoformat():
        dates.append(date.fromisoformat(max(s for s in starts if s <= on.isoformat())))
    else:
        return None
    return None if None in dates else max(d for d in dates if d is not None)


def _heating(w: _Writer, v: dict[str, Any]) -> AidResult:
    on = w.request.on
    base = reference_amount("heating_allowance.income_ceiling.base", on)
    ceiling = v["heating_allowance_income_ceiling"]
    dependants = w.request.household.dependants
    shown = (
        w.money(ceiling)
        if base and dependants is not None
        else (w.money(base.value) if base else None)
    )
    category = v["heating_allowance_category"]
    status = v["heating_allowance_condition_category"]
    if status == "met":
        cat_reason = w.reason("heating_category", "met", category, ceiling=shown)
    elif status == "unknown" and shown is None:
        cat_reason = w.reason("heating_category", "unknown", "no_ceiling")
    else:
        cat_reason = w.reason("heating_category", status, ceiling=shown)
    reasons = [w.reason("fuel", v["heating_allowance_condition_fuel"]), cat_reason]
    per = reference_amount("heating_allowance.income_ceiling.per_dependant", on)
    limit = reference_amount("heating_allowance.dependant_income_limit", on)
    if status != "met" and per and limit:
        reasons.append(
            Reason(
                "dependant",
                "unknown" if status == "unknown" else status,  # type: ignore[arg-type]
                w.say(
                    T.REASONS[("dependant", "info")],
                    per_dependant=w.money(per.value),
                    limit=w.money(limit.value),
                ),
            )
        )
    reasons.append(w.reason("home", v["heating_allowance_condition_home"]))
    eligible = _tri(v["heating_allowance_eligibility"])
    since = _heating_since(w) if v["heating_allowance_amount_known"] else None
    amount = None
    if eligible is not False and since is not None:
        amount = w.amount(v["heating_allowance_amount"], "once", since, T.AMOUNT_HEATING)
    steps = [w.say(T.STEP_HEATING_DEADLINE), w.say(T.STEP_HEATING_DOCUMENTS)]
    if category == "cat3":
        steps.append(w.say(T.STEP_HEATING_DEBT))
    steps.append(w.say(T.STEP_HEATING_DECISION))
    steps.append(w.say(T.STEP_APPEAL))  # facts §0: every CPAS decision, labour court
    return AidResult(
        aid="heating_allowance",
        name=w.say(T.AID_NAMES["heating_allowance"]),
        eligible=eligible,
        amount=amount,
        amount_note=None if amount or eligible is False else w.say(T.AMOUNT_UNKNOWN_HEATING),
        reasons=reasons,
        legal_basis=w.laws("heating_allowance"),
        next_steps=steps,
        disclaimer=w.disclaimer(since),
        category=None if category in ("unknown", "none") else category,
    )


def _premium(w: _Writer, v: dict[str, Any]) -> AidResult:
    reasons = [
        w.reason("housing", v["installation_premium_condition_housing"]),
        w.reason("premium_income", v["installation_premium_condition_income"]),
    ]
    eligible = _tri(v["installation_premium_eligibility"])
    since = (
        applies_from("ris.amount.cat3.yearly", w.request.on)
        if v["installation_premium_amount_known"]
        else None
    )
    amount = None
    if eligible is not False:
        amount = w.amount(v["installation_premium_amount"], None, since, T.AMOUNT_ONCE)
    return AidResult(
        aid="installation_premium",
        name=w.say(T.AID_NAMES["installation_premium"]),
        eligible=eligible,
        amount=amount,
        amount_note=w.say(T.ONCE_IN_LIFE),
        reasons=reasons,
        legal_basis=w.laws("installation_premium"),
        next_steps=w.cpas_steps(T.STEP_PREMIUM_DOCUMENTS),
        disclaimer=w.disclaimer(since),
    )


def _grapa(w: _Writer, v: dict[str, Any]) -> AidResult:
    age = reference_amount("grapa.age", w.request.on)
    status = v["grapa_referral"]
    shown = str(age.value) if age else "?"
    # We do not check the GRAPA's own conditions: at the age, the Pension Service decides.
    eligible: Tri = False if status == "not_met" else "unknown"
    return AidResult(
        aid="grapa",
        name=w.say(T.AID_NAMES["grapa"]),
        eligible=eligible,
        amount=None,
        amount_note=None,
        reasons=[w.reason("grapa_age", status, age=shown)],
        legal_basis=w.laws("grapa"),
        next_steps=[w.say(T.STEP_GRAPA)] if status != "not_met" else [],
        disclaimer=w.say(T.DISCLAIMER_PENSION),
    )


def _bim(w: _Writer, v: dict[str, Any]) -> AidResult:
    on = w.request.on
    base = reference_amount("bim.income_ceiling.base", on)
    extra = reference_amount("bim.income_ceiling.per_extra_person", on)
    status = v["bim_referral"]
    already = w.request.person.bim is True
    if already:
        reason = w.reason("bim", "met", "already")
    elif status == "not_met":
        reason = w.reason("bim", status, ceiling=w.money(v["bim_income_ceiling"]))
    elif status == "unknown" and base and extra:
        reason = w.reason("bim", status, base=w.money(base.value), extra=w.money(extra.value))
    else:
        reason = w.reason("bim", status if status != "unknown" else "met")
    eligible: Tri = {"met": True, "not_met": False}.get(status, "unknown")  # type: ignore[assignment]
    return AidResult(
        aid="bim",
        name=w.say(T.AID_NAMES["bim"]),
        eligible=eligible,
        amount=None,
        amount_note=None,
        reasons=[reason],
        legal_basis=w.laws("bim"),
        next_steps=[] if already else [w.say(T.STEP_BIM)],
        disclaimer=w.say(T.DISCLAIMER_MUTUALITY, date=w.day(base.applies_from))
        if base
        else w.say(T.DISCLAIMER_CPAS_NO_AMOUNT),
    )
