"""Rasa's callbacks (/webhook for custom actions, /nlg for texts) answer Rasa only.

Why: both run with the data the caller sends. Open to anyone, /webhook runs any action with
forged slots and /nlg renders official texts with chosen arguments (the helpdesk sentence with
another phone number). Rasa sends the secret of its endpoint config (``token`` in
bot/endpoints.yml, the ``AIDGUIDE_CALLBACK_TOKEN`` the launcher generates) as a query
parameter; any other call is refused, and nothing of it is logged.
"""

from __future__ import annotations

import re
import secrets

from fastapi import Request

from aidguide.config import get_settings

from .errors import ApiError

_ACTION_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")

#: Largest body Rasa may send to a callback. Rasa sends the whole conversation (every event
#: of the session) and, to /webhook, its domain: about 2-3 kB per turn and 20 kB, so the
#: app's usual limit on requests refused the actions of any conversation longer than about
#: 30 turns (the person got no answer at all). 4 MB holds a conversation at its length cap
#: (``Settings.max_turns_per_conversation``) many times over.
MAX_BODY_BYTES = 4_000_000


def require_rasa(request: Request) -> None:
    """A FastAPI dependency: the call carries the callback token, else 403."""
    expected = get_settings().callback_token
    given = request.query_params.get("token", "")
    if not expected or not secrets.compare_digest(given.encode(), expected.encode()):
        raise ApiError(403, "forbidden", "This address does not exist.")


def loggable_name(value: object) -> str:
    """An action or response name fit for a log line: a plain identifier, else ``<invalid>``
    (a newline in a forged name would otherwise write a fake log line)."""
    return value if isinstance(value, str) and _ACTION_NAME.fullmatch(value) else "<invalid>"
