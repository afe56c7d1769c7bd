"""The widget's pages, script and UI strings as the app serves them over HTTP: a strict CSP
and no inline code, every UI string of the catalogs, nothing outside the asset list. The
widget itself in Chromium: tests/browser/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from aidguide.api import app as app_module

REPO_ROOT = Path(__file__).resolve().parents[1]
PAGES = {"/": "fr", "/nl": "nl", "/accessibilite": "fr", "/nl/toegankelijkheid": "nl"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(app_module.create_app()) as test_client:
        yield test_client


@pytest.mark.parametrize(("path", "lang"), PAGES.items())
def test_pages_have_a_strict_csp_and_no_inline_code(
    client: TestClient, path: str, lang: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    html = response.text
    assert f'<html lang="{lang}">' in html
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), "inline script"
    assert " style=" not in html and "<style" not in html
    assert "http://" not in html and "https://" not in html, "no third-party resource"
    assert "set-cookie" not in response.headers


def test_widget_js_is_served_as_javascript(client: TestClient) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "innerHTML" not in response.text and "eval(" not in response.text


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_ui_strings_cover_every_msgid_of_the_widget_catalog(client: TestClient, lang: str) -> None:
    with (REPO_ROOT / "locales" / "widget.pot").open("rb") as handle:
        msgids = {message.id for message in read_po(handle) if message.id}
    with (REPO_ROOT / "locales" / lang / "LC_MESSAGES" / "widget.po").open("rb") as handle:
        expected = {m.id: m.string for m in read_po(handle) if m.id}
    response = client.get(f"/widget/i18n/{lang}.json")
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    body = response.json()
    assert body["lang"] == lang
    assert set(body["messages"]) == msgids
    assert body["messages"] == expected


def test_ui_strings_of_an_unknown_language_are_a_json_404(client: TestClient) -> None:
    response = client.get("/widget/i18n/xx.json")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_assets_outside_the_list_are_not_served(client: TestClient) -> None:
    assert client.get("/widget/assets/page.css").status_code == 200
    assert client.get("/widget/assets/..%2Fwidget.js").status_code == 404
