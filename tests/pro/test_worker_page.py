"""The worker page over HTTP: security headers, nothing inline, nothing cached, bad input."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(("path", "lang"), [("/pro", "fr"), ("/pro/nl", "nl")])
def test_page_has_a_strict_csp_and_no_inline_code(client, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    csp = dict(
        part.strip().split(" ", 1)
        for part in response.headers["content-security-policy"].split(";")
    )
    assert csp["default-src"] == "'none'" and csp["script-src"] == "'self'"
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    html = response.text
    assert f'<html lang="{lang}">' in html
    assert "<script" not in html
    assert " style=" not in html and "<style" not in html
    assert not re.search(r'(src|href)="https?://', html), "no third-party resource"
    assert "set-cookie" not in response.headers
    assert client.get("/pro/assets/pro.css").headers["content-type"].startswith("text/css")


def test_answers_to_what_a_worker_typed_are_not_cached(client):
    response = client.post("/pro", data={"action": "calculate", "monthly_net_income": "600"})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"


def test_search_text_is_shown_as_text(client):
    response = client.post(
        "/pro/nl", data={"action": "search", "q": "<img src=x onerror=alert(1)>"}
    )
    assert response.status_code == 200
    assert "<img src=x" not in response.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text
    assert "Niets gevonden" in response.text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("monthly_net_income", "six cents", "donnez un nombre"),
        ("litres", "999999999", "ce nombre est trop grand"),
        ("situation", "martian", "choisissez dans la liste"),
        ("on", "2025-13-45", "donnez une date"),
    ],
)
def test_bad_input_is_named_in_the_users_language(client, field, value, message):
    response = client.post("/pro", data={"action": "calculate", field: value})
    assert response.status_code == 200
    assert 'role="alert"' in response.text
    assert message in response.text
    assert 'id="result"' not in response.text


def test_binary_and_huge_bodies_get_a_clear_answer(client):
    assert client.post("/pro", content=b"\xff\xfe\x00" * 100).status_code == 200
    huge = client.post("/pro/nl", content=b"q=" + b"a" * 20_000)
    assert huge.status_code == 413
    assert huge.json()["error"]["message"] == "De aanvraag is te groot."


def test_an_unknown_parameter_or_date_in_the_address_falls_back(client):
    response = client.get("/pro?param=../../etc/passwd&date=nonsense")
    assert response.status_code == 200
    assert "RIS catégorie 2 (isolé), par mois" in response.text
