"""The trained model is cached by a fingerprint of what shapes it: a change to any of those
files, custom components named in config.yml included, must give a new model file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aidguide.config import REPO_ROOT, get_settings
from aidguide.stack import model

BOT = REPO_ROOT / "bot"


@pytest.fixture
def bot_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "bot"
    shutil.copytree(BOT, copy, ignore=shutil.ignore_patterns(".venv", "models", "__pycache__"))
    monkeypatch.setattr(get_settings(), "bot_dir", copy)
    return copy


def _touch(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")


def test_the_custom_components_of_the_config_are_model_inputs(bot_copy: Path) -> None:
    components = model._custom_components()
    assert components, "config.yml names no custom component: this test checks nothing"
    assert all(path.is_file() and path.is_relative_to(bot_copy) for path in components)


@pytest.mark.parametrize(
    "relative",
    ["config.yml", "data/nlu_fr.yml", "data/nlu_nl.yml", "domain/core.yml", "custom-component"],
)
def test_a_change_to_a_model_input_changes_the_fingerprint(bot_copy: Path, relative: str) -> None:
    before = model.fingerprint()
    target = (
        model._custom_components()[0] if relative == "custom-component" else bot_copy / relative
    )
    _touch(target)
    assert model.fingerprint() != before


def test_files_that_do_not_shape_the_model_leave_the_fingerprint(bot_copy: Path) -> None:
    before = model.fingerprint()
    _touch(bot_copy / "endpoints.yml")
    _touch(bot_copy / "addons" / "log_privacy.py")
    assert model.fingerprint() == before
