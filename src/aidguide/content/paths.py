"""Where each file of the vetted content lives, under ``Settings.content_dir``
(``AIDGUIDE_CONTENT_DIR``, default ``content/``), read on every call so that tests can point
at a temporary copy."""

from __future__ import annotations

from pathlib import Path

from aidguide.config import get_settings


def content_dir() -> Path:
    """The folder that holds ``aids/``, ``schema.json`` and the review records."""
    return get_settings().content_dir


def aids_dir() -> Path:
    return content_dir() / "aids"


def schema_path() -> Path:
    return content_dir() / "schema.json"


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
