"""The FastAPI application: one router per area, errors as JSON in the user's language."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from aidguide import __version__
from aidguide.config import get_settings

from . import aids, chat, cpas, eligibility, health, nlg, webhook, widget
from .errors import install_error_handlers


def _configure_logging() -> None:
    """Our loggers write ids, intents and timings only; never message texts or slot values."""
    logger = logging.getLogger("aidguide")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(get_settings().log_level.upper())


def create_app() -> FastAPI:
    _configure_logging()
    app = FastAPI(
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
    for module in (health, chat, nlg, webhook, cpas, aids, eligibility, widget):
        app.include_router(module.router)
    return app


app = create_app()
