"""Which aids exist: answers from the vetted aid sheets (content/ via aidguide.content).

The sheets are the only source of what the assistant says about an aid; their amounts come
from the rules engine's dated parameters. The aid being discussed is kept in the ``aid``
slot so that "and which documents?" answers for that aid.
"""

from __future__ import annotations

from datetime import date
from itertools import islice
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from aidguide.content import AID_IDS
from aidguide.eligibility.plan import CHECKABLE_AIDS
from aidguide.i18n import N_, translator

from .common import (
    conversation_language,
    entity_values,
    latest_intent,
    user_events_newest_first,
)

_TOPIC_OF_INTENT = {
    "ask_how_to_apply": "how_to_apply",
    "ask_documents": "documents",
    "ask_decision_time": "decision_time",
    "ask_appeal": "appeal",
}
_FOLLOW_UPS = (
    (N_("How to apply"), "ask_how_to_apply"),
    (N_("Which documents to bring"), "ask_documents"),
    (N_("How to appeal a decision"), "ask_appeal"),
)
#: ``ask_*`` intents that do not name their aid: the aid comes from an entity or the context.
_NOT_ABOUT_ONE_AID = {*_TOPIC_OF_INTENT, "ask_privacy", "ask_other_aid"}


def content_available() -> bool:
    try:
        from aidguide import content
    except ImportError:
        return False
    return all(hasattr(content, n) for n in ("render_sheet", "topic_text", "list_overview"))


def aid_title(aid: str, language: str) -> str:
    """The everyday name of an aid, from its sheet (the one source of aid names)."""
    from aidguide.content import get_sheet

    return get_sheet(aid).title(language)


def aid_of_intent(intent: str) -> str | None:
    """The aid an ``ask_<aid>`` intent is about; None for questions that do not name one."""
    if intent.startswith("ask_") and intent not in _NOT_ABOUT_ONE_AID:
        return intent.removeprefix("ask_")
    return None


def named_aids(tracker: Tracker) -> list[str]:
    """The aids this message names, among those the product knows.

    Why: an entity value is whatever the extractor or a hand-typed button payload made of the
    message ("l'intégration", a name, a national number); only known aid ids go further.
    """
    return [value for value in entity_values(tracker, "aid") if value in AID_IDS]


def aid_in_question(tracker: Tracker) -> str | None:
    """The aid the person means: named in this message, or the one discussed before; None
    when that is no aid the product knows."""
    aid = aid_of_intent(latest_intent(tracker) or "")
    named = named_aids(tracker)
    for candidate in (aid, named[-1] if named else None, tracker.get_slot("aid")):
        if candidate in AID_IDS:
            return candidate
    return None


def _follow_up_buttons(aid: str, language: str) -> list[dict[str, str]]:
    tr = translator(language)
    buttons = [
        {"title": tr.gettext(title), "payload": f'/{intent}{{"aid": "{aid}"}}'}
        for title, intent in _FOLLOW_UPS
    ]
    if aid in CHECKABLE_AIDS:
        buttons.append(
            {
                "title": tr.gettext("Am I entitled?"),
                "payload": f'/check_eligibility{{"aid": "{aid}"}}',
            }
        )
    return buttons


