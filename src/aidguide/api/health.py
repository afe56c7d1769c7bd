"""GET /health: whether each part of the assistant works, for operators and the launcher."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from aidguide.i18n import SUPPORTED_LANGUAGES, translator
from aidguide.nlg import renderer
from aidguide.warmup import WarmUp

from .chat import RasaDependency
from .rasa_client import RasaUnavailable

router = APIRouter(tags=["health"])


def _catalogs() -> dict[str, Any]:
    """Share of the bot's response texts that each language's catalog translates."""
    msgids = renderer().msgids()
    result = {}
    for language in SUPPORTED_LANGUAGES:
        translated = sum(translator(language).has(m) for m in msgids)
        result[language] = "ok" if translated == len(msgids) else f"{translated}/{len(msgids)}"
    return result


@router.get("/health")
async def health(request: Request, rasa: RasaDependency) -> JSONResponse:
    """Each component: ``ok`` or what is wrong. 503 when the assistant cannot answer, or not
    yet at its normal speed (``warm_up``: its slow parts still loading, or one failed)."""
    warm_up: WarmUp | None = getattr(request.app.state, "warm_up", None)
    components: dict[str, Any] = {
        "app": "ok",
        "catalogs": _catalogs(),
        "warm_up": warm_up.describe() if warm_up else "not started",
    }
    try:
        status = await rasa.status()
        components["rasa"] = "ok"
        components["model"] = "ok" if status.get("model_file") else "not loaded"
    except RasaUnavailable:
        components["rasa"] = "unavailable"
        components["model"] = "unknown"
    warming = warm_up is not None and warm_up.is_blocking
    healthy = components["rasa"] == "ok" and components["model"] == "ok" and not warming
    return JSONResponse(
        status_code=200 if healthy else 503,
        content={"status": "ok" if healthy else "degraded", "components": components},
    )
