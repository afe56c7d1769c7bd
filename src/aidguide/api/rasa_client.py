"""The HTTP client for the Rasa server (loopback): the REST channel and the tracker API."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from aidguide.config import Settings

from .metrics import record_rasa_call


class RasaUnavailable(Exception):
    """Rasa did not answer, or answered with an error."""


@dataclass
class TrackerSummary:
    language: str | None
    intent: str | None
    #: The form (or fallback ladder) waiting for an answer, if any.
    active_loop: str | None = None


@contextmanager
def _timed(call: str) -> Iterator[None]:
    """Time one call to Rasa (failed ones too) for /metrics."""
    started = time.perf_counter()
    try:
        yield
    finally:
        record_rasa_call(call, time.perf_counter() - started)


class RasaClient:
    def __init__(
        self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        """``transport`` replaces the network (tests answer for Rasa with a mock transport)."""
        self._settings = settings
        self._http = httpx.AsyncClient(
            base_url=settings.rasa_url, timeout=settings.rasa_timeout_seconds, transport=transport
        )

    @property
    def _auth(self) -> dict[str, str]:
        return {"token": self._settings.rasa_token} if self._settings.rasa_token else {}

    async def send(
        self, sender: str, message: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """One user turn through the REST channel; the bot's messages in order."""
        try:
            with _timed("send"):
                response = await self._http.post(
                    "/webhooks/rest/webhook",
                    json={"sender": sender, "message": message, "metadata": metadata},
                )
        except httpx.HTTPError as exc:
            raise RasaUnavailable(type(exc).__name__) from exc
        if response.status_code != 200:
            raise RasaUnavailable(f"status {response.status_code}")
        body = response.json()
        return body if isinstance(body, list) else []

    async def tracker_summary(self, sender: str) -> TrackerSummary:
        """The conversation's language, last intent and open form (no events are fetched)."""
        try:
            with _timed("tracker"):
                response = await self._http.get(
                    f"/conversations/{sender}/tracker",
                    params={"include_events": "NONE", **self._auth},
                )
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise RasaUnavailable(type(exc).__name__) from exc
        tracker = response.json()
        slots = tracker.get("slots") or {}
        intent = ((tracker.get("latest_message") or {}).get("intent") or {}).get("name")
        active_loop = (tracker.get("active_loop") or {}).get("name")
        return TrackerSummary(
            language=slots.get("language"), intent=intent, active_loop=active_loop
        )

    async def forget(self, sender: str) -> None:
        """Replace the conversation's events by none: Rasa keeps nothing of it."""
        try:
            with _timed("forget"):
                response = await self._http.put(
                    f"/conversations/{sender}/tracker/events", params=self._auth, json=[]
                )
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise RasaUnavailable(type(exc).__name__) from exc

    async def status(self) -> dict[str, Any]:
        try:
            response = await self._http.get("/status", params=self._auth, timeout=3.0)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise RasaUnavailable(type(exc).__name__) from exc
        return response.json()

    async def aclose(self) -> None:
        await self._http.aclose()
