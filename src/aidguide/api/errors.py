"""JSON errors ``{"error": {"code", "message"}}`` in the request's language, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

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


class ApiError(Exception):
    """An error the client should see: an HTTP status, a stable code and an English msgid."""

    def __init__(self, status: int, code: str, message: str, **params: object) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.params = params


def error_response(
    request: Request, status: int, code: str, message: str, **params: object
) -> JSONResponse:
    text = translator(request_language(request)).gettext(message, **params)
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": text}})


def _validation_message(exc: RequestValidationError) -> tuple[str, dict[str, object]]:
    """Name the first offending field without echoing the submitted value back."""
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query")]
        if location:
            return N_("The field {field} is missing or has a wrong value."), {
                "field": ".".join(location)
            }
    return N_("The request is not valid."), {}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(request, exc.status, exc.code, exc.message, **exc.params)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        body = getattr(exc, "body", None)
        if isinstance(body, dict) and "lang" in body:
            request.state.lang = normalize_language(body.get("lang"))
        if any(error.get("type") == "json_invalid" for error in exc.errors()):
            return error_response(request, 400, "invalid_json", "The request is not valid JSON.")
        message, params = _validation_message(exc)
        return error_response(request, 422, "invalid_request", message, **params)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(request, 404, "not_found", "This address does not exist.")
        if exc.status_code == 405:
            return error_response(
                request, 405, "method_not_allowed", "This method is not allowed here."
            )
        return error_response(
            request, exc.status_code, "http_error", "The request could not be handled."
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The type only: an exception message may quote user input.
        logger.error("unhandled error %s on %s", type(exc).__name__, request.url.path)
        return error_response(
            request,
            500,
            "internal_error",
            INTERNAL_ERROR,
            **HELPDESK,
        )
