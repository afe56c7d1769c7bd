"""The settings: the README's table names every one, and they are read when used."""

from __future__ import annotations

import re

import pytest

from aidguide.config import REPO_ROOT, Settings, get_settings
from aidguide.content.paths import content_dir
from aidguide.directory.loader import data_dir
from aidguide.i18n import locales_dir


def test_the_readme_table_lists_exactly_the_settings() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `AIDGUIDE_([A-Z_]+)` \|", readme, flags=re.MULTILINE))
    assert documented == {name.upper() for name in Settings.model_fields}


@pytest.mark.parametrize(
    ("variable", "read"),
    [
        ("AIDGUIDE_CONTENT_DIR", content_dir),
        ("AIDGUIDE_DIRECTORY_DIR", data_dir),
        ("AIDGUIDE_LOCALES_DIR", locales_dir),
    ],
)
def test_a_folder_comes_from_the_environment(
    variable: str, read: object, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv(variable, str(tmp_path))
    get_settings.cache_clear()  # the settings are read once per process
    try:
        assert read() == tmp_path  # type: ignore[operator]
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert read() != tmp_path  # type: ignore[operator]
