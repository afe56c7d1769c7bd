"""The launcher keeps its secrets and logs private: log files readable by the service only,
tokens never on a command line."""

from __future__ import annotations

import stat
from pathlib import Path

from aidguide.stack.launcher import Stack


def test_log_files_are_created_readable_by_the_owner_only(tmp_path: Path) -> None:
    stack = Stack(log_dir=tmp_path)
    old = tmp_path / "rasa.log"
    old.write_text("earlier run\n")
    old.chmod(0o644)
    try:
        for name in ("app", "rasa"):
            stack._output(name)
    finally:
        stack.stop()
    for name in ("app", "rasa"):
        mode = stat.S_IMODE(stack.log_path(name).stat().st_mode)
        assert mode == 0o600, (name, oct(mode))


def test_each_run_has_its_own_tokens() -> None:
    first, second = Stack(), Stack()
    assert first.rasa_token != second.rasa_token
    assert first.callback_token != second.callback_token
    assert len(first.callback_token) >= 32  # 24 random bytes, URL-safe
