"""The web widget and the pages around it.

Serves ``/widget.js`` (the embeddable chat widget, plain JavaScript), its UI strings as JSON
built from the gettext catalogs (domain ``widget``), a demo page shaped like a public-service
page (``/`` in French, ``/nl`` in Dutch) and the accessibility statement (``/accessibilite``,
``/nl/toegankelijkheid``). Every response carries a strict Content-Security-Policy: no inline
script or style anywhere, which is why the widget builds its DOM with text nodes and adopts its
CSS as a constructed stylesheet.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from babel.messages.mofile import read_mo
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from aidguide.config import get_settings
from aidguide.i18n import SUPPORTED_LANGUAGES, locales_dir, translator

from .errors import ApiError

router = APIRouter()

#: The policy of every response of this router. ``connect-src 'self'`` is what lets the widget
#: call /api/chat; nothing may be loaded from elsewhere, nothing inline may run.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

#: Pages: URL path -> (template name, language). The templates are full HTML documents.
PAGES = {
    "/": ("demo.fr.html", "fr"),
    "/nl": ("demo.nl.html", "nl"),
    "/accessibilite": ("accessibility.fr.html", "fr"),
    "/nl/toegankelijkheid": ("accessibility.nl.html", "nl"),
}

#: Static assets the pages use, by public name (a fixed list: no path from the URL reaches disk).
ASSETS = {"page.css": "text/css; charset=utf-8"}


def widget_dir() -> Path:
    """Where the widget's files live: ``Settings.widget_dir`` (``AIDGUIDE_WIDGET_DIR``)."""
    return get_settings().widget_dir


def widget_strings(language: str) -> dict[str, str]:
    """Every msgid of the compiled ``widget`` catalog of ``language``, translated.

    The compiled catalog says which strings the widget has; the translation goes through the
    product's translator, like any other text, so the JSON and the bot never disagree.
    """
    compiled = locales_dir() / language / "LC_MESSAGES" / "widget.mo"
    if not compiled.exists():
        return {}
    with compiled.open("rb") as handle:
        catalog = read_mo(handle)
    speak = translator(language)
    return {
        message.id: speak.gettext(message.id)
        for message in catalog
        if message.id and isinstance(message.id, str)
    }


class WidgetStrings(BaseModel):
    """The widget's UI strings in one language: English msgid -> translation."""

    lang: str = Field(examples=["nl"])
    messages: dict[str, str] = Field(
        examples=[{"Send": "Verzenden", "Try again": "Opnieuw proberen"}]
    )


def _page(request: Request, path: str) -> HTMLResponse:
    template_name, _language = PAGES[path]
    template = Template((widget_dir() / "templates" / template_name).read_text(encoding="utf-8"))
    root = request.scope.get("root_path", "").rstrip("/")
    return HTMLResponse(
        template.safe_substitute(root=root),
        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
    )


@router.get("/", include_in_schema=False)
def demo_fr(request: Request) -> HTMLResponse:
    """Demo page in French, with the widget on it."""
    return _page(request, "/")


@router.get("/nl", include_in_schema=False)
def demo_nl(request: Request) -> HTMLResponse:
    """Demo page in Dutch, with the widget on it."""
    return _page(request, "/nl")


@router.get("/accessibilite", include_in_schema=False)
def statement_fr(request: Request) -> HTMLResponse:
    """Accessibility statement in French (required of Belgian public bodies)."""
    return _page(request, "/accessibilite")


@router.get("/nl/toegankelijkheid", include_in_schema=False)
def statement_nl(request: Request) -> HTMLResponse:
    """Accessibility statement in Dutch."""
    return _page(request, "/nl/toegankelijkheid")


@router.api_route("/widget.js", methods=["GET", "HEAD"], include_in_schema=False)
def widget_js() -> FileResponse:
    """The widget itself. Revalidated on each load (ETag), so a fix reaches every site at once."""
    return FileResponse(
        widget_dir() / "widget.js",
        media_type="text/javascript; charset=utf-8",
        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
    )


@router.get("/widget/assets/{name}", include_in_schema=False)
def widget_asset(name: str) -> FileResponse:
    """A stylesheet of the demo and statement pages."""
    media_type = ASSETS.get(name)
    if media_type is None:
        raise ApiError(404, "not_found", "This address does not exist.")
    return FileResponse(
        widget_dir() / "assets" / name,
        media_type=media_type,
        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
    )


@router.get(
    "/widget/i18n/{lang}.json",
    response_model=WidgetStrings,
    tags=["widget"],
    summary="The web widget's UI strings in one language",
)
def widget_i18n(lang: str) -> JSONResponse:
    """UI strings of the widget, from the compiled gettext catalogs (domain ``widget``).

    Open to every origin: the widget is embedded on other public websites and the strings
    are public. No credentials are involved.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise ApiError(404, "not_found", "This address does not exist.")
    body = WidgetStrings(lang=lang, messages=widget_strings(lang))
    return JSONResponse(
        body.model_dump(),
        headers={
            **SECURITY_HEADERS,
            "Cache-Control": "public, max-age=300",
            "Access-Control-Allow-Origin": "*",
        },
    )
