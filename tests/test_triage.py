"""Which messages the app answers itself before the assistant reads them (aidguide.triage),
in French and Dutch; tests/test_chat_bad_input.py checks the same answers end to end."""

from __future__ import annotations

from datetime import date

import pytest

from aidguide.triage import Verdict, triage

TODAY = date(2026, 12, 2)

#: (language, message, verdict): what people type in French and Dutch.
CASES = [
    ("fr", "qsdkjfh qsdf", Verdict.UNREADABLE),
    ("fr", "azertyuiop sdfghj", Verdict.UNREADABLE),
    ("fr", "blabla", Verdict.NOT_UNDERSTOOD),
    ("fr", "combien était le RIS cohabitant en août 2023 ?", Verdict.AMOUNT_AT_DATE),
    ("fr", "c'est quoi le revenu d'intégration ?", Verdict.ASSISTANT),
    ("fr", "où est mon CPAS ?", Verdict.ASSISTANT),
    ("fr", "45", Verdict.ASSISTANT),
    ("fr", "ok", Verdict.ASSISTANT),
    ("fr", "combien est le revenu d'intégration maintenant ?", Verdict.ASSISTANT),
    ("fr", '/inform{"choice": "ris"}', Verdict.ASSISTANT),
    ("nl", "qwertzuiop asdfgh", Verdict.UNREADABLE),
    ("nl", "kwak kwak", Verdict.NOT_UNDERSTOOD),
    ("nl", "hoeveel was het leefloon voor samenwonenden in augustus 2023?", Verdict.AMOUNT_AT_DATE),
    ("nl", "wat is het leefloon?", Verdict.ASSISTANT),
    ("nl", "waar is mijn OCMW?", Verdict.ASSISTANT),
    ("nl", "1000", Verdict.ASSISTANT),
    ("nl", "ja", Verdict.ASSISTANT),
    ("nl", '/inform{"choice": "heating_oil_bulk"}', Verdict.ASSISTANT),
]
FOREIGN = [
    "Hello, can you please tell me where I can get help with my rent?",
    "Wie geht es Ihnen heute, ich brauche Hilfe",
]


@pytest.mark.parametrize(("lang", "text", "verdict"), CASES)
def test_each_message_gets_its_verdict(lang: str, text: str, verdict: Verdict) -> None:
    assert triage(text, TODAY) is verdict


@pytest.mark.parametrize("text", FOREIGN)
def test_another_language_is_answered_here(text: str) -> None:
    assert triage(text, TODAY) is Verdict.OTHER_LANGUAGE


def test_inside_a_form_unknown_words_go_to_the_form_and_the_rest_stands() -> None:
    assert triage("blabla", TODAY).inside_form() is Verdict.ASSISTANT
    assert triage("kwak kwak", TODAY).inside_form() is Verdict.ASSISTANT
    assert triage("qsdkjfh qsdf", TODAY).inside_form() is Verdict.UNREADABLE
    assert triage(FOREIGN[0], TODAY).inside_form() is Verdict.OTHER_LANGUAGE


def test_an_amount_of_this_month_is_the_assistant_s() -> None:
    """Today's amounts are answered with the aid's sheet, in plain words, by the assistant."""
    assert triage("combien était le RIS en décembre 2026 ?", TODAY) is Verdict.ASSISTANT
    assert triage("combien était le RIS en novembre 2026 ?", TODAY) is Verdict.AMOUNT_AT_DATE


def test_each_answer_of_the_app_is_a_response_of_the_catalogs() -> None:
    from aidguide.nlg import renderer

    for verdict in (Verdict.UNREADABLE, Verdict.OTHER_LANGUAGE, Verdict.NOT_UNDERSTOOD):
        for lang in ("fr", "nl"):
            assert renderer().render(f"utter_{verdict.value}", lang).text
