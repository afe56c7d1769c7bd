"""Every sheet is valid, complete in French and Dutch, honest about its review, and types
no amount; the validator itself catches what it must."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from aidguide.content import AID_IDS, load_sheets
from aidguide.content.schema import find_typed_amounts, iter_strings, sheet_problems

from .conftest import REPO

LANGS = ("fr", "nl")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads((REPO / "content" / "schema.json").read_text(encoding="utf-8"))


def test_one_sheet_per_aid_id(raw_sheets: dict[str, dict[str, Any]]) -> None:
    assert sorted(raw_sheets) == sorted(AID_IDS)
    for aid_id, sheet in raw_sheets.items():
        assert sheet["id"] == aid_id


def test_every_sheet_matches_the_schema(
    raw_sheets: dict[str, dict[str, Any]], schema: dict[str, Any]
) -> None:
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    for aid_id, sheet in raw_sheets.items():
        errors = [e.message for e in validator.iter_errors(sheet)]
        assert errors == [], aid_id


def test_the_package_loads_all_sheets_in_order() -> None:
    assert list(load_sheets()) == list(AID_IDS)


def _language_nodes(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every mapping that holds a French text or list (a translatable node)."""
    found = []
    if isinstance(node, dict):
        if "fr" in node:
            found.append((path, node))
        for key, value in node.items():
            found.extend(_language_nodes(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_language_nodes(value, f"{path}[{index}]"))
    return found


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_french_and_dutch_are_complete(raw_sheets: dict[str, dict[str, Any]], aid_id: str) -> None:
    nodes = _language_nodes(raw_sheets[aid_id])
    assert len(nodes) > 10
    for path, node in nodes:
        for lang in LANGS:
            value = node.get(lang)
            assert value, f"{aid_id}{path}: no {lang}"
            items = value if isinstance(value, list) else [value]
            assert all(isinstance(i, str) and i.strip() for i in items), f"{aid_id}{path}.{lang}"
    documents = raw_sheets[aid_id]["documents"]
    assert len(documents["fr"]) == len(documents["nl"])


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_no_typed_amounts_anywhere(raw_sheets: dict[str, dict[str, Any]], aid_id: str) -> None:
    typed = [(p, find_typed_amounts(t)) for p, t in iter_strings(raw_sheets[aid_id])]
    assert [(p, a) for p, a in typed if a] == []


@pytest.mark.parametrize(
    "text",
    [
        "Le plafond est de 24.814,75 € par an.",
        "maximum 300 €",
        "at most 300€",
        "€ 1.314,20 per maand",
        "€1314",
        "10 euros par mois",
        "1 euro",
        "250 EUR",
        "un budget de 4,5 M€",
        "6.200.000 EUR",
        "2 millions d'euros",
        "5 miljoen euro",
    ],
)
def test_typed_amounts_are_found(text: str) -> None:
    assert find_typed_amounts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vous avez 3 mois après la décision.",
        "dans les 60 jours après la livraison",
        "Depuis le 1er mars 2026, le CPAS regarde aussi.",
        "Un citoyen européen y a droit.",
        "In Europa en in België.",
        "article 60 §7",
    ],
)
def test_ordinary_numbers_are_not_amounts(text: str) -> None:
    assert find_typed_amounts(text) == []


def test_a_sheet_with_a_typed_amount_is_rejected(raw_sheets: dict[str, dict[str, Any]]) -> None:
    sheet = copy.deepcopy(raw_sheets["heating_allowance"])
    sheet["amounts_note"]["nl"] += " U krijgt hoogstens € 300."
    assert any("typed amount" in p for p in sheet_problems(sheet, "heating_allowance"))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s["summary"].pop("nl"), "'nl' is a required property"),
        (lambda s: s["who"].__setitem__("fr", "   "), "does not match"),
        (lambda s: s["links"].append({"url": "http://x.be", "lang": "fr", "title": "x"}), ""),
        (lambda s: s.__setitem__("review", {"status": "reviewed"}), "Additional properties"),
        (lambda s: s["amounts"].append({"key": "RIS amount", "label": s["summary"]}), ""),
        (lambda s: s["documents"]["nl"].pop(), "differ in length"),
        (lambda s: s.__setitem__("id", "leefloon"), "does not match the file name"),
        (lambda s: s.__setitem__("groups", ["pets"]), ""),
    ],
)
def test_the_validator_rejects_broken_sheets(
    raw_sheets: dict[str, dict[str, Any]], change: Any, expected: str
) -> None:
    sheet = copy.deepcopy(raw_sheets["ris"])
    assert sheet_problems(sheet, "ris") == []
    change(sheet)
    problems = sheet_problems(sheet, "ris")
    assert problems
    assert any(expected in p for p in problems)


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_a_sheet_cannot_declare_itself_reviewed(
    raw_sheets: dict[str, dict[str, Any]], aid_id: str
) -> None:
    """The review status comes from content/reviews/ records only (tests/content/test_reviews.py)."""
    assert "review" not in raw_sheets[aid_id]


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_links_and_sources(raw_sheets: dict[str, dict[str, Any]], aid_id: str) -> None:
    sheet = raw_sheets[aid_id]
    for link in sheet["links"]:
        assert link["url"].startswith("https://") and " " not in link["url"]
    assert sheet["sources"], "every sheet names its sources"
    for source in sheet["sources"]:
        if "url" in source:
            assert source["url"].startswith("https://")
        assert source["facts_section"].startswith("§")
    assert date.fromisoformat(sheet["last_verified"]) <= date.today()


def test_non_cpas_aids_send_people_to_the_right_body(
    raw_sheets: dict[str, dict[str, Any]],
) -> None:
    assert raw_sheets["grapa"]["apply_at"]["body"] == "federal_pension_service"
    assert raw_sheets["bim"]["apply_at"]["body"] == "health_insurance_fund"
    assert "Service fédéral des Pensions" in raw_sheets["grapa"]["summary"]["fr"]
    assert "mutualité" in raw_sheets["bim"]["how_to_apply"]["fr"]
