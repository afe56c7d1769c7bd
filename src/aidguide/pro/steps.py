"""The calculation steps of an indicative amount, as OpenFisca computes it, in plain words.

One simulation of the request runs with OpenFisca's tracer on (``simulation.trace = True``);
its trace says which variable was computed from which, with which value, and which parameter
was read at which date with which value. Each computed variable of the trace becomes one step,
in the order OpenFisca computed them, worded in French or Dutch (``pro`` catalog) and carrying
the parameters it read, with their date, status (published / computed), source and legal basis
from :mod:`.catalogue`. No figure is computed here: every number shown is a value of the trace,
except the subtraction the last step shows between two traced values.

Nothing is kept: the simulation and its trace live for one call.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

from aidguide.content.amounts import approximate
from aidguide.i18n import N_, format_date, format_money, format_number, translator
from aidguide.rules import (
    ISP_MAX_MONTHS,
    ISP_WINDOW_MONTHS,
    SHORTAGE_MAX_MONTHS,
    EligibilityRequest,
)
from aidguide.rules.simulation import build_simulation

from . import catalogue

CENT = Decimal("0.01")
#: The aids whose amount is explained, and the variable that holds it.
RESULTS = {"ris": "ris_indicative_monthly_amount", "heating_allowance": "heating_allowance_amount"}
#: OpenFisca's tracer records leaf parameters only; a scale read by a formula is named here.
SCALES = {"heating_allowance_rate_per_litre": "heating_allowance.price_bands"}
CATEGORIES = {
    "cat1": N_("category 1 (cohabitant)"),
    "cat2": N_("category 2 (living alone)"),
    "cat3": N_("category 3 (with a family to support)"),
}
ARROW = " → "
ISP_CAP = "ris.exemption.socio_professional.monthly"
SHORTAGE_CAP = "ris.exemption.socio_professional.shortage_occupation_monthly"
#: Added to a step that used a computed (not published) parameter value.
COMPUTED = N_("computed amount")


@dataclass(frozen=True)
class ParameterUse:
    """A parameter the engine read for a step: its value on the date of the calculation."""

    name: str
    label: str
    on: date
    value: Decimal | None
    #: The value in words (unit, period, "≈" when computed), from the catalogue.
    text: str
    since: date | None
    status: str
    source: str
    legal_basis: tuple[str, ...]
    #: Why the value may have changed by then (a review date passed unconfirmed), or None.
    staleness_note: str | None = None


@dataclass(frozen=True)
class CalculationStep:
    """One variable OpenFisca computed, its value, what it read, and the step in words."""

    variable: str
    value: Decimal | str | None
    parameters: tuple[ParameterUse, ...]
    text: str


@dataclass(frozen=True)
class Calculation:
    """The steps of one aid's amount; ``text`` chains them with arrows."""

    aid: str
    on: date
    result: Decimal | None
    steps: tuple[CalculationStep, ...]
    text: str


@dataclass(frozen=True)
class _Node:
    name: str
    value: Any
    parameters: dict[str, Any]


def _value(array: Any) -> Any:
    """One traced value: a name for an enum, a Decimal for a number, None when unknown."""
    item = array.decode_to_str()[0] if hasattr(array, "decode_to_str") else array[0]
    if isinstance(item, str | bool | np.bool_):
        return item
    number = float(item)
    return None if math.isnan(number) else Decimal(str(item))


def _flatten(tree: Any, seen: dict[str, _Node]) -> Iterator[_Node]:
    """The trace's variables in the order they were computed (children first), each once."""
    for child in tree.children:
        yield from _flatten(child, seen)
    if tree.name not in seen:
        params = {p.name: p.value for p in tree.parameters}
        seen[tree.name] = _Node(tree.name, _value(tree.value), params)
        yield seen[tree.name]


def _of_category(name: str, category: str | None) -> bool:
    """Formulas read the parameters of every category (vectorised); keep the person's own."""
    parts = name.split(".")
    return not any(p in CATEGORIES for p in parts) or category in parts


