"""Amount-at-date questions in French and Dutch: the date reader, the answer, and the chat."""

from __future__ import annotations

from datetime import date

import pytest

from aidguide.pro.dates import DateMention, read_date
from aidguide.pro.question import answer_amount_question, asked_keys, asks_amount_at_date

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("combien était le RIS cohabitant en août 2023 ?", DateMention(date(2023, 8, 1), "month")),
        ("en aout 2023", DateMention(date(2023, 8, 1), "month")),
        ("le 15 août 2023", DateMention(date(2023, 8, 15), "day")),
        ("au 1er juillet 2023", DateMention(date(2023, 7, 1), "day")),
        ("op 1 juli 2023", DateMention(date(2023, 7, 1), "day")),
        ("in augustus 2023", DateMention(date(2023, 8, 1), "month")),
        ("vorig jaar in mei", DateMention(date(2025, 5, 1), "month")),
        ("in mei vorig jaar", DateMention(date(2025, 5, 1), "month")),
        ("en mai l'année passée", DateMention(date(2025, 5, 1), "month")),
        ("en mai", DateMention(date(2026, 5, 1), "month")),
        # A month after today's, without a year, is the last one: never the future.
        ("en décembre", DateMention(date(2026, 12, 1), "month")),
        ("in januari", DateMention(date(2026, 1, 1), "month")),
        ("le mois passé", DateMention(date(2026, 11, 1), "month")),
        ("vorige maand", DateMention(date(2026, 11, 1), "month")),
        ("15/08/2023", DateMention(date(2023, 8, 15), "day")),
        ("2023-08-15", DateMention(date(2023, 8, 15), "day")),
        ("08/2023", DateMention(date(2023, 8, 1), "month")),
        ("en 2023", DateMention(date(2023, 1, 1), "year")),
        ("vorig jaar", DateMention(date(2025, 1, 1), "year")),
        ("aujourd'hui", DateMention(TODAY, "day")),
        ("vandaag", DateMention(TODAY, "day")),
    ],
)
def test_dates_in_words_are_read(text, expected):
    assert read_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["bonjour", "31/02/2023", "le RIS", "", "<script>", "x" * 5000])
def test_texts_without_a_date_give_none(text):
    assert read_date(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("RIS cohabitant", ("ris.amount.cat1.monthly",)),
        ("leefloon alleenstaande", ("ris.amount.cat2.monthly",)),
        ("leefloon gezin ten laste per jaar", ("ris.amount.cat3.yearly",)),
        ("revenu d'intégration", tuple(f"ris.amount.cat{c}.monthly" for c in (1, 2, 3))),
        ("exonération générale isolé", ("ris.exemption.general.cat2",)),
        ("prime d'installation", ("installation_premium.amount",)),
        ("bonjour", ()),
    ],
)
def test_which_amount_is_asked(text, keys):
    assert asked_keys(text) == keys


def test_french_question_with_a_month_in_words(ris_july_2023):
    answer = answer_amount_question("combien était le RIS cohabitant en août 2023 ?", "fr", TODAY)
    assert answer is not None and answer.keys == ("ris.amount.cat1.monthly",)
    expected = f"{ris_july_2023['ris.amount.cat1.monthly']}".replace(".", ",")
    assert f"{expected}\xa0€ par mois" in answer.text
    assert "août 2023" in answer.text and "1er juillet 2023" in answer.text
    assert "Source : " in answer.text and "Eupen" in answer.text
    assert "Loi du 26 mai 2002" in answer.text
    assert "le CPAS" in answer.text


def test_dutch_question_with_a_day(ris_july_2023):
    text = "hoeveel was het leefloon voor een alleenstaande op 1 juli 2023?"
    answer = answer_amount_question(text, "nl", TODAY)
    assert answer is not None
    assert "€\xa01.263,17 per maand" in answer.text
    assert str(ris_july_2023["ris.amount.cat2.monthly"]) == "1263.17"
    assert "Bron: " in answer.text and "Wettelijke basis" in answer.text


def test_a_date_the_sources_do_not_cover_is_said_unknown_with_where_to_ask():
    answer = answer_amount_question("combien était le RIS cohabitant en juin 2022 ?", "fr", TODAY)
    assert answer is not None
    assert "nous ne connaissons pas ce montant" in answer.text
    assert "question@mi-is.be" in answer.text
    assert "€" not in answer.text.split("\n")[0]


def test_a_computed_amount_says_so():
    answer = answer_amount_question("hoeveel is het leefloon alleenstaande vandaag?", "nl", TODAY)
    assert answer is not None
    assert "≈" in answer.text and "berekend, niet gepubliceerd" in answer.text.lower()


def test_only_amount_questions_with_a_date_go_to_the_dated_answer():
    assert asks_amount_at_date("combien était le RIS cohabitant en août 2023 ?", TODAY)
    assert asks_amount_at_date("Hoeveel was het leefloon vorig jaar in mei?", TODAY)
    assert asks_amount_at_date("combien le RIS en 2025 ?", TODAY)
    # Today's amounts and future dates: the assistant's own answer, with the aid's sheet.
    assert not asks_amount_at_date("combien est le RIS ?", TODAY)
    assert not asks_amount_at_date("leefloon? hoeveel is da nu", TODAY)
    assert not asks_amount_at_date("combien sera le RIS en mars 2027 ?", TODAY)
    assert not asks_amount_at_date("je suis né en août 2003", TODAY)  # no amount asked
    assert answer_amount_question("bonjour", "fr", TODAY) is None


# ---------- through /api/chat (answered by the app, without Rasa) ----------


@pytest.mark.parametrize(
    ("message", "lang", "expected"),
    [
        ("combien était le RIS cohabitant en août 2023 ?", "fr", "842,12\xa0€ par mois"),
        ("hoeveel was het leefloon voor een alleenstaande op 1 juli 2023?", "nl", "€\xa01.263,17"),
        ("Hoeveel was het leefloon voor een samenwonende vorig jaar in mei?", "nl", "€\xa0876,13"),
        ("quel était le montant du RIS isolé le 15/08/2023 ?", "fr", "1\u202f263,17\xa0€"),
    ],
)
def test_chat_answers_an_amount_at_a_date_with_its_source(client, message, lang, expected):
    response = client.post(
        "/api/chat", json={"conversation_id": "amount1", "message": message, "lang": lang}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["lang"] == lang
    text = body["messages"][0]["text"]
    assert expected in text
    assert ("Source" if lang == "fr" else "Bron") in text
    assert "26 mai 2002" in text


def test_chat_follows_the_language_of_the_question(client):
    response = client.post(
        "/api/chat",
        json={
            "conversation_id": "amount2",
            "message": "hoeveel was het leefloon voor een alleenstaande op 1 juli 2023?",
            "lang": "fr",
        },
    )
    assert response.json()["lang"] == "nl"
