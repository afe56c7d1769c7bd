"""The worker page: ``/pro`` (French) and ``/pro/nl`` (Dutch), rendered on the server.

Amounts at a date, the history of a parameter (table and SVG step chart), the calculator with
its steps and the rules search, from :mod:`aidguide.pro`. No script at all: forms and links do
everything, so the page works with a keyboard and any browser, and prints cleanly. The
calculator and the search are POSTed (what a worker types never appears in a URL or an access
log) and their answers are not cached; nothing is stored. Same security headers as the widget's
pages (strict CSP, no third-party request).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from aidguide import eligibility as explained
from aidguide.contacts import HELPDESK_EMAIL, HELPDESK_PHONE
from aidguide.i18n import N_, format_date, format_number, translator
from aidguide.pro import catalogue
from aidguide.pro.chart import Point, step_chart
from aidguide.pro.form import CHOICE_LABELS, FIELDS, read_form
from aidguide.pro.search import search_rules
from aidguide.pro.steps import calculation_steps

from .errors import ApiError
from .widget import SECURITY_HEADERS, widget_dir

router = APIRouter(include_in_schema=False)

#: Page path by language; the other language's path is the language switch.
PATHS = {"fr": "/pro", "nl": "/pro/nl"}
DEFAULT_PARAMETER = "ris.amount.cat2.monthly"
#: A form is a few hundred bytes; anything far bigger is not ours.
MAX_FORM_BYTES = 16_384
STATUS_LABELS = {
    "published": N_("published"),
    "computed": N_("computed, not published"),
    "unknown": N_("unknown"),
}


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(widget_dir() / "pro"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _parse_date(text: str | None) -> date:
    try:
        return date.fromisoformat(text) if text else date.today()
    except ValueError:
        return date.today()


def _history(name: str, lang: str, today: date) -> dict[str, Any]:
    try:
        entries = catalogue.history(name, lang)
    except catalogue.UnknownParameter:
        name = DEFAULT_PARAMETER
        entries = catalogue.history(name, lang)
    label = catalogue.label(name, lang)
    points = [Point(e.since, e.value, e.status == "computed") for e in entries if e.since]
    t = translator(lang)
    chart = step_chart(
        points,
        today,
        t.gettext("Step chart: {label}, all dated values", label=label),
        lambda value: format_number(round(value, 2 if value < 10 else 0), lang),
    )
    return {"name": name, "label": label, "entries": entries, "chart": chart}


def _render(request: Request, lang: str, **extra: Any) -> HTMLResponse:
    t = translator(lang)
    query = dict(request.query_params)
    on = _parse_date(query.get("date"))
    today = date.today()
    entries = catalogue.values_at(on, lang)
    groups: dict[str, list[catalogue.DatedValue]] = {}
    for entry in entries:
        groups.setdefault(entry.group, []).append(entry)
    other = "nl" if lang == "fr" else "fr"
    switch_query = {k: v for k, v in query.items() if k in ("date", "param")}
    root = request.scope.get("root_path", "").rstrip("/")
    context = {
        "lang": lang,
        "root": root,
        "self_url": root + PATHS[lang],
        "other_lang": other,
        "other_url": root + PATHS[other] + (f"?{urlencode(switch_query)}" if switch_query else ""),
        "on": on,
        "today": today,
        "groups": [(catalogue.group_label(g, lang), g, items) for g, items in groups.items()],
        "names": [(e.name, e.label) for e in entries],
        "history": _history(query.get("param") or DEFAULT_PARAMETER, lang, today),
        "fields": FIELDS,
        "choices": CHOICE_LABELS,
        "status_labels": STATUS_LABELS,
        "values": {},
        "day": lambda value: format_date(value, lang) if value else "",
        "helpdesk_email": HELPDESK_EMAIL,
        "helpdesk_phone": HELPDESK_PHONE,
        "_": t.gettext,
        **extra,
    }
    html = _environment().get_template("pro.html").render(context)
    no_store = request.method == "POST"
    return HTMLResponse(
        html,
        headers={**SECURITY_HEADERS, "Cache-Control": "no-store" if no_store else "no-cache"},
    )


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise ApiError(413, "too_large", "The request is too large.")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    return dict(parse_qsl(text, keep_blank_values=True, max_num_fields=50))


async def _post(request: Request, lang: str) -> HTMLResponse:
    request.state.lang = lang  # errors (a body too large) in the page's language
    data = await _form(request)
    if data.get("action") == "search":
        results = search_rules(
            data.get("q", ""), lang, _parse_date(request.query_params.get("date"))
        )
        return _render(request, lang, search=results)
    read = read_form(data, lang, date.today())
    if read.request is None:
        return _render(request, lang, values=read.values, errors=read.errors)
    result = explained.evaluate(read.request)
    calculations = calculation_steps(read.request)
    aids = {aid.aid: aid for aid in result.aids}
    return _render(
        request,
        lang,
        values=read.values,
        result=result,
        calculations=[(c, aids[c.aid]) for c in calculations],
    )


@router.get("/pro")
def pro_fr(request: Request) -> HTMLResponse:
    """The worker page in French."""
    return _render(request, "fr")


@router.get("/pro/nl")
def pro_nl(request: Request) -> HTMLResponse:
    """The worker page in Dutch."""
    return _render(request, "nl")


@router.post("/pro")
async def pro_fr_post(request: Request) -> HTMLResponse:
    """The calculator or the search, in French."""
    return await _post(request, "fr")


@router.post("/pro/nl")
async def pro_nl_post(request: Request) -> HTMLResponse:
    """The calculator or the search, in Dutch."""
    return await _post(request, "nl")


@router.get("/pro/assets/pro.css")
def pro_css() -> FileResponse:
    """The page's stylesheet (screen and print)."""
    return FileResponse(
        widget_dir() / "pro" / "pro.css",
        media_type="text/css; charset=utf-8",
        headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
    )
