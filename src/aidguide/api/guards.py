"""Limits and headers around every request: rate limit, body size, security headers.

Pure ASGI middlewares (no buffering of responses). Their answers are the API's usual JSON
errors in the request's language (:func:`.errors.error_response`).

- A per-client rate limit on ``/api/*`` (``Settings.rate_limit``, the ``limits`` library's
  moving window): in memory for the embedded single-process default, in Redis when
  ``Settings.redis_url`` is set, so that app replicas share one count per client. A client is
  its IP address as the server sees it (behind nginx: the address nginx puts in
  ``X-Forwarded-For``, which uvicorn trusts from the proxies it is told of). Should Redis be
  unreachable, requests pass unlimited here (nginx's ``limit_req`` still applies) and the
  routes that need Redis say the assistant is unavailable.
- A request body limit (``Settings.max_body_bytes``), checked on ``Content-Length`` and on
  the bytes actually received.
- Security headers on every response that has not set its own (the widget's pages have a
  stricter set of their own).
"""

from __future__ import annotations

import logging
import math
import time

from limits import parse_many
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aidguide.i18n import N_

from .errors import HELPDESK, error_response

logger = logging.getLogger("aidguide.api")

RATE_LIMITED = N_(
    "You sent many messages in a short time. Please wait {seconds} seconds and try again. "
    "If you need help now, contact the helpdesk: {helpdesk_email}, {helpdesk_phone}."
)
BODY_TOO_LARGE = N_("Your request is too large. Please send a shorter message.")

#: Headers of API answers: nothing in them may run, be framed or be sniffed as another type.
API_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
#: Swagger UI (development only, ``Settings.api_docs``) loads its script and style from the
#: CDN FastAPI names, and runs one inline script.
DOCS_HEADERS = {
    **API_HEADERS,
    "Content-Security-Policy": "; ".join(
        [
            "default-src 'none'",
            "script-src https://cdn.jsdelivr.net 'unsafe-inline'",
            "style-src https://cdn.jsdelivr.net",
            "img-src https://fastapi.tiangolo.com data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
        ]
    ),
}


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, docs_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wanted = DOCS_HEADERS if scope["path"] in self.docs_paths else API_HEADERS

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in wanted.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def limits_storage_uri(redis_url: str) -> str:
    """The ``limits`` storage for ``Settings.redis_url``: async Redis, or process memory."""
    if not redis_url:
        return "async+memory://"
    return "async+" + redis_url  # redis://... or rediss://... (TLS)


#: Seconds the limiter waits for Redis before letting a request through unlimited.
_LIMITER_REDIS_TIMEOUT_SECONDS = 1.0


class RateLimitMiddleware:
    def __init__(
        self, app: ASGIApp, limits: str, redis_url: str = "", prefix: str = "/api/"
    ) -> None:
        self.app = app
        self.limits = parse_many(limits)
        options = (
            {
                "implementation": "redispy",
                "socket_timeout": _LIMITER_REDIS_TIMEOUT_SECONDS,
                "socket_connect_timeout": _LIMITER_REDIS_TIMEOUT_SECONDS,
            }
            if redis_url
            else {}
        )
        self.limiter = MovingWindowRateLimiter(
            storage_from_string(limits_storage_uri(redis_url), **options)
        )
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        for limit in self.limits:
            try:
                allowed = await self.limiter.hit(limit, client)
            except Exception as error:  # the storage's own errors (redis, limits) vary
                logger.warning("rate limit storage unavailable: %s", type(error).__name__)
                break
            if not allowed:
                reset = (await self.limiter.get_window_stats(limit, client)).reset_time
                seconds = max(1, math.ceil(reset - time.time()))
                logger.warning("rate limited path=%s limit=%s", scope["path"], limit)
                response = error_response(
                    Request(scope),
                    429,
                    "rate_limited",
                    RATE_LIMITED,
                    headers={"Retry-After": str(seconds)},
                    seconds=seconds,
                    **HELPDESK,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Refuses a request body over ``max_bytes`` before any route reads it. A route that takes
    larger documents by design (an e-mail for the helpdesk) names its own limit in
    ``limits_by_path`` and checks it itself."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, limits_by_path: dict[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.limits_by_path = limits_by_path or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        max_bytes = self.limits_by_path.get(scope["path"], self.max_bytes)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            await self._refuse(scope, receive, send)
            return
        # Without a (truthful) length, the body is read up to the limit before the app runs.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > max_bytes:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
        logger.warning("request body too large path=%s", scope["path"])
        response = error_response(Request(scope), 413, "body_too_large", BODY_TOO_LARGE)
        await response(scope, receive, send)
