"""Helpers shared by the formulas: dated parameters that may be missing, three-valued logic."""

from __future__ import annotations

from typing import Any

import numpy as np
from openfisca_core.errors import ParameterNotFoundError

from aidguide.rules.enums import Condition, Eligibility

NAN = float("nan")


def param(parameters_at_instant: Any, path: str) -> Any:
    """The value of ``path`` in force, or None when the sources give no value at that date
    (before the first dated value, or after a ``null`` that marks a value we could not find)."""
    node = parameters_at_instant
    try:
        for part in path.split("."):
            node = getattr(node, part)
    except ParameterNotFoundError:
        return None
    return node


def number(value: Any) -> float:
    """A parameter value as a float; NaN when it is unknown, so that it propagates."""
    return NAN if value is None else float(value)


def condition(known: np.ndarray, met: np.ndarray) -> np.ndarray:
    """unknown where not ``known``, else met / not_met."""
    return np.select([~known, met], [Condition.unknown, Condition.met], Condition.not_met)


def from_answer(answer: Any, yes: Any = Condition.met, no: Any = Condition.not_met) -> np.ndarray:
    """Map a yes/no/unknown answer to condition values."""
    from aidguide.rules.enums import Answer

    return np.select([answer == Answer.yes, answer == Answer.no], [yes, no], Condition.unknown)


def combine(*conditions: Any) -> np.ndarray:
    """The deciding conditions together: any not met -> not eligible; any unknown -> unknown."""
    any_not_met = np.zeros(len(conditions[0]), dtype=bool)
    any_unknown = np.zeros(len(conditions[0]), dtype=bool)
    for item in conditions:
        any_not_met |= item == Condition.not_met
        any_unknown |= item == Condition.unknown
    return np.select(
        [any_not_met, any_unknown],
        [Eligibility.not_eligible, Eligibility.unknown],
        Eligibility.eligible,
    )
