"""How long an idle conversation lives: the Rasa domain's ``session_config`` says it, once.

Rasa starts a new session (slots forgotten) after ``session_expiration_time`` idle minutes.
Its tracker store forgets the conversation after ``expire_after_seconds`` (bot/endpoints.yml,
which cannot read the domain: a test checks that the two agree), and the app's turn count
(``api/conversations.py``) follows the figure read here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from aidguide.config import get_settings


@cache
def _expiry_minutes(domain_dir: Path) -> float:
    for path in sorted(domain_dir.glob("*.yml")):
        config = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("session_config")
        if config and "session_expiration_time" in config:
            return float(config["session_expiration_time"])
    raise LookupError(f"no session_config.session_expiration_time in {domain_dir}")


def session_expiry_seconds() -> float:
    """Idle seconds after which a conversation is forgotten (the Rasa domain's figure)."""
    return _expiry_minutes(get_settings().bot_dir / "domain") * 60
