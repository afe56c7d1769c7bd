"""Fixtures of the worker-facing tests: the app with Rasa unreachable (``client``, shared with
the chat tests), and the figures of the facts file."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from tests.test_chat_without_rasa import client  # noqa: F401 - the app, Rasa unreachable

FACTS = Path(__file__).resolve().parents[2].parent / "shared" / "facts" / "belgian_aids.md"


def belgian_number(text: str) -> Decimal:
    """``1.263,17`` -> 1263.17 (the facts file writes numbers the Belgian way)."""
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.fixture(scope="session")
def facts() -> str:
    if not FACTS.exists():
        pytest.skip(f"facts file not found at {FACTS}")
    return FACTS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ris_july_2023(facts: str) -> dict[str, Decimal]:
    """The RIS amounts from 1/7/2023 as the facts file states them (corrections, §2)."""
    found = re.search(
        r"from \*\*1/7/2023: ([\d.,]+) / ([\d.,]+) / ([\d.,]+) per month,\s+"
        r"([\d.,]+) / ([\d.,]+) / ([\d.,]+)\s+per year\*\*",
        facts,
    )
    assert found, "the facts file no longer states the RIS amounts of 1/7/2023"
    values = [belgian_number(v) for v in found.groups()]
    names = [f"ris.amount.cat{c}.{p}" for p in ("monthly", "yearly") for c in (1, 2, 3)]
    return dict(zip(names, values, strict=True))


@pytest.fixture(scope="session")
def heating_ceiling_july_2023(facts: str) -> tuple[Decimal, Decimal]:
    """The heating income ceiling for requests from 1/7/2023 (corrections, §7)."""
    found = re.search(
        r"requests from 1/7/2023:\s+([\d.,]+) €\s+\+\s+([\d.,]+) €\s+per dependant", facts
    )
    assert found, "the facts file no longer states the heating ceiling of 1/7/2023"
    return belgian_number(found[1]), belgian_number(found[2])
