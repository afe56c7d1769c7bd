"""GET /api/aids and /api/aids/{aid_id}: the contract, the languages, the errors."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aidguide.api import aids
from aidguide.api.app import app
from aidguide.api.errors import install_error_handlers
from aidguide.content import AID_IDS

from .conftest import FakeRules


def _serves_aids(application: FastAPI) -> bool:
    return "/api/aids/{aid_id}" in application.openapi().get("paths", {})


@pytest.fixture(scope="module")
def client() -> TestClient:
    """The project's app when it includes the aids router; otherwise the router mounted on
    a bare app with the project's error handlers (the same JSON errors and languages)."""
    if _serves_aids(app):
        return TestClient(app)
    bare = FastAPI()
    install_error_handlers(bare)
    bare.include_router(aids.router)
    return TestClient(bare)


def test_overview_in_french(client: TestClient) -> None:
    response = client.get("/api/aids", params={"lang": "fr"})
    assert response.status_code == 200
    body = response.json()
    assert body["lang"] == "fr"
    energy = next(g for g in body["groups"] if g["id"] == "energy")
    assert energy["title"] == "Énergie"
    assert {"id": "heating_allowance"}.items() <= energy["aids"][0].items()
    assert {a["id"] for g in body["groups"] for a in g["aids"]} == set(AID_IDS)


def test_overview_follows_accept_language(client: TestClient) -> None:
    body = client.get("/api/aids", headers={"accept-language": "nl-BE,nl;q=0.9"}).json()
    assert body["lang"] == "nl"
    assert body["groups"][0]["title"] == "Geld om van te leven"


def test_sheet_with_amounts_for_a_date(client: TestClient, fake_rules: FakeRules) -> None:
    response = client.get("/api/aids/ris", params={"lang": "nl", "date": "2025-06-01"})
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Leefloon" and body["amounts_date"] == "2025-06-01"
    amount = next(a for a in body["amounts"] if a["key"] == "ris.amount.cat2.monthly")
    assert amount["status"] == "ok" and amount["applies_from"] == "2024-03-01"
    assert amount["text"].replace("\xa0", " ") == "€ 1.234,56 per maand"
    assert ("ris.amount.cat2.monthly", date(2025, 6, 1)) in fake_rules.calls


def test_sheet_defaults_to_today(client: TestClient, fake_rules: FakeRules) -> None:
    body = client.get("/api/aids/installation_premium").json()
    assert body["lang"] == "fr" and body["amounts_date"] == date.today().isoformat()
    assert fake_rules.calls == [("installation_premium.amount", date.today())]


@pytest.mark.parametrize("aid_id", AID_IDS)
def test_every_sheet_is_served(client: TestClient, aid_id: str, no_rules: None) -> None:
    body = client.get(f"/api/aids/{aid_id}", params={"lang": "nl"}).json()
    assert body["id"] == aid_id and body["review"]["status"] in ("pending", "reviewed")
    assert body["review"]["text"]


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "Nous ne connaissons pas"), ("nl", "We kennen deze steun")]
)
def test_unknown_aid_is_a_404_in_the_request_language(
    client: TestClient, lang: str, words: str
) -> None:
    response = client.get("/api/aids/lottery", params={"lang": lang})
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "aid_not_found"
    assert error["message"].startswith(words)


def test_a_bad_date_is_a_422(client: TestClient) -> None:
    response = client.get("/api/aids/ris", params={"date": "yesterday", "lang": "nl"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_openapi_documents_the_routes_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/aids" in spec["paths"] and "/api/aids/{aid_id}" in spec["paths"]
    schemas = spec["components"]["schemas"]
    assert schemas["SheetOut"]["examples"] and schemas["OverviewOut"]["examples"]
    parameters = spec["paths"]["/api/aids/{aid_id}"]["get"]["parameters"]
    assert {p["name"] for p in parameters} >= {"aid_id", "lang", "date"}
    assert "404" in spec["paths"]["/api/aids/{aid_id}"]["get"]["responses"]
