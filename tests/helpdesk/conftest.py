"""The helpdesk tests render texts: the catalogs must be compiled (scripts/i18n.py compile)."""

from __future__ import annotations

import pytest

from aidguide.content import rules_available


@pytest.fixture(scope="session", autouse=True)
def _engine_present() -> None:
    if not rules_available():
        pytest.skip("the rules engine (aidguide.rules) is needed for the amounts of a draft")
