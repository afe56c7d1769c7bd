"""The helpdesk page (/helpdesk, /nl/helpdesk) in Chromium: read an e-mail, correct the reading,
copy the draft; accessible (axe-core, WCAG 2.1 AA) and without any third-party request."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from widget_page import run_axe

pytestmark = pytest.mark.browser

EMAILS = Path(__file__).resolve().parents[1] / "helpdesk" / "emails"
#: Per language: page path, the e-mail, the buttons' names, what the draft must hold, the
#: place the agent then types and the centre it gives.
PAGES = {
    "fr": {
        "path": "/helpdesk",
        "email": "fr06_energy_debts_mons.eml",
        "submit": "Préparer une réponse",
        "rebuild": "Refaire le brouillon",
        "copy": "Copier le brouillon",
        "draft": ["Madame, Monsieur,", "Médiation de dettes", "CPAS de Mons"],
        "secret": "BE28 4942 8595 7520",
        "place": "Namur",
        "centre": "CPAS de Namur",
        "empty": "L'e-mail est vide",
        "copied": "Le brouillon est copié.",
    },
    "nl": {
        "path": "/nl/helpdesk",
        "email": "nl35_energie_schulden_oostende.eml",
        "submit": "Een antwoord voorbereiden",
        "rebuild": "Het ontwerp opnieuw maken",
        "copy": "Het ontwerp kopiëren",
        "draft": ["Geachte mevrouw, geachte heer,", "Schuldbemiddeling", "OCMW Oostende"],
        "secret": "BE66 2795 7422 8843",
        "place": "Brugge",
        "centre": "OCMW Brugge",
        "empty": "De e-mail is leeg",
        "copied": "Het ontwerp is gekopieerd.",
    },
}


def _same_origin(recorded, app_url: str) -> list[str]:
    origin = urlsplit(app_url).netloc
    return [url for url in recorded.requests if urlsplit(url).netloc not in (origin, "")]


@pytest.mark.parametrize("lang", PAGES)
def test_read_correct_and_copy_a_draft(app_url, new_page, axe_source, lang):
    spec = PAGES[lang]
    recorded = new_page(permissions=["clipboard-read", "clipboard-write"])
    page = recorded.page
    page.goto(app_url + spec["path"])
    assert page.evaluate("document.documentElement.lang") == lang
    assert run_axe(page, axe_source) == []

    label = page.locator("label[for=email]").inner_text()
    page.get_by_role("textbox", name=label, exact=True).fill(
        (EMAILS / spec["email"]).read_text(encoding="utf-8")
    )
    page.get_by_role("button", name=spec["submit"]).click()
    body = page.locator("#draft-body")
    expect(page.locator("#result")).to_be_visible(timeout=60_000)
    for text in spec["draft"]:
        expect(body).to_have_value(_containing(text))
    assert page.locator("#draft-body").get_attribute("lang") == lang
    assert page.locator("#checks li").count() >= 1
    assert spec["secret"] not in page.locator("#masked").inner_text()
    chosen = {page.locator(f"#topic-{i}").input_value() for i in (1, 2, 3)} - {""}
    assert chosen == {"energy_bills", "debt_mediation"}
    assert run_axe(page, axe_source) == []

    page.locator("#place").fill(spec["place"])
    page.locator("#topic-2").select_option("")
    page.get_by_role("button", name=spec["rebuild"]).click()
    expect(body).to_have_value(_containing(spec["centre"]), timeout=60_000)
    assert {page.locator(f"#topic-{i}").input_value() for i in (1, 2, 3)} - {""} == {
        page.locator("#topic-1").input_value()
    }

    page.get_by_role("button", name=spec["copy"]).click()
    expect(page.get_by_role("status")).to_have_text(spec["copied"])
    copied = page.evaluate("navigator.clipboard.readText()")
    assert spec["centre"] in copied and page.locator("#draft-subject").input_value() in copied

    assert _same_origin(recorded, app_url) == []
    assert recorded.console_errors == [] and recorded.dialogs == []
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


@pytest.mark.parametrize("lang", PAGES)
def test_an_empty_email_gets_a_clear_message_in_the_page_language(app_url, recorded, lang):
    spec = PAGES[lang]
    page = recorded.page
    page.goto(app_url + spec["path"])
    page.get_by_role("button", name=spec["submit"]).click()
    expect(page.get_by_role("alert")).to_contain_text(spec["empty"], timeout=30_000)
    assert page.locator("#result").is_hidden()


def test_an_eml_file_is_read_when_chosen(app_url, recorded):
    page = recorded.page
    page.goto(app_url + "/helpdesk")
    page.locator("#file").set_input_files(str(EMAILS / "fr02_heating_liege.eml"))
    expect(page.locator("#draft-body")).to_have_value(_containing("60 jours"), timeout=60_000)
    assert "58.03.14-123.17" not in page.locator("#masked").inner_text()


def test_the_page_links_to_the_other_language(app_url, recorded):
    page = recorded.page
    page.goto(app_url + "/helpdesk")
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url(app_url + "/nl/helpdesk")
    assert page.evaluate("document.documentElement.lang") == "nl"


def _containing(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text))
