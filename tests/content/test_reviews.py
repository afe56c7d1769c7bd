"""Review records: validated, and the review status of a sheet derived from them, against
the current wording (a changed text is pending again)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from aidguide.config import get_settings
from aidguide.content import get_sheet, render_sheet
from aidguide.content.citizen_texts import sheet_texts
from aidguide.content.reviews import (
    ReviewError,
    group_review,
    load_records,
    read_record,
    record_problems,
    review_of,
)

EXAMPLE = Path(__file__).parent / "fixtures" / "reviews" / "2026-01-15-example-group.yml"


def _example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def test_the_documented_example_is_valid() -> None:
    record = read_record(EXAMPLE)
    assert record.group == "example-group" and record.lang == "fr"
    assert {v.verdict for v in record.verdicts} == {"clear", "unclear", "wrong"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r.pop("group"), "'group' is a required property"),
        (lambda r: r.__setitem__("group", "Marie Dupont"), "does not match"),
        (lambda r: r["texts"]["sheet.ris.who"].pop("remark"), "'remark' is a required property"),
        (lambda r: r["texts"]["sheet.ris.who"].__setitem__("verdict", "ok"), "is not one of"),
        (lambda r: r["texts"]["sheet.ris.summary"].__setitem__("wording", "abc"), "match"),
        (lambda r: r.__setitem__("lang", "de"), "is not one of"),
        (lambda r: r.__setitem__("date", "2026-01-16"), "expected '2026-01-16-example-group.yml'"),
        (lambda r: r.__setitem__("date", "2999-01-01"), "in the future"),
    ],
)
def test_broken_records_are_rejected(change, expected: str) -> None:  # type: ignore[no-untyped-def]
    record = _example()
    assert record_problems(record, EXAMPLE.name) == []
    change(record)
    problems = record_problems(record, EXAMPLE.name)
    assert any(expected in p for p in problems), problems


def _write_record(folder: Path, lang: str, texts: dict[str, dict[str, str]]) -> None:
    record = {"group": "test-group", "date": "2026-11-30", "lang": lang, "texts": texts}
    (folder / "2026-11-30-test-group.yml").write_text(yaml.safe_dump(record), encoding="utf-8")


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of content/ the test may write review records into."""
    source = Path(__file__).resolve().parents[2] / "content"
    target = tmp_path / "content"
    shutil.copytree(source, target)
    monkeypatch.setattr(get_settings(), "content_dir", target)  # a new cache key: fresh records
    yield target


def test_a_record_of_the_current_wording_makes_the_sheet_reviewed(
    content_copy: Path, no_rules: None
) -> None:
    sheet = get_sheet("miriam")
    texts = list(sheet_texts(sheet, "nl"))
    entries = {t.id: {"wording": t.wording_hash, "verdict": "clear"} for t in texts}
    entries[texts[1].id] = {
        "wording": texts[1].wording_hash,
        "verdict": "unclear",
        "remark": "Wat is een case manager?",
    }
    _write_record(content_copy / "reviews", "nl", entries)
    nl = render_sheet("miriam", "nl", date(2026, 12, 1))["review"]
    assert nl["status"] == "reviewed" and nl["reviewed_on"] == "2026-11-30"
    assert nl["notes"] == "Wat is een case manager?"
    assert "30 november 2026" in nl["text"]
    # the record is Dutch: the French sheet is still pending
    assert render_sheet("miriam", "fr", date(2026, 12, 1))["review"]["status"] == "pending"


def test_a_record_missing_one_text_leaves_the_sheet_pending(
    content_copy: Path, no_rules: None
) -> None:
    texts = list(sheet_texts(get_sheet("miriam"), "fr"))
    entries = {t.id: {"wording": t.wording_hash, "verdict": "clear"} for t in texts[1:]}
    _write_record(content_copy / "reviews", "fr", entries)
    assert render_sheet("miriam", "fr", date(2026, 12, 1))["review"]["status"] == "pending"


def test_a_changed_wording_is_pending_again(content_copy: Path) -> None:
    texts = {t.id: t for t in sheet_texts(get_sheet("miriam"), "fr")}
    entries = {i: {"wording": t.wording_hash, "verdict": "clear"} for i, t in texts.items()}
    _write_record(content_copy / "reviews", "fr", entries)
    records = load_records()
    assert group_review({i: review_of(t, records) for i, t in texts.items()}).status == "reviewed"
    summary = texts["sheet.miriam.summary"]
    reworded = replace(summary, text=summary.text + " Demandez au CPAS.")
    state = review_of(reworded, records)
    assert state.status == "changed" and state.last_reviewed == date(2026, 11, 30)
    texts["sheet.miriam.summary"] = reworded
    overall = group_review({i: review_of(t, records) for i, t in texts.items()})
    assert overall.status == "changed" and overall.reviewed_on is None


def test_an_invalid_record_stops_loading(content_copy: Path) -> None:
    (content_copy / "reviews" / "2026-11-30-test-group.yml").write_text(
        "group: test-group\ndate: '2026-11-30'\nlang: fr\ntexts: {}\n", encoding="utf-8"
    )
    with pytest.raises(ReviewError):
        load_records()
