"""POST /api/chat: the gateway between the widget and the Rasa assistant.

Every message is cleaned and its personal data masked before Rasa sees it. Nothing the
user typed is logged: a turn is logged as its conversation id, intent, language and timing.
"""

from __future__ import annotations

import logging
import secrets
import time
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from aidguide.config import get_settings
from aidguide.courtesy import without_courtesy
from aidguide.i18n import N_, SUPPORTED_LANGUAGES, normalize_language
from aidguide.i18n.detect import detect_language
from aidguide.nlg import bot_intents, renderer
from aidguide.privacy import mask_personal_data
from aidguide.textinput import clean_text, is_button_payload, looks_like_keyboard_mashing
from aidguide.vocabulary import has_no_known_word

from .errors import HELPDESK, ApiError
from .rasa_client import RasaClient, RasaUnavailable, TrackerSummary

router = APIRouter(tags=["chat"])
logger = logging.getLogger("aidguide.chat")

CONVERSATION_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"


class ChatRequest(BaseModel):
    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "examples": [
                {"conversation_id": "a1", "message": "Bonjour", "lang": "fr"},
                {"conversation_id": "b1", "message": "Waar is mijn OCMW?", "lang": "nl"},
                {"conversation_id": "b1", "message": "/find_cpas"},
            ]
        },
    )

    conversation_id: str | None = Field(
        default=None,
        pattern=CONVERSATION_ID_PATTERN,
        description="Random id chosen by the client; a new one is made when it is missing.",
    )
    message: str = Field(description="What the user typed, or a button's payload.")
    lang: str | None = Field(
        default=None, description="The client's language (fr or nl), used to start a conversation."
    )


class Button(BaseModel):
    title: str
    payload: str


class ChatMessage(BaseModel):
    text: str
    buttons: list[Button] = Field(default_factory=list)


class ChatResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "conversation_id": "a1",
                    "lang": "fr",
                    "messages": [
                        {
                            "text": "Bonjour ! Je peux vous dire quelles aides existent...",
                            "buttons": [{"title": "Trouver mon CPAS", "payload": "/find_cpas"}],
                        }
                    ],
                }
            ]
        }
    )

    conversation_id: str
    lang: str = Field(description="The conversation's language after this turn: clients follow it.")
    messages: list[ChatMessage]


@lru_cache(maxsize=1)
def get_rasa_client() -> RasaClient:
    return RasaClient(get_settings())


RasaDependency = Annotated[RasaClient, Depends(get_rasa_client)]

_ERROR_RESPONSES = {
    400: {"description": "The body is not valid JSON."},
    422: {"description": "Empty, too long, or wrongly typed message."},
    503: {"description": "The assistant is not reachable; the message gives the helpdesk."},
}


def _prepare_message(raw: str, max_chars: int) -> str:
    if len(raw) > max_chars:
        raise ApiError(
            422,
            "message_too_long",
            "Your message is too long. Please keep it under {max_chars} characters.",
            max_chars=max_chars,
        )
    text = clean_text(raw)
    if not text:
        raise ApiError(422, "empty_message", "Your message is empty. Please write your question.")
    if text.startswith("/") and is_button_payload(text, bot_intents()):
        return text
    text = mask_personal_data(text.lstrip("/").strip()) or text
    return without_courtesy(text)  # "Bonjour, où est mon CPAS ?" is the question


def _unavailable() -> ApiError:
    return ApiError(
        503,
        "assistant_unavailable",
        N_(
            "The assistant is not available right now. Please try again in a moment. You can "
            "also contact the helpdesk: {helpdesk_email}, {helpdesk_phone}."
        ),
        **HELPDESK,
    )


def _to_messages(rasa_messages: list[dict]) -> list[ChatMessage]:
    messages = []
    for item in rasa_messages:
        text = item.get("text") or ""
        buttons = [
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in item.get("buttons") or []
            if b.get("payload")
        ]
        if text or buttons:
            messages.append(ChatMessage(text=text, buttons=buttons))
    return messages


@router.post("/api/chat", response_model=ChatResponse, responses=_ERROR_RESPONSES)
async def chat(body: ChatRequest, request: Request, rasa: RasaDependency) -> ChatResponse:
    """Send one message to the assistant and get its answers."""
    started = time.perf_counter()
    hint = normalize_language(body.lang, default="") or None
    request.state.lang = hint
    settings = get_settings()
    text = _prepare_message(body.message, settings.max_message_chars)
    conversation_id = body.conversation_id or secrets.token_urlsafe(12)

    # Answered here, without Rasa, so the conversation (an open question) stays as it was.
    if looks_like_keyboard_mashing(text):
        summary = await _summary(rasa, conversation_id)
        return _answer_here(request, conversation_id, summary, hint, "unreadable")
    if detect_language(text).is_foreign:
        summary = await _summary(rasa, conversation_id)
        return _answer_here(request, conversation_id, summary, hint, "other_language")
    # Button payloads are not words; inside a form every answer goes to the form, which asks
    # again with an example.
    if not text.startswith("/") and has_no_known_word(text):
        summary = await _summary(rasa, conversation_id)
        if summary is None or not summary.active_loop:
            return _answer_here(request, conversation_id, summary, hint, "not_understood")

    try:
        rasa_messages = await rasa.send(conversation_id, text, {"lang": hint})
    except RasaUnavailable as exc:
        logger.error("rasa unavailable conversation=%s reason=%s", conversation_id, exc)
        raise _unavailable() from exc
    summary = await _summary(rasa, conversation_id)
    language, intent = (summary.language, summary.intent) if summary else (None, None)
    language = language if language in SUPPORTED_LANGUAGES else (hint or "fr")
    logger.info(
        "chat turn conversation=%s intent=%s lang=%s messages=%d duration_ms=%.0f",
        conversation_id,
        intent,
        language,
        len(rasa_messages),
        (time.perf_counter() - started) * 1000,
    )
    return ChatResponse(
        conversation_id=conversation_id, lang=language, messages=_to_messages(rasa_messages)
    )


def _answer_here(
    request: Request,
    conversation_id: str,
    summary: TrackerSummary | None,
    hint: str | None,
    what: str,
) -> ChatResponse:
    """One of the app's own answers (``utter_<what>``), in the conversation's language."""
    language = (summary.language if summary else None) or hint or "fr"
    request.state.lang = language
    reply = renderer().render(f"utter_{what}", language)
    logger.info("chat turn conversation=%s intent=%s lang=%s", conversation_id, what, language)
    return ChatResponse(
        conversation_id=conversation_id,
        lang=language,
        messages=[ChatMessage(text=reply.text, buttons=[Button(**b) for b in reply.buttons])],
    )


async def _summary(rasa: RasaClient, conversation_id: str) -> TrackerSummary | None:
    """The conversation's language, last intent and open form; None when Rasa is unreachable."""
    try:
        return await rasa.tracker_summary(conversation_id)
    except RasaUnavailable:
        return None


@router.delete(
    "/api/chat/{conversation_id}",
    status_code=204,
    responses={204: {"description": "Forgotten."}, 503: _ERROR_RESPONSES[503]},
)
async def forget_conversation(
    rasa: RasaDependency,
    conversation_id: Annotated[str, Path(pattern=CONVERSATION_ID_PATTERN)],
) -> Response:
    """Forget a conversation now (the widget's "clear conversation" button)."""
    try:
        await rasa.forget(conversation_id)
    except RasaUnavailable as exc:
        raise _unavailable() from exc
    logger.info("conversation forgotten conversation=%s", conversation_id)
    return Response(status_code=204)
