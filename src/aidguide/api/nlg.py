"""Rasa's NLG endpoint: every response Rasa sends is rendered here, in the user's language.

Only Rasa may call it (:mod:`.rasa_callbacks`): the texts are official, their arguments must
not be chosen by anyone else.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends

from aidguide.i18n import normalize_language
from aidguide.nlg import UnknownResponse, renderer

from .errors import ApiError
from .rasa_callbacks import require_rasa

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_rasa)])


@router.post("/nlg")
async def render_response(body: dict[str, Any] = Body(...)) -> dict[str, Any]:  # noqa: B008
    """Rasa posts ``{response, arguments, tracker, channel}``; we answer one message."""
    name = body.get("response") or body.get("template")
    slots = (body.get("tracker") or {}).get("slots") or {}
    language = normalize_language(slots.get("language"))
    try:
        message = renderer().render(str(name), language, body.get("arguments") or {})
    except UnknownResponse as exc:
        raise ApiError(404, "unknown_response", "This address does not exist.") from exc
    return message.as_rasa_response()
