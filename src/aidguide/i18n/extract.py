"""Babel extractors: the English response texts of the Rasa domain (bot/domain*.yml), and the
labels of the rules-engine parameters (src/aidguide/rules/parameters/**.yaml).

The domain's responses are the msgids: Rasa keeps them for validation and the NLG endpoint
translates them through the ``bot`` catalog. Used from ``locales/bot.cfg`` as
``[aidguide.i18n.extract:extract_rasa_domain: bot/domain*.yml]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import yaml


def iter_response_texts(domain: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Yield ``(response name, text)`` for every text and button title in the domain."""
    for name, variants in (domain.get("responses") or {}).items():
        for variant in variants or []:
            if variant.get("text"):
                yield name, variant["text"]
            for button in variant.get("buttons") or []:
                if button.get("title"):
                    yield name, button["title"]


def extract_rasa_domain(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    domain = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for name, text in iter_response_texts(domain):
        yield 0, None, text, [f"response: {name}"]


def extract_parameter_labels(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """The ``metadata.label`` of a rules-engine parameter file (English; the worker page and
    GET /api/parameters show it translated). Used from ``locales/pro.cfg``."""
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    label = (data.get("metadata") or {}).get("label") if isinstance(data, dict) else None
    if label:
        yield 0, None, label, ["parameter label"]
