"""Turn a Rasa response name into text and buttons in the conversation's language.

The English texts of the Rasa domain (bot/domain/*.yml) are the gettext msgids. Rasa asks
our NLG endpoint for every response; this module picks the response, translates its text
and button titles with the catalogs, and fills ``{placeholders}`` from the values an action
passed and from the contact details. It never reads slot values into a text by itself.
"""

from __future__ import annotations

import logging
import random
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from aidguide.config import get_settings
from aidguide.contacts import helpdesk_placeholders
from aidguide.i18n import translator
from aidguide.i18n.extract import iter_response_texts

logger = logging.getLogger("aidguide.nlg")

#: Arguments Rasa passes along that are message parts, not placeholders.
_NON_PLACEHOLDER_ARGUMENTS = {
    "buttons",
    "elements",
    "attachment",
    "image",
    "custom",
    "json_message",
}


class UnknownResponse(KeyError):
    """The domain has no response of that name."""


@dataclass
class RenderedMessage:
    text: str
    buttons: list[dict[str, str]] = field(default_factory=list)

    def as_rasa_response(self) -> dict[str, Any]:
        """The JSON shape Rasa's CallbackNaturalLanguageGenerator validates."""
        return {
            "text": self.text,
            "buttons": self.buttons,
            "image": None,
            "elements": [],
            "attachments": [],
            "custom": {},
        }


class _KeepMissing(dict[str, Any]):
    """Leave an unknown ``{placeholder}`` visible (and logged by name) instead of failing."""

    def __missing__(self, key: str) -> str:
        logger.warning("response placeholder without value: %s", key)
        return "{" + key + "}"


def _fill(text: str, values: dict[str, Any]) -> str:
    fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    if not fields:
        return text
    return text.format_map(_KeepMissing({k: v for k, v in values.items() if k in fields}))


def bot_domain_dir() -> Path:
    return get_settings().bot_dir / "domain"


class ResponseRenderer:
    """Responses of the Rasa domain, rendered in a language."""

    def __init__(self, responses: dict[str, list[dict[str, Any]]]) -> None:
        self._responses = responses

    @classmethod
    def from_domain_dir(cls, directory: Path) -> ResponseRenderer:
        responses: dict[str, list[dict[str, Any]]] = {}
        for path in sorted(directory.glob("*.yml")):
            content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            responses.update(content.get("responses") or {})
        return cls(responses)

    @property
    def names(self) -> list[str]:
        return sorted(self._responses)

    def msgids(self) -> set[str]:
        return {text for _, text in iter_response_texts({"responses": self._responses})}

    def render(
        self,
        name: str,
        language: str,
        arguments: dict[str, Any] | None = None,
        choose: random.Random | None = None,
    ) -> RenderedMessage:
        variants = self._responses.get(name)
        if not variants:
            raise UnknownResponse(name)
        variant = (choose or random).choice(variants)
        tr = translator(language)
        values = {**helpdesk_placeholders(language)}
        values.update(
            {
                k: v
                for k, v in (arguments or {}).items()
                if k not in _NON_PLACEHOLDER_ARGUMENTS and v is not None
            }
        )
        text = _fill(tr.gettext(variant.get("text", "")), values)
        buttons = [
            {"title": _fill(tr.gettext(button["title"]), values), "payload": button["payload"]}
            for button in variant.get("buttons") or []
        ]
        return RenderedMessage(text=text, buttons=buttons)


@lru_cache(maxsize=1)
def renderer() -> ResponseRenderer:
    return ResponseRenderer.from_domain_dir(bot_domain_dir())


def _domain_names(section: str) -> frozenset[str]:
    """The names listed under ``section`` (``intents``, ``entities``) of the Rasa domain."""
    names: set[str] = set()
    for path in sorted(bot_domain_dir().glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in content.get(section) or []:
            names.add(next(iter(item)) if isinstance(item, dict) else str(item))
    return frozenset(names)


@lru_cache(maxsize=1)
def bot_intents() -> frozenset[str]:
    """The intent names of the Rasa domain (what a button payload may name)."""
    return _domain_names("intents")


@lru_cache(maxsize=1)
def bot_entities() -> frozenset[str]:
    """The entity names of the Rasa domain (what a button payload may set)."""
    return _domain_names("entities")
