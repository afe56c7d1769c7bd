"""Fixtures of the browser tests: Debian's Chromium driven by Playwright, and the app alone.

``app_url`` runs the app as the launcher does (``aidguide.stack.launcher``), on a free loopback
port, with Rasa's port closed, so ``/api/chat`` answers 503: enough for the pages, the widget's
UI, accessibility with the widget open and the "service unreachable" path.
Conversations with the real bot use the session fixture ``stack`` from tests/conftest.py.
Playwright never downloads a browser here: we launch /usr/bin/chromium by path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from aidguide.stack.launcher import Stack, free_port

CHROMIUM = Path(os.environ.get("AIDGUIDE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts" / "browser"
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app alone on loopback, started as `make run` starts it; the assistant (Rasa) is
    unreachable on purpose."""
    app = Stack(app_port=free_port(), rasa_port=free_port(), log_dir=tmp_path_factory.mktemp("app"))
    app.start_app_alone()
    try:
        yield app.base_url
    finally:
        app.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class RecordedPage:
    """A page plus every request it made and every dialog (alert) it tried to open."""

    def __init__(self, context, page) -> None:
        self.context = context
        self.page = page
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._on_dialog)
        page.on("console", self._on_console)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)


@pytest.fixture
def new_page(browser):
    """Factory: ``new_page(width=1280, height=800, **context_options)`` -> RecordedPage."""
    contexts = []

    def make(width: int = 1280, height: int = 800, **options) -> RecordedPage:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        context.set_default_timeout(5000)
        contexts.append(context)
        return RecordedPage(context, context.new_page())

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def recorded(new_page) -> RecordedPage:
    return new_page()


@pytest.fixture
def page(recorded):
    return recorded.page


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.skip("axe-core missing: npm install --prefix tests/browser")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def catalogs(app_url) -> dict[str, dict[str, str]]:
    """The widget's UI strings as the app serves them, to find controls by their real names."""
    return {
        lang: httpx.get(f"{app_url}/widget/i18n/{lang}.json").json()["messages"]
        for lang in ("fr", "nl")
    }
