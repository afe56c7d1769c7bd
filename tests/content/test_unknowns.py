"""The register of unknown and computed facts is valid and names real sheets."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from aidguide.content.unknowns import load_unknowns, register_problems

REGISTER = Path(__file__).resolve().parents[2] / "content" / "unknowns.yml"


def _raw() -> dict:
    return yaml.safe_load(REGISTER.read_text(encoding="utf-8"))


def test_the_register_loads_oldest_first() -> None:
    entries = load_unknowns()
    assert entries and [e.since for e in entries] == sorted(e.since for e in entries)
    assert {e.kind for e in entries} <= {"unknown", "computed", "conflicting", "last_known"}


def test_the_march_2026_amounts_are_registered_as_computed() -> None:
    by_id = {e.id: e for e in load_unknowns()}
    assert by_id["indexed_amounts_2026_03"].kind == "computed"
    assert "ris.amount.cat2.monthly" in by_id["indexed_amounts_2026_03"].parameters
    assert by_id["indexation_2026_10"].kind == "unknown"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["unknowns"][0].pop("check_at"), "'check_at' is a required property"),
        (lambda d: d["unknowns"][0].__setitem__("kind", "guess"), "is not one of"),
        (lambda d: d["unknowns"][0].__setitem__("sheets", ["lottery"]), "unknown sheet"),
        (lambda d: d["unknowns"][0].__setitem__("since", "2026-02-30"), "not a day"),
        (lambda d: d["unknowns"].append(copy.deepcopy(d["unknowns"][0])), "id used twice"),
        (lambda d: d["unknowns"][0].__setitem__("facts", "somewhere"), "does not match"),
    ],
)
def test_broken_entries_are_rejected(change, expected: str) -> None:  # type: ignore[no-untyped-def]
    data = _raw()
    assert register_problems(data) == []
    change(data)
    assert any(expected in p for p in register_problems(data))
