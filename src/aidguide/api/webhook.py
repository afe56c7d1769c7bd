"""Rasa's action endpoint: the rasa-sdk executor runs the custom actions of ``actions/``.

Only Rasa may call it (:mod:`.rasa_callbacks`). The actions run in a worker thread, off the
event loop: their CPU work (the rules engine, the sheet search) would otherwise hold up every
other request of the process, every person's turn, while it runs. An action that fails never loses the answer
nor writes what the person typed to a log: the person gets a short apology in their language
with the helpdesk contact, the log gets the action's name and the error type.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Body, Depends
from fastapi.responses import JSONResponse
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

from aidguide.i18n import normalize_language, translator

from .errors import HELPDESK, INTERNAL_ERROR
from .metrics import record_action, record_callback, record_error
from .rasa_callbacks import loggable_name, require_rasa

#: Where Rasa calls; its body limit is :data:`.rasa_callbacks.MAX_BODY_BYTES`.
PATH = "/webhook"

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_rasa)])
logger = logging.getLogger("aidguide.actions")

#: The thread the actions run in. One: the services behind the actions are not written for
#: concurrent callers, and with Python's global lock more threads would not run them any
#: faster; more capacity comes from more app processes.
_ACTIONS_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aidguide-actions")


@lru_cache(maxsize=1)
def executor() -> ActionExecutor:
    action_executor = ActionExecutor()
    action_executor.register_package("actions")
    return action_executor


@lru_cache(maxsize=1)
def _action_names() -> frozenset[str]:
    """The registered actions: the only names a metric label may carry."""
    return frozenset(executor().actions)


async def _run_in_thread(action_call: dict[str, Any]) -> Any:
    """The executor's run, in the actions' thread (on an event loop of its own, since the
    actions are coroutines); this loop waits without blocking."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        _ACTIONS_THREAD, lambda: asyncio.run(executor().run(action_call))
    )


def _apology(action_call: dict[str, Any]) -> dict[str, Any]:
    """The action's answer when it failed: no events, one message with the helpdesk."""
    tracker = action_call.get("tracker")
    slots = (tracker.get("slots") if isinstance(tracker, dict) else None) or {}
    language = normalize_language(slots.get("language") if isinstance(slots, dict) else None)
    text = translator(language).gettext(INTERNAL_ERROR, **HELPDESK)
    return {"events": [], "responses": [{"text": text}]}


@router.post(PATH)
async def run_action(action_call: dict[str, Any] = Body(...)) -> JSONResponse:  # noqa: B008
    name = loggable_name(action_call.get("next_action"))
    started = time.perf_counter()
    if name != action_call.get("next_action"):  # not an action name: refused before any log
        return _unknown_action(name)
    try:
        result = await _run_in_thread(action_call)
    except ActionExecutionRejection as exc:
        # A form rejecting a message is normal dialogue flow, not an error.
        return JSONResponse({"error": exc.message, "action_name": exc.action_name}, status_code=400)
    except ActionNotFoundException:
        return _unknown_action(name)
    except Exception as exc:  # the type only: its message may quote what the person typed
        record_error("action_failed")
        logger.error(
            "action failed action=%s error=%s duration_ms=%.0f",
            name,
            type(exc).__name__,
            (time.perf_counter() - started) * 1000,
        )
        return JSONResponse(_apology(action_call))
    seconds = time.perf_counter() - started
    record_action(name, _action_names(), seconds)
    record_callback("webhook", seconds)
    logger.info("action %s ran", name)
    return JSONResponse(result.model_dump() if result else {"events": [], "responses": []})


def _unknown_action(name: str) -> JSONResponse:
    record_error("unknown_action")
    logger.error("unknown action %s", name)
    return JSONResponse({"error": "unknown action", "action_name": name}, status_code=404)
