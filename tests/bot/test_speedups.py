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


TRAINING_HOOK_SCRIPT = r"""
import json
import rasa.shared.utils.io
from rasa.engine.caching import LocalTrainingCache
from rasa.engine.training import fingerprinting
from rasa.engine.training.hooks import TrainingHook
from addons import speedups

speedups.install()
fingerprints, stored = [], []
rasa.shared.utils.io.deep_container_fingerprint = lambda o, *a, **k: fingerprints.append(o) or "f"
fingerprinting.calculate_fingerprint_key = lambda **kwargs: fingerprints.append(kwargs) or "k"


class Node:
    uses = object  # any component but the cached-value provider


class Schema:
    nodes = {"train_X": Node()}


class Context:
    graph_schema = Schema()


outcome = {}
for size in ("0", "1000"):
    import os

    os.environ["RASA_MAX_CACHE_SIZE"] = size
    cache = LocalTrainingCache()
    cache.cache_output = lambda **kwargs: stored.append(kwargs)
    hook = TrainingHook(cache=cache, model_storage=None, pruned_schema=Schema())
    fingerprints.clear(), stored.clear()
    data = hook.on_before_node("train_X", Context(), {}, {"input": 1})
    hook.on_after_node("train_X", Context(), {}, "output", data)
    outcome[size] = {"fingerprints": len(fingerprints), "stored": len(stored)}
print(json.dumps(outcome))
"""


def test_training_hook_fingerprints_only_for_a_cache_in_use(rasa_bin: Path, tmp_path: Path) -> None:
    """With Rasa's component cache off (``addons.train``), the training hook computes no
    fingerprint; with the cache on, it still fingerprints and stores as Rasa does."""
    outcome = json.loads(
        run_in_rasa(TRAINING_HOOK_SCRIPT, env={"RASA_CACHE_DIRECTORY": str(tmp_path)})
        .strip()
        .splitlines()[-1]
    )
    assert outcome["0"] == {"fingerprints": 0, "stored": 0}
    assert outcome["1000"] == {"fingerprints": 2, "stored": 1}
