"""Amounts on a sheet come from the rules engine, dated, and are formatted by Babel.

Sheets never type a figure: they name a rules-engine parameter (``ris.amount.cat2.monthly``)
and this module asks :func:`aidguide.rules.reference_amount` for the value that applies on a
given date. The date from which it applies is always shown, so that a reader sees at once
when a figure may be old. When the rules engine is missing or does not know the key, the
amount is marked as unknown and the reader is sent to the CPAS: we never guess.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from aidguide.i18n import N_, format_date, format_money, format_number, translator

logger = logging.getLogger("aidguide.content")

Status = Literal["ok", "unknown", "unavailable"]

PER_MONTH = N_("{amount} per month")
PER_YEAR = N_("{amount} per year")
UNIT_LITRES = N_("{value} litres")
UNIT_YEARS = N_("{value} years")
SINCE = N_("since {date}")
#: What to say when there is no value, by the body the sheet sends people to.
AMOUNT_UNKNOWN = {
    "cpas": N_("We do not know this amount. Please ask your CPAS."),
    "federal_pension_service": N_(
        "We do not know this amount. Please ask the Federal Pension Service."
    ),
    "health_insurance_fund": N_(
        "We do not know this amount. Please ask your health insurance fund."
    ),
}


@dataclass(frozen=True)
class ResolvedAmount:
    """One amount of a sheet, resolved for a date and formatted for a language."""

    key: str
    label: str
    status: Status
    text: str
    value: Decimal | None = None
    unit: str | None = None
    period: str | None = None
    applies_from: date | None = None
    applies_from_text: str | None = None
    reference: str | None = None
    source: str | None = None
    note: str | None = None

    def sentence(self) -> str:
        """``label: value (since date)`` for a chat message."""
        if self.status != "ok":
            return f"{self.label}: {self.text}"
        return f"{self.label}: {self.text} ({self.applies_from_text})"


class RulesUnavailable(RuntimeError):
    """The rules engine (``aidguide.rules.reference_amount``) cannot be imported."""


def _reference_amount() -> Any:
    try:
        from aidguide.rules import reference_amount
    except ImportError as exc:  # the rules engine is built separately
        raise RulesUnavailable(str(exc)) from exc
    return reference_amount


def rules_available() -> bool:
    """Whether the rules engine's ``reference_amount`` facade can be imported."""
    try:
        _reference_amount()
    except RulesUnavailable:
        return False
    return True


def lookup(key: str, on: date) -> Any:
    """The rules engine's ``ReferenceAmount`` for ``key`` on ``on`` (errors propagate)."""
    return _reference_amount()(key, on)


def _kind(unit: str | None) -> str:
    """Map the rules engine's unit to how we show it: money, litres, years or a plain number."""
    name = (unit or "").strip().lower()
    if name in ("€", "eur", "euro", "euros", "currency") or "eur" in name:
        return "money"
    if name in ("l", "litre", "litres", "liter", "liters"):
        return "litres"
    if name in ("year", "years", "an", "ans", "jaar", "age"):
        return "years"
    return "number"


def format_value(value: Decimal, unit: str | None, period: str | None, lang: str) -> str:
    """``1314.20`` EUR/month -> ``1 314,20 € par mois`` (fr) or ``€ 1.314,20 per maand`` (nl)."""
    t = translator(lang)
    kind = _kind(unit)
    if kind == "money":
        text = format_money(value, lang)
    elif kind == "litres":
        text = t.gettext(UNIT_LITRES, value=format_number(value, lang))
    elif kind == "years":
        text = t.gettext(UNIT_YEARS, value=format_number(value, lang))
    else:
        text = format_number(value, lang) + (f" {unit}" if unit else "")
    if period == "month":
        return t.gettext(PER_MONTH, amount=text)
    if period == "year":
        return t.gettext(PER_YEAR, amount=text)
    return text


def resolve(key: str, label: str, lang: str, on: date, ask: str = "cpas") -> ResolvedAmount:
    """Resolve one reference for ``on`` and format it in ``lang``; never raises for a
    missing engine or an unknown key: the reader is told to ask ``ask`` (a body id) instead."""
    t = translator(lang)
    unknown = t.gettext(AMOUNT_UNKNOWN.get(ask, AMOUNT_UNKNOWN["cpas"]))
    try:
        ref = lookup(key, on)
    except RulesUnavailable:
        return ResolvedAmount(key, label, "unavailable", unknown)
    except (LookupError, ValueError) as exc:
        logger.warning("amount %s not resolved for %s: %s", key, on, type(exc).__name__)
        return ResolvedAmount(key, label, "unknown", unknown)
    except Exception as exc:  # a bug in the engine must not hide the rest of the sheet
        logger.error("rules engine failed on %s for %s: %s", key, on, type(exc).__name__)
        return ResolvedAmount(key, label, "unknown", unknown)
    value = Decimal(str(ref.value))
    applies_from = ref.applies_from
    return ResolvedAmount(
        key=key,
        label=label,
        status="ok",
        text=format_value(value, ref.unit, ref.period, lang),
        value=value,
        unit=ref.unit,
        period=ref.period,
        applies_from=applies_from,
        applies_from_text=t.gettext(SINCE, date=format_date(applies_from, lang)),
        reference=getattr(ref, "reference", None),
        source=getattr(ref, "source", None),
        note=getattr(ref, "note", None),
    )
