"""What a test does with the widget: open it, read it, fake the assistant, run axe-core.

Playwright's CSS and role locators pierce open shadow roots, so the widget's controls are
found by role and accessible name, as a screen-reader user would find them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import Page, Route, expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def launcher(page: Page):
    return page.locator("aidguide-chat .launcher")


def dialog(page: Page):
    return page.get_by_role("dialog")


def log(page: Page):
    return page.get_by_role("log")


def bot_messages(page: Page):
    """The texts of the bot's messages (without the hidden "Assistant:" prefix)."""
    return page.locator("aidguide-chat .msg.bot .body")


def user_messages(page: Page):
    return page.locator("aidguide-chat .msg.user .body")


def input_box(page: Page):
    return page.locator("aidguide-chat form input")


def announcer(page: Page):
    return page.locator("aidguide-chat [role=status]")


def active_in_widget(page: Page) -> str | None:
    """The class of the focused element inside the widget, or None when focus is elsewhere."""
    return page.evaluate(
        """() => {
            const host = document.querySelector('aidguide-chat');
            if (document.activeElement !== host) return null;
            const active = host.shadowRoot.activeElement;
            return active ? (active.className || active.tagName.toLowerCase()) : null;
        }"""
    )


def open_widget(page: Page) -> None:
    launcher(page).click()
    expect(dialog(page)).to_be_visible()


def chat_reply(
    text: str | list[str],
    buttons: list[dict[str, str]] | None = None,
    lang: str = "fr",
    conversation_id: str = "c0ffee",
) -> dict:
    texts = [text] if isinstance(text, str) else text
    messages = [{"text": t, "buttons": []} for t in texts]
    if buttons:
        messages[-1]["buttons"] = buttons
    return {"conversation_id": conversation_id, "lang": lang, "messages": messages}


def fake_assistant(page: Page, answer: Callable[[dict], dict]) -> list[dict]:
    """Answer POST /api/chat in the page with ``answer(request_body)``; return the bodies seen.

    DELETE /api/chat/{id} answers 204. The request never reaches the app.
    """
    bodies: list[dict] = []

    def handle(route: Route) -> None:
        request = route.request
        if request.method == "DELETE":
            bodies.append({"deleted": urlsplit(request.url).path.rsplit("/", 1)[-1]})
            route.fulfill(status=204, body="")
            return
        body = json.loads(request.post_data or "{}")
        bodies.append(body)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(answer(body)))

    page.route("**/api/chat", handle)
    page.route("**/api/chat/*", handle)
    return bodies


def run_axe(page: Page, axe_source: str) -> list[dict]:
    """WCAG 2.1 A/AA violations on the page (shadow DOM included), as compact dicts."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)  # through DevTools: the page's CSP does not apply
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                              resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' >>> ') + ' :: ' + n.failureSummary)}));
        }""",
        WCAG_TAGS,
    )
    return result
