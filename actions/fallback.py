"""The fallback ladder: "did you mean ...?" -> rephrase -> a person.

Rasa's two-stage fallback drives the ladder (bot/data/rules.yml); these actions replace two
of its steps. The affirmation offers the aids whose sheets best match the message (a ranked
text search, so "je n'arrive plus à payer le mazout" still finds the heating allowance when
the intent model is unsure), then the most likely intents, then "something else". The last
step hands over to the helpdesk instead of pretending to understand.

The model may also hesitate between two questions that get the same answer: "ma mère a-t-elle
droit à l'argent de poche ?" is both ``ask_pocket_money`` and ``check_eligibility`` for an aid
the rules engine does not check, and both show the pocket money sheet. Asking "did you mean
...?" there would only cost the person a tap, so the affirmation step answers directly when the
two most likely intents lead to the same answer and together reach the fallback threshold.
"""

from __future__ import annotations

from itertools import takewhile
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SlotSet, UserUtteranceReverted, UserUttered
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from aidguide.content import AID_IDS, search_aids
from aidguide.eligibility.plan import sheet_instead_of_check
from aidguide.i18n import N_, translator

from .aids import aid_of_intent, aid_title, named_aids
from .common import conversation_language, last_user_event

#: What each intent means to a person, shown on the "did you mean ...?" buttons; a question
#: about one aid (``ask_<aid>``) is labelled with the aid's name from its sheet.
INTENT_LABELS: dict[str, str] = {
    "greet": N_("Say hello"),
    "goodbye": N_("Say goodbye"),
    "thank": N_("Say thank you"),
    "bot_challenge": N_("Am I talking to a robot?"),
    "help": N_("What can you do?"),
    "change_language": N_("Change the language"),
    "contact_human": N_("Talk to a person"),
    "find_cpas": N_("Find my CPAS"),
    "list_aids": N_("Which aids exist?"),
    "check_eligibility": N_("Am I entitled?"),
    "ask_how_to_apply": N_("How to apply"),
    "ask_documents": N_("Which documents to bring"),
    "ask_decision_time": N_("How long a decision takes"),
    "ask_appeal": N_("How to appeal a decision"),
    "ask_privacy": N_("What happens to my data"),
}
#: Intents that are never offered as a guess: they are answers, not requests.
_NOT_OFFERED = {
    "nlu_fallback",
    "out_of_scope",
    "affirm",
    "deny",
    "inform",
    "inform_location",
    "dont_know",
    "stop",
    "ask_other_aid",  # a follow-up: it means nothing as a guess
}


def _is_labelled(intent: str) -> bool:
    return intent in INTENT_LABELS or aid_of_intent(intent) in AID_IDS


def intent_label(intent: str, language: str) -> str:
    """What ``intent`` means to a person, in ``language``: an aid's everyday name for a
    question about that aid, so that a new aid needs no label here."""
    aid = aid_of_intent(intent)
    if aid in AID_IDS:
        return aid_title(aid, language)
    return translator(language).gettext(INTENT_LABELS[intent])


def matching_aids(text: str, language: str, count: int = 3) -> list[str]:
    """The questions (``ask_<aid>`` intents) about the aids whose sheets match ``text`` best."""
    try:
        found = search_aids(text, language, limit=count)
    except ValueError:  # no search index for this language
        return []
    return [f"ask_{aid}" for aid, _ in found]


def best_guesses(
    intent_ranking: list[dict[str, Any]], count: int = 2, already: list[str] | None = None
) -> list[str]:
    guesses: list[str] = []
    skip = set(already or [])
    for candidate in intent_ranking:
        name = candidate.get("name")
        offered = _is_labelled(str(name)) and name not in _NOT_OFFERED
        if offered and name not in guesses and name not in skip:
            guesses.append(name)
        if len(guesses) == count:
            break
    return guesses


def sheet_answering(intent: str, named_aids: list[str]) -> str | None:
    """The aid whose sheet is the answer to ``intent`` (with the aids the message names)."""
    if intent == "check_eligibility":
        return sheet_instead_of_check(named_aids)
    return aid_of_intent(intent)


def intent_with_clear_answer(
    intent_ranking: list[dict[str, Any]], named_aids: list[str], threshold: float
) -> str | None:
    """The most likely intent when it and the next one lead to the same sheet and together
    reach ``threshold``: the model is then unsure of the question, not of the answer."""
    ranked = [c for c in intent_ranking if c.get("name") not in _NOT_OFFERED]
    if len(ranked) < 2:
        return None
    first, second = ranked[0], ranked[1]
    sheet = sheet_answering(str(first.get("name")), named_aids)
    if sheet is None or sheet != sheet_answering(str(second.get("name")), named_aids):
        return None
    together = float(first.get("confidence") or 0) + float(second.get("confidence") or 0)
    return str(first["name"]) if together >= threshold else None


def clarified(tracker: Tracker, intent: str) -> list[dict[str, Any]]:
    """Events that replace the unsure message by the same message with ``intent``, as the
    two-stage fallback does after a button; the slots set on reading it are set again,
    because undoing the message undoes them too (the conversation's language among them)."""
    message = dict(tracker.latest_message)
    confidences = {c.get("name"): c.get("confidence") for c in message.get("intent_ranking") or []}
    message["intent"] = {"name": intent, "confidence": confidences.get(intent)}
    user = last_user_event(tracker)
    utterance = UserUttered(
        message.get("text"), parse_data=message, input_channel=user.get("input_channel")
    )
    utterance["metadata"] = user.get("metadata") or {}
    since_message = takewhile(lambda e: e.get("event") != "user", reversed(tracker.events))
    # New events, not copies: a copy keeps the old event's timestamp, and the tracker store
    # recognises what it already holds by timestamp and content (bot/addons/redaction.py).
    slots = [SlotSet(e["name"], e.get("value")) for e in since_message if e.get("event") == "slot"][
        ::-1
    ]
    return [UserUtteranceReverted(), ActionExecuted("action_listen"), utterance, *slots]


class ActionDefaultAskAffirmation(Action):
    """The first rung: "did you mean ...?" with buttons, unless the answer is clear anyway."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        ranking = tracker.latest_message.get("intent_ranking") or []
        unsure = tracker.latest_message.get("intent") or {}
        threshold = float(unsure.get("confidence") or 1.0)  # nlu_fallback carries it
        clear = intent_with_clear_answer(ranking, named_aids(tracker), threshold)
        if clear:
            return clarified(tracker, clear)
        language = conversation_language(tracker)
        tr = translator(language)
        aids = matching_aids(str(tracker.latest_message.get("text") or ""), language)
        guesses = aids + best_guesses(ranking, count=1 if aids else 2, already=aids)
        buttons = [{"title": intent_label(g, language), "payload": f"/{g}"} for g in guesses]
        buttons.append({"title": tr.gettext("Something else"), "payload": "/out_of_scope"})
        dispatcher.utter_message(response="utter_ask_affirmation", buttons=buttons)
        return []


class ActionDefaultFallback(Action):
    """The last rung: the helpdesk. The misunderstood message is dropped from the dialogue."""

    def name(self) -> str:
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_default")
        return [UserUtteranceReverted()]
