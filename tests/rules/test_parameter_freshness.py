"""Freshness of the rules-engine parameters: a review date that passed without a check fails.

The check itself is exercised on a small parameter tree (both sides of each rule), then run on
the real tree for today.
"""

from __future__ import annotations

from datetime import date

import pytest
from openfisca_core.parameters import ParameterNode

from aidguide.rules import tax_benefit_system
from aidguide.rules.freshness import CHECK_VALID_FOR, overdue
from aidguide.rules.indexation import INDEXATION_KEY, iter_parameters

TODAY = date(2026, 12, 1)


def _tree(latest: str, review_by: str | None, checked_on: str | None) -> ParameterNode:
    metadata: dict = {"unit": "currency-EUR"}
    if review_by:
        metadata["review_by"] = review_by
    if checked_on:
        metadata["still_valid_on"] = {"date": checked_on, "confirmed": False, "note": "checked"}
    return ParameterNode(
        "root",
        data={"amount": {"values": {"2024-01-01": 100, latest: 200}, "metadata": metadata}},
    )


@pytest.mark.parametrize(
    ("latest", "review_by", "checked_on", "is_overdue"),
    [
        ("2025-01-01", "2026-10-01", None, True),  # review date passed, no check
        ("2025-01-01", "2026-10-01", "2026-09-30", True),  # checked before the review date
        ("2025-01-01", "2026-10-01", "2026-11-30", False),  # checked after it
        ("2025-01-01", "2026-12-02", None, False),  # review date still ahead
        ("2026-10-01", "2026-10-01", None, False),  # a value from the review date on
        ("2025-01-01", None, None, False),  # no review date declared
    ],
)
def test_the_check_fails_only_for_a_passed_review_date_without_a_check(
    latest: str, review_by: str | None, checked_on: str | None, is_overdue: bool
) -> None:
    found = overdue(_tree(latest, review_by, checked_on), TODAY)
    assert bool(found) is is_overdue
    if found:
        assert "root.amount" in str(found[0])


def test_a_check_expires() -> None:
    tree = _tree("2025-01-01", "2026-01-01", "2026-01-02")
    assert overdue(tree, date(2026, 1, 2) + CHECK_VALID_FOR) == []
    assert len(overdue(tree, date(2026, 1, 3) + CHECK_VALID_FOR)) == 1


def test_no_parameter_is_overdue_today() -> None:
    problems = overdue(tax_benefit_system().parameters, date.today())
    assert problems == [], "\n".join(str(p) for p in problems)


def test_every_indexation_series_declares_when_to_check_it_again() -> None:
    """Indexed amounts are computed from the steps: the series says when the next one is due."""
    parameters = tax_benefit_system().parameters
    series = {(p.metadata or {}).get(INDEXATION_KEY) for p in iter_parameters(parameters)}
    series.discard(None)
    assert series == {"social_benefits"}
    for name in series:
        step = parameters.indexation.children[name].children["step"]
        assert step.metadata.get("review_by"), name
