"""The "am I entitled?" conversation: ask only what the rules engine needs, hand the answers
over, show the indicative result with next steps, then forget every answer.

Which questions are asked depends on the aid and on the answers so far (a person without
legal stay is not asked about income: only the urgent medical aid route applies to them).
"I don't know" is always accepted and becomes an unknown condition, never a guess.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from aidguide.answers.parsing import (
    FUEL_KEYWORDS,
    HOUSEHOLD_KEYWORDS,
    RESIDENCE_STATUS_KEYWORDS,
    UNKNOWN,
    WORK_EXEMPTION_KEYWORDS,
    is_dont_know,
    read_age,
    read_amount,
    read_choice,
    read_count,
    read_price_per_litre,
    read_yes_no,
)
from aidguide.eligibility.plan import (
    ALL,
    CHECKS,
    QUESTIONS,
    check_of,
    required_answers,
    sheet_instead_of_check,
)
from aidguide.i18n import N_, translator
from aidguide.rules.models import FUELS, RESIDENCE_STATUSES, SITUATIONS, WORK_EXEMPTIONS

from . import eligibility_result
from .aids import ActionAnswerAid
from .common import conversation_language, entity_values, latest_intent

logger = logging.getLogger(__name__)

#: The directory's slots, which a place named during the questions may also fill.
PLACE_SLOTS = ("cpas_location", "cpas_candidates")
_AID_KEYWORDS = {
    "ris": ("revenu", "integration", "ris", "leefloon", "minimex", "equivalent", "leven"),
    "heating_allowance": ("chauffage", "mazout", "verwarming", "stookolie", "mazoet"),
    "installation_premium": ("installation", "installatie", "prime", "premie"),
    "all": ("tout", "toutes", "alles", "allemaal", "tout ce", "everything"),
}
#: The values a button (or the first message) may give directly, per question.
CHOICES: dict[str, tuple[str, ...]] = {
    "elig_aid": tuple(CHECKS),
    "elig_residence_status": RESIDENCE_STATUSES,
    "elig_household": SITUATIONS,
    "elig_work_exemption": WORK_EXEMPTIONS,
    "elig_fuel": FUELS,
}


def _choice(keywords: dict[str, tuple[str, ...]]) -> Callable[[str], str | None]:
    return lambda text: read_choice(text, keywords)


#: Questions answered with yes or no (buttons "yes" / "no", or typed).
YES_NO_QUESTIONS = frozenset(
    {
        "elig_lives_in_belgium",
        "elig_pregnant",
        "elig_available_for_work",
        "elig_moving_out",
        "elig_bim",
        "elig_debt_mediation",
    }
)
#: How an answer to each question is read (a button's choice, or typed text); the aid and
#: the place have their own validators.
READERS: dict[str, Callable[[str], Any]] = {
    **dict.fromkeys(YES_NO_QUESTIONS, read_yes_no),
    "elig_age": read_age,
    "elig_residence_status": _choice(RESIDENCE_STATUS_KEYWORDS),
    "elig_household": _choice(HOUSEHOLD_KEYWORDS),
    "elig_income": read_amount,
    "elig_work_exemption": _choice(WORK_EXEMPTION_KEYWORDS),
    "elig_fuel": _choice(FUEL_KEYWORDS),
    "elig_litres": partial(read_amount, maximum=Decimal(100000)),
    "elig_price": read_price_per_litre,
    "elig_taxable_income": read_amount,
    "elig_dependants": read_count,
}
#: Answers kept as strings of digits: slots travel as JSON, and a Decimal is no JSON.
_AMOUNTS = frozenset({"elig_income", "elig_litres", "elig_price", "elig_taxable_income"})


#: The example shown when an answer cannot be read (asked again with it).
EXAMPLES = {
    **dict.fromkeys(YES_NO_QUESTIONS, N_("Please answer yes or no.")),
    "elig_aid": N_("Choose one of the buttons."),
    "elig_age": N_("Please write your age in years, for example: 34."),
    "elig_residence_status": N_('Choose the button closest to your situation, or "I don\'t know".'),
    "elig_household": N_('Choose one of the buttons, for example "I live alone".'),
    "elig_income": N_('Please write an amount in euros per month, for example: 800, or "nothing".'),
    "elig_work_exemption": N_("Choose one of the buttons."),
    "elig_fuel": N_("Choose one of the buttons."),
    "elig_litres": N_("Please write a number of litres, for example: 1000."),
    "elig_price": N_("Please write the price of one litre in euros, for example: 1.10."),
    "elig_taxable_income": N_("Please write an amount in euros per year, for example: 20000."),
    "elig_dependants": N_('Please write a number, for example: 2, or "none".'),
    "elig_location": N_("Please write a postcode (4 digits) or the name of a municipality."),
}


def _choice_or_text(tracker: Tracker, value: Any) -> tuple[str | None, str]:
    """A button's choice (entity ``choice``), else what the person wrote."""
    choices = entity_values(tracker, "choice")
    return (choices[-1] if choices else None), str(value or "")


