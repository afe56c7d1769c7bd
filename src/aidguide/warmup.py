"""Loading the slow parts of the assistant before it reports ready, not in someone's request.

Why: the vocabulary, the language identifier, spaCy with the sheet-search indexes and the
rules engine's tax-benefit system are each built once per process, on first use. Built on
demand, their seconds fell on the first people to write (the first "did you mean ...?" took
about 6.5 s on an idle machine, over 20 s on a busy one: ``bench/startup.py``). The app
runs :meth:`WarmUp.run` while it starts and its readiness check (``/health``) answers 503
until it is done.

Each part stays owned by its module (and cached there); this module only lists them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from aidguide.content.search import build_search_indexes
from aidguide.i18n.detect import language_identifier
from aidguide.rules.system import tax_benefit_system
from aidguide.vocabulary import assistant_vocabulary

logger = logging.getLogger(__name__)

#: What is loaded, in order: the parts every message needs first.
PARTS: dict[str, Callable[[], object]] = {
    "vocabulary": assistant_vocabulary,
    "language_identifier": language_identifier,
    "sheet_search": build_search_indexes,
    "rules_engine": tax_benefit_system,
}


class WarmUpState(StrEnum):
    #: Nothing was asked to load (an app run without its lifespan, as in most tests): each
    #: part loads on first use, as before.
    NOT_STARTED = "not started"
    WARMING = "warming"
    READY = "ok"
    FAILED = "failed"


@dataclass
class WarmUp:
    """The loading of :data:`PARTS`, and how far it got (read by the readiness check)."""

    parts: dict[str, Callable[[], object]] = field(default_factory=lambda: dict(PARTS))
    state: WarmUpState = WarmUpState.NOT_STARTED
    #: The part that failed, when ``state`` is FAILED.
    failed_part: str | None = None

    def run(self) -> None:
        """Load every part; on the first failure stop, log its name and keep that state.

        A failed part is not retried here: the request that needs it meets the same error,
        and the readiness check says which part it is.
        """
        self.state = WarmUpState.WARMING
        for name, load in self.parts.items():
            start = time.perf_counter()
            try:
                load()
            except Exception as error:
                self.state, self.failed_part = WarmUpState.FAILED, name
                logger.warning("warm-up of %s failed: %s", name, type(error).__name__)
                return
            logger.info("warm-up of %s took %.2f s", name, time.perf_counter() - start)
        self.state = WarmUpState.READY

    @property
    def is_blocking(self) -> bool:
        """Whether the assistant should not report ready: loading, or a part failed."""
        return self.state in (WarmUpState.WARMING, WarmUpState.FAILED)

    def describe(self) -> str:
        """The state as the readiness check shows it ("failed: sheet_search")."""
        if self.state is WarmUpState.FAILED:
            return f"{self.state.value}: {self.failed_part}"
        return self.state.value
