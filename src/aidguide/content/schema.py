"""Validation of aid sheets: the JSON schema, plus the rules a schema cannot express.

The schema (``content/schema.json``) fixes the shape. The extra checks here guard what matters
to readers: French and Dutch say the same number of things, and no text carries a typed euro
amount (amounts must come from the rules engine, dated, or they silently go stale).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from .paths import schema_path

#: Languages every text must have; German and English may follow later.
REQUIRED_LANGUAGES: tuple[str, ...] = ("fr", "nl")

# A number followed by a currency (``300 €``, ``1.314,20 EUR``, ``4,5 M€``, ``10 euros``), or a
# euro sign followed by a number (``€ 1.314,20``, the nl_BE style), or ``2 millions d'euros``.
_NUMBER = r"\d[\d\s.,'\u00a0\u202f]*"
_SCALE = r"(?:\s*(?:k|m|mio|md|millions?|milliards?|miljoen|miljard)\.?)?"
TYPED_AMOUNT = re.compile(
    rf"{_NUMBER}{_SCALE}\s*(?:d['’]\s*|de\s+)?(?:€|\beur\b|\beuros?\b)|€\s*\d",
    re.IGNORECASE,
)


@cache
def _validator(path: str) -> Draft202012Validator:
    schema = json.loads(Path(path).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def load_validator() -> Draft202012Validator:
    """The schema validator of ``content/schema.json`` (checked itself, then cached)."""
    return _validator(str(schema_path()))


def iter_strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(path, text)`` for every string inside a sheet, however deeply nested."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_strings(item, f"{path}[{index}]")


def find_typed_amounts(text: str) -> list[str]:
    """The typed money amounts in ``text`` (there should be none in a sheet)."""
    return [match.group(0).strip() for match in TYPED_AMOUNT.finditer(text)]


def sheet_problems(data: Any, expected_id: str | None = None) -> list[str]:
    """Everything wrong with one sheet, as readable lines; empty when the sheet is valid."""
    problems = [
        f"{'.'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(load_validator().iter_errors(data), key=lambda e: list(e.path))
    ]
    if not isinstance(data, dict):
        return problems or ["the sheet is not a mapping"]
    if expected_id is not None and data.get("id") != expected_id:
        problems.append(f"id: {data.get('id')!r} does not match the file name {expected_id!r}")
    for field in ("documents", "keywords"):
        lists = data.get(field)
        if isinstance(lists, dict):
            sizes = {lang: len(lists.get(lang) or []) for lang in REQUIRED_LANGUAGES}
            if field == "documents" and len(set(sizes.values())) > 1:
                problems.append(f"{field}: French and Dutch lists differ in length {sizes}")
    for where, text in iter_strings(data):
        for amount in find_typed_amounts(text):
            problems.append(f"{where}: typed amount {amount!r}; reference a rules parameter")
    return problems
