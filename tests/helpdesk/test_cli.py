"""``python -m aidguide.helpdesk draft mail.eml``: the draft on stdout, nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .evaluation import EMAILS

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aidguide.helpdesk", *args],
        cwd=REPO,
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_draft_of_one_eml_file(tmp_path):
    before = set(tmp_path.iterdir())
    result = _run("draft", str(EMAILS / "nl31_stookolie_brugge.eml"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Subject: Uw vraag over: Verwarmingstoelage")
    assert "Geachte mevrouw, geachte heer," in out and "60 dagen" in out
    assert "OCMW Brugge" in out and "---- checks ----" in out
    assert "49.12.24-017.85" not in out and "Vermeersch" not in out
    assert set(tmp_path.iterdir()) == before


def test_json_output_is_the_api_shape():
    result = _run("draft", "--json", str(EMAILS / "fr06_energy_debts_mons.eml"))
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert {t["aid"] for t in body["topics"]} == {"energy_bills", "debt_mediation"}
    assert body["place"]["nis"] == "53053"
    assert set(body) >= {"lang", "topics", "place", "draft", "checks", "masked_email"}


def test_a_missing_or_empty_file_is_a_clear_error(tmp_path):
    missing = _run("draft", str(tmp_path / "nope.eml"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    result = _run("draft", str(empty))
    assert result.returncode == 2 and "empty" in result.stderr
    assert "Traceback" not in result.stderr + missing.stderr
