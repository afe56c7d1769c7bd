"""Questions about aids, answered from the vetted sheets, with follow-ups on the same aid."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from aidguide.content import list_overview, topic_text

from .conftest import ChatClient

pytestmark = pytest.mark.stack


def new_id() -> str:
    return uuid.uuid4().hex[:12]


@pytest.mark.parametrize(
    ("lang", "question"),
    [("fr", "c'est quoi le revenu d'intégration ?"), ("nl", "wat is het leefloon eigenlijk?")],
)
def test_an_aid_then_its_documents(chat: ChatClient, lang: str, question: str) -> None:
    cid = new_id()
    first = chat.send(cid, question, lang=lang)
    assert first.texts[0].startswith(topic_text("ris", "summary", lang, date.today()))
    assert '/ask_documents{"aid": "ris"}' in first.payloads
    second = chat.send(cid, '/ask_documents{"aid": "ris"}', lang=lang)
    assert second.texts[0] == topic_text("ris", "documents", lang, date.today())


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_overview_is_grouped_by_need(chat: ChatClient, lang: str) -> None:
    reply = chat.send(new_id(), "/list_aids", lang=lang)
    groups = list_overview(lang)
    assert [b for b in reply.payloads] == [f'/list_aids{{"group": "{g["id"]}"}}' for g in groups]
    health = chat.send(new_id(), '/list_aids{"group": "health"}', lang=lang)
    wanted = next(g for g in groups if g["id"] == "health")
    assert health.payloads == [f"/ask_{a['id']}" for a in wanted["aids"]]
