"""A conversation's idle expiry is written once, in the Rasa domain; the rest follows it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aidguide.api.conversations import turn_counter
from aidguide.config import get_settings
from aidguide.sessions import _expiry_minutes, session_expiry_seconds
from aidguide.stack.launcher import Stack


def test_the_tracker_store_forgets_when_rasa_starts_a_new_session() -> None:
    """bot/endpoints.yml reads the expiry from the environment the launcher gives Rasa."""
    endpoints = yaml.safe_load((get_settings().bot_dir / "endpoints.yml").read_text())
    expiry = endpoints["tracker_store"]["expire_after_minutes"]
    assert expiry == "${AIDGUIDE_SESSION_EXPIRY_MINUTES}"
    assert Stack()._expiry_minutes * 60 == session_expiry_seconds()


def test_the_settings_override_the_domain_for_quick_expiry_tests(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(get_settings(), "session_expiry_minutes", 1.5)
    assert session_expiry_seconds() == 90
    assert Stack()._expiry_minutes == 1.5


def test_the_turn_count_expires_with_the_session() -> None:
    assert turn_counter().idle_seconds == session_expiry_seconds()


def test_the_figure_is_read_from_the_domain_the_settings_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "domain").mkdir()
    (tmp_path / "domain" / "a.yml").write_text("intents: [greet]\n")
    (tmp_path / "domain" / "b.yml").write_text("session_config:\n  session_expiration_time: 7\n")
    monkeypatch.setattr(get_settings(), "bot_dir", tmp_path)
    assert session_expiry_seconds() == 7 * 60
    (tmp_path / "domain" / "b.yml").write_text("slots: {}\n")
    _expiry_minutes.cache_clear()
    with pytest.raises(LookupError):
        session_expiry_seconds()
