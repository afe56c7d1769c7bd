"""The Rasa actions of the directory, called directly (no model): what they tell the person."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.directory import ActionShowCpas, ValidateCpasForm

from ..conftest import action_tracker, run_sync


def _show(nis: str, lang: str) -> list[dict]:
    dispatcher = CollectingDispatcher()
    tracker = action_tracker({"cpas_location": nis, "language": lang})
    run_sync(ActionShowCpas().run(dispatcher, tracker, {}))
    return dispatcher.messages


@pytest.mark.parametrize(
    ("lang", "name", "source"),
    [
        ("fr", "CPAS d'Eupen (ÖSHZ Eupen)", "Liste des CPAS du SPP Intégration sociale"),
        ("nl", "OCMW Eupen (ÖSHZ Eupen)", "Lijst van de OCMW's van de POD MI"),
    ],
)
def test_show_names_the_centre_gives_its_card_and_the_rule(
    lang: str, name: str, source: str
) -> None:
    messages = _show("63023", lang)
    assert messages[0]["response"] == "utter_cpas_found"
    assert messages[0]["centre"] == name
    card = messages[1]["text"]
    assert "Limburger Weg 5, 4700 Eupen" in card and "(tel:+3287638950)" in card
    assert source in card.splitlines()[-1]
    assert messages[-1]["response"] == "utter_cpas_rule"


@pytest.mark.parametrize(
    ("said", "nis"), [("Jupille", "62063"), ("Wilrijk", "11002"), ("5100", "92094")]
)
def test_the_place_typed_alone_fills_the_form(said: str, nis: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = action_tracker({"language": "fr"})
    slots = ValidateCpasForm().validate_cpas_location(said, dispatcher, tracker, {})
    assert slots == {"cpas_location": nis, "cpas_candidates": None}
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("adresse du CPAS de Jupille", True),
        ("j'habite à Bressoux, quel cpas ?", True),
        ("où est mon CPAS ?", False),
        ("je dois aller à quel cpas svp", False),  # only a typo-level match: not a place
        ('/inform_location{"nis": "21004"}', False),
    ],
)
def test_a_place_the_model_did_not_mark_is_taken_from_the_question(text: str, found: bool) -> None:
    tracker = action_tracker({"language": "fr"}, latest_message={"text": text})
    slots = run_sync(ValidateCpasForm().extract_cpas_location(CollectingDispatcher(), tracker, {}))
    assert slots == ({"cpas_location": text} if found else {})


def test_nothing_is_taken_once_the_form_has_asked() -> None:
    tracker = action_tracker(
        {"language": "fr", "requested_slot": "cpas_location"},
        latest_message={"text": "adresse du CPAS de Jupille"},
    )
    slots = run_sync(ValidateCpasForm().extract_cpas_location(CollectingDispatcher(), tracker, {}))
    assert slots == {}
