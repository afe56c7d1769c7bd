"""Rasa's checks of action and NLG answers keep their verdicts with the schema built once
(bot/addons/schema_cache.py), run inside the real Rasa environment on Rasa's own schemas."""

from __future__ import annotations

import json
import subprocess

from aidguide.stack.model import BOT_DIR, rasa_environment

BOT_PYTHON = BOT_DIR / ".venv" / "bin" / "python"

SCRIPT = r"""
import json
import jsonschema
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg.callback import CallbackNaturalLanguageGenerator
from addons import schema_cache

checks = []
original_check = validator_for({}).check_schema
validator_for({}).check_schema = classmethod(
    lambda cls, schema, **kw: (checks.append(1), original_check(schema, **kw))[1]
)
plain = schema_cache._original_validate
schema_cache.install()
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
    for check in (plain, jsonschema.validate):
        try:
            check(answer, spec)
            outcome.append("valid")
        except ValidationError as error:
            outcome.append(error.message)
    verdicts.append(outcome)
CallbackNaturalLanguageGenerator.validate_response({"text": "x", "buttons": []})
print(json.dumps({
    "same": all(a == b for a, b in verdicts),
    "valid": sorted({a == "valid" for a, _ in verdicts}),
    "cached_checks": len(checks) - 40,  # the plain validate checked the schema 40 times
}))
"""


def test_verdicts_unchanged_and_each_schema_checked_once() -> None:
    result = subprocess.run(
        [str(BOT_PYTHON), "-c", SCRIPT],
        cwd=BOT_DIR,
        env=rasa_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["same"] is True
    assert outcome["valid"] == [False, True]  # both valid and invalid answers were checked
    assert outcome["cached_checks"] == 2  # the action answers' schema, the NLG answers' one
