"""From the engine's values and condition codes to explained answers, in French or Dutch.

:func:`evaluate` / :func:`evaluate_batch` run :func:`aidguide.rules.compute_batch` and write,
per aid, the reasons (codes -> :mod:`.texts`), the indicative amount with the date it applies
from (labelled "≈ ... computed, not published" when the engine computed it from the last
published amount and the indexation steps since), the legal basis, and the next steps, which
come from the aid's sheet (how to apply, documents, decision time, appeal): each fact is written
once, in content/aids/*.yml. Nothing is logged or kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from aidguide.content.amounts import approximate, computed_note, staleness_note
from aidguide.content.sheets import get_sheet
from aidguide.i18n import format_date, format_money, normalize_language, translator
from aidguide.rules import (
    EligibilityRequest,
    ReferenceAmount,
    compute_batch,
    reference_amount,
    scale_reference,
)

from . import texts as T  # noqa: N812 - short name for the message table
from .models import AidResult, Amount, AmountBasis, EligibilityResult, Reason, Tri

CENT = Decimal("0.01")
REFORM_DATE = date(2026, 3, 1)  # facts §1: cohabitant reform (AR 7/1/2026)
TRI = {"eligible": True, "not_eligible": False, "unknown": "unknown"}


def evaluate_batch(requests: Iterable[EligibilityRequest]) -> list[EligibilityResult]:
    """Evaluate many requests (one vectorised simulation per month), in the order given."""
    items = list(requests)
    return [_result(r, values) for r, values in zip(items, compute_batch(items), strict=True)]


def evaluate(request: EligibilityRequest) -> EligibilityResult:
    """Evaluate one request: every aid, its conditions, an indicative amount, what to do next."""
    return evaluate_batch([request])[0]


class _Writer:
    """Builds the texts of one result in one language."""

    def __init__(self, request: EligibilityRequest) -> None:
        self.request = request
        self.on = request.on
        self.lang = normalize_language(request.lang)
        self.t = translator(self.lang)

    def say(self, msgid: str, **params: Any) -> str:
        return self.t.gettext(msgid, **params)

    def money(self, value: Decimal | float, computed: bool = False) -> str:
        text = format_money(Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP), self.lang)
        return approximate(text) if computed else text

    def day(self, value: date) -> str:
        return format_date(value, self.lang)

    def reason(
        self, condition: str, status: str, variant: str | None = None, **params: Any
    ) -> Reason:
        key = (condition, f"{status}_{variant}" if variant else status)
        msgid = T.REASONS.get(key) or T.REASONS[(condition, status)]
        return Reason(condition=condition, status=status, text=self.say(msgid, **params))  # type: ignore[arg-type]

    def amount(
        self,
        value: float,
        period: str | None,
        ref: ReferenceAmount | None,
        msgids: tuple[str, str],
        ask: str = "cpas",
    ) -> Amount | None:
        """The amount with the date it applies from; computed ones say so and carry a basis."""
        if ref is None:
            return None
        exact = Decimal(str(float(value))).quantize(CENT, rounding=ROUND_HALF_UP)
        published, computed = msgids
        if not ref.computed or ref.basis is None:
            text = self.say(published, amount=self.money(exact), date=self.day(ref.applies_from))
            return Amount(exact, "EUR", period, ref.applies_from, text)  # type: ignore[arg-type]
        note = computed_note(ref.basis, self.lang, ask)
        text = self.say(
            computed, amount=self.money(exact, True), date=self.day(ref.applies_from), note=note
        )
        later = staleness_note(ref.staleness, self.lang)
        basis = AmountBasis(
            parameter=ref.key,
            value=ref.basis.value.quantize(CENT),
            applies_from=ref.basis.applies_from,
            steps=ref.basis.steps,
        )
        return Amount(
            exact,
            "EUR",
            period,  # type: ignore[arg-type]
            ref.applies_from,
            f"{text} {later}" if later else text,
            computed=True,
            basis=basis,
        )

    def laws(self, aid: str) -> list[str]:
        """The legal basis of an aid, with the laws' titles in the answer's language."""
        return [self.say(msgid) for msgid in T.LEGAL_BASIS[aid]]

    def disclaimer(self, since: date | None) -> str:
        if since is None:
            return self.say(T.DISCLAIMER_CPAS_NO_AMOUNT)
        return self.say(T.DISCLAIMER_CPAS, date=self.day(since))

    def with_limit_note(self, text: str, limit: ReferenceAmount, ask: str = "cpas") -> str:
        """``text``, plus what a computed income limit is made of (unchanged otherwise)."""
        if not limit.computed or limit.basis is None:
            return text
        note = computed_note(limit.basis, self.lang, ask)
        return f"{text} {self.say(T.LIMIT_COMPUTED, note=note)}"

    def name(self, aid: str) -> str:
        return get_sheet(aid).title(self.lang)

    def sheet_steps(self, aid: str, appeal: bool = True) -> list[str]:
        """How to apply, the documents, the decision time and the appeal, from the sheet."""
        sheet = get_sheet(aid)
        steps = [sheet.text("how_to_apply", self.lang)]
        documents = sheet.items("documents", self.lang)
        if documents:
            steps.append(self.say(T.DOCUMENTS_STEP, documents=" ".join(documents)))
        steps.append(sheet.text("decision_time", self.lang))
        if appeal:
            steps.append(sheet.text("appeal", self.lang))
        return steps


def _tri(value: str) -> Tri:
    return TRI[value]  # type: ignore[return-value]


def _category(v: dict[str, Any]) -> str | None:
    return None if v["ris_category"] in ("unknown", "none") else v["ris_category"]


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


def _ris_amount_ref(w: _Writer, v: dict[str, Any]) -> ReferenceAmount | None:
    """The category amount the indicative RIS rests on (None when it cannot be computed)."""
    category = _category(v)
    if category is None or not v["ris_amount_known"]:
        return None
    return reference_amount(f"ris.amount.{category}.monthly", w.on)


def _ris_amount_note(
    w: _Writer, v: dict[str, Any], amount: Amount | None, eligible: Tri
) -> str | None:
    notes = []
    if amount is None and eligible is not False:
        notes.append(w.say(T.AMOUNT_UNKNOWN_ON_DATE if _no_amount(w, v) else T.AMOUNT_UNKNOWN))
    if w.on >= REFORM_DATE:
        notes.append(w.say(T.REFORM_2026, date=w.day(REFORM_DATE)))
    return " ".join(notes) or None


def _no_amount(w: _Writer, v: dict[str, Any]) -> bool:
    """Category and income are known, yet no amount: the sources give none for that date."""
    known = _category(v) is not None and w.request.person.monthly_net_income is not None
    return known and not v["ris_amount_known"]


def _resources(w: _Writer, v: dict[str, Any]) -> Reason:
    status = v["ris_condition_resources"]
    no_amount = status == "unknown" and _no_amount(w, v)
    return w.reason("resources", status, "no_amount" if no_amount else None)


#: Residence statuses for which an unmet status condition gets its own explanation, per aid:
#: residence status -> reason variant.
_STATUS_VARIANTS: dict[str, dict[str, str]] = {
    "ris": {
        "foreigners_register": "foreigners_register",
        "eu_citizen_first_3_months": "eu_first_3_months",
        "no_legal_stay": "no_legal_stay",
    },
    "equivalent_aid": {"no_legal_stay": "no_legal_stay"},
}


def _status_reason(w: _Writer, aid: str, reason: str, status: str) -> Reason:
    """The status condition, explained for the person's residence status when it is unmet."""
    residence = w.request.person.residence_status
    variant = _STATUS_VARIANTS[aid].get(residence or "") if status == "not_met" else None
    return w.reason(reason, status, variant)


