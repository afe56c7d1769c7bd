"""Start Rasa and the FastAPI app together, wait until they answer, stop them together.

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
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from aidguide.stack.model import BOT_DIR, REPO_ROOT, model_path, rasa_environment, rasa_executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Stack:
    app_port: int = 8000
    rasa_port: int = 5005
    log_dir: Path | None = None  # None: inherit the terminal
    model: Path | None = None
    extra_app_env: dict[str, str] = field(default_factory=dict)
    rasa_token: str = field(default_factory=lambda: secrets.token_urlsafe(24), init=False)
    callback_token: str = field(default_factory=lambda: secrets.token_urlsafe(24), init=False)
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list, init=False)
    _log_files: list[IO[bytes]] = field(default_factory=list, init=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.app_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

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
        token = self.rasa_token
        model = self.model or model_path()
        if not model.exists():
            raise FileNotFoundError(f"no trained model at {model}: run `make train` first")
        rasa_env = rasa_environment()
        rasa_env.update(
            {
                "AIDGUIDE_ACTION_ENDPOINT": f"{self.base_url}/webhook",
                "AIDGUIDE_NLG_ENDPOINT": f"{self.base_url}/nlg",
                "AIDGUIDE_CALLBACK_TOKEN": self.callback_token,
                "AIDGUIDE_RASA_TOKEN": token,  # read and removed by bot/addons/serve.py
                "FORCE_JSON_LOGGING": "1",  # structured events that log_privacy can clean
            }
        )
        self._spawn_app()
        self._spawn(
            "rasa",
            [
                str(rasa_executable().with_name("python")),
                "-m",
                "addons.serve",  # `rasa run` with --auth-token from the environment
                "run",
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.rasa_port),
                "--model",
                str(model),
                "--endpoints",
                "endpoints.yml",
                "--credentials",
                "credentials.yml",
                "--logging-config-file",
                "logging.yml",
            ],
            env=rasa_env,
            cwd=BOT_DIR,
        )
        self.wait_until_ready(timeout)
        return self

    def start_app_alone(self, timeout: float = 60.0) -> Stack:
        """The app without Rasa: nothing listens on ``rasa_port``, so /api/chat answers 503
        and /health "degraded"; enough for the pages, the widget's UI and that error path."""
        self._spawn_app()
        self._wait_for({200, 503}, timeout)
        return self

    def _spawn_app(self) -> None:
        app_env = dict(os.environ)
        app_env.update(
            {
                "AIDGUIDE_RASA_URL": self.rasa_url,
                "AIDGUIDE_RASA_TOKEN": self.rasa_token,
                "AIDGUIDE_CALLBACK_TOKEN": self.callback_token,
                "AIDGUIDE_PORT": str(self.app_port),
                **self.extra_app_env,
            }
        )
        self._spawn(
            "app",
            [
                sys.executable,
                "-m",
                "uvicorn",
                "aidguide.api.app:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.app_port),
                "--no-access-log",
                "--log-level",
                "info",
            ],
            env=app_env,
            cwd=REPO_ROOT,
        )

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

    def wait_until_ready(self, timeout: float) -> None:
        self._wait_for({200}, timeout)

    def _wait_for(self, statuses: set[int], timeout: float) -> None:
        """Until /health answers with one of ``statuses``; stops everything on failure."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for process in self._processes:
                if process.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"a process exited early: {process.args[0]}")
            try:
                if httpx.get(f"{self.base_url}/health", timeout=2.0).status_code in statuses:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1.0)
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
        for handle in self._log_files:
            handle.close()
        self._log_files.clear()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
