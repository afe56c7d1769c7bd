"""Start Rasa and the FastAPI app together, wait until they answer, stop them together.

``replicas=1`` (``make run``, the tests' ``stack``): one Rasa and one app, conversations in
memory. ``replicas=N`` (``make run-scaled``): a local redis-server (no persistence), N Rasa
replicas sharing it (tracker and lock stores), N app replicas sharing it (rate limits, turn
counts) and the conversation secret, behind nginx (:mod:`.balancer`): any replica serves any
turn, and a replica that goes down is skipped.

Rasa listens on loopback only and its HTTP API is protected by a token made for this run;
Rasa's calls back to the app (/webhook, /nlg) carry a second token, which the app requires.
Both tokens travel in the environment of the processes (readable by their owner only), never
on a command line (which every local user can read). Both processes run in their own process
group so that Ctrl-C (or a test session ending) stops everything they started. Their output
goes to the terminal or to log files created readable by their owner only; neither logs what
users type (the app has no access log; Rasa runs at INFO with bot/logging.yml, which strips
texts from its events).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from aidguide.config import REPO_ROOT, get_settings
from aidguide.sessions import session_expiry_seconds
from aidguide.stack.balancer import BalancerPorts, nginx_command, nginx_config
from aidguide.stack.model import bot_dir, model_path, rasa_environment, rasa_executable
from aidguide.stack.redis_server import RedisServer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Stack:
    #: Where people connect: the app itself, or nginx when there are several replicas.
    app_port: int = 8000
    #: The (first) Rasa replica's port.
    rasa_port: int = 5005
    log_dir: Path | None = None  # None: inherit the terminal
    model: Path | None = None
    extra_app_env: dict[str, str] = field(default_factory=dict)
    #: Rasa replicas and app replicas; more than one: Redis and nginx too.
    replicas: int = 1
    #: Idle minutes after which a conversation is forgotten, by Rasa's tracker store and the
    #: app's turn count alike (default: :func:`aidguide.sessions.session_expiry_seconds`).
    session_expiry_minutes: float | None = None
    rasa_token: str = field(default_factory=lambda: secrets.token_urlsafe(24), init=False)
    callback_token: str = field(default_factory=lambda: secrets.token_urlsafe(24), init=False)
    redis: RedisServer | None = field(default=None, init=False)
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list, init=False)
    _names: list[str] = field(default_factory=list, init=False)
    _log_files: list[IO[bytes]] = field(default_factory=list, init=False)
    _app_ports: list[int] = field(default_factory=list, init=False)
    _rasa_ports: list[int] = field(default_factory=list, init=False)
    _runtime_dir: tempfile.TemporaryDirectory[str] | None = field(default=None, init=False)

    @property
    def scaled(self) -> bool:
        return self.replicas > 1

    @property
    def _expiry_minutes(self) -> float:
        return self.session_expiry_minutes or session_expiry_seconds() / 60

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.app_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def app_urls(self) -> list[str]:
        """Each app replica, directly (scaled: not through nginx)."""
        return [f"http://127.0.0.1:{port}" for port in self._app_ports or [self.app_port]]

    def log_path(self, name: str) -> Path | None:
        return self.log_dir / f"{name}.log" if self.log_dir else None

    def _output(self, name: str) -> IO[bytes] | None:
        path = self.log_path(name)
        if path is None:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(descriptor, 0o600)  # also when the file was there before
        handle = os.fdopen(descriptor, "ab")
        self._log_files.append(handle)
        return handle

    def start(self, timeout: float = 300.0) -> Stack:
        model = self.model or model_path()
        if not model.exists():
            raise FileNotFoundError(f"no trained model at {model}: run `make train` first")
        try:
            if self.scaled:
                self._start_scaled(model)
            else:
                self._start_embedded(model)
        except BaseException:
            self.stop()
            raise
        self.wait_until_ready(timeout)
        return self

    def _start_embedded(self, model: Path) -> None:
        self._spawn_app("app", self.app_port, self.rasa_url, redis_url="")
        self._spawn_rasa("rasa", self.rasa_port, model, self.base_url, redis_url="")

    def _start_scaled(self, model: Path) -> None:
        self._runtime_dir = tempfile.TemporaryDirectory(prefix="aidguide-stack-")
        runtime = Path(self._runtime_dir.name)
        self.redis = RedisServer(port=free_port(), output=self._output("redis")).start()
        self._rasa_ports = [self.rasa_port, *(free_port() for _ in range(self.replicas - 1))]
        self._app_ports = [free_port() for _ in range(self.replicas)]
        ports = BalancerPorts(
            public=self.app_port,
            callbacks=free_port(),
            rasa_for_app=tuple(free_port() for _ in range(self.replicas)),
        )
        config = nginx_config(ports, self._app_ports, self._rasa_ports, runtime)
        (runtime / "nginx.conf").write_text(config, encoding="utf-8")
        self._spawn("nginx", nginx_command(runtime), env=dict(os.environ), cwd=runtime)
        # Every app replica accepts the conversation ids another one issued.
        secret = get_settings().conversation_secret or secrets.token_urlsafe(32)
        callbacks = f"http://127.0.0.1:{ports.callbacks}"
        for index, (app_port, rasa_port) in enumerate(
            zip(self._app_ports, self._rasa_ports, strict=True), start=1
        ):
            rasa_through_nginx = f"http://127.0.0.1:{ports.rasa_for_app[index - 1]}"
            self._spawn_app(
                f"app-{index}",
                app_port,
                rasa_through_nginx,
                self.redis.url,
                {"AIDGUIDE_CONVERSATION_SECRET": secret},
            )
            self._spawn_rasa(f"rasa-{index}", rasa_port, model, callbacks, self.redis.url)

    def _spawn_app(
        self,
        name: str,
        port: int,
        rasa_url: str,
        redis_url: str,
        extra: dict[str, str] | None = None,
    ) -> None:
        env = dict(os.environ)
        env.update(
            {
                "AIDGUIDE_RASA_URL": rasa_url,
                "AIDGUIDE_RASA_TOKEN": self.rasa_token,
                "AIDGUIDE_CALLBACK_TOKEN": self.callback_token,
                "AIDGUIDE_PORT": str(port),
                "AIDGUIDE_REDIS_URL": redis_url,
                "AIDGUIDE_SESSION_EXPIRY_MINUTES": str(self._expiry_minutes),
                **(extra or {}),
                **self.extra_app_env,
            }
        )
        command = [sys.executable, "-m", "uvicorn", "aidguide.api.app:app"]
        command += ["--host", "127.0.0.1", "--port", str(port)]
        command += ["--no-access-log", "--log-level", "info"]
        # Behind nginx, the client is the address nginx sets in X-Forwarded-For (uvicorn
        # trusts it from 127.0.0.1 only, its default).
        self._spawn(name, command, env=env, cwd=REPO_ROOT)

    def _spawn_rasa(
        self, name: str, port: int, model: Path, callbacks_url: str, redis_url: str
    ) -> None:
        env = rasa_environment()
        env.update(
            {
                "AIDGUIDE_ACTION_ENDPOINT": f"{callbacks_url}/webhook",
                "AIDGUIDE_NLG_ENDPOINT": f"{callbacks_url}/nlg",
                "AIDGUIDE_CALLBACK_TOKEN": self.callback_token,
                "AIDGUIDE_RASA_TOKEN": self.rasa_token,  # read and removed by addons/serve.py
                # bot/endpoints.yml: the tracker and lock stores (empty: in memory).
                "AIDGUIDE_REDIS_URL": redis_url,
                "AIDGUIDE_SESSION_EXPIRY_MINUTES": str(self._expiry_minutes),
                "FORCE_JSON_LOGGING": "1",  # structured events that log_privacy can clean
            }
        )
        command = [str(rasa_executable().with_name("python")), "-m", "addons.serve", "run"]
        command += ["--enable-api", "--interface", "127.0.0.1", "--port", str(port)]
        command += ["--model", str(model), "--endpoints", "endpoints.yml"]
        command += ["--credentials", "credentials.yml", "--logging-config-file", "logging.yml"]
        self._spawn(name, command, env=env, cwd=bot_dir())

    def start_app_alone(self, timeout: float = 60.0) -> Stack:
        """The app without Rasa: nothing listens on ``rasa_port``, so /api/chat answers 503
        and /health "degraded"; enough for the pages, the widget's UI and that error path."""
        self._spawn_app("app", self.app_port, self.rasa_url, redis_url="")
        self._wait_for({200, 503}, timeout)
        return self

    def _spawn(self, name: str, command: list[str], env: dict[str, str], cwd: Path) -> None:
        output = self._output(name)
        process = subprocess.Popen(
            command,
            env=env,
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self._processes.append(process)
        self._names.append(name)

    def process(self, name: str) -> subprocess.Popen[bytes]:
        """The process started as ``name`` ("app", "rasa-2", "nginx", ...)."""
        return self._processes[self._names.index(name)]

    def kill(self, name: str) -> None:
        """Stop one process at once, as a crash would (fault tests)."""
        process = self.process(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def wait_until_ready(self, timeout: float) -> None:
        """Every app replica healthy (so every Rasa replica it prefers too), then the
        public address."""
        self._wait_for({200}, timeout)

    def _wait_for(self, statuses: set[int], timeout: float) -> None:
        """Until /health of each address answers with one of ``statuses``; stops everything
        on failure."""
        deadline = time.monotonic() + timeout
        urls = [*self.app_urls, self.base_url] if self.scaled else [self.base_url]
        while urls and time.monotonic() < deadline:
            for process in self._processes:
                if process.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"a process exited early: {process.args[0]}")
            try:
                if httpx.get(f"{urls[0]}/health", timeout=2.0).status_code in statuses:
                    urls.pop(0)
                    continue
            except httpx.HTTPError:
                pass
            time.sleep(1.0)
        if urls:
            self.stop()
            raise TimeoutError(f"the assistant was not ready after {timeout:.0f} s")

    def stop(self) -> None:
        for process in self._processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self._processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self._processes.clear()
        self._names.clear()
        if self.redis is not None:
            self.redis.stop()
            self.redis = None
        if self._runtime_dir is not None:
            self._runtime_dir.cleanup()
            self._runtime_dir = None
        for handle in self._log_files:
            handle.close()
        self._log_files.clear()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
