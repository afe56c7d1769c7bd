"""``POST /api/helpdesk/draft`` and the ``/helpdesk`` page: a draft reply for the SPP IS helpdesk.

A thin adapter over :mod:`aidguide.helpdesk`. The e-mail is read, answered and forgotten: it is
never stored, and the log line carries a random id, counts and the time taken, never text.
Errors are in the interface language (``?lang=``, then Accept-Language), which may differ from
the writer's language the body's ``lang`` names.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from html import escape
from string import Template
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from aidguide.content import AID_IDS, get_sheet
from aidguide.helpdesk import (
    MAX_EMAIL_BYTES,
    EmailTooLarge,
    UnknownTopic,
    UnreadableEmail,
    draft_reply,
)
from aidguide.helpdesk.serialise import reply_dict
from aidguide.i18n import N_, translator

from .cpas import CentreOut, centre_out
from .errors import ApiError
from .widget import SECURITY_HEADERS, widget_dir

logger = logging.getLogger("aidguide.api.helpdesk")
router = APIRouter(tags=["helpdesk"])

EMPTY_EMAIL = N_("The e-mail is empty. Paste the e-mail, or drop an .eml or .txt file.")
UNREADABLE_EMAIL = N_(
    "We cannot read this e-mail: it holds no text. Paste the text of the e-mail, or save it as "
    ".eml or .txt."
)
TOO_LARGE = N_("The e-mail is larger than 2 MB. Remove the attachments and try again.")
UNKNOWN_TOPIC = N_("We do not know this aid: {aids}.")
#: JSON overhead allowed on top of the e-mail itself before a body counts as too large.
_JSON_OVERHEAD = 64 * 1024
DRAFT_PATH = "/api/helpdesk/draft"
#: The body limit of the draft route (the app's general limit is far smaller).
MAX_BODY_BYTES = MAX_EMAIL_BYTES + _JSON_OVERHEAD

_EXAMPLE_EMAIL = (
    "Subject: allocation mazout\n\nBonjour, j'habite à Jette et je n'ai plus de mazout. "
    "Puis-je avoir une aide ?\nMerci"
)


class DraftIn(BaseModel):
    """The raw e-mail (RFC 822 with headers, or just the text) and optional corrections."""

    email: str = Field(description="The raw e-mail, at most 2 MB", examples=[_EXAMPLE_EMAIL])
    lang: Literal["fr", "nl", "de", "en"] | None = Field(
        None, description="The writer's language, if the agent knows it (else detected)"
    )
    topics: list[str] | None = Field(
        None, description="Aid ids chosen by the agent instead of the ones read", max_length=3
    )
    place: str | None = Field(
        None,
        description="The place of residence chosen by the agent: name, postcode or NIS code",
        max_length=200,
    )


class TopicOut(BaseModel):
    aid: str = Field(description="Aid id, as in /api/aids")
    title: str
    confidence: float = Field(ge=0, le=1)


class CandidateOut(BaseModel):
    nis: str
    name: str


class PlaceOut(BaseModel):
    text: str = Field(description="The place as read (a name or postcode, never a street)")
    nis: str | None = Field(description="The centre's NIS code; null when several fit")
    centre: CentreOut | None
    candidates: list[CandidateOut] = Field(description="Every centre the place fits")


class DraftTextOut(BaseModel):
    lang: Literal["fr", "nl"] = Field(description="The language the draft is written in")
    subject: str
    body: str


class DraftOut(BaseModel):
    """The reading of the e-mail and the draft reply; nothing of it is stored."""

    lang: Literal["fr", "nl", "de", "en"] = Field(description="The writer's language")
    topics: list[TopicOut]
    off_topic: Literal["taxes", "fine", "job_application"] | None
    place: PlaceOut | None
    draft: DraftTextOut
    checks: list[str] = Field(description="What the agent must verify before sending")
    masked_email: str = Field(description="The e-mail with personal data masked")


DraftOut.model_config["json_schema_extra"] = {
    "examples": [
        {
            "lang": "fr",
            "topics": [
                {"aid": "heating_allowance", "title": "Allocation de chauffage", "confidence": 0.5}
            ],
            "off_topic": None,
            "place": {
                "text": "Jette",
                "nis": "21010",
                "centre": {"nis": "21010", "name": "CPAS de Jette", "phone": "02.422.46.11"},
                "candidates": [{"nis": "21010", "name": "CPAS de Jette"}],
            },
            "draft": {
                "lang": "fr",
                "subject": "Votre question : Allocation de chauffage",
                "body": "Madame, Monsieur,\n\nMerci pour votre message. ...\n\n"
                "Meilleures salutations,\nLe helpdesk du SPP Intégration sociale",
            },
            "checks": ["Vérifiez les coordonnées du CPAS de Jette avant d'envoyer."],
            "masked_email": "From: [NAME]\nSubject: allocation mazout\n\nBonjour, j'habite à "
            "Jette ...\n[PHONE]",
        }
    ]
}


def _centre(centre: Any, lang: str) -> dict[str, Any]:
    return centre_out(centre, lang).model_dump()


@router.post(
    DRAFT_PATH,
    response_model=DraftOut,
    summary="Draft a reply to an e-mail sent to the helpdesk",
    description=(
        "Reads the e-mail (headers, quoted history and signature set apart), finds the "
        "writer's language, the aids asked about (1-3) and the place of residence, and drafts "
        "a reply from the aid sheets, the rules engine and the directory. `topics` and `place` "
        "replace what was read. 422 for an empty or unreadable e-mail, 413 above 2 MB. Nothing "
        "is stored."
    ),
    responses={
        413: {"description": "The e-mail is larger than 2 MB"},
        422: {"description": "Empty or unreadable e-mail, or an unknown aid id"},
    },
)
async def draft(request: Request) -> DraftOut:
    started = time.perf_counter()
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise ApiError(413, "email_too_large", TOO_LARGE)
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise ApiError(413, "email_too_large", TOO_LARGE)
    body = _parse(raw)
    if not body.email.strip():
        raise ApiError(422, "empty_email", EMPTY_EMAIL)
    try:
        reply = await run_in_threadpool(
            draft_reply, body.email, lang=body.lang, topics=body.topics, place=body.place
        )
    except EmailTooLarge as error:
        raise ApiError(413, "email_too_large", TOO_LARGE) from error
    except UnreadableEmail as error:
        raise ApiError(422, "unreadable_email", UNREADABLE_EMAIL) from error
    except UnknownTopic as error:
        raise ApiError(422, "unknown_topic", UNKNOWN_TOPIC, aids=str(error)) from error
    data = reply_dict(reply, _centre)
    for topic in data["topics"]:
        topic["title"] = get_sheet(topic["aid"]).title(reply.draft.lang)
    logger.info(
        "helpdesk draft id=%s topics=%d place=%s ms=%.0f",
        uuid.uuid4().hex[:8],
        len(reply.topics),
        "yes" if reply.place else "no",
        (time.perf_counter() - started) * 1000,
    )
    return DraftOut.model_validate(data)


def _parse(raw: bytes) -> DraftIn:
    """The JSON body, with the project's usual 400/422 answers for a malformed one."""
    try:
        return DraftIn.model_validate_json(raw)
    except ValidationError as error:
        errors = error.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            raise RequestValidationError([{"type": "json_invalid", "loc": ("body",)}]) from None
        raise RequestValidationError(
            [{**e, "loc": ("body", *e.get("loc", ()))} for e in errors]
        ) from None


