"""Rasa's action endpoint: the rasa-sdk executor runs the custom actions of ``actions/``."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

router = APIRouter(include_in_schema=False)
logger = logging.getLogger("aidguide.actions")


@lru_cache(maxsize=1)
def executor() -> ActionExecutor:
    action_executor = ActionExecutor()
    action_executor.register_package("actions")
    return action_executor


@router.post("/webhook")
async def run_action(action_call: dict[str, Any] = Body(...)) -> JSONResponse:  # noqa: B008
    name = action_call.get("next_action")
    try:
        result = await executor().run(action_call)
    except ActionExecutionRejection as exc:
        # A form rejecting a message is normal dialogue flow, not an error.
        return JSONResponse({"error": exc.message, "action_name": exc.action_name}, status_code=400)
    except ActionNotFoundException as exc:
        logger.error("unknown action %s", name)
        return JSONResponse({"error": exc.message, "action_name": exc.action_name}, status_code=404)
    logger.info("action %s ran", name)
    return JSONResponse(result.model_dump() if result else {"events": [], "responses": []})
