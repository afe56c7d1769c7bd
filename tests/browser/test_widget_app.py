"""The widget and its pages with the app alone (the assistant is unreachable or faked).

Conversations with the real bot are in test_widget_stack.py; the pages, script and UI strings
over HTTP alone in tests/test_widget_http.py.
"""

from __future__ import annotations

import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from widget_page import (
    active_in_widget,
    announcer,
    bot_messages,
    chat_reply,
    dialog,
    fake_assistant,
    input_box,
    launcher,
    log,
    open_widget,
    run_axe,
    user_messages,
)

pytestmark = pytest.mark.browser

HELPDESK = ("question@mi-is.be", "+32 2 508 85 85")
PAGES = {"/": "fr", "/nl": "nl", "/accessibilite": "fr", "/nl/toegankelijkheid": "nl"}
XSS = "<img src=x onerror=alert(1)>"


# ---------- the widget in the browser ----------


def test_unreachable_assistant_gives_the_helpdesk_and_a_working_retry(app_url, recorded, catalogs):
    page = recorded.page
    fr = catalogs["fr"]
    page.goto(app_url + "/")
    expect(launcher(page)).to_have_text(fr["Ask a question"])
    open_widget(page)
    assert active_in_widget(page) is not None, "focus moves into the dialog"
    error = page.locator("aidguide-chat .error")
    expect(error).to_be_visible()
    expect(error).to_contain_text(fr["The assistant is not available right now."])
    for contact in HELPDESK:
        expect(error).to_contain_text(contact)
    expect(error).to_contain_text(fr["Monday to Friday, 8:30-12:30 and 13:30-16:00"])
    expect(announcer(page)).to_contain_text(HELPDESK[0])
    # The assistant comes back: "try again" resends the greeting and shows its answer.
    bodies = fake_assistant(page, lambda body: chat_reply("Bonjour !"))
    page.get_by_role("button", name=fr["Try again"]).click()
    expect(bot_messages(page)).to_have_text(["Bonjour !"])
    expect(error).to_be_hidden()
    assert bodies == [{"message": "/greet", "lang": "fr"}]
    assert not recorded.dialogs


def test_bot_and_user_texts_are_shown_as_text_never_run(app_url, recorded):
    page = recorded.page
    fake_assistant(
        page,
        lambda body: (
            chat_reply(
                [
                    XSS,
                    "Voir [le site](https://www.mi-is.be/fr) ou javascript:alert(2) "
                    "[piège](javascript:alert(3))",
                ],
                buttons=[{"title": XSS, "payload": "/affirm"}],
            )
            if body["message"] == "/greet"
            else chat_reply("D'accord.", buttons=[{"title": XSS, "payload": "/affirm"}])
        ),
    )
    page.goto(app_url + "/")
    open_widget(page)
    expect(bot_messages(page).first).to_contain_text(XSS)
    input_box(page).fill(XSS)
    input_box(page).press("Enter")
    expect(user_messages(page)).to_contain_text([XSS])
    expect(page.get_by_role("button", name=XSS)).to_be_visible()
    page.wait_for_timeout(200)  # an onerror handler would have fired by now
    assert page.locator("aidguide-chat img").count() == 0
    assert not recorded.dialogs, "a script ran"
    links = log(page).get_by_role("link")
    expect(links).to_have_count(1)  # javascript: is left as text
    link = links.first
    assert link.get_attribute("href") == "https://www.mi-is.be/fr"
    assert link.get_attribute("target") == "_blank"
    assert set(link.get_attribute("rel").split()) == {"noopener", "noreferrer"}
    expect(link.locator(".vh")).to_have_text(re.compile(r"nouvelle fenêtre"))


