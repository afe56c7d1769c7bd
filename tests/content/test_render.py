"""Rendering: texts in the asked language, UI labels from the catalogs, the overview by need,
and one topic at a time for the bot."""

from __future__ import annotations

from datetime import date

import pytest

from aidguide.content import (
    AID_IDS,
    GROUPS,
    TOPICS,
    UnknownAid,
    list_overview,
    render_sheet,
    topic_text,
)
from aidguide.content.render import REVIEW_DONE, REVIEW_PENDING, SECTION_LABELS
from aidguide.i18n import format_date, translator


@pytest.mark.parametrize("aid_id", AID_IDS)
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_sheet_renders(aid_id: str, lang: str, no_rules: None) -> None:
    sheet = render_sheet(aid_id, lang, date(2025, 6, 1))
    assert sheet["id"] == aid_id and sheet["lang"] == lang
    for field in ("title", "summary", "who", "how_to_apply", "decision_time", "appeal"):
        assert sheet[field].strip(), field
    assert sheet["documents"]
    assert sheet["amounts_date"] == "2025-06-01"
    assert sheet["apply_at"]["name"]


@pytest.mark.parametrize("aid_id", AID_IDS)
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_sheet_says_its_review_state_in_the_readers_language(
    aid_id: str, lang: str, no_rules: None
) -> None:
    """Whatever content/reviews/ holds, the state shown agrees with its date and its sentence.
    Which records make a sheet reviewed, pending or changed: test_reviews.py."""
    review = render_sheet(aid_id, lang, date(2025, 6, 1))["review"]
    t = translator(lang)
    if review["status"] == "reviewed":
        reviewed_on = date.fromisoformat(review["reviewed_on"])
        assert reviewed_on <= date.today()
        assert review["text"] == t.gettext(REVIEW_DONE, date=format_date(reviewed_on, lang))
    else:
        assert review["status"] == "pending" and review["reviewed_on"] is None
        assert review["text"] == t.gettext(REVIEW_PENDING)


def test_texts_follow_the_language(no_rules: None) -> None:
    fr = render_sheet("ris", "fr", date(2025, 6, 1))
    nl = render_sheet("ris", "nl", date(2025, 6, 1))
    assert fr["title"] == "Revenu d'intégration" and nl["title"] == "Leefloon"
    assert "CPAS" in fr["how_to_apply"] and "OCMW" in nl["how_to_apply"]
    assert fr["labels"]["documents"] == "Documents à apporter"
    assert nl["labels"]["documents"] == "Documenten om mee te brengen"
    assert nl["labels"]["who"] != SECTION_LABELS["who"]  # translated, not the msgid
    assert fr["apply_at"]["cpas_online"] is True and fr["apply_at"]["cpas_online_url"]
    # pending or reviewed, the review line is Dutch
    assert nl["review"]["text"].startswith(("Nog niet nagelezen door", "Nagelezen door"))


def test_links_in_the_readers_language_come_first(no_rules: None) -> None:
    nl = render_sheet("equivalent_aid", "nl", date(2025, 6, 1))
    assert nl["links"][0]["lang"] == "nl"
    fr = render_sheet("equivalent_aid", "fr", date(2025, 6, 1))
    assert fr["links"][0]["lang"] == "fr"


def test_unknown_aid() -> None:
    with pytest.raises(UnknownAid):
        render_sheet("lottery", "fr")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_overview_groups_every_aid(lang: str) -> None:
    groups = list_overview(lang)
    assert [g["id"] for g in groups] == list(GROUPS)
    listed = {aid["id"] for g in groups for aid in g["aids"]}
    assert listed == set(AID_IDS)
    by_group = {g["id"]: {a["id"] for a in g["aids"]} for g in groups}
    assert "grapa" in by_group["older_people"]
    assert "heating_allowance" in by_group["energy"]
    assert "debt_mediation" in by_group["debts"]
    assert "participation_fund" in by_group["children_leisure"]


def test_overview_titles_are_translated() -> None:
    fr = {g["id"]: g["title"] for g in list_overview("fr")}
    nl = {g["id"]: g["title"] for g in list_overview("nl")}
    assert fr["older_people"] == "Personnes âgées" and nl["older_people"] == "Ouderen"


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_text_for_the_bot(topic: str, no_rules: None) -> None:
    text = topic_text("heating_allowance", topic, "nl", date(2025, 6, 1))
    assert text.startswith("Verwarmingstoelage: ")
    assert len(text.splitlines()) >= 2
    if topic == "documents":
        assert "- Uw identiteitskaart." in text


def test_topic_text_refuses_unknown_topics() -> None:
    with pytest.raises(ValueError):
        topic_text("ris", "lottery", "fr")
