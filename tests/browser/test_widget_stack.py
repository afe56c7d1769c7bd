"""Whole conversations through the widget with the real assistant (Rasa + the app).

Uses the session fixture ``stack`` (tests/conftest.py). Button titles are looked up in the
bot's catalogs, so the tests follow the texts instead of copying them.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from widget_page import (
    active_in_widget,
    bot_messages,
    dialog,
    input_box,
    launcher,
    log,
    open_widget,
    run_axe,
    user_messages,
)

from aidguide.i18n import translator

pytestmark = [pytest.mark.stack, pytest.mark.browser]

#: Postcode typed by the user -> a name the answer must contain (City of Brussels, Ghent).
POSTCODES = {
    "fr": ("1000", re.compile(r"Bruxelles|Brussel")),
    "nl": ("9000", re.compile(r"Gent|Gand")),
}
OTHER = {"fr": "nl", "nl": "fr"}
PAGE_OF = {"fr": "/", "nl": "/nl"}
STORAGE = "sessionStorage.getItem('aidguide.conversation_id')"


def _langs_of_bot_messages(page: Page) -> list[str]:
    return page.locator("aidguide-chat .msg.bot").evaluate_all("ms => ms.map(m => m.lang)")


def _wait_for_reply(page: Page, count_before: int) -> None:
    expect(bot_messages(page)).not_to_have_count(count_before, timeout=20000)
    expect(page.locator("aidguide-chat .typing")).to_be_hidden(timeout=20000)


def _tab_to(page: Page, predicate: str, limit: int = 40) -> None:
    """Press Tab until the focused widget element matches the JS ``predicate(el)``."""
    check = (
        "() => { const el = document.querySelector('aidguide-chat').shadowRoot.activeElement;"
        f" return !!el && ({predicate}); }}"
    )
    for _ in range(limit):
        if page.evaluate(check):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {predicate}")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_full_conversation(stack, new_page, lang):
    recorded = new_page()
    page = recorded.page
    deletes = []
    page.on(
        "response", lambda r: deletes.append(r.status) if r.request.method == "DELETE" else None
    )
    speak = translator(lang)
    page.goto(stack.base_url + PAGE_OF[lang])
    open_widget(page)
    _wait_for_reply(page, 0)  # the greeting comes from the bot
    assert set(_langs_of_bot_messages(page)) == {lang}
    assert page.evaluate(STORAGE)

    # A quick reply: its title becomes the user's bubble; the bot asks where the user lives.
    title = speak.gettext("Find my CPAS")
    count = bot_messages(page).count()
    page.get_by_role("button", name=title).click()
    expect(user_messages(page).last).to_have_text(title)
    _wait_for_reply(page, count)

    postcode, place = POSTCODES[lang]
    count = bot_messages(page).count()
    input_box(page).fill(postcode)
    input_box(page).press("Enter")
    _wait_for_reply(page, count)
    expect(log(page)).to_contain_text(place, timeout=20000)

    # Switch language in the header: the bot confirms in the other language.
    other = OTHER[lang]
    count = bot_messages(page).count()
    page.locator(f"aidguide-chat .lang[data-lang={other}]").click()
    _wait_for_reply(page, count)
    assert _langs_of_bot_messages(page)[-1] == other
    expect(page.locator("aidguide-chat .wrapper")).to_have_attribute("lang", other)

    page.locator("aidguide-chat .clear").click()
    expect(bot_messages(page)).to_have_count(0)
    assert page.evaluate(STORAGE) is None
    page.wait_for_timeout(300)
    assert deletes == [204]
    assert not recorded.dialogs


def test_keyboard_only_conversation(stack, new_page):
    page = new_page().page
    speak = translator("fr")
    page.goto(stack.base_url + "/")
    expect(launcher(page)).to_be_visible()
    _tab_to(page, "el.classList.contains('launcher')")
    page.keyboard.press("Enter")
    expect(dialog(page)).to_be_visible()
    _wait_for_reply(page, 0)

    title = speak.gettext("Find my CPAS")
    count = bot_messages(page).count()
    _tab_to(page, f"el.classList.contains('reply') && el.textContent === {title!r}")
    page.keyboard.press("Enter")
    _wait_for_reply(page, count)
    assert active_in_widget(page) == "input", "after a quick reply, focus goes to the input"

    count = bot_messages(page).count()
    page.keyboard.type(POSTCODES["fr"][0])
    page.keyboard.press("Enter")
    _wait_for_reply(page, count)
    expect(log(page)).to_contain_text(POSTCODES["fr"][1], timeout=20000)

    count = bot_messages(page).count()
    _tab_to(page, "el.dataset.lang === 'nl'")
    page.keyboard.press("Enter")
    _wait_for_reply(page, count)
    assert _langs_of_bot_messages(page)[-1] == "nl"

    _tab_to(page, "el.classList.contains('clear')")
    page.keyboard.press("Enter")
    expect(bot_messages(page)).to_have_count(0)
    page.keyboard.press("Escape")
    expect(dialog(page)).to_be_hidden()
    assert active_in_widget(page) == "launcher"


def test_axe_after_a_real_conversation(stack, new_page, axe_source):
    page = new_page(reduced_motion="reduce").page  # no contrast measured mid-fade
    page.goto(stack.base_url + "/nl")
    open_widget(page)
    _wait_for_reply(page, 0)
    count = bot_messages(page).count()
    input_box(page).fill(POSTCODES["nl"][0])
    input_box(page).press("Enter")
    _wait_for_reply(page, count)
    assert run_axe(page, axe_source) == []
