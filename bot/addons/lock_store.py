"""The lock store: Rasa's ``RedisLockStore`` when Redis is configured, else in memory.

Why: with several Rasa replicas, two turns of one conversation may reach two replicas at
once; Rasa's ticket lock in Redis makes them run one after the other, on any replica. With
one process (``make run``) an in-memory lock does the same without Redis.

endpoints.yml:

    lock_store:
      type: addons.lock_store.ConfiguredLockStore
      url: ${AIDGUIDE_REDIS_URL}
"""

from __future__ import annotations

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from addons.tracker_store import REDIS_TIMEOUT_SECONDS

#: A lock left by a replica that died mid-turn disappears after this many seconds.
_ABANDONED_LOCK_SECONDS = int(LOCK_LIFETIME) * 2


class ExpiringRedisLockStore(RedisLockStore):
    """Rasa's ``RedisLockStore`` whose lock keys expire (the stock ones are kept forever
    when a replica dies holding one: a conversation id left behind in Redis)."""

    def __init__(self, url: str) -> None:
        import redis

        super().__init__()
        self.red = redis.Redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
        )

    def save_lock(self, lock: TicketLock) -> None:
        self.red.set(
            self.key_prefix + lock.conversation_id, lock.dumps(), ex=_ABANDONED_LOCK_SECONDS
        )


class ConfiguredLockStore:
    """The lock store endpoints.yml names: Redis when ``url`` is set, else in memory.

    Rasa builds a custom lock store as ``cls(endpoint_config=...)``; this class answers with
    the right one, so one endpoints.yml serves both set-ups.
    """

    def __new__(cls, endpoint_config: EndpointConfig) -> LockStore:  # type: ignore[misc]
        if endpoint_config.url:
            return ExpiringRedisLockStore(endpoint_config.url)
        return InMemoryLockStore()