def test_button_shows_its_title_and_sends_its_payload(app_url, page):
    def answer(body):
        if body["message"] == "/greet":
            return chat_reply(
                "Que cherchez-vous ?",
                buttons=[
                    {"title": "Trouver mon CPAS", "payload": "/find_cpas"},
                    {"title": "Les aides", "payload": "/list_aids"},
                ],
            )
        return chat_reply("Donnez votre code postal.")

    bodies = fake_assistant(page, answer)
    page.goto(app_url + "/")
    open_widget(page)
    page.get_by_role("button", name="Trouver mon CPAS").click()
    expect(user_messages(page)).to_have_text(["Trouver mon CPAS"])
    expect(bot_messages(page).last).to_have_text("Donnez votre code postal.")
    assert bodies[-1] == {"message": "/find_cpas", "lang": "fr", "conversation_id": "c0ffee"}
    expect(page.get_by_role("button", name="Les aides")).to_have_count(0)  # old replies go
    assert active_in_widget(page) == "input", "focus went back to the input"
    # Each bot reply is announced once in the polite live region.
    expect(announcer(page)).to_have_text("Donnez votre code postal.")
    assert page.evaluate("sessionStorage.getItem('aidguide.conversation_id')") == "c0ffee"


def test_language_switch_follows_the_bot_and_relabels_the_ui(app_url, page, catalogs):
    def answer(body):
        if body["message"].startswith("/change_language"):
            return chat_reply("Ik spreek nu Nederlands.", lang="nl")
        return chat_reply("Bonjour !")

    bodies = fake_assistant(page, answer)
    page.goto(app_url + "/")
    open_widget(page)
    expect(bot_messages(page)).to_have_count(1)
    page.get_by_role("button", name=re.compile("Nederlands")).click()
    expect(bot_messages(page).last).to_have_text("Ik spreek nu Nederlands.")
    assert bodies[-1]["message"] == '/change_language{"language":"nl"}'
    assert bodies[-1]["lang"] == "nl"
    nl = catalogs["nl"]
    expect(page.get_by_role("button", name=nl["Send"])).to_be_visible()
    expect(dialog(page)).to_have_accessible_name(nl["AidGuide, the social aid assistant"])
    langs = page.locator("aidguide-chat .msg.bot").evaluate_all("ms => ms.map(m => m.lang)")
    assert langs == ["fr", "nl"]
    expect(page.get_by_role("button", name=re.compile("Nederlands"))).to_have_attribute(
        "aria-pressed", "true"
    )


def test_bot_switching_language_by_itself_is_followed(app_url, page, catalogs):
    fake_assistant(page, lambda body: chat_reply("Hallo!", lang="nl"))
    page.goto(app_url + "/")
    open_widget(page)
    expect(page.get_by_role("button", name=catalogs["nl"]["Send"])).to_be_visible()
    expect(page.locator("aidguide-chat .wrapper")).to_have_attribute("lang", "nl")


def test_clear_forgets_the_conversation_on_both_sides(app_url, page, catalogs):
    bodies = fake_assistant(page, lambda body: chat_reply("Bonjour !", conversation_id="abc123"))
    page.goto(app_url + "/")
    open_widget(page)
    expect(bot_messages(page)).to_have_count(1)
    assert page.evaluate("sessionStorage.getItem('aidguide.conversation_id')") == "abc123"
    page.get_by_role("button", name=catalogs["fr"]["Clear the conversation"]).click()
    expect(bot_messages(page)).to_have_count(0)
    expect(log(page)).to_contain_text(catalogs["fr"]["The conversation has been cleared."])
    assert {"deleted": "abc123"} in bodies
    assert page.evaluate("sessionStorage.getItem('aidguide.conversation_id')") is None
    input_box(page).fill("Bonjour")
    input_box(page).press("Enter")
    expect(bot_messages(page)).to_have_count(1)
    assert "conversation_id" not in bodies[-1], "a new conversation starts"


def test_input_enforces_the_maximum_length(app_url, page):
    fake_assistant(page, lambda body: chat_reply("Bonjour !"))
    page.goto(app_url + "/")
    open_widget(page)
    box = input_box(page)
    assert box.get_attribute("maxlength") == "2000"
    box.fill("a" * 2500)
    assert len(box.input_value()) == 2000