def _said_dont_know(tracker: Tracker) -> bool:
    return latest_intent(tracker) == "dont_know"


class ActionEligibilityIntro(Action):
    """Says why the questions come and that answers are not kept, takes the aid if one was
    named (or is under discussion), and starts the questions."""

    def name(self) -> str:
        return "action_eligibility_intro"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        named = entity_values(tracker, "aid")
        if sheet_instead_of_check(named):
            # "Does my mother get pocket money?": the rules engine does not check this aid,
            # so the sheet says who can get it (and that the CPAS decides) instead of questions.
            return await ActionAnswerAid().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_eligibility_intro")
        check = check_of(named, tracker.get_slot("aid"))
        events: list[dict[str, Any]] = [SlotSet("elig_aid", check)] if check else []
        return [*events, FollowupAction("eligibility_form")]


class ValidateEligibilityForm(FormValidationAction):
    """Reads each answer of the form; ``validate_<question>``, which rasa-sdk looks up, comes
    from :data:`READERS` (the aid and the place have their own)."""

    def name(self) -> str:
        return "validate_eligibility_form"

    def __getattr__(self, name: str) -> Any:
        question = name.removeprefix("validate_")
        if question in READERS:
            return partial(self._validate, question)
        raise AttributeError(name)

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return required_answers(tracker.slots)

    def _again(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slot: str
    ) -> dict[str, Any]:
        example = translator(conversation_language(tracker)).gettext(EXAMPLES[slot])
        dispatcher.utter_message(response="utter_eligibility_not_understood", example=example)
        return {slot: None}

    def _read(
        self, slot: str, value: Any, tracker: Tracker, dispatcher: CollectingDispatcher, reader: Any
    ) -> dict[str, Any]:
        choice, text = _choice_or_text(tracker, value)
        answer = choice if choice is not None else text
        # A button (or the aid named in the first message) gives the value itself; anything
        # else, including a button of another question, must be read like typed text.
        result = answer if answer in CHOICES.get(slot, ()) else reader(answer)
        if result is None and _said_dont_know(tracker):
            result = UNKNOWN
        if result is None:
            return self._again(dispatcher, tracker, slot)
        return {slot: result}

    def _validate(
        self,
        slot: str,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        result = self._read(slot, value, tracker, dispatcher, READERS[slot])
        return _as_number(result, slot) if slot in _AMOUNTS else result

    def validate_elig_aid(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        def read(text: str) -> str | None:
            found = read_choice(text, _AID_KEYWORDS)
            return found if found in CHECKS else None

        result = self._read("elig_aid", value, tracker, dispatcher, read)
        if result.get("elig_aid") == UNKNOWN:
            result = {"elig_aid": ALL}
        return result

    def validate_elig_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        _, text = _choice_or_text(tracker, value)
        if _said_dont_know(tracker) or is_dont_know(text):
            return {"elig_location": UNKNOWN}
        nis = eligibility_result.find_centre_nis(text, conversation_language(tracker))
        return {"elig_location": nis} if nis else self._again(dispatcher, tracker, "elig_location")


def _as_number(result: dict[str, Any], slot: str) -> dict[str, Any]:
    """Slots travel as JSON: amounts are kept as strings of digits, not Decimals."""
    value = result.get(slot)
    if isinstance(value, Decimal):
        return {slot: str(value)}
    if isinstance(value, str) and value not in (UNKNOWN,):
        read = read_amount(value)
        return {slot: str(read) if isinstance(read, Decimal) else UNKNOWN}
    return result


class ActionEligibilityResult(Action):
    def name(self) -> str:
        return "action_eligibility_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        language = conversation_language(tracker)
        try:
            messages = eligibility_result.render(tracker.slots, language, date.today())
        except Exception as error:  # never a crash: the person still learns where to go
            # The type only: the answers must not reach a log, even through an error message.
            logger.error("eligibility result failed: %s", type(error).__name__)
            messages = [{"response": "utter_eligibility_unavailable"}]
        for message in messages:
            dispatcher.utter_message(**message)
        return []


class ActionEligibilityReset(Action):
    """Forget every answer as soon as the result has been shown."""

    def name(self) -> str:
        return "action_eligibility_reset"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        # The place was also read by the directory's slot mappings: forget it there too.
        return [SlotSet(slot, None) for slot in (*QUESTIONS, *PLACE_SLOTS)]
