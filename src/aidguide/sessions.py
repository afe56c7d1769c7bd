"""How long an idle conversation lives: the Rasa domain's ``session_config`` says it, once.

Rasa starts a new session (slots forgotten) after ``session_expiration_time`` idle minutes.
Its tracker store forgets the conversation after ``expire_after_minutes`` (bot/endpoints.yml
reads ``AIDGUIDE_SESSION_EXPIRY_MINUTES``, which the launcher sets from the figure read here),
and the app's turn count (``api/conversations.py``) follows the same figure.
``Settings.session_expiry_minutes`` overrides it, for tests of expiry.
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
    """Idle seconds after which a conversation is forgotten (the Rasa domain's figure, unless
    the settings override it)."""
    settings = get_settings()
    if settings.session_expiry_minutes is not None:
        return settings.session_expiry_minutes * 60
    return _expiry_minutes(settings.bot_dir / "domain") * 60
