"""The centre card in the widget: the phone is a tel: link, the source line reads as plain
words (each source name links to its page).

The card text is the directory's own (aidguide.directory.card), served by a faked assistant;
the conversation with the real bot is in tests/test_directory_conversation.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from widget_page import bot_messages, chat_reply, fake_assistant, log, open_widget

from aidguide.directory import load_directory
from aidguide.directory.card import centre_card, source_name

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "lang"), [("/", "fr"), ("/nl", "nl")])
def test_centre_card_has_a_phone_link_and_a_plain_source_line(app_url, page, path, lang):
    namur = load_directory().by_nis("92094")
    card = centre_card(namur, lang)
    fake_assistant(page, lambda body: chat_reply([card.text]))
    page.goto(app_url + path)
    open_widget(page)
    expect(bot_messages(page).first).to_contain_text(namur.phone.value)
    phone = log(page).get_by_role("link", name=namur.phone.value)
    expect(phone).to_have_attribute("href", "tel:+3281337011")
    assert phone.get_attribute("target") is None  # a call, not a new window
    website = log(page).get_by_role("link", name="www.ville.namur.be")
    expect(website).to_have_attribute("target", "_blank")
    source = log(page).get_by_role("link", name=source_name(namur.address.source, lang))
    expect(source).to_have_attribute("href", "https://www.mi-is.be/")
    expect(bot_messages(page).first).to_contain_text(card.source_line.split(";")[0])
    text = bot_messages(page).first.inner_text()
    assert "](" not in text and "tel:" not in text  # markdown never shows
