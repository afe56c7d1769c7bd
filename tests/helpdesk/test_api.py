"""POST /api/helpdesk/draft and the /helpdesk page through the project's app."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

from aidguide.api.app import app

from .evaluation import EMAILS

URL = "/api/helpdesk/draft"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(app)


def _email(name: str) -> str:
    return (EMAILS / name).read_text(encoding="utf-8", errors="replace")


def test_a_draft_with_topics_place_and_centre_as_in_the_cpas_api(client):
    response = client.post(URL, json={"email": _email("fr01_ris_schaerbeek.eml"), "lang": None})
    assert response.status_code == 200
    body = response.json()
    assert body["lang"] == "fr"
    assert [t["aid"] for t in body["topics"]] == ["ris"]
    assert 0 < body["topics"][0]["confidence"] <= 1
    assert body["place"]["nis"] == "21015"
    centre = client.get("/api/cpas/21015", params={"lang": "fr"}).json()
    assert body["place"]["centre"]["phone"] == centre["phone"]
    assert body["place"]["centre"]["name"] == centre["name"]
    assert body["draft"]["subject"] and body["draft"]["body"].startswith("Madame, Monsieur,")
    assert body["checks"]
    assert "nadia.elamrani1987@gmail.com" not in body["masked_email"]
    assert "From: [NAME]" in body["masked_email"] and "[PHONE]" in body["masked_email"]


def test_the_agent_corrects_topics_and_place_and_the_draft_is_rebuilt(client):
    raw = _email("nl30_leefloon_gent.eml")
    response = client.post(URL, json={"email": raw, "topics": ["food_aid"], "place": "Brugge"})
    assert response.status_code == 200
    body = response.json()
    assert [t["aid"] for t in body["topics"]] == ["food_aid"]
    assert body["place"]["nis"] == "31005"
    assert "Voedselhulp" in body["draft"]["body"] and "OCMW Brugge" in body["draft"]["body"]
    assert "Leefloon" not in body["draft"]["subject"]
    by_nis = client.post(URL, json={"email": raw, "place": "44021"}).json()
    assert by_nis["place"]["nis"] == "44021"


def test_an_off_topic_email_gets_a_referral(client):
    body = client.post(URL, json={"email": _email("nl36_offtopic_belasting_aalst.txt")}).json()
    assert body["topics"] == [] and body["off_topic"] == "taxes"
    assert "FOD Financiën" in body["draft"]["body"]


@pytest.mark.parametrize(
    ("lang", "empty", "unreadable", "too_large"),
    [
        ("fr", "L'e-mail est vide", "Nous ne pouvons pas lire cet e-mail", "plus de 2 Mo"),
        ("nl", "De e-mail is leeg", "We kunnen deze e-mail niet lezen", "groter dan 2 MB"),
    ],
)
def test_bad_input_gets_a_clear_message_in_the_interface_language(
    client, lang, empty, unreadable, too_large
):
    params = {"lang": lang}
    response = client.post(URL, params=params, json={"email": "  \n "})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "empty_email"
    assert empty in response.json()["error"]["message"]

    response = client.post(URL, params=params, json={"email": "\x00\x01\x02\x03\x04 PK\x05\x06"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unreadable_email"
    assert unreadable in response.json()["error"]["message"]

    response = client.post(URL, params=params, json={"email": "a" * (2 * 1024 * 1024 + 1)})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "email_too_large"
    assert too_large in response.json()["error"]["message"]


def test_a_huge_body_is_refused_before_it_is_parsed(client):
    body = b'{"email": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    response = client.post(URL, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_just_under_the_limit_is_accepted(client):
    text = "Bonjour, j'habite à Jette. Puis-je avoir le revenu d'intégration ?\n"
    raw = text * ((2 * 1024 * 1024 - 1024) // len(text.encode()))
    response = client.post(URL, json={"email": raw})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        (b"not json", 400, "invalid_json"),
        (b"{}", 422, "invalid_request"),
        (b'{"email": 42}', 422, "invalid_request"),
        (b'{"email": "x", "lang": "es"}', 422, "invalid_request"),
    ],
)
def test_malformed_requests(client, payload, status, code):
    response = client.post(URL, content=payload, headers={"content-type": "application/json"})
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_an_unknown_aid_is_refused(client):
    response = client.post(URL, json={"email": "Bonjour", "topics": ["lottery"]})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unknown_topic"


def test_html_and_script_in_an_email_are_text_not_markup(client):
    raw = "<script>alert(1)</script><p>Bonjour, j'habite à Namur. Le revenu d'intégration ?</p>"
    body = client.post(URL, json={"email": raw}).json()
    assert "<script>" not in body["draft"]["body"]
    assert [t["aid"] for t in body["topics"]] == ["ris"]


def test_nothing_but_ids_and_timings_is_logged(client, caplog):
    raw = _email("fr06_energy_debts_mons.eml")
    with caplog.at_level(logging.DEBUG):
        assert client.post(URL, json={"email": raw}).status_code == 200
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "helpdesk draft id=" in logged
    for secret in ("Fatima", "Ouali", "BE28", "0495", "Mons", "Engie", "dettes"):
        assert secret not in logged


def test_the_openapi_schema_documents_the_contract(client):
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/api/helpdesk/draft"]["post"]
    assert {"413", "422"} <= set(operation["responses"])
    assert "DraftOut" in json.dumps(schema["components"]["schemas"])


@pytest.mark.parametrize(("path", "lang"), [("/helpdesk", "fr"), ("/nl/helpdesk", "nl")])
def test_the_page_is_served_in_both_languages_with_a_strict_policy(client, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "http://" not in response.text and "https://" not in response.text
    assert "set-cookie" not in response.headers
    title = {"fr": "Helpdesk : préparer une réponse", "nl": "Helpdesk: een antwoord voorbereiden"}
    assert title[lang] in response.text


def test_page_assets_are_a_fixed_list(client):
    assert client.get("/helpdesk/assets/helpdesk.js").status_code == 200
    assert client.get("/helpdesk/assets/..%2Fpage.html").status_code == 404
    assert client.get("/helpdesk/assets/page.html").status_code == 404
