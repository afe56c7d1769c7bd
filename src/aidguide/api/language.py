"""Which language to answer an HTTP request in, before the body is even parsed."""

from __future__ import annotations

from fastapi import Request

from aidguide.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, normalize_language


def request_language(request: Request) -> str:
    """``request.state.lang`` (set by a route that read the body), else ``?lang=``, else
    the first supported language of ``Accept-Language``, else French."""
    chosen = getattr(request.state, "lang", None)
    if chosen in SUPPORTED_LANGUAGES:
        return chosen
    query_lang = request.query_params.get("lang")
    if query_lang:
        return normalize_language(query_lang)
    for part in request.headers.get("accept-language", "").split(","):
        code = normalize_language(part.split(";")[0], default="")
        if code:
            return code
    return DEFAULT_LANGUAGE
