"""A date the API accepts but has no data for: "no data for this date", never a 500.

Why: the routes take any calendar date (a CPAS worker checking old figures), while the rules
engine and the aid sheets hold figures from some date on, and the engine's period format
stops at year 1000. Whatever the engine fails on for a date the client chose is answered
here, at the API boundary, in the request's language.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from aidguide.i18n import N_, format_date

from .errors import ApiError, ErrorOut

logger = logging.getLogger("aidguide.api")

NO_DATA_FOR_DATE = N_(
    "We have no data for {date}. Choose a more recent date, or leave the date out for today."
)
#: The OpenAPI entry of that answer, for the routes that take a date.
NO_DATA_RESPONSE: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No such resource, or no data for the given date."}
}


@contextmanager
def data_for(on: date | None, lang: str) -> Iterator[None]:
    """Run the engine for ``on`` (None: today); a failure for a chosen date is a 404."""
    try:
        yield
    except ApiError:
        raise
    except Exception as exc:
        if on is None:
            raise
        logger.info("no data for a requested date error=%s", type(exc).__name__)
        raise ApiError(
            404, "no_data_for_date", NO_DATA_FOR_DATE, date=format_date(on, lang)
        ) from None
