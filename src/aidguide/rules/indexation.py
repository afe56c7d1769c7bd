"""Indexed amounts after their last publication: last published amount × the steps since.

Belgian social benefits are a base amount times an indexation coefficient that rises by 2 %
each time the pivot index is exceeded. The sources publish the amounts on some dates only, so
a parameter marked ``metadata.indexation: <series>`` gets, for every step of
``indexation.<series>.step`` dated after its last published value, a computed value: the
published amount times the steps so far. This runs once, when the tax-benefit system loads,
so that formulas, YAML tests and ``openfisca serve`` all see the same amounts.

A computed value carries ``metadata.computed: true`` and its :class:`Basis` (published value,
its date, the steps applied); it is not rounded (answers round it when they show it, so that
1/12 of a computed yearly amount is not rounded twice). A ``null`` published value stays
unknown: steps never revive a value the sources do not give.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from openfisca_core.parameters import Parameter, ParameterAtInstant, ParameterNode

INDEXATION_KEY = "indexation"


@dataclass(frozen=True)
class Step:
    """One indexation step: on ``on``, indexed amounts are multiplied by ``factor``."""

    on: date
    factor: Decimal
    source: str

    @property
    def percent(self) -> Decimal:
        """The rise in percent (``1.02`` -> ``2``)."""
        return ((self.factor - 1) * 100).normalize()


@dataclass(frozen=True)
class Basis:
    """What a computed amount is made of: the last published amount and the steps since."""

    value: Decimal
    applies_from: date
    steps: tuple[Step, ...]


def iter_parameters(node: ParameterNode) -> Iterator[Parameter]:
    """Every leaf parameter under ``node`` (scales excluded)."""
    for child in node.children.values():
        if isinstance(child, Parameter):
            yield child
        elif isinstance(child, ParameterNode):
            yield from iter_parameters(child)


def steps_of(root: ParameterNode, series: str) -> tuple[Step, ...]:
    """The confirmed steps of an indexation series, oldest first."""
    parameter = root.indexation.children[series].children["step"]
    return tuple(
        Step(
            on=date.fromisoformat(item.instant_str),
            factor=Decimal(str(item.value)),
            source=str((item.metadata or {}).get("source", "")),
        )
        for item in reversed(parameter.values_list)
        if item.value is not None
    )


def basis_of(item: ParameterAtInstant) -> Basis | None:
    """The basis of a computed value; None for a published one."""
    meta = item.metadata or {}
    if not meta.get("computed"):
        return None
    basis = meta["basis"]
    return Basis(
        value=Decimal(str(basis["value"])),
        applies_from=date.fromisoformat(basis["applies_from"]),
        steps=tuple(
            Step(date.fromisoformat(s["on"]), Decimal(str(s["factor"])), s["source"])
            for s in basis["steps"]
        ),
    )


def _computed(parameter: Parameter, published: ParameterAtInstant, steps: list[Step]) -> Any:
    factor = Decimal(1)
    for step in steps:
        factor *= step.factor
    published_value = Decimal(str(published.value))
    # Plain JSON types: ``openfisca serve`` shows this metadata as it is.
    basis = {
        "value": float(published_value),
        "applies_from": published.instant_str,
        "steps": [
            {"on": s.on.isoformat(), "factor": float(s.factor), "source": s.source} for s in steps
        ],
    }
    return ParameterAtInstant(
        parameter.name,
        steps[-1].on.isoformat(),
        data={
            "value": float(published_value * factor),
            "metadata": {
                "computed": True,
                "basis": basis,
                "source": "computed: "
                + f"{published_value} of {published.instant_str} x "
                + " x ".join(f"{s.factor} ({s.on.isoformat()})" for s in steps),
            },
        },
        metadata=parameter.metadata,
    )


def apply_indexation(root: ParameterNode) -> None:
    """Add the computed values of every indexed parameter under ``root`` (in place)."""
    series_steps: dict[str, tuple[Step, ...]] = {}
    for parameter in iter_parameters(root):
        series = (parameter.metadata or {}).get(INDEXATION_KEY)
        if not series:
            continue
        if series not in series_steps:
            series_steps[series] = steps_of(root, series)
        published = parameter.values_list[0]  # newest first
        if published.value is None:
            continue
        later = [s for s in series_steps[series] if s.on.isoformat() > published.instant_str]
        added = [_computed(parameter, published, later[: i + 1]) for i in range(len(later))]
        parameter.values_list = [*reversed(added), *parameter.values_list]
