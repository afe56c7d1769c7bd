"""`make content-check` shows the unknowns register, review states with open remarks, and
fails on a passed date announced as future."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from aidguide.config import get_settings
from aidguide.content import get_sheet
from aidguide.content.citizen_texts import sheet_texts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "content_check", REPO / "scripts" / "content_check.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    target = tmp_path / "content"
    shutil.copytree(REPO / "content", target)
    monkeypatch.setattr(get_settings(), "content_dir", target)  # a new cache key: fresh records
    yield target


def test_it_shows_when_a_text_was_read_and_its_open_remark(
    script: ModuleType, content_copy: Path, capsys: pytest.CaptureFixture[str], no_rules: None
) -> None:
    who = next(t for t in sheet_texts(get_sheet("ris"), "fr") if t.id == "sheet.ris.who")
    record = {
        "group": "test-group",
        "date": "2026-11-30",
        "lang": "fr",
        "texts": {
            who.id: {"wording": who.wording_hash, "verdict": "unclear", "remark": "Trop long."}
        },
    }
    (content_copy / "reviews" / "2026-11-30-test-group.yml").write_text(yaml.safe_dump(record))
    script.main(["content_check.py", "--date", "2026-12-01"])
    out = capsys.readouterr().out
    assert "sheet.ris.who (fr): reviewed, last reviewed 2026-11-30" in out
    assert "OPEN unclear (test-group): Trop long." in out
    assert "indexed_amounts_2026_03" in out and "computed" in out


def test_it_fails_on_a_passed_date_announced_as_future(
    script: ModuleType, content_copy: Path, capsys: pytest.CaptureFixture[str], no_rules: None
) -> None:
    sheet = content_copy / "aids" / "miriam.yml"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(
        text.replace("MIRIAM est un accompagnement.", "MIRIAM sera relancé en mars 2026."),
        encoding="utf-8",
    )
    assert script.main(["content_check.py", "--date", "2026-12-01"]) == 1
    assert (
        "sheet.miriam.amounts_note (fr): passed date announced as future" in capsys.readouterr().out
    )
