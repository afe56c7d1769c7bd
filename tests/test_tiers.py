"""The tier check of tests/tiers.py stops a run whose markers do not match the fixtures used."""

from __future__ import annotations

import pytest

CONFTEST = """
import pytest

pytest_plugins = ["tests.tiers"]


@pytest.fixture
def stack():
    return "stack"


@pytest.fixture
def chat(stack):
    return stack
"""


@pytest.fixture
def tiers(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeini("[pytest]\nmarkers =\n    stack: the stack\n    browser: the browser\n")
    pytester.makeconftest(CONFTEST)
    return pytester


def test_a_marked_test_using_the_stack_through_a_fixture_runs(tiers: pytest.Pytester) -> None:
    tiers.makepyfile("import pytest\n\n@pytest.mark.stack\ndef test_chat(chat):\n    assert chat\n")
    tiers.runpytest("-m", "not stack").assert_outcomes(deselected=1)
    tiers.runpytest().assert_outcomes(passed=1)


@pytest.mark.parametrize(
    ("source", "complaint"),
    [
        (
            "import pytest\n\n@pytest.mark.stack\ndef test_no_server():\n    pass\n",
            "test_no_server: marked stack but does not use `stack` or `scaled`",
        ),
        (
            "def test_chat(chat):\n    pass\n",
            "test_chat: uses `stack` but is not marked stack",
        ),
        (
            "import pytest\n\npytestmark = pytest.mark.browser\n\ndef test_http():\n    pass\n",
            "test_http: marked browser but does not use `browser`",
        ),
    ],
)
def test_a_mismatch_stops_the_run_even_when_deselected(
    tiers: pytest.Pytester, source: str, complaint: str
) -> None:
    tiers.makepyfile(source)
    result = tiers.runpytest("-m", "not stack and not browser")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{complaint}*"])