class _Words:
    """Words for the values of one calculation, in one language."""

    def __init__(self, lang: str, on: date, values: dict[str, Any]) -> None:
        self.lang = lang
        self.t = translator(lang)
        self.on = on
        self.values = values

    def say(self, msgid: str, **params: Any) -> str:
        return self.t.gettext(msgid, **params)

    def money(self, value: Any) -> str:
        if value is None:
            return self.say(N_("unknown"))
        return format_money(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP), self.lang)

    def number(self, value: Any) -> str:
        return self.say(N_("unknown")) if value is None else format_number(value, self.lang)

    def day(self) -> str:
        return format_date(self.on, self.lang)

    def category(self) -> str:
        return self.say(CATEGORIES.get(self.values.get("ris_category"), N_("unknown category")))


def _ris_category(w: _Words, node: _Node) -> str:
    if node.value not in CATEGORIES:
        return w.say(N_("Category: unknown (the household situation is not given)"))
    return w.say(N_("Category: {category}"), category=w.category())


def _ris_yearly_category_amount(w: _Words, node: _Node) -> str:
    monthly = next((v for n, v in node.parameters.items() if n.endswith(".monthly")), None)
    yearly = next((v for n, v in node.parameters.items() if n.endswith(".yearly")), None)
    if w.values.get("ris_category") not in CATEGORIES:
        return w.say(N_("Amount of the category: unknown (the category is not known)"))
    if node.value is None:
        return w.say(
            N_("Amount of {category} on {date}: unknown (the sources give none)"),
            category=w.category(),
            date=w.day(),
        )
    if yearly is None:
        return w.say(
            N_("Amount of {category} on {date}: {monthly} per month, × 12 = {yearly} per year"),
            category=w.category(),
            date=w.day(),
            monthly=w.money(monthly),
            yearly=w.money(node.value),
        )
    return w.say(
        N_("Amount of {category} on {date}: {monthly} per month, {yearly} per year"),
        category=w.category(),
        date=w.day(),
        monthly=w.money(monthly),
        yearly=w.money(node.value),
    )


def _ris_no_socio_professional_exemption(w: _Words) -> str:
    """Why neither exemption applies, from the answers the engine read."""
    if not w.values.get("socio_professional_income"):
        return w.say(N_("No socio-professional exemption (no income from work it covers)"))
    if w.values.get("isp_started_on_ris") == "no":
        return w.say(
            N_("No socio-professional exemption: the work or training did not start on the RIS")
        )
    used = w.values.get("isp_months_used") or 0
    if used >= ISP_MAX_MONTHS:
        return w.say(
            N_("No socio-professional exemption: already used for {used} months (at most {max})"),
            used=w.number(used),
            max=w.number(ISP_MAX_MONTHS),
        )
    return w.say(
        N_(
            "No socio-professional exemption: first granted {since} months ago "
            "(its {max} months fall within {window} months)"
        ),
        since=w.number(w.values.get("isp_months_since_first")),
        max=w.number(ISP_MAX_MONTHS),
        window=w.number(ISP_WINDOW_MONTHS),
    )


def _ris_socio_professional_exemption(w: _Words, node: _Node) -> str:
    """Which exemption applied (the shortage-occupation one or the ordinary one) and in which
    of its months, or why none did."""
    shortage = bool(w.values.get("ris_shortage_occupation_exemption_applies"))
    if not shortage and not w.values.get("ris_isp_exemption_applies"):
        return _ris_no_socio_professional_exemption(w)
    if node.value is None:
        return w.say(
            N_("Socio-professional exemption: unknown on {date} (the CPAS computes it)"),
            date=w.day(),
        )
    # (wording, cap read, months-used input, most months) of the exemption that applied.
    wording, cap, used, most = (
        (
            N_(
                "Exemption for a shortage occupation: {value} per month "
                "(at most {cap} on {date}; month {month} of {max})"
            ),
            SHORTAGE_CAP,
            "shortage_occupation_months_used",
            SHORTAGE_MAX_MONTHS,
        )
        if shortage
        else (
            N_(
                "Socio-professional exemption: {value} per month "
                "(at most {cap} on {date}; month {month} of {max})"
            ),
            ISP_CAP,
            "isp_months_used",
            ISP_MAX_MONTHS,
        )
    )
    return w.say(
        wording,
        value=w.money(node.value),
        cap=w.money(node.parameters.get(cap)),
        date=w.day(),
        month=w.number((w.values.get(used) or 0) + 1),
        max=w.number(most),
    )


