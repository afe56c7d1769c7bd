"""Dated amounts for content sheets: ``reference_amount("ris.amount.cat2.monthly", on)``.

Keys are the paths of the parameters (see README.md), plus computed keys such as
``installation_premium.amount``. An unknown key raises :class:`UnknownReferenceKey`; a key
with no value in force on that date (before the first dated value, or a value the sources do
not give) returns None: the caller says it does not know and refers to the CPAS.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from openfisca_core.parameters import Parameter, ParameterNode

from .models import ReferenceAmount
from .system import tax_benefit_system

_UNITS = {"currency-EUR": "EUR", "litre": "l", "year": "years"}


class UnknownReferenceKey(KeyError):
    """The key names no parameter and no computed amount of the rules engine."""

    def __str__(self) -> str:
        return f"unknown reference amount key {self.args[0]!r}; see src/aidguide/rules/README.md"


def _parameters() -> dict[str, Parameter]:
    found: dict[str, Parameter] = {}

    def walk(node: ParameterNode) -> None:
        for child in node.children.values():
            if isinstance(child, Parameter):
                found[child.name] = child
            elif isinstance(child, ParameterNode):
                walk(child)

    walk(tax_benefit_system().parameters)
    return found


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
    return ReferenceAmount(
        value=_decimal(item.value, meta.get("unit")),
        unit=_UNITS.get(meta.get("unit"), str(meta.get("unit"))),
        period=meta.get("period"),
        applies_from=date.fromisoformat(item.instant_str),
        reference=_text(meta.get("reference")),
        source=_text((item.metadata or {}).get("source") or meta.get("sources")),
        note=" ".join(notes) or None,
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
    return ReferenceAmount(
        value=value,
        unit="EUR",
        period=None,
        applies_from=yearly.applies_from,
        reference="Loi du 26 mai 2002, art. 14 §3; loi organique du 8 juillet 1976, art. 57bis; "
        "AR du 21 septembre 2004",
        source="1/12 of ris.amount.cat3.yearly (oudsbergen.be; bilzen.be; ocmw.dehaan.be); "
        "1 776,07 € at 01/02/2025 (bdas-wwsb.brussels/?p=4309). Yearly amount: " + yearly.source,
        note="Computed: 1/12 of the yearly RIS amount of category 3. Paid once, when the person "
        "moves in.",
    )


COMPUTED: dict[str, Callable[[date], ReferenceAmount | None]] = {
    "installation_premium.amount": _installation_premium,
}


def reference_keys() -> list[str]:
    """Every key :func:`reference_amount` accepts."""
    return sorted([*_parameters(), *COMPUTED])


def reference_amount(key: str, on: date) -> ReferenceAmount | None:
    """The value of ``key`` in force on ``on``; None when the sources give none for that date.
    Raises :class:`UnknownReferenceKey` for a key that does not exist."""
    if key in COMPUTED:
        return COMPUTED[key](on)
    parameter = _parameters().get(key)
    if parameter is None:
        raise UnknownReferenceKey(key)
    return parameter_amount(parameter, on)


def _decimal(value: Any, unit: str | None) -> Decimal:
    """Money to the cent (``1314.2`` -> ``1314.20``); other units as read."""
    number = Decimal(str(value))
    return number.quantize(Decimal("0.01")) if unit == "currency-EUR" else number
