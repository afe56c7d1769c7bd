"""Rasa's action endpoint: the rasa-sdk executor runs the custom actions of ``actions/``.

Only Rasa may call it (:mod:`.rasa_callbacks`). An action that fails never loses the answer
nor writes what the person typed to a log: the person gets a short apology in their language
with the helpdesk contact, the log gets the action's name and the error type.
"""

from __future__ import annotations

import logging
import time
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Body, Depends
from fastapi.responses import JSONResponse
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

from aidguide.i18n import normalize_language, translator

from .errors import HELPDESK, INTERNAL_ERROR
from .rasa_callbacks import loggable_name, require_rasa

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_rasa)])
logger = logging.getLogger("aidguide.actions")


@lru_cache(maxsize=1)
def executor() -> ActionExecutor:
    action_executor = ActionExecutor()
    action_executor.register_package("actions")
    return action_executor


def _apology(action_call: dict[str, Any]) -> dict[str, Any]:
    """The action's answer when it failed: no events, one message with the helpdesk."""
    tracker = action_call.get("tracker")
    slots = (tracker.get("slots") if isinstance(tracker, dict) else None) or {}
    language = normalize_language(slots.get("language") if isinstance(slots, dict) else None)
    text = translator(language).gettext(INTERNAL_ERROR, **HELPDESK)
    return {"events": [], "responses": [{"text": text}]}


@router.post("/webhook")
async def run_action(action_call: dict[str, Any] = Body(...)) -> JSONResponse:  # noqa: B008
    name = loggable_name(action_call.get("next_action"))
    started = time.perf_counter()
    if name != action_call.get("next_action"):  # not an action name: refused before any log
        logger.error("unknown action %s", name)
        return JSONResponse({"error": "unknown action", "action_name": name}, status_code=404)
    try:
        result = await executor().run(action_call)
    except ActionExecutionRejection as exc:
        # A form rejecting a message is normal dialogue flow, not an error.
        return JSONResponse({"error": exc.message, "action_name": exc.action_name}, status_code=400)
    except ActionNotFoundException:
        logger.error("unknown action %s", name)
        return JSONResponse({"error": "unknown action", "action_name": name}, status_code=404)
    except Exception as exc:  # the type only: its message may quote what the person typed
        logger.error(
            "action failed action=%s error=%s duration_ms=%.0f",
            name,
            type(exc).__name__,
            (time.perf_counter() - started) * 1000,
        )
        return JSONResponse(_apology(action_call))
    logger.info("action %s ran", name)
    return JSONResponse(result.model_dump() if result else {"events": [], "responses": []})
