"""A local ``redis-server`` for the scaled set-up on one machine and for the tests.

Configured as production should be (docs/deploy.md): conversation data never reaches a disk
(no RDB snapshots, no append-only file), loopback only, a password made for this run. The
configuration, password included, goes through the server's standard input, never a command
line (which every local user can read).
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from typing import IO

import redis

#: Settings of every Redis holding conversations: memory only, nothing written to disk.
NO_PERSISTENCE = ('save ""', "appendonly no")


class RedisServerMissing(RuntimeError):
    """The ``redis-server`` program is not installed (Debian package redis-server)."""


@dataclass
class RedisServer:
    port: int
    output: IO[bytes] | None = None
    password: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def config(self) -> str:
        return "\n".join(
            [
                "bind 127.0.0.1",
                f"port {self.port}",
                f"requirepass {self.password}",
                *NO_PERSISTENCE,
                'dir "/tmp"',  # unused without persistence; never the repository
                "loglevel warning",
                "",
            ]
        )

    def start(self, timeout: float = 10.0) -> RedisServer:
        program = shutil.which("redis-server")
        if program is None:
            raise RedisServerMissing(
                "redis-server is not installed: `apt-get install -y redis-server` "
                "(listed in scripts/apt-packages.txt, installed by `make setup`)"
            )
        self.process = subprocess.Popen(
            [program, "-"],
            stdin=subprocess.PIPE,
            stdout=self.output,
            stderr=subprocess.STDOUT if self.output else None,
            start_new_session=True,
        )
        assert self.process.stdin is not None
        self.process.stdin.write(self.config().encode())
        self.process.stdin.close()
        self.wait_until_ready(timeout)
        return self

    def wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        client = redis.Redis.from_url(self.url, socket_timeout=1)
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError("redis-server exited early")
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.1)
        raise TimeoutError("redis-server did not answer")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
