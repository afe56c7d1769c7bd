"""GET /api/cpas and /api/cpas/{nis}: the contract, the languages, the errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from aidguide.api.app import app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(app)


def test_postcode_1070_is_anderlecht(client: TestClient) -> None:
    body = client.get("/api/cpas", params={"q": "1070"}).json()
    assert body["query"] == "1070" and body["kind"] == "postcode"
    assert body["ambiguous"] is False
    [match] = body["matches"]
    assert match["nis"] == "21001" and match["municipality"] == "Anderlecht"
    for key in ("name", "address", "phone", "email", "website", "sources", "names"):
        assert key in match


def test_luik_in_dutch(client: TestClient) -> None:
    body = client.get("/api/cpas", params={"q": "Luik", "lang": "nl"}).json()
    [match] = body["matches"]
    assert match["name"] == "OCMW Luik"
    assert match["names"]["fr"] == "CPAS de Liège"
    assert match["municipality"] == "Luik"
    assert body["lang"] == "nl"


def test_borsbeek_is_antwerpen_since_2025(client: TestClient) -> None:
    body = client.get("/api/cpas", params={"q": "Borsbeek", "lang": "nl"}).json()
    assert [m["nis"] for m in body["matches"]] == ["11002"]
    assert body["matches"][0]["name"] == "OCMW Antwerpen"
    assert "2025" in body["note"]
    assert {m["nis"] for m in body["matches"][0]["merged_from"]} == {"11002", "11007"}


@pytest.mark.parametrize(("lang", "word"), [("fr", "Ville de Bruxelles"), ("nl", "Stad Brussel")])
def test_brussels_note_in_the_request_language(client: TestClient, lang: str, word: str) -> None:
    body = client.get("/api/cpas", params={"q": "Bruxelles", "lang": lang}).json()
    assert [m["nis"] for m in body["matches"]] == ["21004"]
    assert word in body["note"]
    assert "brussels_city" in {n["code"] for n in body["notes"]}


def test_shared_postcode_returns_both_and_a_note(client: TestClient) -> None:
    body = client.get("/api/cpas", params={"q": "1040", "lang": "nl"}).json()
    assert body["ambiguous"] is True
    assert {m["nis"] for m in body["matches"]} == {"21004", "21005"}
    assert "straat" in body["note"]


def test_language_from_accept_language(client: TestClient) -> None:
    body = client.get("/api/cpas", params={"q": "Liège"}, headers={"accept-language": "nl-BE"})
    assert body.json()["matches"][0]["name"] == "OCMW Luik"


def test_unknown_place_is_an_empty_answer_with_a_note(client: TestClient) -> None:
    response = client.get("/api/cpas", params={"q": "qwertyuiop", "lang": "fr"})
    body = response.json()
    assert response.status_code == 200
    assert body["matches"] == [] and body["kind"] == "none" and body["note"]


def test_every_contact_value_has_its_source(client: TestClient) -> None:
    body = client.get("/api/cpas", params={"q": "Anderlecht"}).json()
    match = body["matches"][0]
    fields = {s["field"] for s in match["sources"]}
    for name in ("address", "phone", "email", "website", "opening_hours"):
        if match[name] is not None:
            assert name in fields
    assert "municipality" in fields


def test_missing_contact_refers_to_the_helpdesk(client: TestClient) -> None:
    body = client.get("/api/cpas/21017", params={"lang": "nl"}).json()  # Watermaal-Bosvoorde
    assert body["address"] is None and body["phone"] is None
    assert "question@mi-is.be" in body["contact_note"]


def test_by_nis(client: TestClient) -> None:
    response = client.get("/api/cpas/62063", params={"lang": "fr"})
    assert response.status_code == 200
    assert response.json()["name"] == "CPAS de Liège"


@pytest.mark.parametrize(("lang", "text"), [("fr", "CPAS"), ("nl", "OCMW")])
def test_unknown_nis_is_a_404_in_the_request_language(
    client: TestClient, lang: str, text: str
) -> None:
    response = client.get("/api/cpas/99999", params={"lang": lang})
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "cpas_not_found" and text in error["message"]


@pytest.mark.parametrize("q", ["", "   ", "x" * 201])
def test_empty_or_oversized_query_is_a_422(client: TestClient, q: str) -> None:
    response = client.get("/api/cpas", params={"q": q, "lang": "nl"})
    assert response.status_code == 422
    assert set(response.json()["error"]) == {"code", "message"}


def test_missing_query_is_a_422(client: TestClient) -> None:
    assert client.get("/api/cpas").status_code == 422


def test_openapi_documents_both_routes_with_examples(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/cpas" in schema["paths"] and "/api/cpas/{nis}" in schema["paths"]
    lookup = schema["paths"]["/api/cpas"]["get"]
    assert "422" in lookup["responses"]
    assert "404" in schema["paths"]["/api/cpas/{nis}"]["get"]["responses"]
    assert schema["components"]["schemas"]["LookupOut"].get("examples")


def test_catalogs_are_complete_for_the_directory_domain() -> None:
    from aidguide.api import cpas
    from aidguide.i18n import translator

    messages = [
        *cpas.NOTE_MESSAGES.values(),
        cpas.CONTACT_MISSING,
        cpas.CONTACT_CHECK,
        cpas.EMPTY_QUERY,
        cpas.UNKNOWN_CENTRE,
    ]
    for lang in ("fr", "nl"):
        for message in messages:
            assert translator(lang).has(message), (lang, message)
