"""GET /api/cpas and /api/cpas/{nis}: the contract, the languages, the errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from aidguide.api.app import app
from aidguide.nlg import renderer


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


@pytest.mark.parametrize(
    ("lang", "source"),
    [
        ("fr", "Liste des CPAS du SPP Intégration sociale, janvier 2026"),
        ("nl", "Lijst van de OCMW's van de POD MI, januari 2026"),
    ],
)
def test_namur_5100_with_phone_link_source_line_and_rule(
    client: TestClient, lang: str, source: str
) -> None:
    body = client.get("/api/cpas", params={"q": "5100", "lang": lang}).json()
    [match] = body["matches"]
    assert match["nis"] == "92094"
    assert match["address"] == "Rue de Dave 165, 5100 Namur"
    assert match["phone"] == "081 33 70 11" and match["phone_uri"] == "tel:+3281337011"
    assert match["email"] == "info@cpasnamur.be"
    assert match["website_owner"] == "municipality" and match["website_url"].startswith("http")
    assert source in match["source_line"] and "github" not in match["source_line"]
    assert match["competence_rule"] == renderer().render("utter_cpas_rule", lang).text
    assert match["municipality_contact"]["name"] == "Ville de Namur"
    assert any(s["field"] == "address" and s["name"] == source for s in match["sources"])


def test_eupen_shows_the_german_name_in_a_french_answer(client: TestClient) -> None:
    match = client.get("/api/cpas", params={"q": "Eupen", "lang": "fr"}).json()["matches"][0]
    assert match["name"] == "CPAS d'Eupen"
    assert match["display_name"] == "CPAS d'Eupen (ÖSHZ Eupen)"
    assert match["official_names"] == {"de": "ÖSHZ Eupen", "fr": "CPAS d'Eupen"}


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
    from aidguide.directory import card
    from aidguide.i18n import translator

    messages = [
        *card.FIELD_LABELS.values(),
        *card.SOURCE_NAMES.values(),
        card.WEB_PAGE,
        card.WEB_PAGE_READ,
        card.MUNICIPALITY_WEBSITE,
        card.SOURCE_LINE,
        card.HOURS_DATED,
        card.MISSING_ADDRESS,
        card.MISSING_PHONE,
        card.MISSING_EMAIL,
        card.MISSING_EMAIL_NO_WEBSITE,
        card.MISSING_NO_MUNICIPAL_PHONE,
        card.DETAIL_LINE,
        *cpas.NOTE_MESSAGES.values(),
        cpas.CONTACT_MISSING,
        cpas.CONTACT_CHECK,
        cpas.EMPTY_QUERY,
        cpas.UNKNOWN_CENTRE,
    ]
    for lang in ("fr", "nl"):
        for message in messages:
            assert translator(lang).has(message), (lang, message)
