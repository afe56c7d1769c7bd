"""The test tiers, checked against what each test really uses.

A test is marked ``stack`` exactly when it uses the ``stack`` fixture (the real Rasa server and
app, directly or through a fixture such as ``chat``) or the ``scaled`` one (Rasa replicas on
Redis behind nginx, tests/test_scaled_stack.py), and ``browser`` exactly when it uses the
``browser`` fixture (Chromium). So ``-m "not stack and not browser"`` (``make test-fast``) runs
every test that needs neither, and a test cannot claim a tier it does not use. A mismatch stops
the run before any test starts.
"""

from __future__ import annotations

import pytest

#: Marker name -> the fixtures whose use the marker declares.
TIERS = {"stack": ("stack", "scaled"), "browser": ("browser",)}


def tier_mismatches(items: list[pytest.Item]) -> list[str]:
    """One line per test whose tier marker disagrees with the fixtures it uses."""
    problems = []
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        for marker, tier_fixtures in TIERS.items():
            marked = item.get_closest_marker(marker) is not None
            used = [f for f in tier_fixtures if f in fixtures]
            if marked and not used:
                names = " or ".join(f"`{f}`" for f in tier_fixtures)
                problems.append(f"{item.nodeid}: marked {marker} but does not use {names}")
            elif used and not marked:
                problems.append(f"{item.nodeid}: uses `{used[0]}` but is not marked {marker}")
    return problems


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Before ``-m`` deselects anything, so that every collected test is checked."""
    problems = tier_mismatches(items)
    if problems:
        raise pytest.UsageError("test tiers do not match:\n  " + "\n  ".join(problems))
