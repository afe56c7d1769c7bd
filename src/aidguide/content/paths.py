"""Where the vetted content lives: ``AIDGUIDE_CONTENT_DIR`` or ``content/`` at the repo root.

An environment variable (not a constant) so that a deployment can ship reviewed sheets apart
from the code, and so that tests can point at a temporary copy.
"""

from __future__ import annotations

import os
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parents[3]


def content_dir() -> Path:
    """The folder that holds ``aids/``, ``schema.json`` and ``glossary.yml``."""
    return Path(os.environ.get("AIDGUIDE_CONTENT_DIR", _REPO_ROOT / "content"))


def aids_dir() -> Path:
    return content_dir() / "aids"


def schema_path() -> Path:
    return content_dir() / "schema.json"


def glossary_path() -> Path:
    return content_dir() / "glossary.yml"


def reviews_dir() -> Path:
    """Review records of experts by experience, ``<date>-<group>.yml`` each."""
    return content_dir() / "reviews"


def review_schema_path() -> Path:
    return content_dir() / "review.schema.json"


def unknowns_path() -> Path:
    """The register of facts the product does not know or computes itself."""
    return content_dir() / "unknowns.yml"


def unknowns_schema_path() -> Path:
    return content_dir() / "unknowns.schema.json"
