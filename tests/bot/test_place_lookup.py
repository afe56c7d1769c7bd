"""The place lookup table the intent model uses is generated from the directory, and current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_place_lookup.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_place_lookup", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lookup_file_matches_the_directory() -> None:
    assert _script().main(["--check"]) == 0


def test_names_in_every_language_the_directory_gives() -> None:
    data = yaml.safe_load(_script().TARGET.read_text(encoding="utf-8"))
    lookup = next(block for block in data["nlu"] if block.get("lookup") == "place")
    names = {line[2:] for line in lookup["examples"].splitlines() if line.startswith("- ")}
    assert {
        "Liège",
        "Luik",
        "Lüttich",
        "Anderlecht",
        "Sint-Gillis",
        "Saint-Gilles",
        "Kruibeke",
    } <= names
