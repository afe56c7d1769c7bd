"""Every parameter of the rules engine at a date, and the history of one, for CPAS workers.

The values, their dates, whether they are published or computed (indexation), their source and
legal basis are all the rules engine's (:mod:`aidguide.rules`: ``reference_amount``,
``scale_reference`` and the parameters' metadata); this module only lists them and words them
in French or Dutch. A value the sources do not give (``null``) is listed as unknown from its
date, never replaced by an older one. Labels are the parameters' ``metadata.label``,
translated through the ``pro`` catalog (extracted by
:func:`aidguide.i18n.extract.extract_parameter_labels`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from babel.numbers import format_currency
from openfisca_core.parameters import Parameter, ParameterScale

from aidguide.content.amounts import (
    approximate,
    computed_note,
    format_value,
    staleness_note,
)
from aidguide.i18n import N_, babel_locale, format_number, translator
from aidguide.rules import (
    ReferenceAmount,
    reference_amount,
    reference_keys,
    scale_reference,
    tax_benefit_system,
)
from aidguide.rules.freshness import iter_reviewable

Status = Literal["published", "computed", "unknown"]

#: Parameters grouped by the first part of their name, in the order a worker reads them.
GROUPS = {
    "ris": N_("Integration income (RIS) and exemptions"),
    "installation_premium": N_("Installation premium"),
    "heating_allowance": N_("Heating allowance"),
    "bim": N_("Increased reimbursement (BIM)"),
    "grapa": N_("Income guarantee for older people (GRAPA)"),
    "indexation": N_("Indexation"),
}
#: Keys the engine computes from other parameters (their label is not in any YAML file).
COMPUTED_LABELS = {
    "installation_premium.amount": N_("Installation premium (1/12 of the yearly RIS, category 3)")
}
UNKNOWN_VALUE = N_("unknown: the sources give no value for this date")
NO_VALUE_YET = N_("no value known on this date")
FACTOR = N_("factor {factor} (+{percent} %)")
BAND = N_("from {price} per litre: {rate} per litre")


class UnknownParameter(KeyError):
    """The name is no parameter of the rules engine."""


@dataclass(frozen=True)
class Bracket:
    """One band of a scale: from ``threshold`` on, ``amount`` (heating price bands)."""

    threshold: Decimal
    amount: Decimal
    text: str


@dataclass(frozen=True)
class DatedValue:
    """A parameter's value in force on a date (or one entry of its history), in words."""

    name: str
    label: str
    group: str
    kind: Literal["value", "scale"]
    status: Status
    value: Decimal | None
    unit: str | None
    period: str | None
    since: date | None
    text: str
    source: str
    legal_basis: tuple[str, ...]
    note: str | None = None
    computed_note: str | None = None
    staleness_note: str | None = None
    brackets: tuple[Bracket, ...] = ()


@cache
def _tree() -> dict[str, Any]:
    """Every parameter and scale of the engine by name (read-only once loaded)."""
    return {p.name: p for p in iter_reviewable(tax_benefit_system().parameters)}


@cache
def _all_dates() -> tuple[date, ...]:
    """Every date on which some value of the engine starts, oldest first."""
    found: set[str] = set()
    for node in _tree().values():
        if isinstance(node, ParameterScale):
            found |= {i.instant_str for b in node.brackets for i in b.amount.values_list}
        else:
            found |= {item.instant_str for item in node.values_list}
    return tuple(date.fromisoformat(d) for d in sorted(found))


def parameter_names() -> list[str]:
    """Every name the catalogue knows: parameters, computed keys and scales, grouped."""
    scales = [n for n, node in _tree().items() if isinstance(node, ParameterScale)]
    names = set(reference_keys()) | set(scales)
    order = list(GROUPS)
    return sorted(names, key=lambda n: (order.index(_group(n)) if _group(n) in order else 99, n))


def _group(name: str) -> str:
    return name.split(".", 1)[0]


def _legal_basis(meta: dict[str, Any]) -> tuple[str, ...]:
    reference = meta.get("reference") or ()
    return tuple([reference] if isinstance(reference, str) else reference)


def _label(name: str, lang: str) -> str:
    t = translator(lang)
    if name in COMPUTED_LABELS:
        return t.gettext(COMPUTED_LABELS[name])
    meta = getattr(_tree().get(name), "metadata", None) or {}
    english = meta.get("label")  # a msgid of the pro catalog (extract_parameter_labels)
    return t.gettext(english) if english else name


def _meta(name: str) -> dict[str, Any]:
    node = _tree().get(name)
    return dict(node.metadata or {}) if node is not None else {}


def _value_text(ref: ReferenceAmount, lang: str) -> str:
    if ref.unit == "/1":
        t = translator(lang)
        percent = ((ref.value - 1) * 100).normalize()
        return t.gettext(
            FACTOR,
            factor=format_number(ref.value, lang),
            percent=format_number(percent, lang),
        )
    text = format_value(ref.value, ref.unit, ref.period, lang)
    return approximate(text) if ref.computed else text


def _source(name: str, ref: ReferenceAmount) -> str:
    """A computed value's source is the published value's and the indexation steps' ones."""
    if not ref.computed or ref.basis is None:
        return ref.source
    published = reference_amount(name, ref.basis.applies_from)
    steps = [step.source for step in ref.basis.steps if step.source]
    found = [published.source if published else "", *steps]
    return "; ".join(source for source in dict.fromkeys(found) if source)