def _income_aid(w: _Writer, v: dict[str, Any], aid: str, reasons: list[Reason]) -> AidResult:
    """The RIS and the equivalent aid: same amounts, same calculation (facts §2)."""
    eligible = _tri(v[f"{aid}_eligibility"])
    ref = _ris_amount_ref(w, v)
    amount = None
    if eligible is not False:
        amount = w.amount(
            v["ris_indicative_monthly_amount"],
            "month",
            ref,
            (T.AMOUNT_MONTHLY, T.AMOUNT_MONTHLY_COMPUTED),
        )
    return AidResult(
        aid=aid,
        name=w.name(aid),
        eligible=eligible,
        amount=amount,
        amount_note=_ris_amount_note(w, v, amount, eligible),
        reasons=reasons,
        legal_basis=w.laws(aid),
        next_steps=w.sheet_steps(aid),
        disclaimer=w.disclaimer(ref.applies_from if ref else None),
        category=_category(v),
    )


def _ris(w: _Writer, v: dict[str, Any]) -> AidResult:
    reasons = [
        w.reason("ris_age", v["ris_condition_age"]),
        w.reason("residence", v["ris_condition_residence"]),
        _status_reason(w, "ris", "ris_status", v["ris_condition_status"]),
        _resources(w, v),
        w.reason("work", v["ris_condition_work"]),
        w.reason("other_rights", v["ris_condition_other_rights"]),
    ]
    return _income_aid(w, v, "ris", reasons)


