"""A :class:`HelpdeskReply` as the JSON of ``POST /api/helpdesk/draft`` (and the CLI's --json).

The centre is rendered by a function the caller passes: the API gives the same view as
``/api/cpas``; the CLI, which has no web layer, a short one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aidguide.directory import Centre

from .service import HelpdeskReply

CentreView = Callable[[Centre, str], dict[str, Any]]


def short_centre(centre: Centre, lang: str) -> dict[str, Any]:
    """Name and contact of a centre, values null when unknown."""
    return {
        "nis": centre.nis,
        "name": centre.centre_name_for(lang),
        "municipality": centre.name_for(lang),
        "address": centre.address.value if centre.address else None,
        "phone": centre.phone.value if centre.phone else None,
        "email": centre.email.value if centre.email else None,
        "website": centre.website.value if centre.website else None,
    }


def reply_dict(reply: HelpdeskReply, centre_view: CentreView = short_centre) -> dict[str, Any]:
    lang = reply.draft.lang
    place = None
    if reply.place is not None:
        centre = reply.place.centre
        place = {
            "text": reply.place.text,
            "nis": centre.nis if centre else None,
            "centre": centre_view(centre, lang) if centre else None,
            "candidates": [
                {"nis": c.nis, "name": c.centre_name_for(lang)} for c in reply.place.result.matches
            ],
        }
    return {
        "lang": reply.lang,
        "topics": [{"aid": t.aid, "confidence": t.confidence} for t in reply.topics],
        "off_topic": reply.off_topic,
        "place": place,
        "draft": {"lang": lang, "subject": reply.draft.subject, "body": reply.draft.body},
        "checks": list(reply.draft.checks),
        "masked_email": reply.masked_email,
    }