def test_keyboard_focus_trap_escape_and_return_to_launcher(app_url, page, catalogs):
    fake_assistant(
        page, lambda body: chat_reply("Bonjour !", buttons=[{"title": "Oui", "payload": "/affirm"}])
    )
    page.goto(app_url + "/")
    expect(launcher(page)).to_be_visible()
    for _ in range(30):  # Tab through the page until the launcher has focus
        page.keyboard.press("Tab")
        if active_in_widget(page) == "launcher":
            break
    assert active_in_widget(page) == "launcher"
    page.keyboard.press("Enter")
    expect(dialog(page)).to_be_visible()
    expect(page.get_by_role("button", name="Oui")).to_be_visible()
    seen = []
    for _ in range(15):
        page.keyboard.press("Tab")
        seen.append(active_in_widget(page))
    assert None not in seen, "focus left the dialog"
    assert "icon close" in seen and "reply" in seen and "send" in seen
    page.keyboard.press("Shift+Tab")
    assert active_in_widget(page) is not None
    # Focus is visible: the focused control draws an outline.
    outline = page.evaluate(
        "() => getComputedStyle(document.querySelector('aidguide-chat')"
        ".shadowRoot.activeElement).outlineStyle"
    )
    assert outline == "solid"
    page.keyboard.press("Escape")
    expect(dialog(page)).to_be_hidden()
    assert active_in_widget(page) == "launcher"
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")


def test_every_message_carries_its_language(app_url, page):
    fake_assistant(page, lambda body: chat_reply(["Bonjour !", "Que cherchez-vous ?"]))
    page.goto(app_url + "/nl")
    open_widget(page)
    expect(bot_messages(page)).to_have_count(2)
    input_box(page).fill("Bonjour")
    input_box(page).press("Enter")
    expect(bot_messages(page)).to_have_count(4)
    langs = page.locator("aidguide-chat .msg").evaluate_all("ms => ms.map(m => m.lang)")
    assert langs and all(lang in ("fr", "nl") for lang in langs)


def test_reduced_motion_stops_the_animations(app_url, new_page):
    recorded = new_page(reduced_motion="reduce")
    page = recorded.page
    page.route("**/api/chat", lambda route: None)  # never answers: "writing" stays on
    page.goto(app_url + "/")
    open_widget(page)
    dot = page.locator("aidguide-chat .dots span").first
    expect(dot).to_be_visible()
    assert dot.evaluate("d => getComputedStyle(d).animationName") == "none"
    assert (
        page.locator("aidguide-chat .panel").evaluate("p => getComputedStyle(p).animationName")
        == "none"
    )


def test_no_third_party_request_and_no_cookie(app_url, recorded):
    page = recorded.page
    page.goto(app_url + "/")
    open_widget(page)
    expect(page.locator("aidguide-chat .error")).to_be_visible()  # /api/chat was called
    page.goto(app_url + "/accessibilite")
    origin = urlsplit(app_url)
    hosts = {
        (urlsplit(url).scheme, urlsplit(url).netloc)
        for url in recorded.requests
        if not url.startswith("data:")
    }
    assert hosts == {(origin.scheme, origin.netloc)}
    assert any(url.endswith("/api/chat") for url in recorded.requests)
    assert recorded.context.cookies() == []
    csp_errors = [e for e in recorded.console_errors if "Content Security Policy" in e]
    assert not csp_errors