# ---------- the page ----------

#: The page's labels (domain ``helpdesk``), substituted into web_widget/helpdesk/page.html.
PAGE_TEXTS = {
    "title": N_("Helpdesk: draft a reply"),
    "intro": N_(
        "Paste an e-mail or drop an .eml or .txt file. The assistant proposes a reply. You check "
        "it, change it and send it yourself. Nothing is stored."
    ),
    "email_label": N_("The e-mail"),
    "file_label": N_("Or choose a file (.eml, .txt)"),
    "submit": N_("Draft a reply"),
    "reading": N_("What the assistant read"),
    "masked": N_("The e-mail with personal data masked"),
    "topics_label": N_("Topics (up to 3)"),
    "place_label": N_("Place of residence (name, postcode or NIS code)"),
    "rebuild": N_("Rebuild the draft"),
    "draft": N_("Draft reply"),
    "subject": N_("Subject"),
    "body": N_("Message"),
    "checks": N_("Check before sending"),
    "copy": N_("Copy the draft"),
    "copied": N_("The draft is copied."),
    "copy_failed": N_("Copying failed. Select the text and copy it by hand."),
    "working": N_("The assistant is reading the e-mail..."),
    "done": N_("The draft is ready."),
    "failed": N_("Something went wrong. Please try again."),
    "no_place": N_("No place found"),
    "writer_language": N_("Language of the writer"),
    "off_topic": N_("Off-topic: a referral reply"),
}
#: The link to the page in the other language, named in that language.
OTHER_LANGUAGE = {"fr": ("/nl/helpdesk", "nl", "Nederlands"), "nl": ("/helpdesk", "fr", "Français")}
PAGES = {"/helpdesk": "fr", "/nl/helpdesk": "nl"}
_ASSETS = {
    "helpdesk.js": "text/javascript; charset=utf-8",
    "helpdesk.css": "text/css; charset=utf-8",
}


def _options(lang: str) -> str:
    """The aids as <option> elements (titles from the sheets, escaped)."""
    return "\n".join(
        f'<option value="{aid}">{escape(get_sheet(aid).title(lang))}</option>' for aid in AID_IDS
    )


def _render_page(request: Request, lang: str) -> HTMLResponse:
    t = translator(lang)
    template = Template((widget_dir() / "helpdesk" / "page.html").read_text(encoding="utf-8"))
    values = {key: escape(t.gettext(text), quote=True) for key, text in PAGE_TEXTS.items()}
    root = request.scope.get("root_path", "").rstrip("/")
    other_path, other_lang, other_name = OTHER_LANGUAGE[lang]
    values.update(
        lang_attr=lang,
        root=root,
        other_href=root + other_path,
        other_lang=other_lang,
        other_name=other_name,
    )
    values["aid_options"] = _options(lang)
    return HTMLResponse(
        template.safe_substitute(values),
        headers={**SECURITY_HEADERS, "Cache-Control": "no-store"},
    )


def _page_route(lang: str) -> Callable[[Request], HTMLResponse]:
    def page(request: Request) -> HTMLResponse:
        return _render_page(request, lang)

    page.__doc__ = f"The helpdesk page in {lang}."
    return page


for _path, _lang in PAGES.items():
    router.add_api_route(_path, _page_route(_lang), methods=["GET"], include_in_schema=False)


@router.get("/helpdesk/assets/{name}", include_in_schema=False)
def page_asset(name: str) -> FileResponse:
    """The page's script and stylesheet (a fixed list: no path from the URL reaches disk)."""
    media_type = _ASSETS.get(name)
    if media_type is None:
        raise HTTPException(404)  # answered as not_found by the app's error handler
    return FileResponse(
        widget_dir() / "helpdesk" / name,
        media_type=media_type,
        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
    )
