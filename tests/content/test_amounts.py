"""Amounts come from the rules engine, for the date asked, formatted by Babel, with the
date from which they apply; without a value the reader is sent to the right body."""

from __future__ import annotations

from datetime import date

import pytest

from aidguide.content import AID_IDS, get_sheet, render_sheet, topic_text
from aidguide.content.quality import unresolved_amounts

from .conftest import FAKE_FROM, FakeRules


def _amount(sheet: dict, key: str) -> dict:
    [found] = [a for a in sheet["amounts"] if a["key"] == key]
    return found


def test_money_is_formatted_for_fr_be(fake_rules: FakeRules) -> None:
    sheet = render_sheet("ris", "fr", date(2025, 6, 1))
    amount = _amount(sheet, "ris.amount.cat2.monthly")
    assert amount["status"] == "ok"
    assert amount["value"] == "1234.56"
    assert amount["period"] == "month"
    text = amount["text"].replace("\u202f", " ").replace("\xa0", " ")
    assert text == "1 234,56 € par mois"
    assert amount["applies_from"] == FAKE_FROM.isoformat()
    assert amount["applies_from_text"] == "depuis le 1er mars 2024"
    assert ("ris.amount.cat2.monthly", date(2025, 6, 1)) in fake_rules.calls


def test_money_is_formatted_for_nl_be(fake_rules: FakeRules) -> None:
    amount = _amount(render_sheet("ris", "nl", date(2025, 6, 1)), "ris.amount.cat2.monthly")
    assert amount["text"].replace("\xa0", " ") == "€ 1.234,56 per maand"
    assert amount["applies_from_text"] == "sinds 1 maart 2024"


def test_litres_years_and_yearly_amounts(fake_rules: FakeRules) -> None:
    heating = render_sheet("heating_allowance", "nl", date(2025, 1, 1))
    assert _amount(heating, "heating_allowance.max_litres")["text"] == "1.500 liter"
    ceiling = _amount(heating, "heating_allowance.income_ceiling.base")["text"]
    assert ceiling.replace("\xa0", " ") == "€ 20.000,50 per jaar"
    grapa = render_sheet("grapa", "fr", date(2025, 1, 1))
    assert _amount(grapa, "grapa.age")["text"] == "66 ans"


def test_the_date_asked_for_reaches_the_engine(fake_rules: FakeRules) -> None:
    render_sheet("installation_premium", "fr", date(2023, 5, 17))
    assert fake_rules.calls == [("installation_premium.amount", date(2023, 5, 17))]


def test_an_unknown_amount_sends_people_to_the_right_body(fake_rules: FakeRules) -> None:
    before = render_sheet("ris", "fr", date(2020, 1, 1))  # before every fake value
    assert {a["status"] for a in before["amounts"]} == {"unknown"}
    assert all("CPAS" in a["text"] and a["value"] is None for a in before["amounts"])
    bim = render_sheet("bim", "nl", date(2025, 1, 1))
    assert {a["status"] for a in bim["amounts"]} == {"unknown"}
    assert all("ziekenfonds" in a["text"] for a in bim["amounts"])
    grapa = render_sheet("grapa", "fr", date(2020, 1, 1))
    assert "Service fédéral des Pensions" in grapa["amounts"][0]["text"]


def test_without_a_rules_engine_nothing_is_invented(no_rules: None) -> None:
    sheet = render_sheet("heating_allowance", "fr", date(2025, 6, 1))
    assert sheet["amounts"]
    for amount in sheet["amounts"]:
        assert amount["status"] == "unavailable"
        assert amount["value"] is None and amount["applies_from"] is None
        assert "CPAS" in amount["text"]


def test_a_failing_engine_does_not_break_the_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    from aidguide.content import amounts

    def broken(key: str, on: date) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(amounts, "_reference_amount", lambda: broken)
    sheet = render_sheet("installation_premium", "nl", date(2025, 6, 1))
    assert sheet["amounts"][0]["status"] == "unknown"
    assert "OCMW" in sheet["amounts"][0]["text"]


def test_topic_text_lists_amounts_with_their_date(fake_rules: FakeRules) -> None:
    text = topic_text("ris", "amounts", "fr", date(2025, 6, 1))
    assert "depuis le 1er mars 2024" in text
    assert get_sheet("ris").text("amounts_note", "fr") in text


@pytest.mark.parametrize("on", [date.today(), date(2025, 6, 1)])
def test_every_reference_resolves_in_the_real_rules_engine(on: date) -> None:
    for aid_id in AID_IDS:
        assert unresolved_amounts(get_sheet(aid_id), on) == [], aid_id
        for amount in render_sheet(aid_id, "fr", on)["amounts"]:
            assert amount["status"] == "ok", (aid_id, amount["key"])
            assert date.fromisoformat(amount["applies_from"]) <= on
