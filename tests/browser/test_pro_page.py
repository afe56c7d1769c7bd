"""The worker page (/pro, /pro/nl) in Chromium: look-ups, calculation, print, keyboard, axe.

Screenshots at 1280 px and 375 px go to test-artifacts/browser/ (gitignored).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from widget_page import run_axe

pytestmark = pytest.mark.browser

PAGES = {"fr": "/pro", "nl": "/pro/nl"}
TITLES = {
    "fr": "Montants, calcul et base légale pour les travailleurs des CPAS",
    "nl": "Bedragen, berekening en wettelijke basis voor OCMW-medewerkers",
}


def _only_our_origin(recorded, app_url: str) -> None:
    ours = urlsplit(app_url).netloc
    others = [u for u in recorded.requests if urlsplit(u).netloc != ours]
    assert not others, f"third-party requests: {others}"


def _no_violations(page: Page, axe_source: str) -> None:
    violations = run_axe(page, axe_source)
    assert violations == [], violations


def _calculate(page: Page, lang: str) -> None:
    page.locator("#f-on").fill("2025-06-01")
    page.locator("#f-situation").select_option("alone")
    page.locator("#f-age").fill("30")
    page.locator("#f-residence_status").select_option("belgian")
    page.locator("#f-lives_in_belgium").select_option("yes")
    page.locator("#f-available_for_work").select_option("yes")
    page.locator("#f-monthly_net_income").fill("600")
    page.get_by_role("button", name="Calculer" if lang == "fr" else "Berekenen").click()
    expect(page.locator("#result")).to_be_visible()


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("width", [1280, 375])
def test_page_is_accessible_and_local_at_desktop_and_phone_width(
    app_url, new_page, axe_source, artifacts, lang, width
):
    recorded = new_page(width=width, height=900)
    page = recorded.page
    page.goto(app_url + PAGES[lang])
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[lang])
    _no_violations(page, axe_source)
    # Nothing wider than the screen but the tables, which scroll in their own region.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    page.screenshot(path=str(artifacts / f"pro-{lang}-{width}.png"), full_page=True)
    _only_our_origin(recorded, app_url)
    assert not recorded.console_errors, recorded.console_errors


def test_language_switch_keeps_the_date(app_url, page):
    page.goto(app_url + "/pro?date=2023-08-15")
    page.get_by_role("link", name="Nederlands").click()
    expect(page).to_have_url(re.compile(r"/pro/nl\?date=2023-08-15"))
    expect(page.locator("#date")).to_have_value("2023-08-15")


@pytest.mark.parametrize(
    ("lang", "amount"), [("fr", "842,12\xa0€ par mois"), ("nl", "€\xa0842,12 per maand")]
)
def test_date_look_up_shows_the_amounts_in_force_that_day(app_url, page, lang, amount):
    page.goto(app_url + PAGES[lang])
    page.locator("#date").fill("2023-08-15")
    page.locator("#date").press("Enter")
    expect(page).to_have_url(re.compile(r"date=2023-08-15"))
    row = page.locator("tr", has=page.locator("a[href*='param=ris.amount.cat1.monthly']"))
    expect(row.locator("td").nth(0)).to_contain_text(amount)
    expect(row.locator("td").nth(1)).to_have_text(
        "1er juillet 2023" if lang == "fr" else "1 juli 2023"
    )
    expect(row.locator("td").nth(3)).to_contain_text("Eupen")


def test_history_shows_a_table_and_a_step_chart(app_url, page, axe_source):
    page.goto(app_url + "/pro/nl")
    page.locator("#param").select_option("ris.amount.cat1.monthly")
    page.get_by_role("button", name="Geschiedenis tonen").click()
    chart = page.locator("#history svg[role=img]")
    expect(chart).to_be_visible()
    expect(chart.locator("title")).to_contain_text("Leefloon categorie 1")
    rows = page.locator("#history tbody tr")
    expect(rows.first).to_contain_text("1 januari 2021")
    expect(page.locator("#history")).to_contain_text("berekend, niet gepubliceerd")
    assert chart.locator("line.step").count() >= 5
    _no_violations(page, axe_source)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_calculation_shows_its_steps(app_url, new_page, axe_source, artifacts, lang):
    recorded = new_page()
    page = recorded.page
    page.goto(app_url + PAGES[lang])
    _calculate(page, lang)
    steps = page.locator("#result .calculation").first.locator("ol.steps > li")
    expect(steps).to_have_count(7)
    expect(steps.last).to_contain_text("735,03")
    expect(steps.nth(4)).to_contain_text("250,00")
    expect(page.locator("#result .inputs")).to_contain_text("600")
    expect(page.locator("#result")).to_contain_text("bdas-wwsb.brussels")
    _no_violations(page, axe_source)
    page.screenshot(path=str(artifacts / f"pro-{lang}-calculation.png"), full_page=True)
    # Nothing typed is in the address: the form is POSTed.
    assert "600" not in page.url
    _only_our_origin(recorded, app_url)


def test_print_view_is_one_clean_page_with_date_inputs_steps_and_sources(app_url, page, artifacts):
    page.goto(app_url + "/pro")
    _calculate(page, "fr")
    page.emulate_media(media="print")
    for hidden in ("header.site", "#amounts", "#history", "#calculator", "#search", "footer.site"):
        expect(page.locator(hidden).first).to_be_hidden()
    result = page.locator("#result")
    expect(result).to_be_visible()
    expect(result.get_by_role("heading", level=2)).to_contain_text("1er juin 2025")
    expect(result.locator(".inputs")).to_be_visible()
    expect(result.locator("ol.steps").first).to_be_visible()
    expect(result.locator(".print-note")).to_be_visible()
    expect(result).to_contain_text("Source")
    page.screenshot(path=str(artifacts / "pro-fr-print.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the print view takes {pages} pages"


def _tab_to(page: Page, element_id: str, limit: int = 150) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} not reached with Tab")


def _type_date(page: Page, day: str, month: str, year: str) -> None:
    """Type a date into the focused date field, keys only: the order of its parts follows the
    browser's own language (month first in en-US), so try that order, then day first."""
    page.keyboard.type(month + day + year)
    if page.evaluate("document.activeElement.value") != f"{year}-{month}-{day}":
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowLeft")
        page.keyboard.type(day + month + year)
    assert page.evaluate("document.activeElement.value") == f"{year}-{month}-{day}"


