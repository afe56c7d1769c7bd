"""Which messages the app answers itself, before the assistant (Rasa) reads them.

The intent model gives every input some intent, often with confidence; a few kinds of message
deserve a plain answer of the app's own instead, and leave the conversation (an open question)
as it was: keys mashed at random, a message in a language the assistant does not speak, a
short message without one word it knows, and an amount asked at a past date ("combien était
le RIS cohabitant en août 2023 ?"), which the rules engine's dated parameters answer. Inside a
form, words it does not know are the form's to read: it asks again with an example.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from aidguide.i18n.detect import detect_language
from aidguide.pro.question import asks_amount_at_date
from aidguide.textinput import looks_like_keyboard_mashing
from aidguide.vocabulary import has_no_known_word


class Verdict(Enum):
    """Who answers a message. Each answer of the app's own is the response ``utter_<value>``,
    but the amount at a date, which :mod:`aidguide.pro.question` writes."""

    ASSISTANT = "assistant"
    UNREADABLE = "unreadable"
    OTHER_LANGUAGE = "other_language"
    AMOUNT_AT_DATE = "amount_at_date"
    NOT_UNDERSTOOD = "not_understood"

    def inside_form(self) -> Verdict:
        """The verdict when a form waits for an answer: words the app does not know are the
        form's to read (it asks again with an example); the rest stands."""
        return Verdict.ASSISTANT if self is Verdict.NOT_UNDERSTOOD else self


def triage(text: str, today: date) -> Verdict:
    """The verdict on a cleaned message (a button's payload starts with ``/``), outside a form.

    Whether a form is open costs a call to the assistant, so the caller asks only when the
    verdict is not :attr:`Verdict.ASSISTANT`, and then applies :meth:`Verdict.inside_form`.
    """
    if looks_like_keyboard_mashing(text):
        return Verdict.UNREADABLE
    if detect_language(text).is_foreign:
        return Verdict.OTHER_LANGUAGE
    if text.startswith("/"):  # a button's payload is no words
        return Verdict.ASSISTANT
    if asks_amount_at_date(text, today):
        return Verdict.AMOUNT_AT_DATE
    if has_no_known_word(text):
        return Verdict.NOT_UNDERSTOOD
    return Verdict.ASSISTANT
