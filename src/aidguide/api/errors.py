"""JSON errors ``{"error": {"code", "message"}}`` in the request's language, never a stack trace.

Every error the API can answer is documented once here (:data:`ERROR_RESPONSES`, given to
every route) with the same body schema, so that the OpenAPI description says what a client
really gets. Whatever fails inside, the log gets the error type and the path, never a
traceback: an exception message may quote what a person typed.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aidguide.contacts import HELPDESK_EMAIL, HELPDESK_PHONE
from aidguide.i18n import N_, normalize_language, translator

from .language import request_language

logger = logging.getLogger("aidguide.api")

#: The helpdesk contact, given whenever the assistant cannot help (placeholders of messages).
HELPDESK = {"helpdesk_email": HELPDESK_EMAIL, "helpdesk_phone": HELPDESK_PHONE}
#: What the person reads when something failed on our side (with :data:`HELPDESK`).
INTERNAL_ERROR = N_(
    "Something went wrong on our side. Please try again, or contact the helpdesk: "
    "{helpdesk_email}, {helpdesk_phone}."
)
#: What the person reads when the assistant (Rasa, or the Redis it keeps conversations in) is
#: unreachable (with :data:`HELPDESK`).
ASSISTANT_UNAVAILABLE = N_(
    "The assistant is not available right now. Please try again in a moment. You can "
    "also contact the helpdesk: {helpdesk_email}, {helpdesk_phone}."
)
EMPTY_MESSAGE = N_("Your message is empty. Please write your question.")
MESSAGE_TOO_LONG = N_("Your message is too long. Please keep it under {max_chars} characters.")


class ApiError(Exception):
    """An error the client should see: an HTTP status, a stable code and an English msgid."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        headers: dict[str, str] | None = None,
        **params: object,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.params = params


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable, for programs: empty_message, rate_limited, ...")
    message: str = Field(description="For people, in the request's language.")


class ErrorOut(BaseModel):
    error: ErrorDetail


def _documented(description: str, **extra: Any) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description, **extra}


#: The errors any route may answer (a route adds its own, such as 404 for an unknown id).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _documented("The body is not valid JSON."),
    404: _documented("No such address, or no such resource."),
    405: _documented(
        "This method is not allowed here; `Allow` lists those that are.",
        headers={"Allow": {"description": "Allowed methods", "schema": {"type": "string"}}},
    ),
    413: _documented("The request body is too large."),
    422: _documented("A field is missing, empty, too long or of the wrong type."),
    429: _documented(
        "Too many requests from this client; `Retry-After` says when to try again.",
        headers={"Retry-After": {"description": "Seconds", "schema": {"type": "string"}}},
    ),
    500: _documented("Something failed on our side; the message gives the helpdesk."),
}


def error_response(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    **params: object,
) -> JSONResponse:
    text = translator(request_language(request)).gettext(message, **params)
    return JSONResponse(
        status_code=status, content={"error": {"code": code, "message": text}}, headers=headers
    )


#: Validation error types that have their own code and message (the field, then the type).
_SPECIFIC_ERRORS = {
    ("message", "string_too_short"): ("empty_message", EMPTY_MESSAGE),
    ("message", "string_too_long"): ("message_too_long", MESSAGE_TOO_LONG),
}


def _validation_message(exc: RequestValidationError) -> tuple[str, str, dict[str, object]]:
    """Name the first offending field without echoing the submitted value back."""
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query")]
        if location:
            specific = _SPECIFIC_ERRORS.get((location[-1], error.get("type", "")))
            if specific:
                limit = (error.get("ctx") or {}).get("max_length")
                return specific[0], specific[1], {"max_chars": limit}
            return (
                "invalid_request",
                N_("The field {field} is missing or has a wrong value."),
                {"field": ".".join(location)},
            )
    return "invalid_request", N_("The request is not valid."), {}


def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # The type only: an exception message may quote user input.
    logger.error("unhandled error %s on %s", type(exc).__name__, request.url.path)
    return error_response(request, 500, "internal_error", INTERNAL_ERROR, **HELPDESK)


class CatchAllMiddleware:
    """Answers any exception a route let through, before the server logs its traceback.

    Why: Starlette re-raises an unhandled exception after the 500 handler ran, and the ASGI
    server then logs it with its message and traceback: the person's text, if it was quoted.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:  # too late for an answer: the client sees a cut response
                logger.error("error after the response started: %s", type(exc).__name__)
                return
            await unexpected_error(Request(scope), exc)(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(
            request, exc.status, exc.code, exc.message, headers=exc.headers, **exc.params
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        body = getattr(exc, "body", None)
        if isinstance(body, dict) and "lang" in body:
            request.state.lang = normalize_language(body.get("lang"))
        if any(error.get("type") == "json_invalid" for error in exc.errors()):
            return error_response(request, 400, "invalid_json", "The request is not valid JSON.")
        code, message, params = _validation_message(exc)
        return error_response(request, 422, code, message, **params)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(request, 404, "not_found", "This address does not exist.")
        if exc.status_code == 405:
            return error_response(
                request,
                405,
                "method_not_allowed",
                "This method is not allowed here.",
                headers=exc.headers,
            )
        return error_response(
            request, exc.status_code, "http_error", "The request could not be handled."
        )

    app.add_exception_handler(Exception, unexpected_error)
    app.add_middleware(CatchAllMiddleware)
