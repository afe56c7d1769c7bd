"""Start-up: how long until the assistant is ready, and what its first answers cost.

Starts Rasa (the trained model in bot/models/: `make train`) and the app on free loopback
ports, as `make run` does, and prints:

- the seconds until the app answers at all (its imports and start-up work), and until it
  reports ready (``/health`` 200: Rasa's model loaded too);
- the first turn of a conversation ("Bonjour"), then the first "did you mean ...?" answer:
  a message the intent model is unsure of, so the app checks its vocabulary, detects the
  language and searches the aid sheets (spaCy, the search index) for the buttons;
- the first eligibility check (the rules engine's tax-benefit system);
- the same requests once more, warm, for comparison.

Each figure is one request: run it on an idle machine, and print ``uptime`` beside it.
Run: `python bench/startup.py`.
"""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from tempfile import mkdtemp

import httpx

from aidguide.stack.launcher import Stack, free_port

FIRST_TURN = ("fr", "Bonjour")
#: The intent model hesitates on it (nlu_fallback) and the sheet search finds the rental
#: guarantee: the answer is "did you mean ...?" with that sheet first.
DID_YOU_MEAN = ("fr", "le propriétaire veut de l'argent avant que j'entre")
ELIGIBILITY = {"lang": "fr", "person": {"age": 30, "residence_status": "belgian"}}


def _wait_for_app(base_url: str, started: float, answered: list[float]) -> None:
    """Record when the app first answers anything on /health (503 while Rasa loads)."""
    while not answered:
        try:
            httpx.get(f"{base_url}/health", timeout=2.0)
            answered.append(time.perf_counter() - started)
        except httpx.HTTPError:
            time.sleep(0.1)


def _chat(client: httpx.Client, lang: str, text: str) -> tuple[float, dict]:
    start = time.perf_counter()
    response = client.post(
        "/api/chat", json={"conversation_id": uuid.uuid4().hex[:12], "message": text, "lang": lang}
    )
    elapsed = time.perf_counter() - start
    response.raise_for_status()
    return elapsed, response.json()


def _is_did_you_mean(answer: dict) -> bool:
    """Whether the answer offers guesses: buttons, the last one "something else"."""
    buttons = [b for message in answer["messages"] for b in message.get("buttons") or []]
    return bool(buttons) and buttons[-1]["payload"] == "/out_of_scope"


def _eligibility(client: httpx.Client) -> float:
    start = time.perf_counter()
    client.post("/api/eligibility", json=ELIGIBILITY).raise_for_status()
    return time.perf_counter() - start


def _print(what: str, seconds: float) -> None:
    print(f"{what:30} {seconds:6.2f} s")


def main() -> None:
    stack = Stack(app_port=free_port(), rasa_port=free_port(), log_dir=Path(mkdtemp()))
    started = time.perf_counter()
    app_answered: list[float] = []
    watcher = threading.Thread(
        target=_wait_for_app, args=(stack.base_url, started, app_answered), daemon=True
    )
    watcher.start()
    stack.start()
    ready = time.perf_counter() - started
    watcher.join(timeout=5)
    _print("app answers /health after", app_answered[0] if app_answered else float("nan"))
    _print("ready (/health 200) after", ready)
    try:
        with httpx.Client(base_url=stack.base_url, timeout=120) as client:
            for when in ("first", "warm"):
                turn, _ = _chat(client, *FIRST_TURN)
                guess, answer = _chat(client, *DID_YOU_MEAN)
                check = _eligibility(client)
                _print(f"{when} turn", turn)
                _print(f"{when} 'did you mean' answer", guess)
                _print(f"{when} eligibility check", check)
                if not _is_did_you_mean(answer):
                    print("  (warning: the message was not answered with 'did you mean ...?')")
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