def _equivalent(w: _Writer, v: dict[str, Any]) -> AidResult:
    reasons = [
        _status_reason(
            w, "equivalent_aid", "equivalent_status", v["equivalent_aid_condition_status"]
        ),
        w.reason("residence", v["ris_condition_residence"]),
        _resources(w, v),
        w.reason("equivalent_other", "required"),
    ]
    return _income_aid(w, v, "equivalent_aid", reasons)


def _urgent_medical(w: _Writer, v: dict[str, Any]) -> AidResult:
    reasons = [
        w.reason("stay", v["urgent_medical_aid_condition_stay"]),
        w.reason("need", "required"),
        w.reason("certificate", "required"),
    ]
    return AidResult(
        aid="urgent_medical_aid",
        name=w.name("urgent_medical_aid"),
        eligible=_tri(v["urgent_medical_aid_eligibility"]),
        amount=None,
        amount_note=None,
        reasons=reasons,
        legal_basis=w.laws("urgent_medical_aid"),
        next_steps=w.sheet_steps("urgent_medical_aid"),
        disclaimer=w.disclaimer(None),
    )


def _heating_rules(w: _Writer) -> list[ReferenceAmount] | None:
    """The heating rules in force for this fuel on that date; None when one is unknown."""
    fuel = w.request.heating.fuel
    if fuel in ("heating_oil_pump", "kerosene_pump"):
        keys = [reference_amount("heating_allowance.pump_flat_rate", w.on)]
    else:
        keys = [
            reference_amount("heating_allowance.max_litres", w.on),
            reference_amount("heating_allowance.max_amount", w.on),
            scale_reference("heating_allowance.price_bands", w.on),
        ]
    return None if any(r is None for r in keys) else keys  # type: ignore[return-value]


def _heating_amount(w: _Writer, v: dict[str, Any], rules: list[ReferenceAmount]) -> Amount | None:
    """The allowance for this delivery, dated by its newest rule; says when the rules are only
    the last known ones (the price bands are recalculated every year)."""
    newest = max(rules, key=lambda r: r.applies_from)
    amount = w.amount(
        v["heating_allowance_amount"], "once", newest, (T.AMOUNT_HEATING, T.AMOUNT_HEATING)
    )
    stale = next((r.staleness for r in rules if r.staleness), None)
    later = staleness_note(stale, w.lang)
    if amount is None or not later:
        return amount
    return replace(amount, text=f"{amount.text} {later}")


def _heating_ceiling(w: _Writer) -> str | None:
    """The category-2 income ceiling for the household, from the parameters (to the cent)."""
    base = reference_amount("heating_allowance.income_ceiling.base", w.on)
    if base is None:
        return None
    per = reference_amount("heating_allowance.income_ceiling.per_dependant", w.on)
    dependants = w.request.household.dependants
    if dependants is None or per is None:
        return w.money(base.value, base.computed)
    return w.money(base.value + per.value * dependants, base.computed)


def _heating(w: _Writer, v: dict[str, Any]) -> AidResult:
    base = reference_amount("heating_allowance.income_ceiling.base", w.on)
    computed = bool(base and base.computed)
    shown = _heating_ceiling(w)
    category = v["heating_allowance_category"]
    status = v["heating_allowance_condition_category"]
    if status == "met":
        cat_reason = w.reason("heating_category", "met", category, ceiling=shown)
    elif status == "unknown" and shown is None:
        cat_reason = w.reason("heating_category", "unknown", "no_ceiling")
    else:
        cat_reason = w.reason("heating_category", status, ceiling=shown)
    reasons = [w.reason("fuel", v["heating_allowance_condition_fuel"]), cat_reason]
    per = reference_amount("heating_allowance.income_ceiling.per_dependant", w.on)
    limit = reference_amount("heating_allowance.dependant_income_limit", w.on)
    if status != "met" and per and limit:
        reasons.append(
            Reason(
                "dependant",
                "unknown" if status == "unknown" else status,  # type: ignore[arg-type]
                w.say(
                    T.REASONS[("dependant", "info")],
                    per_dependant=w.money(per.value, per.computed),
                    limit=w.money(limit.value),
                ),
            )
        )
    reasons.append(w.reason("home", v["heating_allowance_condition_home"]))
    eligible = _tri(v["heating_allowance_eligibility"])
    rules = _heating_rules(w) if v["heating_allowance_amount_known"] else None
    amount = _heating_amount(w, v, rules) if eligible is not False and rules else None
    disclaimer = w.disclaimer(max(r.applies_from for r in rules) if rules else None)
    if computed and base and status != "met":
        disclaimer = w.with_limit_note(disclaimer, base)
    return AidResult(
        aid="heating_allowance",
        name=w.name("heating_allowance"),
        eligible=eligible,
        amount=amount,
        amount_note=None if amount or eligible is False else w.say(T.AMOUNT_UNKNOWN_HEATING),
        reasons=reasons,
        legal_basis=w.laws("heating_allowance"),
        next_steps=w.sheet_steps("heating_allowance"),
        disclaimer=disclaimer,
        category=None if category in ("unknown", "none") else category,
    )


