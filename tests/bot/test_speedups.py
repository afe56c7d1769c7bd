"""Rasa's hot paths give the same results with the repeated work done once
(bot/addons/speedups.py), run inside the real Rasa environment on Rasa's own schemas and
events."""

from __future__ import annotations

import json
from pathlib import Path

from .rasa_python import run_in_rasa

SCRIPT = r"""
import json
import jsonschema
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg.callback import CallbackNaturalLanguageGenerator
from rasa.shared.core.events import Event
from rasa.shared.utils import common
from addons import speedups

checks = []
original_check = validator_for({}).check_schema
validator_for({}).check_schema = classmethod(
    lambda cls, schema, **kw: (checks.append(1), original_check(schema, **kw))[1]
)
plain_validate, plain_resolve = speedups._original_validate, Event.resolve_by_type
names = sorted({c.type_name for c in common.all_subclasses(Event)})
plain_classes = [plain_resolve(name) for name in names]
speedups.install()

spec = RemoteAction("action_x", None).action_response_format_spec()
answers = [
    {"events": [{"event": "slot", "name": "language", "value": "fr"}], "responses": []},
    {"events": [{"event": "slot", "value": "fr"}], "responses": []},
    {"events": "not a list"},
    {"events": [{"event": "no_such_event"}], "responses": [{"text": "x"}]},
]
verdicts = []
for answer in answers * 10:
    outcome = []
    for check in (plain_validate, jsonschema.validate):
        try:
            check(answer, spec)
            outcome.append("valid")
        except ValidationError as error:
            outcome.append(error.message)
    verdicts.append(outcome)
CallbackNaturalLanguageGenerator.validate_response({"text": "x", "buttons": []})

walks = []
original_all_subclasses = common.all_subclasses
common.all_subclasses = lambda cls: (walks.append(cls is Event), original_all_subclasses(cls))[1]
classes = [Event.resolve_by_type(name) for name in names * 20]
event_walks = sum(walks)
try:
    Event.resolve_by_type("no_such_event")
    unknown = "resolved"
except ValueError:
    unknown = "refused"
print(json.dumps({
    "same_verdicts": all(a == b for a, b in verdicts),
    "valid": sorted({a == "valid" for a, _ in verdicts}),
    "cached_checks": len(checks) - 40,  # the plain validate checked the schema 40 times
    "same_classes": classes == plain_classes * 20,
    "event_names": len(names),
    "subclass_walks": event_walks,
    "unknown": unknown,
    "default": Event.resolve_by_type("no_such_event", default=Event) is Event,
}))
"""


def test_same_verdicts_and_classes_with_the_work_done_once(rasa_bin: Path) -> None:
    outcome = json.loads(run_in_rasa(SCRIPT).strip().splitlines()[-1])
    assert outcome["same_verdicts"] is True
    assert outcome["valid"] == [False, True]  # both valid and invalid answers were checked
    assert outcome["cached_checks"] == 2  # the action answers' schema, the NLG answers' one
    assert outcome["same_classes"] is True
    assert outcome["subclass_walks"] == outcome["event_names"]  # once per name, not per event
    assert outcome["unknown"] == "refused" and outcome["default"] is True
