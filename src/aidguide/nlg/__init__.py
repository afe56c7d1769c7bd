"""Rendering the bot's responses: a response name and a language -> translated messages."""

from aidguide.nlg.renderer import (
    RenderedMessage,
    ResponseRenderer,
    UnknownResponse,
    bot_entities,
    bot_intents,
    renderer,
)

__all__ = [
    "RenderedMessage",
    "ResponseRenderer",
    "UnknownResponse",
    "bot_entities",
    "bot_intents",
    "renderer",
]
