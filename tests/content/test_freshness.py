"""No citizen-facing text announces as future an event whose date has passed (checked against
today's date at run time), and the detector itself is tested both ways."""

from __future__ import annotations

from datetime import date

import pytest

from aidguide.content.citizen_texts import catalog_domains, citizen_texts
from aidguide.content.freshness import dates_in, stale_claims

DAY = date(2026, 12, 1)

STALE = [
    "Une nouvelle indexation est prévue à partir du 1er mars 2026.",
    "Een nieuwe indexering wordt verwacht vanaf 1 maart 2026.",
    "Er is een stijging gepland in maart 2026.",
    "The amounts will rise on 1 March 2026.",
    "A new index step is expected on March 1, 2026.",
    "Les montants augmenteront le 1/3/2026.",
    "Vanaf 1 maart 2026 zullen de bedragen stijgen.",
    "Une hausse est attendue en octobre 2026.",
    "Le nouveau plafond sera connu en 2025.",
    "Les montants changent en mars prochain.",
    "De bedragen stijgen volgende maart.",
]
NOT_STALE = [
    "Depuis le 1er mars 2026, le CPAS regarde aussi les revenus de la famille.",
    "Sinds 1 maart 2026 kijkt het OCMW ook naar het inkomen van meer familieleden.",
    "The amounts rose on 1 March 2026.",
    "Une hausse était prévue en mars 2026.",
    "Een nieuwe stijging werd verwacht in oktober 2026. We weten niet of die er gekomen is.",
    "A rise was expected in October 2026.",
    "Une indexation est prévue en mars 2027.",
    "L'âge passe à 67 ans en 2030.",
    "Vous avez 3 mois après avoir reçu la décision. Le recours est gratuit.",
    "Le CPAS vous dira quels documents apporter.",
    "Le CPAS décide dans les 30 jours.",
]


@pytest.mark.parametrize("sentence", STALE)
def test_the_detector_flags_a_passed_date_announced_as_future(sentence: str) -> None:
    assert stale_claims(sentence, DAY), sentence


@pytest.mark.parametrize("sentence", NOT_STALE)
def test_the_detector_leaves_past_facts_and_real_futures_alone(sentence: str) -> None:
    assert stale_claims(sentence, DAY) == [], sentence


def test_the_same_sentence_was_fine_before_the_date() -> None:
    sentence = "Une nouvelle indexation est prévue à partir du 1er mars 2026."
    assert stale_claims(sentence, date(2026, 2, 1)) == []
    assert stale_claims(sentence, date(2026, 3, 2))


def test_dates_are_read_in_three_languages_and_three_notations() -> None:
    text = "du 1er mars 2026, 1 maart 2026, March 1, 2026, 2026-03-01, 1/3/2026, juni 2025, en 2024"
    ends = [day for _, day in dates_in(text)]
    assert ends == [date(2026, 3, 1)] * 5 + [date(2025, 6, 30), date(2024, 12, 31)]


def _stale_in(texts: list) -> list[str]:  # type: ignore[type-arg]
    today = date.today()
    return [
        f"{t.id} ({t.lang}): {c.describe()}" for t in texts for c in stale_claims(t.text, today)
    ]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_no_sheet_announces_a_passed_date_as_future(lang: str) -> None:
    sheets = [t for t in citizen_texts(lang) if t.group.startswith("sheet:")]
    assert _stale_in(sheets) == []


@pytest.mark.parametrize(
    "domain",
    catalog_domains(),
)
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_no_catalog_announces_a_passed_date_as_future(domain: str, lang: str) -> None:
    texts = [t for t in citizen_texts(lang) if t.group == f"catalog:{domain}"]
    assert texts
    assert _stale_in(texts) == []