def _ris_yearly_resources(w: _Words, node: _Node) -> str:
    income = w.values.get("monthly_net_income")
    exemption = w.values.get("ris_socio_professional_exemption")
    if income is None:
        return w.say(N_("Yearly resources: unknown (the monthly income is not given)"))
    if not exemption:
        return w.say(
            N_("Yearly resources: 12 × {income} = {value}"),
            income=w.money(income),
            value=w.money(node.value),
        )
    return w.say(
        N_("Yearly resources: 12 × ({income} − {exemption}) = {value}"),
        income=w.money(income),
        exemption=w.money(exemption),
        value=w.money(node.value),
    )


def _ris_general_exemption(w: _Words, node: _Node) -> str:
    resources = w.values.get("ris_yearly_resources")
    if resources is None:
        return w.say(N_("General exemption: not computed (the resources are not known)"))
    if node.value is None:
        return w.say(
            N_("General exemption: unknown on {date} (the sources give none; the CPAS computes)"),
            date=w.day(),
        )
    if node.value > 0:
        return w.say(
            N_("General exemption: {value} per year (resources below the amount of the category)"),
            value=w.money(node.value),
        )
    if resources > 0:
        return w.say(
            N_("No general exemption: the resources are not below the amount of the category")
        )
    return w.say(N_("No general exemption: no resources"))


def _ris_countable_yearly_resources(w: _Words, node: _Node) -> str:
    return w.say(
        N_("Countable resources: {resources} − {exemption} = {value} per year"),
        resources=w.money(w.values.get("ris_yearly_resources")),
        exemption=w.money(w.values.get("ris_general_exemption")),
        value=w.money(node.value),
    )


def _ris_indicative_monthly_amount(w: _Words, node: _Node) -> str:
    yearly = w.values.get("ris_yearly_category_amount")
    countable = w.values.get("ris_countable_yearly_resources")
    if yearly is None or countable is None:
        return w.say(N_("RIS: unknown (see the steps above); the CPAS computes it"))
    yearly_ris = Decimal(yearly) - Decimal(countable)
    if yearly_ris <= 0:
        return w.say(
            N_("Yearly RIS: {yearly} − {countable} is not above 0: no RIS ({value} per month)"),
            yearly=w.money(yearly),
            countable=w.money(countable),
            value=w.money(node.value),
        )
    return w.say(
        N_("Yearly RIS: {yearly} − {countable} = {yearly_ris}, that is {value} per month"),
        yearly=w.money(yearly),
        countable=w.money(countable),
        yearly_ris=w.money(yearly_ris),
        value=w.money(node.value),
    )


def _heating_rate(w: _Words, node: _Node) -> str:
    price = w.values.get("price_per_litre")
    if node.value is None:
        return w.say(
            N_("Allowance per litre: unknown (price not given, or no price bands on {date})"),
            date=w.day(),
        )
    return w.say(
        N_("Price {price} per litre: {rate} per litre (price bands in force on {date})"),
        price=w.money(price),
        rate=w.money(node.value),
        date=w.day(),
    )


def _heating_litres(w: _Words, node: _Node) -> str:
    maximum = next(iter(node.parameters.values()), None)
    return w.say(
        N_("Litres counted: {value} (delivered: {litres}; at most {maximum} on {date})"),
        value=w.number(node.value),
        litres=w.number(w.values.get("litres")),
        maximum=w.number(maximum),
        date=w.day(),
    )


