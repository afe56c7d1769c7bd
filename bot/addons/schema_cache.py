"""Rasa checks every action server and NLG answer against a JSON schema: build that check once.

Why: Rasa 3.6 calls ``jsonschema.validate(answer, schema)`` for each custom action's answer
(rasa/core/actions/action.py) and each NLG answer (rasa/core/nlg/callback.py), and that
function first checks the schema itself against the JSON Schema meta-schema, then builds a
new validator: every time, for the same schema. Profiling a turn (bench/turn_cost.py with
py-spy on the Rasa process) put about three quarters of Rasa's CPU time there: more than the
language model and the dialogue policies together. :func:`install` replaces
``jsonschema.validate`` in the Rasa process by :func:`validate`, which checks each distinct
schema once and keeps its validator; answers are still validated, with the same errors.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for

_original_validate = jsonschema.validate


@lru_cache(maxsize=64)
def _validator(schema_json: str) -> Any:
    """The checked schema's validator (the schema as canonical JSON, since dicts do not hash)."""
    schema = json.loads(schema_json)
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate(instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
    """``jsonschema.validate``, with the schema checked and its validator built once."""
    if cls is not None or args or kwargs:  # a caller's own validator class or options
        _original_validate(instance, schema, cls, *args, **kwargs)
        return
    error = best_match(_validator(json.dumps(schema, sort_keys=True)).iter_errors(instance))
    if error is not None:
        raise error


def install() -> None:
    """Make every ``from jsonschema import validate`` in this process get :func:`validate`."""
    jsonschema.validate = validate
