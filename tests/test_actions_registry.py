"""Every custom action the Rasa domain names is served by the action endpoint."""

from __future__ import annotations

from pathlib import Path

import yaml

from aidguide.api.webhook import executor

DOMAIN = Path(__file__).resolve().parents[1] / "bot" / "domain"


def test_every_domain_action_is_registered() -> None:
    registered = set(executor().actions)
    named = set()
    for path in DOMAIN.glob("*.yml"):
        named |= {a for a in (yaml.safe_load(path.read_text()) or {}).get("actions") or []}
    assert named <= registered, sorted(named - registered)
