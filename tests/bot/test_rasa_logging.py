"""Rasa's logging (bot/logging.yml + bot/addons/log_privacy.py) writes no typed text, set up
as `rasa run` sets it up: our config file first, then Rasa's coloured and structured logging."""

from __future__ import annotations

import subprocess
from pathlib import Path

from aidguide.stack.model import bot_dir, rasa_environment

MARKER = "Zorglub-85.07.30-033.28"

SCRIPT = rf"""
import logging
import rasa.utils.common, rasa.utils.io
from rasa.utils.log_utils import configure_structlog
import structlog

rasa.utils.common.configure_logging_from_file("logging.yml")
rasa.utils.io.configure_colored_logging("INFO")
configure_structlog(logging.INFO)
log = structlog.get_logger()
log.error("rest.message.received.timeout", text="{MARKER} timeout")
try:
    raise ValueError("{MARKER} in an exception")
except ValueError:
    log.exception("rest.message.received.failure", text="{MARKER} failure")
    logging.getLogger("rasa.core.processor").exception("an action failed")
logging.getLogger("rasa").setLevel(logging.DEBUG)
logging.getLogger().setLevel(logging.DEBUG)
for handler in logging.getLogger().handlers:
    handler.setLevel(logging.DEBUG)
logging.getLogger("rasa.nlu").debug("parsed {MARKER}")
logging.getLogger("rasa.core").info("line one\nfake line two")
logging.getLogger("rasa.server").error("Failed to validate the events format. Error: '{MARKER}' is not a number")
"""


def test_rasa_logs_events_without_their_texts(rasa_bin: Path) -> None:
    env = {**rasa_environment(), "FORCE_JSON_LOGGING": "1"}
    result = subprocess.run(
        [str(rasa_bin / "python"), "-c", SCRIPT],
        cwd=bot_dir(),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    output = result.stdout + result.stderr
    assert "rest.message.received.timeout" in output  # the event is there, for operators
    assert '"exc_type": "ValueError"' in output and "[exception ValueError]" in output
    assert MARKER not in output
    assert "Traceback" not in output
    assert "fake line two" in output and "\nfake line two" not in output
    assert "Failed to validate the events format. Error: <withheld>" in output
    assert "debug message withheld" in output  # even when someone turns DEBUG on