def test_keyboard_only_date_look_up_and_calculation(app_url, page):
    page.goto(app_url + "/pro")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is not visible"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    # Date look-up.
    _tab_to(page, "date")
    _type_date(page, "15", "08", "2023")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"date=2023-08-15"))
    # Calculation: select options with the arrow keys, type numbers, submit with Enter.
    _tab_to(page, "f-situation")
    page.keyboard.press("ArrowDown")  # first choice: lives alone
    expect(page.locator("#f-situation")).to_have_value("alone")
    _tab_to(page, "f-monthly_net_income")
    page.keyboard.type("600")
    page.keyboard.press("Enter")
    expect(page.locator("#result")).to_be_visible()
    expect(page.locator("#result ol.steps").first).to_contain_text("7\u202f200,00")


def test_rules_search_finds_sheets_parameters_and_legal_bases(app_url, page, axe_source):
    page.goto(app_url + "/pro/nl")
    page.locator("#q").fill("vrijstelling")
    page.locator("#q").press("Enter")
    results = page.locator("#search-results")
    expect(results).to_contain_text("Algemene vrijstelling, categorie 2")
    page.locator("#q").fill("GPMI")
    page.locator("#q").press("Enter")
    expect(page.locator("#search-results")).to_contain_text("Leefloon")
    page.locator("#q").fill("26 mai 2002")
    page.locator("#q").press("Enter")
    expect(page.locator("#search-results h3").last).to_have_text("Wettelijke basissen")
    _no_violations(page, axe_source)


def test_wrong_input_is_named_in_the_users_language_and_kept(app_url, page):
    page.goto(app_url + "/pro/nl")
    page.locator("#f-monthly_net_income").fill("<script>alert(1)</script>")
    page.get_by_role("button", name="Berekenen").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Maandelijks netto-inkomen van de persoon")
    expect(page.locator("#f-monthly_net_income")).to_have_value("<script>alert(1)</script>"[:20])
    alert.get_by_role("link").first.click()
    expect(page.locator("#f-monthly_net_income")).to_be_focused()
