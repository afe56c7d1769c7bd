"""Judging first messages of real people: is the reply on topic?

The evaluation set (``eval/messages_<lang>.yml``) maps a topic to hand-written messages. A
reply is judged on what the assistant did in that turn (the actions and slots of Rasa's
tracker) and on what it showed (its buttons and text), so that a reply cannot pass by chance:
an aid sheet must set that aid and offer its follow-up buttons; the eligibility questions must
be those of the check for that aid ("can my son get the leefloon while he studies?"); a
procedure answer must come from the procedure action for that question; the centre must be
shown and named.

Tooling, like the rest of ``aidguide.stack``: used by ``scripts/eval_chat.py`` and the tests.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from aidguide.config import REPO_ROOT
from aidguide.eligibility.plan import CHECK_OF_AID
from aidguide.text import fold

EVAL_DIR = REPO_ROOT / "eval"
PROCEDURES = ("how_to_apply", "documents", "decision_time", "appeal")
#: Topics that are not an aid id.
OTHER_TOPICS = ("eligibility", "cpas", "list_aids", *PROCEDURES)


@dataclass(frozen=True)
class EvalCase:
    """One first message and what its reply must be."""

    topic: str
    text: str
    place: str | None = None  # cpas: the municipality the reply must name
    aid: str | None = None  # procedures: the aid the answer must be about


@dataclass
class Turn:
    """What the assistant did and showed for one message."""

    actions: list[str]
    slots: dict[str, Any]
    intent: str | None
    texts: list[str]
    payloads: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


#: The message sets of eval/, oldest first: the main set; a held-out set written after the
#: training data was tuned on the misses of the main set; then blind sets, each written by
#: people who saw neither the training data nor the other sets, after a round of training data.
#: The newest blind set that no round has been tuned on gives the blind figure
#: (docs/nlu/README.md says which).
EVAL_SETS = ("messages", "holdout", "blind", "blind2")


def eval_file(language: str, eval_set: str = "messages") -> Path:
    return EVAL_DIR / f"{eval_set}_{language}.yml"


def load_cases(
    language: str, path: Path | None = None, eval_set: str = "messages"
) -> list[EvalCase]:
    data = yaml.safe_load((path or eval_file(language, eval_set)).read_text(encoding="utf-8"))
    cases = []
    for topic, items in data.items():
        for item in items:
            if isinstance(item, str):
                cases.append(EvalCase(topic, item))
            else:
                cases.append(EvalCase(topic, item["text"], item.get("place"), item.get("aid")))
    return cases


def turn_from_events(events: list[dict[str, Any]], reply: dict[str, Any]) -> Turn:
    """The actions and slots after the last user message, with the reply's texts and buttons."""
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    intent = None
    if last_user >= 0:
        intent = ((events[last_user].get("parse_data") or {}).get("intent") or {}).get("name")
    actions, slots = [], {}
    for event in events[last_user + 1 :]:
        if event.get("event") == "action" and event.get("name") != "action_listen":
            actions.append(event["name"])
        elif event.get("event") == "slot":
            slots[event["name"]] = event.get("value")
    messages = reply.get("messages") or []
    return Turn(
        actions=actions,
        slots=slots,
        intent=intent,
        texts=[m.get("text") or "" for m in messages],
        payloads=[b.get("payload") or "" for m in messages for b in m.get("buttons") or []],
    )


def _checks_aid(turn: Turn, aid: str) -> bool:
    """The eligibility questions of the check that answers for this aid have started."""
    check = CHECK_OF_AID.get(aid)
    return (
        check is not None
        and "action_eligibility_intro" in turn.actions
        and turn.slots.get("elig_aid") == check
    )


def _shows_aid(turn: Turn, aid: str) -> bool:
    """The aid's sheet or one of its procedure answers: the aid is set and its follow-ups shown."""
    answered = {"action_answer_aid", "action_answer_aid_topic"} & set(turn.actions)
    follow_up = any(f'"aid": "{aid}"' in p for p in turn.payloads)
    return bool(answered) and turn.slots.get("aid") == aid and follow_up


def judge(case: EvalCase, turn: Turn) -> bool:
    """Whether the reply to ``case`` is on topic."""
    if case.topic == "eligibility":
        return "action_eligibility_intro" in turn.actions
    if case.topic == "list_aids":
        return "action_list_aids" in turn.actions and any(
            p.startswith("/list_aids{") for p in turn.payloads
        )
    if case.topic == "cpas":
        if case.place:
            return "action_show_cpas" in turn.actions and fold(case.place) in fold(turn.text)
        return "cpas_form" in turn.actions and turn.slots.get("requested_slot") == "cpas_location"
    if case.topic in PROCEDURES:
        if turn.intent != f"ask_{case.topic}" or "action_answer_aid_topic" not in turn.actions:
            return False
        if case.aid:
            return _shows_aid(turn, case.aid)
        # Which aid? buttons asking the same question, or the answer for a named aid.
        asks_which = any(p.startswith(f"/ask_{case.topic}{{") for p in turn.payloads)
        return asks_which or bool(turn.slots.get("aid"))
    return _shows_aid(turn, case.topic) or _checks_aid(turn, case.topic)


@dataclass
class Result:
    case: EvalCase
    on_topic: bool
    intent: str | None
    greeted: bool


@dataclass
class Summary:
    language: str
    results: list[Result] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return sum(r.on_topic for r in self.results) / len(self.results)

    def by_topic(self) -> dict[str, tuple[int, int]]:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in self.results:
            counts[r.case.topic][0] += r.on_topic
            counts[r.case.topic][1] += 1
        return {t: (ok, n) for t, (ok, n) in sorted(counts.items())}


def render_report(summary: Summary, header: Iterable[str]) -> str:
    """The Markdown report: the rate, the rate per topic, and every miss with its intent."""
    lines = [*header, ""]
    total = len(summary.results)
    ok = sum(r.on_topic for r in summary.results)
    lines.append(f"**On topic: {ok}/{total} = {summary.rate:.3f}**")
    lines += ["", "| Topic | On topic | Rate |", "|---|---|---|"]
    for topic, (good, n) in summary.by_topic().items():
        lines.append(f"| {topic} | {good}/{n} | {good / n:.2f} |")
    misses = [r for r in summary.results if not r.on_topic]
    lines += ["", f"## Off topic ({len(misses)})", ""]
    lines += [f"- `{r.case.topic}` ← {r.intent}: {r.case.text}" for r in misses]
    greeted = sum(r.greeted for r in summary.results)
    lines += ["", f"Replies that greeted again: {greeted}.", ""]
    return "\n".join(lines)
