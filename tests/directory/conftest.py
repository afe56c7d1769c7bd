"""Fixtures of the directory tests: the loaded directory, and shared/ when it is beside us."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from aidguide.directory import Directory, load_directory

REPO = Path(__file__).resolve().parents[2]


def shared_path() -> Path | None:
    """``$AIDGUIDE_SHARED_DIR`` or ``../shared`` if it holds the raw data, else None."""
    candidate = Path(os.environ.get("AIDGUIDE_SHARED_DIR") or REPO.parent / "shared")
    return candidate if (candidate / "data" / "raw").is_dir() else None


@pytest.fixture(scope="session")
def directory() -> Directory:
    return load_directory()


@pytest.fixture(scope="session")
def built() -> dict[str, Any]:
    """The committed data file itself, read without the package (an independent view)."""
    return json.loads((REPO / "data" / "directory.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_path()
    if path is None:
        pytest.skip("shared/ is not beside the repository")
    return path
