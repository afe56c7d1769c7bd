"""Shared fixtures of the rules-engine tests."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aidguide.api import eligibility
from aidguide.api.errors import install_error_handlers


@pytest.fixture(scope="module")
def client() -> TestClient:
    """POST /api/eligibility with the app's error handlers, no Rasa needed."""
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(eligibility.router)
    return TestClient(app)
