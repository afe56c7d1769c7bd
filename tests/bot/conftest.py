"""Fixtures of the bot tests: Rasa's own environment (bot/.venv, Python 3.10)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aidguide.stack.model import rasa_executable


@pytest.fixture(scope="session")
def rasa_bin() -> Path:
    """``bin/`` of bot/.venv, made by scripts/setup.sh. Without it a test that runs Rasa is
    skipped on a developer's machine; in CI (``CI=true``) the setup has made it, so its
    absence is a failure, never a silent skip."""
    rasa = rasa_executable()
    if rasa.exists():
        return rasa.parent
    reason = f"{rasa} is missing: scripts/setup.sh (`make setup`) installs Rasa in bot/.venv"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)
