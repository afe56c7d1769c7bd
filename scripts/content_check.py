"""Check the aid sheets: schema, FR/NL completeness, no typed amounts, plain language,
glossary, amount references. Prints one line per sheet; exits non-zero on any failure.

Usage: ``.venv/bin/python scripts/content_check.py [--date YYYY-MM-DD]`` (``make content-check``).
Reading ease: Kandel & Moles (fr) and Flesch-Douma (nl), at least 60 for every answer text;
no sentence over 25 words.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from aidguide.content.amounts import RulesUnavailable, rules_available  # noqa: E402
from aidguide.content.glossary import load_glossary  # noqa: E402
from aidguide.content.paths import aids_dir  # noqa: E402
from aidguide.content.quality import all_readability, unresolved_amounts  # noqa: E402
from aidguide.content.readability import (  # noqa: E402
    FORMULA,
    MAX_SENTENCE_WORDS,
    MIN_READING_EASE,
    check_text,
)
from aidguide.content.schema import REQUIRED_LANGUAGES, find_typed_amounts  # noqa: E402
from aidguide.content.sheets import AID_IDS, SheetError, read_sheet  # noqa: E402


def check_glossary() -> list[str]:
    problems = []
    for term in load_glossary().values():
        for lang in REQUIRED_LANGUAGES:
            if not term.forms.get(lang) or not term.short.get(lang):
                problems.append(f"glossary {term.id}: no {lang} form or explanation")
                continue
            short = term.short[lang]
            if find_typed_amounts(short):
                problems.append(f"glossary {term.id}/{lang}: typed amount")
            report = check_text(short, lang)
            if report.long_sentences:
                problems.append(f"glossary {term.id}/{lang}: explanation too long")
    return problems


def main(argv: list[str]) -> int:
    on = date.fromisoformat(argv[argv.index("--date") + 1]) if "--date" in argv else date.today()
    failures: list[str] = []
    warnings: list[str] = []
    with_rules = rules_available()
    formulas = ", ".join(f"{lang}: {name}" for lang, name in FORMULA.items())
    print(
        f"Reading ease ({formulas}): every text >= {MIN_READING_EASE:g}; "
        f"sentences <= {MAX_SENTENCE_WORDS} words. Amounts resolved for {on.isoformat()}."
    )
    print(f"{'sheet':<22}{'fr min/all':>12}{'nl min/all':>12}  review   links  amounts")
    for aid_id in AID_IDS:
        path = aids_dir() / f"{aid_id}.yml"
        if not path.exists():
            failures.append(f"{aid_id}: no sheet {path}")
            continue
        try:
            sheet = read_sheet(path)
        except SheetError as exc:
            failures.append(str(exc))
            print(f"{aid_id:<22}INVALID")
            continue
        columns = []
        for result in all_readability(sheet):
            columns.append(f"{result.lowest:5.1f}/{result.overall:5.1f}")
            for field, report in result.failures.items():
                if report.score < MIN_READING_EASE:
                    failures.append(
                        f"{aid_id}/{result.lang}/{field}: reading ease {report.score} "
                        f"< {MIN_READING_EASE:g}"
                    )
                for sentence in report.long_sentences:
                    failures.append(f"{aid_id}/{result.lang}/{field}: long sentence: {sentence}")
        amounts = f"{len(sheet.amounts)} refs"
        if with_rules and sheet.amounts:
            try:
                problems = unresolved_amounts(sheet, on)
            except RulesUnavailable:
                problems = ["rules engine unavailable"]
            failures.extend(f"{aid_id}: amount {p}" for p in problems)
            amounts += " ok" if not problems else f" {len(problems)} unresolved"
        if not sheet.data["links"]:
            warnings.append(f"{aid_id}: no official link in the research notes")
        review = sheet.review["status"]
        print(
            f"{aid_id:<22}{columns[0]:>12}{columns[1]:>12}  {review:<8} "
            f"{len(sheet.data['links']):>5}  {amounts}"
        )
    failures.extend(check_glossary())
    if not with_rules:
        warnings.append(
            "rules engine (aidguide.rules.reference_amount) not found: amount references "
            "were not resolved"
        )
    for line in warnings:
        print(f"warning: {line}")
    for line in failures:
        print(f"FAIL: {line}")
    print(f"{len(AID_IDS)} sheets, {len(failures)} failures, {len(warnings)} warnings")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
