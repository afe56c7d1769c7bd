"""From a raw e-mail to a draft reply: read, detect language, topics and place, compose.

The one entry point of the helpdesk: the API, the CLI and the tests call :func:`draft_reply`.
Nothing is stored; the e-mail lives only in the arguments and the returned value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from aidguide.content import AID_IDS
from aidguide.i18n.detect import CANDIDATE_LANGUAGES, detect_language

from .draft import Draft, compose_draft
from .masking import mask_email
from .place import Place, find_place, place_from_query
from .reader import MAX_EMAIL_BYTES, ReadEmail, UnreadableEmail, read_email
from .topics import Topic, read_topics

#: Characters of the writer's new text that are analysed. A question sits at the top of an
#: e-mail; what follows 20,000 characters is a pasted log or document, and reading it would
#: only cost time (a 2 MB e-mail must still be answered in seconds).
MAX_ANALYSED_CHARS = 20_000
#: Characters of the masked e-mail shown to the agent (attachments make up the rest).
MAX_SHOWN_CHARS = 100_000
TRUNCATED = "\n[…]"


class EmailTooLarge(ValueError):
    """The e-mail is larger than :data:`MAX_EMAIL_BYTES`."""


class UnknownTopic(ValueError):
    """The agent chose an aid id that does not exist."""


@dataclass(frozen=True)
class HelpdeskReply:
    """What the agent sees: the reading of the e-mail and the draft to check."""

    lang: str  # the writer's language: fr, nl, de or en
    topics: tuple[Topic, ...]
    off_topic: str | None
    place: Place | None
    draft: Draft
    masked_email: str


def writer_language(read: ReadEmail, hint: str | None = None) -> str:
    """The language the writer wrote in; ``hint`` (the agent's choice) when it is one of ours,
    else the hint or French when the text is too short to tell."""
    if hint in CANDIDATE_LANGUAGES:
        return hint  # type: ignore[return-value]
    for text in (read.analysed_text, read.new_text + "\n" + read.forwarded):
        detected = detect_language(text)
        if detected.language in CANDIDATE_LANGUAGES:
            return detected.language  # type: ignore[return-value]
    return "fr"


def _chosen_topics(aids: list[str]) -> tuple[Topic, ...]:
    unknown = [aid for aid in aids if aid not in AID_IDS]
    if unknown:
        raise UnknownTopic(", ".join(unknown))
    return tuple(Topic(aid, 1.0) for aid in dict.fromkeys(aids))


def draft_reply(
    raw: str | bytes,
    lang: str | None = None,
    topics: list[str] | None = None,
    place: str | None = None,
    on: date | None = None,
) -> HelpdeskReply:
    """Read ``raw`` and draft the reply. ``lang``, ``topics`` (aid ids) and ``place`` (a name,
    postcode or NIS code) replace what was read, when the agent corrects it.

    Raises :class:`EmailTooLarge`, :class:`UnreadableEmail` or :class:`UnknownTopic`.
    """
    size = len(raw.encode("utf-8")) if isinstance(raw, str) else len(raw)
    if size > MAX_EMAIL_BYTES:
        raise EmailTooLarge(str(size))
    read = _shortened(read_email(raw))
    language = writer_language(read, lang)
    reading = read_topics(read.new_text, read.subject)
    read_forwarded = False
    if not reading.topics and not reading.off_topic and read.forwarded:
        reading = read_topics(read.new_text + "\n" + read.forwarded, read.subject)
        read_forwarded = bool(reading.topics)
    found_topics = _chosen_topics(topics) if topics is not None else reading.topics
    off_topic = None if found_topics else reading.off_topic
    if place is not None and place.strip():
        where = place_from_query(place)
    else:
        where = find_place(read.analysed_text)
        if where is None and read.forwarded:  # "see below": the person's own message
            where = find_place(read.forwarded)
    draft = compose_draft(
        language, found_topics, where, off_topic, on or date.today(), read_forwarded
    )
    text = raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")
    shown = text[:MAX_SHOWN_CHARS] + (TRUNCATED if len(text) > MAX_SHOWN_CHARS else "")
    return HelpdeskReply(language, found_topics, off_topic, where, draft, mask_email(shown))


def _shortened(read: ReadEmail) -> ReadEmail:
    """``read`` with its new text and forwarded text cut to :data:`MAX_ANALYSED_CHARS`."""
    return replace(
        read,
        new_text=read.new_text[:MAX_ANALYSED_CHARS],
        forwarded=read.forwarded[:MAX_ANALYSED_CHARS],
    )


__all__ = [
    "MAX_EMAIL_BYTES",
    "EmailTooLarge",
    "HelpdeskReply",
    "UnknownTopic",
    "UnreadableEmail",
    "draft_reply",
]