def test_works_when_embedded_on_another_site(app_url, recorded, catalogs):
    """The API base comes from the script's src: a page elsewhere still talks to the app."""
    page = recorded.page
    host_page = (
        '<!DOCTYPE html><html lang="fr"><head><title>CPAS de Test</title></head><body>'
        '<h1>CPAS de Test</h1><aidguide-chat lang="nl"></aidguide-chat>'
        f'<script src="{app_url}/widget.js" defer></script></body></html>'
    ).encode()

    class HostSite(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(host_page)

        def log_message(self, *args):
            pass

    # A real loopback server: Chromium forbids a public page to reach loopback.
    server = ThreadingHTTPServer(("127.0.0.1", 0), HostSite)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/aide")
        expect(launcher(page)).to_have_text(catalogs["nl"]["Ask a question"])
        launcher(page).click()
        expect(page.locator("aidguide-chat .error")).to_be_visible()
    finally:
        server.shutdown()
    assert f"{app_url}/widget/i18n/nl.json" in recorded.requests
    assert f"{app_url}/api/chat" in recorded.requests
    assert page.locator("aidguide-chat").count() == 1, "the tag is not duplicated"


def test_axe_no_wcag_violation_on_the_pages_and_the_open_widget(app_url, new_page, axe_source):
    # Reduced motion: axe must not measure contrast halfway through the opening fade.
    page = new_page(reduced_motion="reduce").page
    for path in PAGES:
        page.goto(app_url + path)
        if path in ("/", "/nl"):
            expect(launcher(page)).to_be_visible()
        assert run_axe(page, axe_source) == [], path
    page.goto(app_url + "/")
    open_widget(page)
    expect(page.locator("aidguide-chat .error")).to_be_visible()
    assert run_axe(page, axe_source) == []


def test_axe_after_a_conversation_with_buttons_and_links(app_url, new_page, axe_source):
    page = new_page(reduced_motion="reduce").page
    fake_assistant(
        page,
        lambda body: chat_reply(
            ["Bonjour ! Je suis l'assistant.", "Plus d'infos : https://www.mi-is.be/fr."],
            buttons=[
                {"title": "Trouver mon CPAS", "payload": "/find_cpas"},
                {"title": "Les aides", "payload": "/list_aids"},
            ],
        ),
    )
    page.goto(app_url + "/")
    open_widget(page)
    expect(bot_messages(page)).to_have_count(2)  # the greeting first: a busy widget waits
    input_box(page).fill("Bonjour")
    input_box(page).press("Enter")
    expect(bot_messages(page)).to_have_count(4)
    assert run_axe(page, axe_source) == []


@pytest.mark.parametrize(("width", "height"), [(320, 640), (1280, 800)])
def test_layout_and_screenshots(app_url, new_page, artifacts, width, height):
    page = new_page(width=width, height=height).page
    fake_assistant(
        page,
        lambda body: chat_reply(
            [
                "Bonjour ! Je suis AidGuide. Je vous aide à trouver les aides et votre CPAS.",
                "Que cherchez-vous ? Plus d'infos : https://www.mi-is.be/fr",
            ],
            buttons=[
                {"title": "Trouver mon CPAS", "payload": "/find_cpas"},
                {"title": "Les aides sociales", "payload": "/list_aids"},
            ],
        ),
    )
    page.goto(app_url + "/")
    page.screenshot(path=artifacts / f"page-{width}.png", animations="disabled")
    open_widget(page)
    expect(bot_messages(page)).to_have_count(2)  # the greeting first: a busy widget waits
    input_box(page).fill("Je cherche une aide pour payer mon loyer")
    input_box(page).press("Enter")
    expect(bot_messages(page)).to_have_count(4)
    page.screenshot(path=artifacts / f"widget-{width}.png", animations="disabled")
    box = page.locator("aidguide-chat .panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for selector in ("form input", ".send", ".clear", ".close"):
        control = page.locator(f"aidguide-chat {selector}").bounding_box()
        assert control["x"] >= 0 and control["x"] + control["width"] <= width, selector
        assert control["height"] >= 24, selector  # comfortable touch targets


def test_text_at_200_percent_loses_nothing(app_url, new_page, artifacts):
    page = new_page(width=1280, height=800).page
    fake_assistant(
        page,
        lambda body: chat_reply(
            "Bonjour ! Je vous aide à trouver votre CPAS.",
            buttons=[{"title": "Trouver mon CPAS", "payload": "/find_cpas"}],
        ),
    )
    page.goto(app_url + "/")
    # The user's text size doubled (CSSOM, allowed by the page's CSP).
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    open_widget(page)
    expect(bot_messages(page)).to_have_count(1)
    page.screenshot(path=artifacts / "widget-1280-text200.png", animations="disabled")
    panel = page.locator("aidguide-chat .panel")
    assert panel.evaluate("p => parseFloat(getComputedStyle(p).fontSize)") >= 32
    scroll = page.locator("aidguide-chat .scroll")
    assert scroll.evaluate("s => s.scrollWidth <= s.clientWidth"), "no horizontal scrolling"
    for selector in ("form input", ".send", ".clear", ".close", ".reply"):
        control = page.locator(f"aidguide-chat {selector}")
        control.scroll_into_view_if_needed()
        expect(control).to_be_in_viewport()
