"""Reviews by experts by experience (experts du vécu / ervaringsdeskundigen), from records.

A review is a file ``content/reviews/<date>-<group>.yml`` (shape: ``content/review.schema.json``)
written after a reading session: the group (never a person), the day, the language, and per
text id the hash of the wording read, a verdict (clear / unclear / wrong), a remark and a
proposed wording. Nothing else says a text was reviewed: the status is derived here, and a
text whose wording changed since is pending again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from jsonschema import Draft202012Validator

from .citizen_texts import CitizenText
from .paths import review_schema_path, reviews_dir

Verdict = Literal["clear", "unclear", "wrong"]
#: ``reviewed``: a record covers the current wording; ``changed``: records exist, but for an
#: older wording; ``pending``: never reviewed.
Status = Literal["reviewed", "changed", "pending"]


class ReviewError(ValueError):
    """A review record is unreadable or invalid; the message lists every problem."""


@dataclass(frozen=True)
class TextVerdict:
    """What one group said about one text, in one record."""

    text_id: str
    lang: str
    wording: str
    verdict: Verdict
    group: str
    reviewed_on: date
    remark: str = ""
    proposed: str = ""

    @property
    def is_open(self) -> bool:
        """A remark still to act on: the text was found unclear or wrong."""
        return self.verdict != "clear"


@dataclass(frozen=True)
class ReviewRecord:
    path: Path
    group: str
    reviewed_on: date
    lang: str
    verdicts: tuple[TextVerdict, ...]


@dataclass(frozen=True)
class TextReview:
    """The review state of one text in one language, against its current wording."""

    status: Status
    last_reviewed: date | None = None
    #: Verdicts on the current wording that are unclear or wrong.
    open_remarks: tuple[TextVerdict, ...] = field(default_factory=tuple)


@cache
def _validator(path: str) -> Draft202012Validator:
    schema = json.loads(Path(path).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def record_problems(data: Any, file_name: str) -> list[str]:
    """Everything wrong with one record, as readable lines; empty when it is valid."""
    validator = _validator(str(review_schema_path()))
    problems = [
        f"{'.'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator.iter_errors(data)
    ]
    if problems or not isinstance(data, dict):
        return problems or ["the record is not a mapping"]
    try:
        day = date.fromisoformat(data["date"])
    except ValueError:
        return [f"date: {data['date']!r} is not a day"]
    expected = f"{data['date']}-{data['group']}.yml"
    if file_name != expected:
        problems.append(f"file name {file_name!r}: expected {expected!r} (date and group)")
    if day > date.today():
        problems.append(f"date: {day} is in the future")
    return problems


def read_record(path: Path) -> ReviewRecord:
    """Read and validate one record file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReviewError(f"{path.name}: cannot read ({exc})") from exc
    problems = record_problems(data, path.name)
    if problems:
        raise ReviewError(f"{path.name}:\n  " + "\n  ".join(problems))
    day = date.fromisoformat(data["date"])
    verdicts = tuple(
        TextVerdict(
            text_id=text_id,
            lang=data["lang"],
            wording=entry["wording"],
            verdict=entry["verdict"],
            group=data["group"],
            reviewed_on=day,
            remark=entry.get("remark", ""),
            proposed=entry.get("proposed", ""),
        )
        for text_id, entry in data["texts"].items()
    )
    return ReviewRecord(path, data["group"], day, data["lang"], verdicts)


@cache
def _load(directory: str) -> tuple[ReviewRecord, ...]:
    folder = Path(directory)
    if not folder.is_dir():
        return ()
    return tuple(read_record(path) for path in sorted(folder.glob("*.yml")))


def load_records(directory: Path | None = None) -> tuple[ReviewRecord, ...]:
    """Every record of ``directory`` (default ``content/reviews``), oldest first."""
    return _load(str(directory or reviews_dir()))


def review_of(text: CitizenText, records: Iterable[ReviewRecord]) -> TextReview:
    """The review state of ``text`` given ``records``: reviewed only when a record read its
    current wording; open remarks are the unclear/wrong verdicts on that wording."""
    verdicts = [
        v
        for record in records
        for v in record.verdicts
        if v.text_id == text.id and v.lang == text.lang
    ]
    if not verdicts:
        return TextReview("pending")
    last = max(v.reviewed_on for v in verdicts)
    current = [v for v in verdicts if v.wording == text.wording_hash]
    if not current:
        return TextReview("changed", last)
    latest_day = max(v.reviewed_on for v in current)
    latest = [v for v in current if v.reviewed_on == latest_day]
    return TextReview("reviewed", last, tuple(v for v in latest if v.is_open))


@dataclass(frozen=True)
class GroupReview:
    """The review state of a group of texts (a sheet) in one language."""

    status: Status
    reviewed_on: date | None
    open_remarks: tuple[TextVerdict, ...]


def group_review(reviews: Mapping[str, TextReview]) -> GroupReview:
    """A sheet is reviewed when every one of its texts is; then ``reviewed_on`` is the latest
    day one of them was read. Otherwise it is pending (or changed, when some text was
    reviewed in an older wording)."""
    states = list(reviews.values())
    remarks = tuple(r for state in states for r in state.open_remarks)
    if states and all(state.status == "reviewed" for state in states):
        days = [state.last_reviewed for state in states if state.last_reviewed]
        return GroupReview("reviewed", max(days), remarks)
    status: Status = "changed" if any(s.status != "pending" for s in states) else "pending"
    return GroupReview(status, None, remarks)
