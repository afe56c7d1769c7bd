"""Amounts on a sheet come from the rules engine, dated, and are formatted by Babel.

Sheets never type a figure: they name a rules-engine parameter (``ris.amount.cat2.monthly``)
and this module asks :func:`aidguide.rules.reference_amount` for the value that applies on a
given date. The date from which it applies is always shown, so that a reader sees at once
when a figure may be old. An amount the engine computed (last published amount × the
indexation steps since) is shown with "≈" and says so (:func:`computed_note`), and a value that
may have changed since (a forecast indexation, an overdue review) says that too. When the
rules engine is missing or does not know the key, the amount is marked as unknown and the
reader is sent to the CPAS: we never guess.
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
#: A computed amount: what it is made of, and who confirms it.
COMPUTED_NOTE = {
    "cpas": N_("computed, not published: the amount of {date} + {steps}; the CPAS confirms"),
    "health_insurance_fund": N_(
        "computed, not published: the amount of {date} + {steps}; your health insurance fund confirms"
    ),
}
INDEXATION_STEP = N_("the indexation of {percent} % of {date}")
#: Why a value may have changed since, by :class:`aidguide.rules.Staleness` reason.
MAY_HAVE_CHANGED = {
    "forecast_indexation": N_(
        "An indexation was forecast for {date} but is not confirmed: the amount may have changed since."
    ),
    "review_due": N_("This is the last value we know: it may have changed since {date}."),
}
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
    computed: bool = False
    #: For a computed amount: its basis and who confirms it, in words.
    computed_note: str | None = None
    #: Why it may have changed since, in words (forecast indexation, overdue review).
    staleness_note: str | None = None

    def sentence(self) -> str:
        """``label: value (since date)`` for a chat message, with the computed label."""
        if self.status != "ok":
            return f"{self.label}: {self.text}"
        details = "; ".join(n for n in (self.applies_from_text, self.computed_note) if n)
        text = f"{self.label}: {self.text} ({details})"
        return f"{text} {self.staleness_note}" if self.staleness_note else text


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


def steps_text(steps: Any, lang: str) -> str:
    """``the indexation of 2 % of 1 March 2026`` (each step, joined by " + ")."""
    t = translator(lang)
    return " + ".join(
        t.gettext(
            INDEXATION_STEP, percent=format_number(s.percent, lang), date=format_date(s.on, lang)
        )
        for s in steps
    )


def computed_note(basis: Any, lang: str, ask: str = "cpas") -> str:
    """What a computed amount is made of, and who confirms it, in ``lang``."""
    t = translator(lang)
    return t.gettext(
        COMPUTED_NOTE.get(ask, COMPUTED_NOTE["cpas"]),
        date=format_date(basis.applies_from, lang),
        steps=steps_text(basis.steps, lang),
    )


def approximate(text: str) -> str:
    """A computed amount is shown as approximate: ``≈ 1 340,48 €``."""
    return f"≈ {text}"


def staleness_note(staleness: Any, lang: str) -> str | None:
    """Why a value may have changed since (``None`` when nothing says so)."""
    if staleness is None:
        return None
    return translator(lang).gettext(
        MAY_HAVE_CHANGED[staleness.reason], date=format_date(staleness.since, lang)
    )


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
    computed = bool(getattr(ref, "computed", False))
    basis = getattr(ref, "basis", None)
    text = format_value(value, ref.unit, ref.period, lang)
    return ResolvedAmount(
        key=key,
        label=label,
        status="ok",
        text=approximate(text) if computed else text,
        value=value,
        unit=ref.unit,
        period=ref.period,
        applies_from=applies_from,
        applies_from_text=t.gettext(SINCE, date=format_date(applies_from, lang)),
        reference=getattr(ref, "reference", None),
        source=getattr(ref, "source", None),
        note=getattr(ref, "note", None),
        computed=computed,
        computed_note=computed_note(basis, lang, ask) if computed and basis else None,
        staleness_note=staleness_note(getattr(ref, "staleness", None), lang),
    )
