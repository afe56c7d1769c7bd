"""The hand-written e-mails of ``cases.yml`` read by the helpdesk, and the figures on them.

Shared by the tests (which assert the thresholds of the issue) and ``bench/helpdesk_eval.py``
(which prints the figures). Each e-mail is read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from aidguide.helpdesk import HelpdeskReply, draft_reply

HERE = Path(__file__).resolve().parent
EMAILS = HERE / "emails"
#: The date the expected facts were written for (amounts, "since" dates).
ON = date(2026, 12, 1)


@dataclass(frozen=True)
class Case:
    file: str
    lang: str
    topics: tuple[str, ...]
    off_topic: str | None
    place: str | None
    must_say: tuple[str, ...]
    pii_names: tuple[str, ...]
    pii_data: tuple[str, ...]
    tune: bool

    @property
    def raw(self) -> bytes:
        return (EMAILS / self.file).read_bytes()


def _case(entry: dict[str, Any]) -> Case:
    pii = entry.get("pii") or {}
    return Case(
        file=entry["file"],
        lang=entry["lang"],
        topics=tuple(entry.get("topics") or ()),
        off_topic=entry.get("off_topic"),
        place=entry.get("place"),
        must_say=tuple(entry.get("must_say") or ()),
        pii_names=tuple(pii.get("names") or ()),
        pii_data=tuple(pii.get("data") or ()),
        tune=bool(entry.get("tune")),
    )


@cache
def load_cases() -> tuple[Case, ...]:
    entries = yaml.safe_load((HERE / "cases.yml").read_text(encoding="utf-8"))
    return tuple(_case(entry) for entry in entries)


@cache
def reply_for(file: str) -> HelpdeskReply:
    case = next(c for c in load_cases() if c.file == file)
    return draft_reply(case.raw, on=ON)


def draft_text(reply: HelpdeskReply) -> str:
    return reply.draft.subject + "\n" + reply.draft.body


def repeated(needle: str, text: str) -> bool:
    """Whether ``needle`` appears in ``text`` as a whole word, case and spacing aside."""
    words = [re.escape(part) for part in needle.split()]
    return re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text, re.IGNORECASE) is not None


@dataclass(frozen=True)
class Figures:
    emails: int
    language: float
    topics_precision: float
    topics_recall: float
    topics_f1: float
    off_topic: float
    place: float
    place_cases: int
    must_say_missing: list[tuple[str, str]]
    pii_repeated: list[tuple[str, str]]


def figures(cases: tuple[Case, ...]) -> Figures:
    """Language accuracy, micro-averaged topic F1 (an off-topic kind counts as a topic),
    place accuracy on the e-mails that ask about an aid, missing facts, repeated data."""
    language = true_pos = false_pos = false_neg = off_ok = place_ok = place_cases = 0
    missing: list[tuple[str, str]] = []
    leaked: list[tuple[str, str]] = []
    for case in cases:
        reply = reply_for(case.file)
        language += reply.lang == case.lang
        expected = set(case.topics) | ({f"off:{case.off_topic}"} if case.off_topic else set())
        found = {t.aid for t in reply.topics} | (
            {f"off:{reply.off_topic}"} if reply.off_topic else set()
        )
        true_pos += len(expected & found)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        off_ok += reply.off_topic == case.off_topic
        if case.topics:
            place_cases += 1
            found_nis = reply.place.centre.nis if reply.place and reply.place.centre else None
            place_ok += found_nis == case.place
        text = draft_text(reply)
        missing += [(case.file, fact) for fact in case.must_say if fact not in text]
        leaked += [(case.file, v) for v in (*case.pii_names, *case.pii_data) if repeated(v, text)]
        leaked += [
            (case.file, f"masked_email: {v}")
            for v in case.pii_data
            if repeated(v, reply.masked_email)
        ]
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(
        emails=len(cases),
        language=language / len(cases),
        topics_precision=precision,
        topics_recall=recall,
        topics_f1=f1,
        off_topic=off_ok / len(cases),
        place=place_ok / place_cases if place_cases else 1.0,
        place_cases=place_cases,
        must_say_missing=missing,
        pii_repeated=leaked,
    )
