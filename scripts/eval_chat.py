"""``make eval``: send every message of eval/messages_<lang>.yml as the first message of a fresh
conversation through /api/chat of the real stack, judge each reply, write docs/nlu/eval_<lang>.md.

Run: ``.venv/bin/python scripts/eval_chat.py [--lang fr|nl] [--model bot/models/x.tar.gz]``;
``--set <name>`` (holdout, blind, blind2: ``EVAL_SETS``) sends eval/<name>_<lang>.yml instead
and writes docs/nlu/<name>_<lang>.md.
It starts Rasa and the app on free loopback ports (the trained model of the current bot/, or
``--model``) and stops them at the end. Judging rules: ``aidguide.stack.evaluation``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from aidguide.config import REPO_ROOT
from aidguide.stack.evaluation import (
    EVAL_SETS,
    EvalCase,
    Result,
    Summary,
    judge,
    load_cases,
    render_report,
    turn_from_events,
)
from aidguide.stack.launcher import Stack, free_port
from aidguide.stack.model import model_path

REPORT_DIR = REPO_ROOT / "docs" / "nlu"


def ask(stack: Stack, case: EvalCase, language: str) -> Result:
    """One fresh conversation: the message, the reply, and the tracker of that turn."""
    with httpx.Client(timeout=120.0) as http:
        reply = http.post(
            f"{stack.base_url}/api/chat",
            json={
                "conversation_id": f"eval-{uuid.uuid4().hex}",
                "message": case.text,
                "lang": language,
            },
        ).json()
        conversation = reply["conversation_id"]  # the server issues the id it will accept
        tracker = http.get(
            f"{stack.rasa_url}/conversations/{conversation}/tracker",
            params={"token": stack.rasa_token, "include_events": "ALL"},
        ).json()
        http.delete(f"{stack.base_url}/api/chat/{conversation}")
    turn = turn_from_events(tracker.get("events") or [], reply)
    return Result(case, judge(case, turn), turn.intent, "utter_greet" in turn.actions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["fr", "nl"], action="append")
    parser.add_argument("--model", type=Path, help="a trained model (default: the current one)")
    parser.add_argument("--set", choices=EVAL_SETS, default="messages", dest="eval_set")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-report", action="store_true", help="print only")
    args = parser.parse_args(argv)
    model = (args.model or model_path()).resolve()
    if not model.exists():
        print(f"no trained model at {model}: run `make train` first", file=sys.stderr)
        return 2
    log_dir = Path(tempfile.mkdtemp(prefix="aidguide-eval-"))
    stack = Stack(
        app_port=free_port(),
        rasa_port=free_port(),
        log_dir=log_dir,
        model=model,
        # One client sends every message: the per-client rate limit is for the public.
        extra_app_env={"AIDGUIDE_RATE_LIMIT": "100000/second"},
    )
    with stack:
        for language in args.lang or ["fr", "nl"]:
            cases = load_cases(language, eval_set=args.eval_set)
            with ThreadPoolExecutor(max_workers=args.workers) as pool:
                results = list(pool.map(ask, [stack] * len(cases), cases, [language] * len(cases)))
            summary = Summary(language, results)
            header = [
                f"# On-topic rate of first messages ({language})",
                "",
                f"`make eval` on eval/{args.eval_set}_{language}.yml ({len(cases)} messages), "
                f"model `{model.name}`. Each message is the first of a fresh conversation "
                "through /api/chat; the judging rules are in "
                "src/aidguide/stack/evaluation.py.",
            ]
            report = render_report(summary, header)
            print(report)
            if not args.no_report:
                name = "eval" if args.eval_set == "messages" else args.eval_set
                (REPORT_DIR / f"{name}_{language}.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
