"""The register of what the product does not know or computes itself (``content/unknowns.yml``).

Writing unknowns down in one place keeps them visible: ``make content-check`` lists them with
their age, and a worker knows where to check before relying on the product. The shape is
``content/unknowns.schema.json``; the aid ids named must exist.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from .paths import unknowns_path, unknowns_schema_path
from .sheets import AID_IDS


class UnknownsError(ValueError):
    """The register is unreadable or invalid; the message lists every problem."""


@dataclass(frozen=True)
class Unknown:
    id: str
    fact: str
    kind: str
    since: date
    product_says: str
    check_at: str
    facts: str
    sheets: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()

    def age_in_days(self, on: date) -> int:
        return (on - self.since).days


def register_problems(data: Any) -> list[str]:
    """Everything wrong with the register, as readable lines; empty when it is valid."""
    schema = json.loads(unknowns_schema_path().read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    problems = [
        f"{'.'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(data)
    ]
    if problems:
        return problems
    seen: set[str] = set()
    for entry in data["unknowns"]:
        if entry["id"] in seen:
            problems.append(f"{entry['id']}: id used twice")
        seen.add(entry["id"])
        for aid in entry.get("sheets", []):
            if aid not in AID_IDS:
                problems.append(f"{entry['id']}: unknown sheet {aid!r}")
        try:
            date.fromisoformat(entry["since"])
        except ValueError:
            problems.append(f"{entry['id']}: since {entry['since']!r} is not a day")
    return problems


def load_unknowns(path: Path | None = None) -> list[Unknown]:
    """The register, validated, oldest ``since`` first."""
    source = path or unknowns_path()
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UnknownsError(f"{source.name}: cannot read ({exc})") from exc
    problems = register_problems(data)
    if problems:
        raise UnknownsError(f"{source.name}:\n  " + "\n  ".join(problems))
    entries = [
        Unknown(
            id=entry["id"],
            fact=" ".join(entry["fact"].split()),
            kind=entry["kind"],
            since=date.fromisoformat(entry["since"]),
            product_says=" ".join(entry["product_says"].split()),
            check_at=entry["check_at"],
            facts=entry["facts"],
            sheets=tuple(entry.get("sheets", [])),
            parameters=tuple(entry.get("parameters", [])),
        )
        for entry in data["unknowns"]
    ]
    return sorted(entries, key=lambda u: u.since)
