"""Parts of the draft that the e-mail set does not reach: computed amounts, unknown places."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from aidguide.helpdesk import draft as draft_module
from aidguide.helpdesk.draft import compose_draft
from aidguide.helpdesk.place import place_from_query
from aidguide.helpdesk.topics import Topic

ON = date(2026, 12, 1)


@dataclass(frozen=True)
class _Reference:
    value: Decimal
    computed: bool


def test_a_computed_amount_is_labelled_and_the_agent_warned(monkeypatch):
    monkeypatch.setattr(
        draft_module, "lookup", lambda key, on: _Reference(Decimal("1340.48"), True)
    )
    draft = compose_draft("fr", (Topic("ris", 1.0),), None, None, ON)
    lines = [line for line in draft.body.splitlines() if "€ par mois" in line]
    assert lines and all("Montant calculé, pas encore publié" in line for line in lines)
    assert any("calculés, pas publiés" in check for check in draft.checks)


def test_a_published_amount_carries_no_computed_label(monkeypatch):
    monkeypatch.setattr(
        draft_module, "lookup", lambda key, on: _Reference(Decimal("1314.20"), False)
    )
    draft = compose_draft("nl", (Topic("ris", 1.0),), None, None, ON)
    assert "berekend bedrag" not in draft.body.lower()
    assert not any("berekend" in check for check in draft.checks)


def test_a_place_with_several_centres_lets_the_agent_choose():
    place = place_from_query("1040")
    assert place is not None and place.centre is None and len(place.result.matches) > 1
    draft = compose_draft("fr", (Topic("rent_guarantee", 1.0),), place, None, ON)
    assert any("plusieurs centres" in check for check in draft.checks)


def test_an_aid_of_another_body_is_flagged_for_the_agent():
    draft = compose_draft("nl", (Topic("grapa", 1.0),), None, None, ON)
    assert any("Federale Pensioendienst" in check for check in draft.checks)


def test_a_low_confidence_topic_is_flagged():
    draft = compose_draft("fr", (Topic("food_aid", 0.4),), None, None, ON)
    assert any("incertain" in check for check in draft.checks)