def _heating_amount(w: _Words, node: _Node) -> str:
    fuel = w.values.get("fuel")
    flat = node.parameters.get("heating_allowance.pump_flat_rate")
    maximum = node.parameters.get("heating_allowance.max_amount")
    if fuel in ("heating_oil_pump", "kerosene_pump"):
        return w.say(N_("Bought at the pump: flat rate of {value}"), value=w.money(flat))
    rate = w.values.get("heating_allowance_rate_per_litre")
    litres = w.values.get("heating_allowance_litres_counted")
    if rate is None or litres is None or maximum is None:
        return w.say(N_("Heating allowance: unknown (see the steps above); the CPAS computes it"))
    if node.value == 0 and fuel not in (None, "unknown"):
        return w.say(N_("This fuel is not covered: no allowance"))
    return w.say(
        N_("{rate} × {litres} litres = {product}, at most {maximum}: {value}"),
        rate=w.money(rate),
        litres=w.number(litres),
        product=w.money(Decimal(rate) * Decimal(litres)),
        maximum=w.money(maximum),
        value=w.money(node.value),
    )


WORDING: dict[str, Callable[[_Words, _Node], str]] = {
    "ris_category": _ris_category,
    "ris_yearly_category_amount": _ris_yearly_category_amount,
    "ris_socio_professional_exemption": _ris_socio_professional_exemption,
    "ris_yearly_resources": _ris_yearly_resources,
    "ris_general_exemption": _ris_general_exemption,
    "ris_countable_yearly_resources": _ris_countable_yearly_resources,
    "ris_indicative_monthly_amount": _ris_indicative_monthly_amount,
    "heating_allowance_rate_per_litre": _heating_rate,
    "heating_allowance_litres_counted": _heating_litres,
    "heating_allowance_amount": _heating_amount,
}


def _uses(node: _Node, on: date, lang: str) -> tuple[ParameterUse, ...]:
    names = list(node.parameters)
    if node.name in SCALES:
        names.append(SCALES[node.name])
    uses = []
    for name in names:
        entry = catalogue.value_at(name, on, lang)
        traced = node.parameters.get(name)
        uses.append(
            ParameterUse(
                name=name,
                label=entry.label,
                on=on,
                value=None if traced is None else Decimal(str(traced)),
                text=entry.text,
                since=entry.since,
                status=entry.status,
                source=entry.source,
                legal_basis=entry.legal_basis,
                staleness_note=entry.staleness_note,
            )
        )
    return tuple(uses)


def _calculation(aid: str, simulation: Any, on: date, period: str, lang: str) -> Calculation:
    variable = RESULTS[aid]
    simulation.tracer.trees.clear()  # the tracer keeps every tree: one aid at a time
    simulation.calculate(variable, period)
    nodes = [n for tree in simulation.tracer.trees for n in _flatten(tree, {})]
    values = {n.name: n.value for n in nodes}
    words = _Words(lang, on, values)
    category = values.get("ris_category")
    steps = []
    for node in nodes:
        wording = WORDING.get(node.name)
        if wording is None:
            continue  # an input or a condition: shown in the form, not a step of the sum
        own = {n: v for n, v in node.parameters.items() if _of_category(n, category)}
        node = replace(node, parameters=own)
        text = wording(words, node)
        uses = _uses(node, on, lang)
        if any(u.status == "computed" for u in uses):
            text = f"{text} ({approximate(words.say(COMPUTED))})"
        steps.append(CalculationStep(node.name, node.value, uses, text))
    known = all(s.value is not None for s in steps)
    result = values.get(variable) if known else None
    return Calculation(
        aid=aid,
        on=on,
        result=None if result is None else Decimal(result).quantize(CENT, ROUND_HALF_UP),
        steps=tuple(steps),
        text=ARROW.join(s.text for s in steps),
    )


def calculation_steps(request: EligibilityRequest) -> list[Calculation]:
    """The steps of the RIS (and of the heating allowance when a fuel is given) for
    ``request``, in the request's language, from OpenFisca's trace."""
    period = request.on.strftime("%Y-%m")
    on = request.on.replace(day=1)  # parameters are read on the first day of the month
    simulation = build_simulation([request], period)
    simulation.trace = True
    aids = ["ris"] + (["heating_allowance"] if request.heating.fuel else [])
    return [_calculation(aid, simulation, on, period, request.lang) for aid in aids]
