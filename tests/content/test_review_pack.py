"""The review booklet holds every citizen-facing text of its language, with id, wording hash,
reading ease and room for remarks, labelled in the reader's language."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from aidguide.content.citizen_texts import citizen_texts
from aidguide.content.review_pack import render_pack, write_packs
from aidguide.content.reviews import ReviewRecord, TextVerdict, read_record

EXAMPLE = Path(__file__).parent / "fixtures" / "reviews" / "2026-01-15-example-group.yml"


@pytest.fixture(scope="module", params=["fr", "nl"])
def pack(request: pytest.FixtureRequest) -> tuple[str, str]:
    return request.param, render_pack(request.param, date(2026, 12, 1), records=())


def test_every_citizen_text_is_in_the_booklet_once(pack: tuple[str, str]) -> None:
    lang, html = pack
    ids = re.findall(r'<div class="text" id="([^"]+)">', html)
    expected = [t.id for t in citizen_texts(lang)]
    assert sorted(ids) == sorted(expected) and len(ids) == len(set(ids))
    assert any(i.startswith("sheet.ris.") for i in ids)
    assert any(i.startswith("bot.") for i in ids) and any(i.startswith("widget.") for i in ids)
    assert any(i.startswith("eligibility.") for i in ids)


def test_each_text_shows_its_wording_hash_score_and_room_for_remarks(pack: tuple[str, str]) -> None:
    lang, html = pack
    income = next(
        t for t in citizen_texts(lang) if "utter_ask_elig_income" in t.context and "800" in t.text
    )
    block = html.split(f'id="{income.id}">', 1)[1].split('<div class="text"', 1)[0]
    assert income.wording_hash in block
    assert income.text in unescape(block)
    assert re.search(r"(Facilité de lecture|Leesgemak) \d+\.\d", block)
    assert block.count('class="box"') == 3 and block.count('class="lines"') == 4


def test_the_booklet_speaks_the_readers_language_and_prints(pack: tuple[str, str]) -> None:
    lang, html = pack
    assert f'<html lang="{lang}">' in html
    assert ("Textes à relire" if lang == "fr" else "Teksten om na te lezen") in html
    assert ("Pas clair" if lang == "fr" else "Niet duidelijk") in html
    assert "@media print" in html and "break-inside: avoid" in html
    assert "<script" not in html.lower()


def test_open_remarks_and_reading_dates_come_from_records() -> None:
    record = read_record(EXAMPLE)
    html = render_pack("fr", date(2026, 12, 1), records=(record,))
    block = html.split('id="sheet.ris.who">', 1)[1].split('<div class="text"', 1)[0]
    # the example's hash is not today's wording: the text is shown as changed since
    assert "Modifié depuis la dernière relecture du 15 janvier 2026" in block
    never = html.split('id="sheet.ris.how_to_apply">', 1)[1].split('<div class="text"', 1)[0]
    assert "Jamais relu" in never


def test_write_packs_writes_one_file_per_language(tmp_path: Path) -> None:
    written = write_packs(tmp_path / "build")
    assert [p.name for p in written] == ["review-pack.fr.html", "review-pack.nl.html"]
    assert all(p.stat().st_size > 10_000 for p in written)


def test_an_open_remark_on_the_current_wording_is_printed() -> None:
    who = next(t for t in citizen_texts("nl") if t.id == "sheet.ris.who")
    remark = TextVerdict(
        who.id, "nl", who.wording_hash, "unclear", "g", date(2026, 11, 30), "Te lang."
    )
    record = ReviewRecord(EXAMPLE, "g", date(2026, 11, 30), "nl", (remark,))
    html = render_pack("nl", date(2026, 12, 1), records=(record,))
    block = html.split('id="sheet.ris.who">', 1)[1].split('<div class="text"', 1)[0]
    assert "Laatst nagelezen op 30 november 2026" in block
    assert "Open opmerking: Te lang." in block
