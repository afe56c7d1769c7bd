"""Fixtures of the content tests: the sheets read straight from disk, and a stand-in rules
engine for rendering tests (the real one: test_amounts.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from aidguide.content import amounts

REPO = Path(__file__).resolve().parents[2]
AIDS_DIR = REPO / "content" / "aids"


@pytest.fixture(scope="session")
def raw_sheets() -> dict[str, dict[str, Any]]:
    """Every sheet as plain YAML, read without the package (an independent view)."""
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(AIDS_DIR.glob("*.yml"))
    }


@dataclass(frozen=True)
class FakeAmount:
    """Shaped like the rules engine's ``ReferenceAmount``."""

    value: Decimal
    unit: str
    period: str | None
    applies_from: date
    reference: str
    source: str
    note: str | None = None


#: Made-up values for the stand-in engine: tests check formatting and dates, not the law.
FAKE_VALUES: dict[str, tuple[str, str, str | None]] = {
    "ris.amount.cat2.monthly": ("1234.56", "EUR", "month"),
    "heating_allowance.max_litres": ("1500", "litre", None),
    "heating_allowance.income_ceiling.base": ("20000.5", "EUR", "year"),
    "grapa.age": ("66", "year", None),
}
FAKE_FROM = date(2024, 3, 1)


class FakeRules:
    """A stand-in ``reference_amount`` that records the dates it was asked for."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, date]] = []

    def __call__(self, key: str, on: date) -> FakeAmount:
        self.calls.append((key, on))
        if key not in FAKE_VALUES or on < FAKE_FROM:
            raise KeyError(key)
        value, unit, period = FAKE_VALUES[key]
        return FakeAmount(Decimal(value), unit, period, FAKE_FROM, "test reference", "test")


@pytest.fixture
def fake_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeRules]:
    rules = FakeRules()
    monkeypatch.setattr(amounts, "_reference_amount", lambda: rules)
    yield rules


@pytest.fixture
def no_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Callable[..., Any]:
        raise amounts.RulesUnavailable("no module named aidguide.rules")

    monkeypatch.setattr(amounts, "_reference_amount", missing)
