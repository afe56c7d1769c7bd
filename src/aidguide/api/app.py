"""The FastAPI application: one router per area, errors as JSON in the user's language."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from aidguide import __version__
from aidguide.config import get_settings
from aidguide.warmup import WarmUp

from . import (
    aids,
    chat,
    cpas,
    eligibility,
    health,
    helpdesk,
    metrics,
    nlg,
    parameters,
    pro,
    rasa_callbacks,
    webhook,
    widget,
)
from .errors import ERROR_RESPONSES, install_error_handlers
from .guards import BodyLimitMiddleware, RateLimitMiddleware, SecurityHeadersMiddleware


def _configure_logging() -> None:
    """Our loggers write ids, intents and timings only; never message texts or slot values."""
    # rasa-sdk's own messages quote action names, slot values and events: none of them.
    logging.getLogger("rasa_sdk").setLevel(logging.CRITICAL)
    logger = logging.getLogger("aidguide")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(get_settings().log_level.upper())


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Load the slow parts (:mod:`aidguide.warmup`) in a worker thread while the server starts.

    Requests are served meanwhile, and ``/health`` answers 503 until the loading is done, so
    the launcher and a load balancer send people only to a warm app. A request that comes
    first loads what it needs itself, which costs time, not correctness.
    """
    warm_up: WarmUp = app.state.warm_up
    loading = asyncio.get_running_loop().run_in_executor(None, warm_up.run)
    yield
    await loading


def create_app() -> FastAPI:
    _configure_logging()
    settings = get_settings()
    docs = settings.api_docs
    app = FastAPI(
        lifespan=_lifespan,
        title="AidGuide",
        version=__version__,
        summary="Which social aids exist in Belgium, which CPAS/OCMW to contact, and an "
        "indicative eligibility check. In French and Dutch. Stores no personal data.",
        responses=ERROR_RESPONSES,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
    )
    app.state.warm_up = WarmUp()
    install_error_handlers(app)
    # The last added runs first: limits before any work, headers on every answer.
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        limits_by_path={
            helpdesk.DRAFT_PATH: helpdesk.MAX_BODY_BYTES,
            webhook.PATH: rasa_callbacks.MAX_BODY_BYTES,
            nlg.PATH: rasa_callbacks.MAX_BODY_BYTES,
        },
    )
    app.add_middleware(
        RateLimitMiddleware, limits=settings.rate_limit, redis_url=settings.redis_url
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[o.strip() for o in settings.cors_origins.split(",") if o.strip()],
        allow_credentials=False,
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=["content-type", "accept-language"],
        max_age=3600,
    )
    docs_paths = frozenset({"/docs", "/redoc"} if docs else ())
    app.add_middleware(SecurityHeadersMiddleware, docs_paths=docs_paths)
    routers = (health, chat, nlg, webhook, cpas, aids, eligibility, parameters, pro, helpdesk)
    for module in (*routers, metrics, widget):
        app.include_router(module.router)
    return app


app = create_app()
