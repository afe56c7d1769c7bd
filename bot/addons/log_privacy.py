"""Logging for Rasa in which no line carries what a person typed.

Why: Rasa writes the user's message into some of its structured log events (the REST
channel's ``rest.message.received.timeout`` and ``.failure``, NLU and policy debug events),
and exception tracebacks may quote it. bot/logging.yml calls :func:`no_typed_text`, which
cleans every record as it is created (a record factory: Rasa later replaces the root handler
with its coloured one, which would drop a handler's filter). Structured events (rendered as
JSON, ``FORCE_JSON_LOGGING``) keep only the fields listed in ``SAFE_FIELDS``; an exception
keeps only its type; a plain DEBUG record loses its message (Rasa's debug lines quote
messages), and a plain message loses what follows " Error: " (the exception text Rasa appends,
such as an event validation error quoting the event); any other record keeps its message on one line, which Rasa writes at INFO and above
without user texts.
"""

from __future__ import annotations

import json
import logging

#: Fields of a structured event that are ids, names, levels or timings, never texts.
SAFE_FIELDS = frozenset(
    {
        "event",
        "event_key",
        "level",
        "timestamp",
        "sender_id",
        "action_name",
        "action",
        "intent",
        "policy_name",
        "confidence",
        "model",
        "model_id",
        "duration",
    }
)


#: Where Rasa's plain messages start quoting an exception (``Failed to validate ... Error: ...``).
_ERROR_DETAIL = " Error: "


def _exception_type(record: logging.LogRecord) -> str | None:
    if record.exc_info and record.exc_info[0] is not None:
        return record.exc_info[0].__name__
    return None


def _without_texts(event: dict[str, object]) -> dict[str, object]:
    kept = {key: value for key, value in event.items() if key in SAFE_FIELDS}
    exception = event.get("exception")
    if isinstance(exception, list) and exception and isinstance(exception[-1], dict):
        kept["exc_type"] = exception[-1].get("exc_type")
    elif "exception" in event:
        kept["exc_type"] = "unknown"
    dropped = sorted(key for key in event if key not in SAFE_FIELDS and key != "exception")
    if dropped:
        kept["redacted"] = dropped
    return kept


def clean(record: logging.LogRecord) -> None:
    """Rewrite ``record`` so that it carries no user text (see the module docstring)."""
    try:
        message = record.getMessage()
    except Exception:  # a malformed format string: keep nothing of it
        message = "<unformattable log message>"
    if record.levelno < logging.INFO and not message.startswith("{"):
        message = "<debug message withheld: it may quote what a person typed>"
    elif _ERROR_DETAIL in message:  # Rasa's "... Error: {exception}" quotes the data it read
        message = message.split(_ERROR_DETAIL, 1)[0] + _ERROR_DETAIL + "<withheld>"
    event = None
    if message.startswith("{"):
        try:
            event = json.loads(message)
        except ValueError:
            event = None
    if isinstance(event, dict):
        message = json.dumps(_without_texts(event), ensure_ascii=False, default=str)
    exception_type = _exception_type(record)
    if exception_type:
        message = f"{message} [exception {exception_type}]"
    record.msg, record.args = message.replace("\n", " "), ()
    record.exc_info, record.exc_text, record.stack_info = None, None, None


class _AlreadyClean(logging.Filter):
    """What dictConfig installs on the handler: the records were cleaned when created."""

    def filter(self, record: logging.LogRecord) -> bool:
        return True


def no_typed_text() -> logging.Filter:
    """Make every record of the process clean itself when created (idempotent)."""
    create = logging.getLogRecordFactory()
    if not getattr(create, "cleans_typed_text", False):

        def cleaned_record(*args: object, **kwargs: object) -> logging.LogRecord:
            record = create(*args, **kwargs)
            clean(record)
            return record

        cleaned_record.cleans_typed_text = True  # type: ignore[attr-defined]
        logging.setLogRecordFactory(cleaned_record)
    return _AlreadyClean()
