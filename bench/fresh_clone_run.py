"""How long from a fresh clone to the assistant's first answer, with `make run`?

Run: ``.venv/bin/python bench/fresh_clone_run.py --run``. It clones this repository's HEAD
into a temporary directory (no venvs, no trained model, no compiled catalogs), starts
``make run`` there, and sends "Bonjour, où est le CPAS de 1070 ?" to ``/api/chat`` every few
seconds until an answer comes back. It prints the time to each phase (set-up ready, model
trained, first answer) and the load average, then stops everything and deletes the clone.

The download caches of pip and uv are switched off (``PIP_NO_CACHE_DIR=1``,
``UV_NO_CACHE=1``) so the packages come from the registry as on a new machine; Debian
packages already installed on this machine are not installed again, which a new machine would
also do (``scripts/apt-packages.txt``).

Without ``--run`` it only says how to run it: ``make bench`` runs every script of bench/, and
this one takes about ten minutes and downloads some gigabytes.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]
QUESTION = {"message": "Bonjour, où est le CPAS de 1070 ?", "lang": "fr"}
#: Lines of `make run`'s output that end a phase.
PHASES = {
    "[setup] ready": "set-up ready",
    "starting Rasa and the app": "model trained",
    "AidGuide is running": "app ready",
}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
TIMEOUT_SECONDS = 45 * 60


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def first_answer(base_url: str) -> str | None:
    """The first text of the assistant's answer, or None while it is not answering."""
    try:
        response = httpx.post(f"{base_url}/api/chat", json=QUESTION, timeout=30)
    except httpx.HTTPError:
        return None
    if response.status_code != 200:
        return None
    messages = response.json().get("messages") or []
    return messages[0]["text"] if messages else None


def measure(clone: Path, port: int) -> dict[str, float]:
    env = {**os.environ, "AIDGUIDE_PORT": str(port), "PIP_NO_CACHE_DIR": "1", "UV_NO_CACHE": "1"}
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    log_path = clone / "make-run.log"
    seen: dict[str, float] = {}
    start = time.perf_counter()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["make", "run"],
            cwd=clone,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        while time.perf_counter() - start < TIMEOUT_SECONDS:
            if process.poll() is not None:
                sys.exit(f"`make run` ended with {process.returncode}; see {log_path}")
            output = _ANSI.sub("", log_path.read_text(errors="replace"))
            for marker, phase in PHASES.items():
                if marker in output and phase not in seen:
                    seen[phase] = time.perf_counter() - start
            if "app ready" in seen:
                answer = first_answer(f"http://127.0.0.1:{port}")
                if answer:
                    seen["first answer"] = time.perf_counter() - start
                    print(f"first answer: {answer[:80]!r}")
                    return seen
            time.sleep(3)
        sys.exit(f"no answer within {TIMEOUT_SECONDS} s; see {log_path}")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        stop_processes_under(clone)


def stop_processes_under(clone: Path) -> None:
    """Stop what the clone started: Rasa and the app run in sessions of their own, which a
    signal to `make` does not reach when it exits first."""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        found = False
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if str(clone) in command and int(proc.name) != os.getpid():
                found = True
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(proc.name), signum)
        if not found:
            return
        time.sleep(5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", action="store_true", help="really clone, install and run")
    parser.add_argument("--port", type=int, default=8600)
    parser.add_argument("--keep", action="store_true", help="keep the clone (its path is printed)")
    args = parser.parse_args()
    if not args.run:
        print("fresh clone to first answer: skipped (about 10 min); run with --run")
        return
    for port in (args.port, 5005):  # `make run` starts Rasa on 5005
        if not port_is_free(port):
            sys.exit(f"port {port} is in use: stop what listens there first")
    load = os.getloadavg()[0]
    clone = Path(tempfile.mkdtemp(prefix="aidguide-fresh-")) / "aidguide"
    subprocess.run(["git", "clone", "-q", str(REPO_ROOT), str(clone)], check=True)
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=clone, capture_output=True, text=True
    ).stdout.strip()
    try:
        seen = measure(clone, args.port)
    finally:
        if args.keep:
            print(f"clone kept at {clone}")
        else:
            shutil.rmtree(clone.parent, ignore_errors=True)
    phases = ", ".join(f"{phase} {seconds / 60:.1f} min" for phase, seconds in seen.items())
    print(
        f"fresh clone of {head} to first answer: {phases} "
        f"(on {os.cpu_count()} CPUs, load average {load:.1f} at the start, no pip cache)"
    )


if __name__ == "__main__":
    main()
