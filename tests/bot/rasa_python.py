"""Run a Python script inside the Rasa environment (bot/.venv, Python 3.10), from bot/."""

from __future__ import annotations

import subprocess

from aidguide.stack.model import BOT_DIR, rasa_environment

BOT_PYTHON = BOT_DIR / ".venv" / "bin" / "python"


def run_in_rasa(script: str, timeout: float = 300) -> str:
    """The script's standard output; the test fails with its error output if it fails."""
    result = subprocess.run(
        [str(BOT_PYTHON), "-c", script],
        cwd=BOT_DIR,
        env=rasa_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout
