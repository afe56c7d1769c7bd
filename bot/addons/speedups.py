"""Rasa 3.6 repeats work on hot paths, when serving and when training: do it once, or not at all.

Found by profiling turns (bench/turn_cost.py, with py-spy on the Rasa process):

- Every custom action's answer and every NLG answer is checked with
  ``jsonschema.validate(answer, schema)`` (rasa/core/actions/action.py,
  rasa/core/nlg/callback.py). That function first checks the schema itself against the JSON
  Schema meta-schema, then builds a new validator: each time, for the same schema. It took
  about three quarters of Rasa's CPU time in a short conversation. :func:`validate` checks
  each distinct schema once and keeps its validator; answers are still checked, with the
  same errors.
- Reading a conversation from the tracker store turns each stored event back into an object
  through ``Event.resolve_by_type``, which walks every subclass of ``Event`` (with
  ``inspect.isabstract`` on each) to find the one whose name matches: per event, so a read
  costs more the longer the conversation. It was a third of Rasa's CPU time 180 turns into a
  conversation. :func:`_remembering_resolve_by_type` remembers the class found for a name.

Found by profiling a training (py-spy on ``rasa train``):

- Reading the NLU files checks each entity annotation written as JSON
  (``[leefloon]{"entity": "aid", "value": "ris"}``) with ``jsonschema.validate``: the same
  repeated meta-schema check, 2,300 times per language, about 25 s of CPU per file.
  :func:`validate` removes it there too.
- Rasa's training graph fingerprints the inputs and outputs of every component, training data
  and sparse features included, to fill its component cache (``.rasa/cache``). That was a third
  of a whole training. We never use that cache: the launcher keeps whole models by a
  fingerprint of bot/ (src/aidguide/stack/model.py) and ``addons.train`` turns the cache off
  (``RASA_MAX_CACHE_SIZE=0``). With the cache off, :func:`_fingerprint_only_for_a_cache` makes
  the training hook skip the fingerprints that only the cache reads.

:func:`install` applies them in the Rasa process (``addons.serve`` and ``addons.train`` call it
before Rasa starts).
"""

from __future__ import annotations

import json
from collections.abc import Callable
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


def _remembering_resolve_by_type(
    original: Callable[[str, Any], Any],
) -> Callable[[str, Any], Any]:
    """``Event.resolve_by_type`` that looks a name up once; unknown names still go to Rasa's
    own lookup (which answers the caller's default, or raises)."""
    found: dict[str, Any] = {}

    def resolve_by_type(type_name: str, default: Any = None) -> Any:
        known = found.get(type_name)
        if known is not None:
            return known
        event_class = original(type_name, default)
        if event_class is not None and getattr(event_class, "type_name", None) == type_name:
            found[type_name] = event_class
        return event_class

    return resolve_by_type


def _fingerprint_only_for_a_cache(hook_class: Any) -> None:
    """Make Rasa's ``TrainingHook`` do nothing while its cache is off: its two steps compute
    fingerprints that only ``cache_output`` reads, and that call returns at once when the cache
    is off (``LocalTrainingCache._is_disabled``)."""
    original_before, original_after = hook_class.on_before_node, hook_class.on_after_node

    def on_before_node(self: Any, *args: Any, **kwargs: Any) -> dict:
        if self._cache._is_disabled():
            return {}
        return original_before(self, *args, **kwargs)

    def on_after_node(self: Any, *args: Any, **kwargs: Any) -> None:
        if self._cache._is_disabled():
            return None
        return original_after(self, *args, **kwargs)

    hook_class.on_before_node, hook_class.on_after_node = on_before_node, on_after_node


def install() -> None:
    """Apply them in this process: before Rasa runs, once."""
    from rasa.engine.training.hooks import TrainingHook
    from rasa.shared.core.events import Event

    jsonschema.validate = validate  # Rasa imports it where it calls it
    Event.resolve_by_type = staticmethod(_remembering_resolve_by_type(Event.resolve_by_type))
    _fingerprint_only_for_a_cache(TrainingHook)
