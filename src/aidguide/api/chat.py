"""POST /api/chat: the gateway between the widget and the Rasa assistant.

Every message is cleaned and its personal data masked before Rasa sees it. Nothing the
user typed is logged: a turn is logged as its conversation id, intent, language and timing.
Conversation ids are issued by the server (:mod:`.conversations`), and a conversation that
grows too long starts over, said plainly.
"""

from __future__ import annotations

import logging
import time
from contextlib import suppress
from datetime import date
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from aidguide.config import get_settings
from aidguide.courtesy import without_courtesy
from aidguide.i18n import N_, SUPPORTED_LANGUAGES, normalize_language, translator
from aidguide.i18n.detect import choose_language
from aidguide.nlg import bot_entities, bot_intents, renderer
from aidguide.privacy import mask_personal_data
from aidguide.pro.question import answer_amount_question
from aidguide.textinput import button_payload, clean_text
from aidguide.triage import Verdict, triage

from .conversations import is_issued, issue_conversation_id, turn_counter
from .errors import EMPTY_MESSAGE, ERROR_RESPONSES, HELPDESK, INTERNAL_ERROR, ApiError
from .metrics import record_error, record_turn
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
        description="The id of the server's previous answer; leave it out to start. An id "
        "the server did not issue (or one too old) starts a new conversation.",
    )
    message: str = Field(
        min_length=1,
        max_length=get_settings().max_message_chars,
        description="What the user typed, or a button's payload.",
    )
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

    conversation_id: str = Field(description="Send it with the next message of this conversation.")
    lang: str = Field(description="The conversation's language after this turn: clients follow it.")
    messages: list[ChatMessage]


@lru_cache(maxsize=1)
def get_rasa_client() -> RasaClient:
    return RasaClient(get_settings())


RasaDependency = Annotated[RasaClient, Depends(get_rasa_client)]

_ERROR_RESPONSES = {
    503: {
        **ERROR_RESPONSES[500],
        "description": "The assistant is not reachable; the message gives the helpdesk.",
    },
}
_STARTED_OVER = N_(
    "This conversation has become very long, so I have started a new one: what you told me "
    "before is forgotten. Please ask your question again."
)


def _prepare_message(raw: str) -> str:
    text = clean_text(raw)
    if not text:
        raise ApiError(422, "empty_message", EMPTY_MESSAGE)
    payload = button_payload(text, bot_intents(), bot_entities()) if text[0] == "/" else None
    if payload is not None:
        return payload
    text = mask_personal_data(text.lstrip("/").strip()) or mask_personal_data(text)
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
    request.state.started = started
    hint = normalize_language(body.lang, default="") or None
    request.state.lang = hint
    text = _prepare_message(body.message)
    conversation_id = body.conversation_id
    if not is_issued(conversation_id):
        conversation_id = issue_conversation_id()
    if turn_counter().count(conversation_id) > get_settings().max_turns_per_conversation:
        return await _start_over(request, rasa, conversation_id, hint)

    # Answered here, without Rasa, so the conversation (an open question) stays as it was.
    verdict = triage(text, date.today())
    if verdict is Verdict.AMOUNT_AT_DATE:
        return await _amount_at_date(request, rasa, conversation_id, hint, text)
    if verdict is not Verdict.ASSISTANT:
        summary = await _summary(rasa, conversation_id)
        if summary is not None and summary.active_loop:
            verdict = verdict.inside_form()
        if verdict is not Verdict.ASSISTANT:
            return _answer_here(request, conversation_id, summary, hint, verdict.value)

    try:
        rasa_messages = await rasa.send(conversation_id, text, {"lang": hint})
    except RasaUnavailable as exc:
        record_error("rasa_unavailable")
        logger.error("rasa unavailable conversation=%s reason=%s", conversation_id, exc)
        raise _unavailable() from exc
    summary = await _summary(rasa, conversation_id)
    language, intent = (summary.language, summary.intent) if summary else (None, None)
    language = language if language in SUPPORTED_LANGUAGES else (hint or "fr")
    messages = _to_messages(rasa_messages)
    if not messages:  # never an empty answer: the person is told, with the helpdesk
        record_error("empty_answer")
        logger.error("empty answer conversation=%s intent=%s", conversation_id, intent)
        text = translator(language).gettext(INTERNAL_ERROR, **HELPDESK)
        messages = [ChatMessage(text=text)]
    seconds = time.perf_counter() - started
    record_turn(language, intent, seconds)
    logger.info(
        "chat turn conversation=%s intent=%s lang=%s messages=%d duration_ms=%.0f",
        conversation_id,
        intent,
        language,
        len(rasa_messages),
        seconds * 1000,
    )
    return ChatResponse(conversation_id=conversation_id, lang=language, messages=messages)


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
    record_turn(language, what, _elapsed(request))
    logger.info("chat turn conversation=%s intent=%s lang=%s", conversation_id, what, language)
    return ChatResponse(
        conversation_id=conversation_id,
        lang=language,
        messages=[ChatMessage(text=reply.text, buttons=[Button(**b) for b in reply.buttons])],
    )


async def _amount_at_date(
    request: Request, rasa: RasaClient, conversation_id: str, hint: str | None, text: str
) -> ChatResponse:
    """An amount at a date, with its source (:mod:`aidguide.pro.question`), without Rasa."""
    summary = await _summary(rasa, conversation_id)
    language = choose_language(summary.language if summary else None, hint, text)
    request.state.lang = language
    answer = answer_amount_question(text, language, date.today())
    record_turn(language, "amount_at_date", _elapsed(request))
    logger.info(
        "chat turn conversation=%s intent=amount_at_date lang=%s", conversation_id, language
    )
    reply = answer.text if answer else renderer().render("utter_not_understood", language).text
    return ChatResponse(
        conversation_id=conversation_id, lang=language, messages=[ChatMessage(text=reply)]
    )


async def _start_over(
    request: Request, rasa: RasaClient, conversation_id: str, hint: str | None
) -> ChatResponse:
    """Forget a conversation that reached its length cap and give the person a new one."""
    summary = await _summary(rasa, conversation_id)
    language = (summary.language if summary else None) or hint or "fr"
    request.state.lang = language
    with suppress(RasaUnavailable):  # it expires anyway; the new id is what matters
        await rasa.forget(conversation_id)
    turn_counter().forget(conversation_id)
    new_id = issue_conversation_id()
    record_turn(language, "started_over", _elapsed(request))
    logger.info("conversation started over conversation=%s new=%s", conversation_id, new_id)
    text = translator(language).gettext(_STARTED_OVER)
    return ChatResponse(conversation_id=new_id, lang=language, messages=[ChatMessage(text=text)])


def _elapsed(request: Request) -> float:
    """Seconds since the turn began (:func:`chat` notes when)."""
    return time.perf_counter() - request.state.started


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
    if not is_issued(conversation_id):
        raise ApiError(404, "unknown_conversation", "This address does not exist.")
    turn_counter().forget(conversation_id)
    try:
        await rasa.forget(conversation_id)
    except RasaUnavailable as exc:
        raise _unavailable() from exc
    logger.info("conversation forgotten conversation=%s", conversation_id)
    return Response(status_code=204)
