"""Which CPAS / OCMW / ÖSHZ to contact: a one-question form over the directory service.

The person gives a postcode, a municipality or a locality in any language ("1070",
"Luik", "j'habite à Laeken"); a shared postcode or a vague name gets buttons to choose from.
The answer names the centre in the person's language (with its official name when that is
another language: "CPAS d'Eupen (ÖSHZ Eupen)"), shows its contact card (see
:mod:`aidguide.directory.card`: details, what to do where one is missing, one source line),
and explains which centre is competent.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from aidguide.directory import BRUSSELS_CITY, Centre, load_directory
from aidguide.directory.card import centre_card

from .common import conversation_language, entity_values


def find_centres(text: str, language: str, nis: list[str] | None = None) -> list[Centre]:
    """The centres a message points to (several when it is ambiguous, none when unknown)."""
    directory = load_directory()
    if nis:
        return [c for c in (directory.by_nis(code) for code in nis) if c is not None]
    result = directory.lookup(text, language)
    return list(result.matches) if result.found else []


def contact_text(centre: Centre, language: str) -> str | None:
    """The centre's contact card as text; None when no source gives any detail."""
    if not centre.contact_fields():
        return None
    return centre_card(centre, language).text


def centre_messages(centre: Centre, language: str) -> list[dict[str, Any]]:
    """What the assistant says about a centre, as dispatcher messages."""
    messages: list[dict[str, Any]] = [
        {
            "response": "utter_cpas_found",
            "centre": centre.display_name(language),
            "municipality": centre.name_for(language),
        }
    ]
    contact = contact_text(centre, language)
    messages.append({"text": contact} if contact else {"response": "utter_cpas_no_contact"})
    if centre.nis == BRUSSELS_CITY:
        messages.append({"response": "utter_cpas_brussels"})
    return messages


class ValidateCpasForm(FormValidationAction):
    def name(self) -> str:
        return "validate_cpas_form"

    async def extract_cpas_location(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The place in the question that opened the form, when the intent model did not mark
        it ("adresse du CPAS de Jupille": localities are not in the model's place list).

        Only at the form's first turn (nothing asked yet), only an exact name or a postcode:
        a guess from a typo would answer a question nobody asked.
        """
        if tracker.get_slot("cpas_location") or tracker.get_slot("requested_slot"):
            return {}
        text = str(tracker.latest_message.get("text") or "")
        if not text or text.startswith("/"):
            return {}
        result = load_directory().lookup(text, conversation_language(tracker))
        if result.found and "approximate" not in result.notes:
            return {"cpas_location": text}
        return {}

    def validate_cpas_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        language = conversation_language(tracker)
        centres = find_centres(str(value or ""), language, entity_values(tracker, "nis") or None)
        if not centres:
            dispatcher.utter_message(response="utter_cpas_not_found")
            return {"cpas_location": None, "cpas_candidates": None}
        if len(centres) > 1:
            return {"cpas_location": None, "cpas_candidates": [c.nis for c in centres]}
        return {"cpas_location": centres[0].nis, "cpas_candidates": None}


class ActionAskCpasLocation(Action):
    def name(self) -> str:
        return "action_ask_cpas_location"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        language = conversation_language(tracker)
        candidates = tracker.get_slot("cpas_candidates") or []
        centres = find_centres("", language, candidates) if candidates else []
        if centres:
            buttons = [
                {
                    "title": f"{c.centre_name_for(language)} ({c.name_for(language)})",
                    "payload": f'/inform_location{{"nis": "{c.nis}"}}',
                }
                for c in centres
            ]
            dispatcher.utter_message(response="utter_cpas_choose", buttons=buttons)
        else:
            dispatcher.utter_message(response="utter_ask_cpas_location")
        return []


class ActionShowCpas(Action):
    """Show the centre, explain the rule, and forget the location."""

    def name(self) -> str:
        return "action_show_cpas"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        language = conversation_language(tracker)
        centres = find_centres("", language, [str(tracker.get_slot("cpas_location") or "")])
        for centre in centres:
            for message in centre_messages(centre, language):
                dispatcher.utter_message(**message)
        dispatcher.utter_message(response="utter_cpas_rule")
        return [SlotSet("cpas_location", None), SlotSet("cpas_candidates", None)]
