"""Dated amounts for content sheets: ``reference_amount("ris.amount.cat2.monthly", on)``.

Keys are the paths of the parameters (see README.md), plus computed keys such as
``installation_premium.amount``. An unknown key raises :class:`UnknownReferenceKey`; a key
with no value in force on that date (before the first dated value, or a value the sources do
not give) returns None: the caller says it does not know and refers to the CPAS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import Any

from openfisca_core.parameters import Parameter

from .freshness import metadata_date
from .indexation import INDEXATION_KEY, basis_of, iter_parameters
from .models import ReferenceAmount, Staleness
from .system import tax_benefit_system

_UNITS = {"currency-EUR": "EUR", "litre": "l", "year": "years"}


class UnknownReferenceKey(KeyError):
    """The key names no parameter and no computed amount of the rules engine."""

    def __str__(self) -> str:
        return f"unknown reference amount key {self.args[0]!r}; see src/aidguide/rules/README.md"


@cache
def _parameters() -> dict[str, Parameter]:
    """Every parameter by path (the tree is read-only once the system is loaded)."""
    return {p.name: p for p in iter_parameters(tax_benefit_system().parameters)}


def _unconfirmed_after(meta: dict[str, Any], key: str) -> date | None:
    """The date in ``meta[key]`` unless ``still_valid_on`` confirms the value since then."""
    due = metadata_date(meta.get(key))
    check = meta.get("still_valid_on") or {}
    if due is None or check.get("confirmed"):
        return None
    return due


def staleness(parameter: Any, item: Any, on: date) -> Staleness | None:
    """Why the value ``item`` of ``parameter`` may have changed by ``on``, if it may."""
    meta = parameter.metadata or {}
    review = _unconfirmed_after(meta, "review_by")
    if review is not None and item.instant_str < review.isoformat() <= on.isoformat():
        return Staleness("review_due", review)
    series = meta.get(INDEXATION_KEY)
    if series and basis_of(item) is not None:
        step = tax_benefit_system().parameters.indexation.children[series].children["step"]
        step_meta = step.metadata or {}
        forecast = metadata_date((step_meta.get("forecast") or {}).get("date"))
        if forecast is not None and _unconfirmed_after(step_meta, "review_by") and forecast <= on:
            return Staleness("forecast_indexation", forecast)
    return None


def _in_force(parameter: Parameter, on: date) -> Any:
    """The ParameterAtInstant in force on ``on`` (values_list is newest first), or None."""
    for item in parameter.values_list:
        if item.instant_str <= on.isoformat():
            return item
    return None


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value or "")


def parameter_amount(parameter: Parameter, on: date) -> ReferenceAmount | None:
    item = _in_force(parameter, on)
    if item is None or item.value is None:
        return None
    meta = parameter.metadata or {}
    notes = [n for n in (meta.get("note"), meta.get("conflict")) if n]
    basis = basis_of(item)
    return ReferenceAmount(
        value=_decimal(item.value, meta.get("unit")),
        unit=_UNITS.get(meta.get("unit"), str(meta.get("unit"))),
        period=meta.get("period"),
        applies_from=date.fromisoformat(item.instant_str),
        reference=_text(meta.get("reference")),
        source=_text((item.metadata or {}).get("source") or meta.get("sources")),
        note=" ".join(notes) or None,
        computed=basis is not None,
        basis=basis,
        staleness=staleness(parameter, item, on),
        key=parameter.name,
    )


def applies_from(key: str, on: date) -> date | None:
    """From which date the value of parameter ``key`` in force on ``on`` applies."""
    found = reference_amount(key, on)
    return found.applies_from if found else None


def _installation_premium(on: date) -> ReferenceAmount | None:
    yearly = reference_amount("ris.amount.cat3.yearly", on)
    if yearly is None:
        return None
    value = (yearly.value / 12).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    basis = yearly.basis
    if basis is not None:  # the basis of a twelfth is the twelfth of the basis
        basis = replace(basis, value=(basis.value / 12).quantize(Decimal("0.01")))
    return replace(
        yearly,
        value=value,
        period=None,
        reference="Loi du 26 mai 2002, art. 14 §3; loi organique du 8 juillet 1976, art. 57bis; "
        "AR du 21 septembre 2004",
        source="1/12 of ris.amount.cat3.yearly (oudsbergen.be; bilzen.be; ocmw.dehaan.be); "
        "Yearly amount: " + yearly.source,
        note="1/12 of the yearly RIS amount of category 3. Paid once, when the person moves in.",
        basis=basis,
        key="installation_premium.amount",
    )


COMPUTED: dict[str, Callable[[date], ReferenceAmount | None]] = {
    "installation_premium.amount": _installation_premium,
}


def reference_keys() -> list[str]:
    """Every key :func:`reference_amount` accepts."""
    return sorted([*_parameters(), *COMPUTED])


@lru_cache(maxsize=4096)
def reference_amount(key: str, on: date) -> ReferenceAmount | None:
    """The value of ``key`` in force on ``on``; None when the sources give none for that date.
    Raises :class:`UnknownReferenceKey` for a key that does not exist."""
    if key in COMPUTED:
        return COMPUTED[key](on)
    parameter = _parameters().get(key)
    if parameter is None:
        raise UnknownReferenceKey(key)
    return parameter_amount(parameter, on)


def scale_reference(key: str, on: date) -> ReferenceAmount | None:
    """A scale (such as ``heating_allowance.price_bands``) as a reference: from which date its
    newest bracket value in force applies, and whether it is only the last known one. A scale
    has no single value: ``value`` is 0 and ``unit`` is ``"scale"``."""
    node: Any = tax_benefit_system().parameters
    for part in key.split("."):
        node = node.children.get(part) if hasattr(node, "children") else None
        if node is None:
            raise UnknownReferenceKey(key)
    items = [
        item
        for bracket in node.brackets
        for item in bracket.amount.values_list
        if item.instant_str <= on.isoformat()
    ]
    if not items:
        return None
    newest = max(items, key=lambda item: item.instant_str)
    meta = node.metadata or {}
    return ReferenceAmount(
        value=Decimal(0),
        unit="scale",
        period=None,
        applies_from=date.fromisoformat(newest.instant_str),
        reference=_text(meta.get("reference")),
        source=_text(meta.get("sources")),
        note=meta.get("note"),
        staleness=staleness(node, newest, on),
        key=key,
    )


def _decimal(value: Any, unit: str | None) -> Decimal:
    """Money to the cent (``1314.2`` -> ``1314.20``); other units as read."""
    number = Decimal(str(value))
    return number.quantize(Decimal("0.01"), ROUND_HALF_UP) if unit == "currency-EUR" else number
