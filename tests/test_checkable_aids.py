"""Which aids offer "Am I entitled?" and what asking it does: one list, the question plan's
(aidguide.eligibility.plan). An aid the rules engine answers for offers the questions; any
other aid answers "am I entitled?" with its sheet (no Rasa needed)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.aids import ActionAnswerAid
from actions.eligibility import ActionEligibilityIntro
from aidguide.content import get_sheet

from .conftest import action_tracker, run_sync


def sheet_buttons(aid: str, lang: str) -> list[str]:
    dispatcher = CollectingDispatcher()
    tracker = action_tracker({"language": lang}, {"intent": {"name": f"ask_{aid}"}})
    run_sync(ActionAnswerAid().run(dispatcher, tracker, {}))
    return [b["payload"] for m in dispatcher.messages for b in m.get("buttons") or []]


def ask_entitled(aid: str, lang: str) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    message = {
        "intent": {"name": "check_eligibility"},
        "entities": [{"entity": "aid", "value": aid}],
    }
    events = run_sync(
        ActionEligibilityIntro().run(dispatcher, action_tracker({"language": lang}, message), {})
    )
    return dispatcher.messages, events


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize(
    ("aid", "check"),
    [
        ("ris", "ris"),
        ("equivalent_aid", "ris"),
        ("urgent_medical_aid", "ris"),
        ("heating_allowance", "heating_allowance"),
        ("installation_premium", "installation_premium"),
    ],
)
def test_an_aid_the_engine_answers_for_offers_the_questions(
    aid: str, check: str, lang: str
) -> None:
    assert f'/check_eligibility{{"aid": "{aid}"}}' in sheet_buttons(aid, lang)
    messages, events = ask_entitled(aid, lang)
    assert messages[0]["response"] == "utter_eligibility_intro"
    assert {"event": "slot", "name": "elig_aid", "value": check} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("aid", ["housing_first", "pocket_money", "rent_guarantee", "grapa"])
def test_any_other_aid_answers_with_its_sheet(aid: str, lang: str) -> None:
    assert not any(p.startswith("/check_eligibility") for p in sheet_buttons(aid, lang))
    messages, events = ask_entitled(aid, lang)
    assert get_sheet(aid).text("summary", lang) in messages[0]["text"]
    assert not any(e.get("name") == "elig_aid" for e in events)
