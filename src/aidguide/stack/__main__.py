"""``python -m aidguide.stack train`` trains the model if bot/ changed;
``python -m aidguide.stack run`` starts Rasa and the app and waits for Ctrl-C;
``python -m aidguide.stack run --replicas 2`` starts the scaled set-up on this machine
(redis-server, two Rasa and two app replicas, nginx in front: docs/deploy.md)."""

from __future__ import annotations

import argparse
import signal
import sys

from aidguide.config import get_settings
from aidguide.stack.launcher import Stack
from aidguide.stack.model import train_if_needed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aidguide.stack")
    parser.add_argument("command", choices=["train", "run"])
    parser.add_argument("--rasa-port", type=int, default=5005)
    parser.add_argument(
        "--replicas", type=int, default=1, help="Rasa and app replicas (more than 1: Redis, nginx)"
    )
    args = parser.parse_args(argv)
    if args.command == "train":
        train_if_needed()
        return 0
    # `run` is the development command: the API docs (Swagger UI, from a CDN) are on.
    stack = Stack(
        app_port=get_settings().port,
        rasa_port=args.rasa_port,
        extra_app_env={"AIDGUIDE_API_DOCS": "true"},
        replicas=args.replicas,
    )

    def _stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        what = f"{args.replicas} Rasa and app replicas" if args.replicas > 1 else "Rasa and the app"
        print(f"starting {what} (the model takes up to a minute to load)...", flush=True)
        stack.start()
        print(f"\nAidGuide is running: {stack.base_url}/  (API docs: {stack.base_url}/docs)")
        print("Press Ctrl-C to stop.\n", flush=True)
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()
        print("stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
