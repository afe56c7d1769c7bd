"""Run a Python script inside the Rasa environment (bot/.venv, Python 3.10), from bot/."""

from __future__ import annotations

import subprocess

from aidguide.stack.model import bot_dir, rasa_environment


def run_in_rasa(script: str, timeout: float = 300, env: dict[str, str] | None = None) -> str:
    """The script's standard output; the test fails with its error output if it fails."""
    result = subprocess.run(
        [str(bot_dir() / ".venv" / "bin" / "python"), "-c", script],
        cwd=bot_dir(),
        env={**rasa_environment(), **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout
