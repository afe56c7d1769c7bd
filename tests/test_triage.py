"""Which messages the app answers itself before the assistant reads them (aidguide.triage),
in French and Dutch; tests/test_chat_bad_input.py checks the same answers end to end."""

from __future__ import annotations

from datetime import date

import pytest

from aidguide.triage import Verdict, triage

TODAY = date(2026, 12, 2)

CASES = {
    "fr": {
        Verdict.UNREADABLE: ["qsdkjfh qsdf", "azertyuiop sdfghj"],
        Verdict.NOT_UNDERSTOOD: ["blabla"],
        Verdict.AMOUNT_AT_DATE: ["combien était le RIS cohabitant en août 2023 ?"],
        Verdict.ASSISTANT: [
            "c'est quoi le revenu d'intégration ?",
            "où est mon CPAS ?",
            "45",
            "ok",
            "combien est le revenu d'intégration maintenant ?",
            '/inform{"choice": "ris"}',
        ],
    },
    "nl": {
        Verdict.UNREADABLE: ["qsdkjfh qsdf", "qwertzuiop asdfgh"],
        Verdict.NOT_UNDERSTOOD: ["kwak kwak"],
        Verdict.AMOUNT_AT_DATE: ["hoeveel was het leefloon voor samenwonenden in augustus 2023?"],
        Verdict.ASSISTANT: [
            "wat is het leefloon?",
            "waar is mijn OCMW?",
            "1000",
            "ja",
            '/inform{"choice": "heating_oil_bulk"}',
        ],
    },
}
FOREIGN = [
    "Hello, can you please tell me where I can get help with my rent?",
    "Wie geht es Ihnen heute, ich brauche Hilfe",
]


@pytest.mark.parametrize(
    ("lang", "verdict", "text"),
    [
        (lang, verdict, text)
        for lang, by_verdict in CASES.items()
        for verdict, texts in by_verdict.items()
        for text in texts
    ],
)
def test_each_message_gets_its_verdict(lang: str, verdict: Verdict, text: str) -> None:
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
