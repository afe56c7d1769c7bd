"""Loading the aid sheets (``content/aids/<aid_id>.yml``), validated once and cached.

A sheet that fails validation stops the loading with :class:`SheetError`: it is better that
the service refuses to start than that it tells someone a wrong or half-translated thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .paths import aids_dir
from .schema import sheet_problems

#: The aid ids, in the order of the overview; other engineers use them for intents
#: (``ask_<aid_id>``) and slot values, so they never change.
AID_IDS: tuple[str, ...] = (
    "ris",
    "equivalent_aid",
    "urgent_medical_aid",
    "heating_allowance",
    "rent_guarantee",
    "installation_premium",
    "pocket_money",
    "food_aid",
    "employment",
    "housing_first",
    "miriam",
    "debt_mediation",
    "energy_bills",
    "participation_fund",
    "grapa",
    "bim",
)

#: The overview groups, in the order people see them.
GROUPS: tuple[str, ...] = (
    "money_to_live",
    "health",
    "housing",
    "energy",
    "food",
    "work",
    "debts",
    "children_leisure",
    "older_people",
)

#: Text fields of a sheet (one string per language).
TEXT_FIELDS: tuple[str, ...] = (
    "summary",
    "who",
    "how_to_apply",
    "decision_time",
    "appeal",
    "amounts_note",
)


class SheetError(ValueError):
    """A sheet is missing, unreadable or invalid; the message lists every problem."""


class UnknownAid(LookupError):
    """No sheet has this aid id."""

    def __init__(self, aid_id: str) -> None:
        super().__init__(aid_id)
        self.aid_id = aid_id


@dataclass(frozen=True)
class AmountRef:
    """An amount shown on a sheet: a rules-engine parameter key and its label per language."""

    key: str
    label: Mapping[str, str]


@dataclass(frozen=True)
class Sheet:
    """One validated aid sheet. ``data`` is the YAML as loaded; accessors pick a language."""

    id: str
    data: Mapping[str, Any]
    path: Path

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(self.data["groups"])

    @property
    def amounts(self) -> tuple[AmountRef, ...]:
        return tuple(AmountRef(a["key"], a["label"]) for a in self.data["amounts"])

    def title(self, lang: str) -> str:
        """The everyday name of the aid in ``lang``."""
        return self.data["names"]["short"][lang]

    def official_name(self, lang: str) -> str:
        return self.data["names"]["official"][lang]

    def text(self, field: str, lang: str) -> str:
        """One text field (``summary``, ``who``, ...) in ``lang``, whitespace normalised."""
        return " ".join(self.data[field][lang].split())

    def items(self, field: str, lang: str) -> list[str]:
        """One list field (``documents``, ``keywords``, ``names.other``) in ``lang``."""
        node: Any = self.data
        for part in field.split("."):
            node = node.get(part) or {}
        return [" ".join(item.split()) for item in node.get(lang, [])]


def read_sheet(path: Path) -> Sheet:
    """Read and validate one sheet file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SheetError(f"{path.name}: cannot read ({exc})") from exc
    problems = sheet_problems(data, expected_id=path.stem)
    if problems:
        raise SheetError(f"{path.name}:\n  " + "\n  ".join(problems))
    return Sheet(id=data["id"], data=data, path=path)


@cache
def _load(directory: str) -> dict[str, Sheet]:
    folder = Path(directory)
    found = {path.stem: path for path in folder.glob("*.yml")}
    missing = [aid for aid in AID_IDS if aid not in found]
    unknown = sorted(set(found) - set(AID_IDS))
    if missing or unknown:
        raise SheetError(f"{folder}: missing sheets {missing}, unknown sheets {unknown}")
    return {aid: read_sheet(found[aid]) for aid in AID_IDS}


def load_sheets() -> dict[str, Sheet]:
    """All sheets by aid id, in :data:`AID_IDS` order (validated; cached per folder)."""
    return _load(str(aids_dir()))


def get_sheet(aid_id: str) -> Sheet:
    """The sheet of ``aid_id``; :class:`UnknownAid` if there is none."""
    sheet = load_sheets().get(aid_id)
    if sheet is None:
        raise UnknownAid(aid_id)
    return sheet
