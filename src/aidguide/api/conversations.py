"""Conversation ids the server issues, and a cap on a conversation's length.

Why: a conversation holds a person's answers to the eligibility questions until the result is
shown. Were its id chosen by the client, whoever reuses it (or guesses a short one) could
continue that questionnaire and read the result. So ids are made here: 128 random bits and
an HMAC of them under ``Settings.conversation_secret``; an id the server did not make is
never used (its message starts a new conversation). Checking the signature needs no state, so
several app processes sharing the secret accept each other's ids.

A conversation also has a maximum number of turns (``Settings.max_turns_per_conversation``):
the count is forgotten with the conversation's idle expiry. It lives in this process's memory,
or in Redis when ``Settings.redis_url`` is set, so that app replicas count the turns of a
conversation together whichever of them serves each turn.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import time
from collections import OrderedDict
from functools import lru_cache
from typing import Protocol

import redis

from aidguide.config import get_settings
from aidguide.sessions import session_expiry_seconds

from .errors import ASSISTANT_UNAVAILABLE, HELPDESK, ApiError

logger = logging.getLogger("aidguide.api")

_RANDOM_BYTES = 16  # 128 bits
_MAC_BYTES = 16
_ID_CHARS = 44  # two URL-safe base64 strings of 22 characters


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


@lru_cache(maxsize=1)
def _secret() -> bytes:
    configured = get_settings().conversation_secret
    return configured.encode() if configured else secrets.token_bytes(32)


def _mac(random_part: str) -> str:
    digest = hmac.new(_secret(), random_part.encode(), hashlib.sha256).digest()
    return _b64(digest[:_MAC_BYTES])


def issue_conversation_id() -> str:
    """A new id: 128 random bits, then their signature."""
    random_part = _b64(secrets.token_bytes(_RANDOM_BYTES))
    return random_part + _mac(random_part)


def is_issued(conversation_id: str | None) -> bool:
    """Whether this server (or one sharing its secret) made ``conversation_id``."""
    if not conversation_id or len(conversation_id) != _ID_CHARS:
        return False
    random_part, mac = conversation_id[:22], conversation_id[22:]
    return hmac.compare_digest(mac, _mac(random_part))


class TurnCounter(Protocol):
    def count(self, conversation_id: str) -> int:
        """Count one more turn; return the number of turns so far, this one included."""
        ...

    def forget(self, conversation_id: str) -> None: ...


class MemoryTurnCounter:
    """Turns per conversation, forgotten after ``idle_seconds`` without a turn; at most
    ``max_conversations`` are tracked (the least recently active are dropped first)."""

    def __init__(self, idle_seconds: float, max_conversations: int = 100_000) -> None:
        self.idle_seconds = idle_seconds
        self.max_conversations = max_conversations
        self._turns: OrderedDict[str, tuple[int, float]] = OrderedDict()

    def count(self, conversation_id: str) -> int:
        """Count one more turn; return the number of turns so far, this one included."""
        now = time.monotonic()
        while self._turns:
            oldest, (_, seen) = next(iter(self._turns.items()))
            if now - seen <= self.idle_seconds and len(self._turns) < self.max_conversations:
                break
            del self._turns[oldest]
        turns, _ = self._turns.pop(conversation_id, (0, now))
        self._turns[conversation_id] = (turns + 1, now)
        return turns + 1

    def forget(self, conversation_id: str) -> None:
        self._turns.pop(conversation_id, None)


class RedisTurnCounter:
    """Turns per conversation in Redis, shared by every app replica; a count expires after
    ``idle_seconds`` without a turn. When Redis cannot be reached, the person is told that
    the assistant is unavailable, with the helpdesk (Rasa keeps its conversations in the same
    Redis, so it could not answer either)."""

    KEY_PREFIX = "aidguide:turns:"

    def __init__(self, client: redis.Redis, idle_seconds: float) -> None:
        self.client = client
        self.idle_seconds = int(idle_seconds)

    def count(self, conversation_id: str) -> int:
        key = self.KEY_PREFIX + conversation_id
        try:
            turns, _ = self.client.pipeline().incr(key).expire(key, self.idle_seconds).execute()
        except redis.RedisError as error:
            raise _redis_unavailable(error) from error
        return int(turns)

    def forget(self, conversation_id: str) -> None:
        try:
            self.client.delete(self.KEY_PREFIX + conversation_id)
        except redis.RedisError as error:
            raise _redis_unavailable(error) from error


def _redis_unavailable(error: redis.RedisError) -> ApiError:
    logger.error("redis unavailable for the turn count: %s", type(error).__name__)
    return ApiError(503, "assistant_unavailable", ASSISTANT_UNAVAILABLE, **HELPDESK)


#: Seconds to wait for Redis before telling the person the assistant is unavailable.
REDIS_TIMEOUT_SECONDS = 2.0


def redis_client(url: str) -> redis.Redis:
    """A client for the shared Redis; it reconnects by itself once Redis is back."""
    return redis.Redis.from_url(
        url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
    )


@lru_cache(maxsize=1)
def turn_counter() -> TurnCounter:
    settings = get_settings()
    idle_seconds = session_expiry_seconds()
    if settings.redis_url:
        return RedisTurnCounter(redis_client(settings.redis_url), idle_seconds)
    return MemoryTurnCounter(idle_seconds=idle_seconds)
