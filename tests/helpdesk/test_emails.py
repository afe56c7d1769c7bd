"""The hand-written e-mails of cases.yml: the figures the issue asks for, and each draft.

The figures are computed on every e-mail (the tuning subset and the held-out rest together);
``bench/helpdesk_eval.py`` prints them per subset.
"""

from __future__ import annotations

import pytest

from aidguide.content import check_text

from .evaluation import draft_text, figures, load_cases, repeated, reply_for

CASES = load_cases()
IDS = [case.file for case in CASES]


def test_the_set_is_large_and_varied():
    assert len(CASES) >= 40
    languages = {case.lang for case in CASES}
    assert languages == {"fr", "nl", "de", "en"}
    assert sum(len(case.topics) > 1 for case in CASES) >= 4, "multi-topic e-mails"
    assert {c.off_topic for c in CASES} >= {"taxes", "fine", "job_application"}
    assert sum(case.place is None for case in CASES if case.topics) >= 1, "without a place"


def test_language_is_right_for_every_email():
    assert figures(CASES).language == 1.0


def test_topics_f1_is_at_least_090():
    result = figures(CASES)
    assert result.topics_f1 >= 0.90, (result.topics_precision, result.topics_recall)


def test_place_gives_the_right_centre_for_at_least_95_percent():
    assert figures(CASES).place >= 0.95


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_must_say_fact_is_in_the_draft(case):
    text = draft_text(reply_for(case.file))
    assert [fact for fact in case.must_say if fact not in text] == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_no_personal_data_of_the_email_is_repeated(case):
    reply = reply_for(case.file)
    text = draft_text(reply) + "\n" + "\n".join(reply.draft.checks)
    assert [v for v in (*case.pii_names, *case.pii_data) if repeated(v, text)] == []
    assert [v for v in case.pii_data if repeated(v, reply.masked_email)] == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_draft_passes_the_readability_gate_of_the_sheets(case):
    reply = reply_for(case.file)
    report = check_text(reply.draft.body, reply.draft.lang)
    assert report.ok, (report.score, report.long_sentences)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_draft_has_the_helpdesk_greeting_closing_and_cpas_decides(case):
    reply = reply_for(case.file)
    body = reply.draft.body
    greeting = {"fr": "Madame, Monsieur,", "nl": "Geachte mevrouw, geachte heer,"}
    assert body.startswith(greeting[reply.draft.lang])
    assert "question@mi-is.be" in body and "+32 2 508 85 85" in body
    if case.topics:
        decides = {"fr": "Le CPAS décide", "nl": "Het OCMW beslist"}
        assert decides[reply.draft.lang] in body


@pytest.mark.parametrize("case", [c for c in CASES if c.lang in ("de", "en")], ids=str)
def test_a_german_or_english_writer_gets_a_draft_and_a_translation_check(case):
    reply = reply_for(case.file)
    assert reply.lang == case.lang
    assert reply.draft.lang in ("fr", "nl")
    language = {"de": {"fr": "allemand", "nl": "Duits"}, "en": {"fr": "anglais", "nl": "Engels"}}
    assert any(language[case.lang][reply.draft.lang] in check for check in reply.draft.checks)


def test_amounts_come_with_their_date():
    body = reply_for("fr01_ris_schaerbeek.eml").draft.body
    amount_lines = [line for line in body.splitlines() if "€ par mois" in line]
    assert amount_lines, "the revenu d'intégration amounts are shown"
    assert all("depuis le" in line for line in amount_lines)


def test_a_merged_municipality_is_named_with_its_new_centre_and_the_agent_warned():
    reply = reply_for("nl39_leefloon_borsbeek.eml")
    assert "OCMW Antwerpen" in reply.draft.body
    assert any("Borsbeek" in check for check in reply.draft.checks)


def test_an_email_without_a_place_asks_the_agent_to_find_it():
    reply = reply_for("fr10_ris_short_noplace.txt")
    assert reply.place is None
    assert any("lieu de résidence" in check for check in reply.draft.checks)
