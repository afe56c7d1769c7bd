"""Asked which documents to bring, the assistant never lists bank statements as a standard
document (SPP IS: a CPAS may not demand them systematically; it consults the Crossroads Bank
itself). Through /api/chat, in French and Dutch, for each aid whose sheet used to list them."""

from __future__ import annotations

import uuid

import pytest

from .conftest import ChatClient

pytestmark = pytest.mark.stack

QUESTIONS = {
    ("fr", "ris"): "je voudrais des infos sur le revenu d'intégration",
    ("nl", "ris"): "wat is het leefloon juist?",
    ("fr", "installation_premium"): "c'est quoi la prime d'installation quand on sort de la rue ?",
    ("nl", "installation_premium"): "wat is de installatiepremie als je dakloos was?",
    ("fr", "rent_guarantee"): "le cpas peut m'aider pour la garantie locative ?",
    ("nl", "rent_guarantee"): "helpt het ocmw met de huurwaarborg?",
}
DOCUMENTS = {
    "fr": "et quels documents je dois apporter ?",
    "nl": "en welke papieren moet ik meebrengen?",
}
#: How bank statements are named, and the Crossroads Bank the CPAS consults instead.
STATEMENTS = {
    "fr": ("extraits de compte", "Banque Carrefour"),
    "nl": ("bankafschrift", "Kruispuntbank"),
}


@pytest.mark.parametrize(("lang", "aid"), sorted(QUESTIONS))
def test_bank_statements_are_not_a_document_to_bring(chat: ChatClient, lang: str, aid: str) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, QUESTIONS[lang, aid], lang=lang)
    reply = chat.send(cid, DOCUMENTS[lang])
    assert reply.status == 200 and reply.lang == lang
    items = [line for line in reply.text.splitlines() if line.startswith("- ")]
    assert len(items) >= 3, reply.text
    statements, crossroads = STATEMENTS[lang]
    mentions = [item for item in items if statements in item.lower()]
    # the only mention says the CPAS looks things up itself and asks only in a specific case
    assert len(mentions) == 1, items
    assert crossroads in mentions[0]
    assert "3 derniers mois" not in reply.text and "laatste 3 maanden" not in reply.text
