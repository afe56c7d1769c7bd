"""Which parameters are overdue for a check: so that a date in the past is never shown as future.

A parameter may declare ``metadata.review_by: <date>``, the date by which its latest value must
be checked again (the date of a forecast indexation, a yearly recalculation...). After that
date it needs ``metadata.still_valid_on: {date, confirmed, note}``: someone checked the sources
on ``date`` (on or after ``review_by``) and says whether the value was confirmed or is only the
last known one (answers then say it may have changed). A check is good for
:data:`CHECK_VALID_FOR`; after that the parameter is overdue again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale

#: How long a "still valid on" check is trusted before the sources must be read again.
CHECK_VALID_FOR = timedelta(days=183)


@dataclass(frozen=True)
class Overdue:
    """A parameter whose review date has passed without a recent enough check."""

    name: str
    latest: str
    review_by: date
    checked_on: date | None

    def __str__(self) -> str:
        checked = f"last checked {self.checked_on}" if self.checked_on else "never checked"
        return (
            f"{self.name}: latest value from {self.latest}, review due {self.review_by}, "
            f"{checked}; read the sources and update the value or metadata.still_valid_on"
        )


def metadata_date(value: Any) -> date | None:
    """A date from YAML metadata (read as a date or as an ISO string)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _latest(parameter: Any) -> str:
    if isinstance(parameter, ParameterScale):
        return max(i.instant_str for b in parameter.brackets for i in b.amount.values_list)
    return parameter.values_list[0].instant_str


def iter_reviewable(node: ParameterNode) -> list[Any]:
    """Every parameter and scale under ``node``."""
    found: list[Any] = []
    for child in node.children.values():
        if isinstance(child, Parameter | ParameterScale):
            found.append(child)
        elif isinstance(child, ParameterNode):
            found.extend(iter_reviewable(child))
    return found


def overdue(node: ParameterNode, today: date) -> list[Overdue]:
    """The parameters under ``node`` whose ``review_by`` has passed by ``today`` and whose
    latest value is older than it, without a check dated on or after it and still recent."""
    found = []
    for parameter in iter_reviewable(node):
        meta = parameter.metadata or {}
        review_by = metadata_date(meta.get("review_by"))
        if review_by is None or review_by > today:
            continue
        latest = _latest(parameter)
        if latest >= review_by.isoformat():
            continue  # a value dated on or after the review date: it was updated
        checked_on = metadata_date((meta.get("still_valid_on") or {}).get("date"))
        fresh = checked_on is not None and review_by <= checked_on <= today
        if not fresh or today - checked_on > CHECK_VALID_FOR:  # type: ignore[operator]
            found.append(Overdue(parameter.name, latest, review_by, checked_on))
    return found