def _premium(w: _Writer, v: dict[str, Any]) -> AidResult:
    reasons = [
        w.reason("housing", v["installation_premium_condition_housing"]),
        w.reason("premium_income", v["installation_premium_condition_income"]),
    ]
    eligible = _tri(v["installation_premium_eligibility"])
    ref = (
        reference_amount("installation_premium.amount", w.on)
        if v["installation_premium_amount_known"]
        else None
    )
    amount = None
    if eligible is not False:
        amount = w.amount(
            v["installation_premium_amount"], None, ref, (T.AMOUNT_ONCE, T.AMOUNT_ONCE_COMPUTED)
        )
    return AidResult(
        aid="installation_premium",
        name=w.name("installation_premium"),
        eligible=eligible,
        amount=amount,
        amount_note=w.say(T.ONCE_IN_LIFE),
        reasons=reasons,
        legal_basis=w.laws("installation_premium"),
        next_steps=w.sheet_steps("installation_premium"),
        disclaimer=w.disclaimer(ref.applies_from if ref else None),
    )


def _grapa(w: _Writer, v: dict[str, Any]) -> AidResult:
    age = reference_amount("grapa.age", w.on)
    status = v["grapa_referral"]
    shown = str(age.value) if age else "?"
    # We do not check the GRAPA's own conditions: at the age, the Pension Service decides.
    eligible: Tri = False if status == "not_met" else "unknown"
    return AidResult(
        aid="grapa",
        name=w.name("grapa"),
        eligible=eligible,
        amount=None,
        amount_note=None,
        reasons=[w.reason("grapa_age", status, age=shown)],
        legal_basis=w.laws("grapa"),
        next_steps=w.sheet_steps("grapa", appeal=False) if status != "not_met" else [],
        disclaimer=w.say(T.DISCLAIMER_PENSION),
    )


def _bim_reason(w: _Writer, v: dict[str, Any]) -> Reason:
    """Says which of the two BIM ceilings applies, or that both exist (facts §6)."""
    status = v["bim_referral"]
    if w.request.person.bim is True:
        return w.reason("bim", "met", "already")
    refs = {
        key: reference_amount(f"bim.income_ceiling.{key}", w.on)
        for key in ("base", "per_extra_person", "one_month.base", "one_month.per_extra_person")
    }
    if any(r is None for r in refs.values()):
        return (
            w.reason("bim", status, "no_ceiling") if status == "unknown" else w.reason("bim", "met")
        )
    if status == "met":
        return w.reason("bim", "met")
    size_known = w.request.household.household_size is not None
    one_year = v["bim_income_ceiling"] if size_known else refs["base"].value  # type: ignore[union-attr]
    one_month = v["bim_income_ceiling_one_month"] if size_known else refs["one_month.base"].value  # type: ignore[union-attr]
    computed = refs["base"].computed  # type: ignore[union-attr]
    return w.reason(
        "bim",
        status,
        one_year=w.money(one_year, computed),
        one_month=w.money(one_month, computed),
        extra_year=w.money(refs["per_extra_person"].value, computed),  # type: ignore[union-attr]
        extra_month=w.money(refs["one_month.per_extra_person"].value, computed),  # type: ignore[union-attr]
    )


def _bim(w: _Writer, v: dict[str, Any]) -> AidResult:
    base = reference_amount("bim.income_ceiling.base", w.on)
    status = v["bim_referral"]
    already = w.request.person.bim is True
    eligible: Tri = {"met": True, "not_met": False}.get(status, "unknown")  # type: ignore[assignment]
    if base is None:
        disclaimer = w.say(T.DISCLAIMER_CPAS_NO_AMOUNT)
    else:
        disclaimer = w.say(T.DISCLAIMER_MUTUALITY, date=w.day(base.applies_from))
        disclaimer = w.with_limit_note(disclaimer, base, "health_insurance_fund")
    return AidResult(
        aid="bim",
        name=w.name("bim"),
        eligible=eligible,
        amount=None,
        amount_note=None,
        reasons=[_bim_reason(w, v)],
        legal_basis=w.laws("bim"),
        next_steps=[] if already else w.sheet_steps("bim", appeal=False),
        disclaimer=disclaimer,
    )