class _AidAnswer:
    """Answers from the sheets, or says plainly that they cannot be shown yet. A mixin, not an
    Action: rasa-sdk registers every Action subclass, and this one has no name of its own."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if not content_available():
            dispatcher.utter_message(response="utter_aids_unavailable")
            return []
        return self.answer(dispatcher, tracker, conversation_language(tracker))

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, language: str
    ) -> list[dict[str, Any]]:
        raise NotImplementedError


class ActionListAids(_AidAnswer, Action):
    """The overview, grouped by need; a group button lists the aids of that group."""

    def name(self) -> str:
        return "action_list_aids"

    def answer(self, dispatcher, tracker, language):  # type: ignore[no-untyped-def]
        from aidguide.content import list_overview

        groups = list_overview(language)
        chosen = entity_values(tracker, "group")
        group = next((g for g in groups if chosen and g["id"] == chosen[-1]), None)
        if group is None:
            buttons = [
                {"title": g["title"], "payload": f'/list_aids{{"group": "{g["id"]}"}}'}
                for g in groups
            ]
            dispatcher.utter_message(response="utter_aids_overview", buttons=buttons)
            return []
        buttons = [{"title": a["title"], "payload": f"/ask_{a['id']}"} for a in group["aids"]]
        dispatcher.utter_message(
            response="utter_aids_in_group", group=group["title"], buttons=buttons
        )
        return []


class ActionAnswerAid(_AidAnswer, Action):
    """What an aid is and who can get it, with its amounts and the next questions."""

    def name(self) -> str:
        return "action_answer_aid"

    def answer(self, dispatcher, tracker, language):  # type: ignore[no-untyped-def]
        from aidguide.content import topic_text

        aid = aid_in_question(tracker)
        if not aid:
            # "Am I entitled to <a name we do not know>?" gets buttons that ask the same.
            asked = latest_intent(tracker)
            buttons = _common_aid_buttons(language, asked if asked == "check_eligibility" else None)
            dispatcher.utter_message(response="utter_which_aid", buttons=buttons)
            return []
        today = date.today()
        # An amount the rules engine cannot give is said to be unknown, never guessed.
        parts = [topic_text(aid, topic, language, today) for topic in ("summary", "who", "amounts")]
        dispatcher.utter_message(text="\n\n".join(p for p in parts if p.strip()))
        dispatcher.utter_message(
            response="utter_cpas_decides", buttons=_follow_up_buttons(aid, language)
        )
        return [SlotSet("aid", aid)]


class ActionAnswerAidTopic(_AidAnswer, Action):
    """How to apply, documents, decision time or appeal, for the aid in question."""

    def name(self) -> str:
        return "action_answer_aid_topic"

    def answer(self, dispatcher, tracker, language):  # type: ignore[no-untyped-def]
        from aidguide.content import topic_text
        from aidguide.content.followups import refers_to_another_aid

        intent = latest_intent(tracker) or ""
        topic = _TOPIC_OF_INTENT.get(intent, "how_to_apply")
        text = tracker.latest_message.get("text") or ""
        if not named_aids(tracker) and refers_to_another_aid(text):
            # "et l'autre, je la demande où ?": the procedure of an aid not named here.
            offer_other_aids(
                dispatcher, tracker, language, intent if intent in _TOPIC_OF_INTENT else None
            )
            return []
        aid = aid_in_question(tracker)
        if aid is None:
            buttons = _common_aid_buttons(language, intent)
            dispatcher.utter_message(response="utter_which_aid", buttons=buttons)
            return []
        dispatcher.utter_message(text=topic_text(aid, topic, language, date.today()))
        dispatcher.utter_message(
            response="utter_cpas_decides", buttons=_follow_up_buttons(aid, language)
        )
        return [SlotSet("aid", aid)]


class ActionAskOtherAid(_AidAnswer, Action):
    """Which aid "and the other one?" means is never guessed. The buttons offer the common
    aids other than the one under discussion, for the same question as before (documents,
    appeal...) when the previous message asked one, so that one tap answers it."""

    def name(self) -> str:
        return "action_ask_other_aid"

    def answer(self, dispatcher, tracker, language):  # type: ignore[no-untyped-def]
        if named_aids(tracker):  # "et l'autre, la garantie locative ?"
            return ActionAnswerAid().answer(dispatcher, tracker, language)
        offer_other_aids(dispatcher, tracker, language, previous_topic_intent(tracker))
        return []


def offer_other_aids(
    dispatcher: CollectingDispatcher, tracker: Tracker, language: str, topic_intent: str | None
) -> None:
    """Asks which other aid is meant: the common aids but the one under discussion, each
    button asking ``topic_intent`` (documents, appeal...) for that aid, or its sheet."""
    buttons = _common_aid_buttons(language, topic_intent, skip=tracker.get_slot("aid"))
    buttons.append(
        {"title": translator(language).gettext("Which aids exist?"), "payload": "/list_aids"}
    )
    dispatcher.utter_message(response="utter_which_other_aid", buttons=buttons)


def _common_aid_buttons(
    language: str, topic_intent: str | None, skip: str | None = None
) -> list[dict[str, str]]:
    """One button per common aid (but ``skip``): it asks ``topic_intent`` for that aid, or,
    without one, shows the aid's sheet."""
    return [
        {
            "title": aid_title(aid, language),
            "payload": f'/{topic_intent}{{"aid": "{aid}"}}' if topic_intent else f"/ask_{aid}",
        }
        for aid in _COMMON_AIDS
        if aid != skip
    ]


def previous_topic_intent(tracker: Tracker) -> str | None:
    """The procedure question (``ask_documents``...) of the message before this one, if any."""
    previous = next(islice(user_events_newest_first(tracker), 1, None), None)
    if previous is None:
        return None
    intent = ((previous.get("parse_data") or {}).get("intent") or {}).get("name")
    return intent if intent in _TOPIC_OF_INTENT else None


#: The aids most asked about, offered when the person must say which aid they mean.
_COMMON_AIDS = (
    "ris",
    "heating_allowance",
    "rent_guarantee",
    "installation_premium",
    "food_aid",
    "debt_mediation",
)
