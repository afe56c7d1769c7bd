"""The SPP IS helpdesk: a draft reply to an e-mail sent to question@mi-is.be.

``draft_reply(raw_email)`` reads the e-mail (headers, quoted history and signature set apart),
finds the writer's language, the aids asked about and the place of residence, and drafts a
reply from the aid sheets, the rules engine and the directory. The agent checks and sends it;
nothing is stored. No web framework here: ``aidguide.api.helpdesk`` adapts it.
"""

from __future__ import annotations

from .draft import Draft
from .place import Place
from .reader import MAX_EMAIL_BYTES, ReadEmail, UnreadableEmail, read_email
from .service import EmailTooLarge, HelpdeskReply, UnknownTopic, draft_reply
from .topics import Topic

__all__ = [
    "MAX_EMAIL_BYTES",
    "Draft",
    "EmailTooLarge",
    "HelpdeskReply",
    "Place",
    "ReadEmail",
    "Topic",
    "UnknownTopic",
    "UnreadableEmail",
    "draft_reply",
    "read_email",
]
