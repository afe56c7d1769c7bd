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
from aidguide.vocabulary import assistant_vocabulary

from . import (
    aids,
    chat,
    cpas,
    eligibility,
    health,
    helpdesk,
    nlg,
    parameters,
    pro,
    webhook,
    widget,
)
from .errors import install_error_handlers


def _configure_logging() -> None:
    """Our loggers write ids, intents and timings only; never message texts or slot values."""
    logger = logging.getLogger("aidguide")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(get_settings().log_level.upper())


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    """Build the vocabulary while the server starts, in a worker thread.

    Why: it reads every training example, sheet and place name (about 0.3 s); built on demand,
    that time fell on the first person to write. Requests are served meanwhile: one that comes
    first builds it too, which costs time, not correctness.
    """
    warm_up = asyncio.get_running_loop().run_in_executor(None, assistant_vocabulary)
    yield
    try:
        await warm_up
    except Exception as error:  # the first message will meet (and report) the same failure
        logging.getLogger("aidguide").warning("vocabulary warm-up failed: %s", type(error).__name__)


def create_app() -> FastAPI:
    _configure_logging()
    app = FastAPI(
        lifespan=_lifespan,
        title="AidGuide",
        version=__version__,
        summary="Which social aids exist in Belgium, which CPAS/OCMW to contact, and an "
        "indicative eligibility check. In French and Dutch. Stores no personal data.",
    )
    install_error_handlers(app)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[o.strip() for o in get_settings().cors_origins.split(",") if o.strip()],
        allow_credentials=False,
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=["content-type", "accept-language"],
        max_age=3600,
    )
    routers = (health, chat, nlg, webhook, cpas, aids, eligibility, parameters, pro, helpdesk)
    for module in (*routers, widget):
        app.include_router(module.router)
    return app


app = create_app()
