"""Check the citizen-facing content. Exits non-zero on any failure.

- the aid sheets: schema, FR/NL completeness, no typed amounts, plain language,
  amount references (one line per sheet, with its review status per language);
- the register of unknown and computed facts (``content/unknowns.yml``), listed with its age;
- every citizen-facing text (sheets and catalogs): no passed date announced as future;
- the review records (``content/reviews/``): per group of texts, how many are reviewed, when
  each reviewed text was last read, and the open remarks (``--texts`` lists every text).

Usage: ``.venv/bin/python scripts/content_check.py [--date YYYY-MM-DD] [--texts]``
(``make content-check``). Reading ease: Kandel & Moles (fr) and Flesch-Douma (nl), at least
60 for every answer text; no sentence over 25 words.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from aidguide.content.amounts import RulesUnavailable, rules_available  # noqa: E402
from aidguide.content.citizen_texts import all_citizen_texts, sheet_texts  # noqa: E402
from aidguide.content.freshness import stale_claims  # noqa: E402
from aidguide.content.paths import aids_dir  # noqa: E402
from aidguide.content.quality import all_readability, unresolved_amounts  # noqa: E402
from aidguide.content.readability import (  # noqa: E402
    FORMULA,
    MAX_SENTENCE_WORDS,
    MIN_READING_EASE,
)
from aidguide.content.reviews import (  # noqa: E402
    ReviewError,
    ReviewRecord,
    TextReview,
    group_review,
    load_records,
    review_of,
)
from aidguide.content.schema import REQUIRED_LANGUAGES  # noqa: E402
from aidguide.content.sheets import AID_IDS, Sheet, SheetError, read_sheet  # noqa: E402
from aidguide.content.unknowns import UnknownsError, load_unknowns  # noqa: E402


def sheet_review_status(sheet: Sheet, records: tuple[ReviewRecord, ...]) -> str:
    """``fr:pending nl:reviewed`` for the sheet table."""
    states = []
    for lang in REQUIRED_LANGUAGES:
        texts = {t.id: review_of(t, records) for t in sheet_texts(sheet, lang)}
        states.append(f"{lang}:{group_review(texts).status}")
    return " ".join(states)


def check_unknowns(on: date) -> list[str]:
    """Print the register; return its problems."""
    try:
        entries = load_unknowns()
    except UnknownsError as exc:
        return [str(exc)]
    print(f"\nUnknown or computed facts ({len(entries)}; content/unknowns.yml):")
    for entry in entries:
        print(
            f"  {entry.kind:<11} since {entry.since} ({entry.age_in_days(on):>5} days)  "
            f"{entry.id}: {entry.fact}"
        )
        print(f"  {'':<11} says instead: {entry.product_says} Check: {entry.check_at}")
    return []


def check_freshness(on: date) -> list[str]:
    """Every citizen-facing text announcing a date over on ``on`` as future."""
    return [
        f"{text.id} ({lang}): passed date announced as future: {claim.describe()}"
        for (_, lang), text in all_citizen_texts().items()
        for claim in stale_claims(text.text, on)
    ]


def report_reviews(records: tuple[ReviewRecord, ...], every_text: bool) -> None:
    """Per group of texts: how many reviewed / changed / pending; each text read at least
    once with its last reading; every open remark."""
    texts = all_citizen_texts()
    states: dict[tuple[str, str], TextReview] = {
        key: review_of(text, records) for key, text in texts.items()
    }
    print(f"\nReviews by experts by experience ({len(records)} records in content/reviews/):")
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key, text in texts.items():
        groups.setdefault((text.group, text.lang), []).append(key)
    for (group, lang), keys in sorted(groups.items()):
        counts = {s: sum(states[k].status == s for k in keys) for s in ("reviewed", "changed")}
        pending = len(keys) - sum(counts.values())
        print(
            f"  {group:<30}{lang}  {len(keys):>4} texts  {counts['reviewed']:>4} reviewed  "
            f"{counts['changed']:>4} changed since  {pending:>4} never"
        )
    for (text_id, lang), state in sorted(states.items()):
        if state.status == "pending" and not every_text:
            continue
        last = state.last_reviewed.isoformat() if state.last_reviewed else "never"
        print(f"  {text_id} ({lang}): {state.status}, last reviewed {last}")
        for remark in state.open_remarks:
            proposed = f" Proposed: {remark.proposed}" if remark.proposed else ""
            print(f"    OPEN {remark.verdict} ({remark.group}): {remark.remark}{proposed}")


def main(argv: list[str]) -> int:
    on = date.fromisoformat(argv[argv.index("--date") + 1]) if "--date" in argv else date.today()
    failures: list[str] = []
    warnings: list[str] = []
    with_rules = rules_available()
    try:
        records = load_records()
    except ReviewError as exc:
        failures.append(str(exc))
        records = ()
    formulas = ", ".join(f"{lang}: {name}" for lang, name in FORMULA.items())
    print(
        f"Reading ease ({formulas}): every text >= {MIN_READING_EASE:g}; "
        f"sentences <= {MAX_SENTENCE_WORDS} words. Amounts resolved for {on.isoformat()}."
    )
    print(f"{'sheet':<22}{'fr min/all':>12}{'nl min/all':>12}  {'review':<24} links  amounts")
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
        review = sheet_review_status(sheet, records)
        print(
            f"{aid_id:<22}{columns[0]:>12}{columns[1]:>12}  {review:<24} "
            f"{len(sheet.data['links']):>5}  {amounts}"
        )
    failures.extend(check_unknowns(on))
    failures.extend(check_freshness(on))
    report_reviews(records, every_text="--texts" in argv)
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
