"""Rasa's NLG endpoint: every response Rasa sends is rendered here, in the user's language.

Only Rasa may call it (:mod:`.rasa_callbacks`): the texts are official, their arguments must
not be chosen by anyone else.
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Body, Depends

from aidguide.i18n import normalize_language
from aidguide.nlg import UnknownResponse, renderer

from .errors import ApiError
from .metrics import record_callback, record_error
from .rasa_callbacks import require_rasa

#: Where Rasa calls; its body limit is :data:`.rasa_callbacks.MAX_BODY_BYTES`.
PATH = "/nlg"

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_rasa)])


@router.post(PATH)
async def render_response(body: dict[str, Any] = Body(...)) -> dict[str, Any]:  # noqa: B008
    """Rasa posts ``{response, arguments, tracker, channel}``; we answer one message."""
    started = time.perf_counter()
    name = body.get("response") or body.get("template")
    slots = (body.get("tracker") or {}).get("slots") or {}
    language = normalize_language(slots.get("language"))
    try:
        message = renderer().render(str(name), language, body.get("arguments") or {})
    except UnknownResponse as exc:
        record_error("unknown_response")
        raise ApiError(404, "unknown_response", "This address does not exist.") from exc
    record_callback("nlg", time.perf_counter() - started)
    return message.as_rasa_response()