def _from_reference(name: str, ref: ReferenceAmount, lang: str) -> DatedValue:
    described = _described(name, lang)
    if not described["legal_basis"]:  # a computed key: the law its reference names
        described["legal_basis"] = tuple(r for r in ref.reference.split("; ") if r)
    described["note"] = ref.note
    return DatedValue(
        **described,
        kind="value",
        status="computed" if ref.computed else "published",
        value=ref.value,
        unit=ref.unit,
        period=ref.period,
        since=ref.applies_from,
        text=_value_text(ref, lang),
        source=_source(name, ref),
        computed_note=computed_note(ref.basis, lang) if ref.computed and ref.basis else None,
        staleness_note=staleness_note(ref.staleness, lang),
    )


def _described(name: str, lang: str) -> dict[str, Any]:
    """What every entry of ``name`` says whatever its value: label, group, law, notes."""
    meta = _meta(name)
    notes = [n for n in (meta.get("note"), meta.get("conflict")) if n]
    return {
        "name": name,
        "label": _label(name, lang),
        "group": _group(name),
        "legal_basis": _legal_basis(meta),
        "note": " ".join(notes) or None,
    }


def _unknown(name: str, since: date | None, source: str, lang: str) -> DatedValue:
    text = translator(lang).gettext(UNKNOWN_VALUE if since else NO_VALUE_YET)
    return DatedValue(
        **_described(name, lang),
        kind="value",
        status="unknown",
        value=None,
        unit=None,
        period=_meta(name).get("period"),
        since=since,
        text=text,
        source=source,
    )


def _exact_money(value: Decimal, lang: str) -> str:
    """Money with every decimal the source gives (a price band starts at 1,145 €)."""
    return format_currency(value, "EUR", locale=babel_locale(lang), decimal_quantization=False)


def _in_force(parameter: Parameter, on: date) -> Any:
    for item in parameter.values_list:  # newest first
        if item.instant_str <= on.isoformat():
            return item
    return None


def _scale_at(name: str, scale: ParameterScale, on: date, lang: str) -> DatedValue:
    starts = [
        i.instant_str
        for b in scale.brackets
        for i in b.amount.values_list
        if i.instant_str <= on.isoformat()
    ]
    if not starts:
        return _unknown(name, None, "", lang)
    since = date.fromisoformat(max(starts))
    at = scale.get_at_instant(on.isoformat())
    brackets = tuple(
        Bracket(
            threshold=Decimal(str(threshold)),
            amount=Decimal(str(amount)),
            text=translator(lang).gettext(
                BAND,
                price=_exact_money(Decimal(str(threshold)), lang),
                rate=_exact_money(Decimal(str(amount)), lang),
            ),
        )
        for threshold, amount in zip(at.thresholds, at.amounts, strict=True)
    )
    scale_ref = scale_reference(name, on)
    return DatedValue(
        **_described(name, lang),
        kind="scale",
        status="published",
        value=None,
        unit=_meta(name).get("amount_unit"),
        period=None,
        since=since,
        text="; ".join(b.text for b in brackets),
        source=scale_ref.source if scale_ref else "",
        staleness_note=staleness_note(scale_ref.staleness if scale_ref else None, lang),
        brackets=brackets,
    )


def value_at(name: str, on: date, lang: str) -> DatedValue:
    """The value of ``name`` in force on ``on``, in ``lang``. Raises :class:`UnknownParameter`."""
    node = _tree().get(name)
    if isinstance(node, ParameterScale):
        return _scale_at(name, node, on, lang)
    if node is None and name not in reference_keys():
        raise UnknownParameter(name)
    ref = reference_amount(name, on)
    if ref is not None:
        return _from_reference(name, ref, lang)
    if isinstance(node, Parameter):
        item = _in_force(node, on)
        if item is not None:
            source = str((item.metadata or {}).get("source", ""))
            return _unknown(name, date.fromisoformat(item.instant_str), source, lang)
    return _unknown(name, _unknown_since(name, on), "", lang)


def _unknown_since(name: str, on: date) -> date | None:
    """For a computed key with no value: the latest date on or before ``on`` where it has none."""
    earlier = [d for d in _all_dates() if d <= on]
    if not earlier:
        return None
    first_value = next((d for d in earlier if reference_amount(name, d) is not None), None)
    return earlier[-1] if first_value is not None else None


def values_at(on: date, lang: str) -> list[DatedValue]:
    """Every parameter of the engine on ``on``, grouped (RIS, premium, heating, BIM, GRAPA)."""
    return [value_at(name, on, lang) for name in parameter_names()]


def history(name: str, lang: str) -> list[DatedValue]:
    """Every dated value of ``name``, oldest first (published, computed and unknown ones).
    Raises :class:`UnknownParameter`."""
    node = _tree().get(name)
    if node is None and name not in reference_keys():
        raise UnknownParameter(name)
    if isinstance(node, Parameter):
        starts = [date.fromisoformat(item.instant_str) for item in reversed(node.values_list)]
    else:
        starts = list(_all_dates())
    entries: list[DatedValue] = []
    for start in starts:
        entry = value_at(name, start, lang)
        if entry.since is None:
            continue
        previous = entries[-1] if entries else None
        if previous and (
            previous.since == entry.since or previous.status == entry.status == "unknown"
        ):
            continue  # the same value seen again, or a gap that goes on
        entries.append(entry)
    return entries


def label(name: str, lang: str) -> str:
    """The parameter's label in ``lang``. Raises :class:`UnknownParameter`."""
    if name not in _tree() and name not in reference_keys():
        raise UnknownParameter(name)
    return _label(name, lang)


def group_label(group: str, lang: str) -> str:
    return translator(lang).gettext(GROUPS.get(group, group))
