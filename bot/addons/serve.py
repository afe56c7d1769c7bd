"""Start ``rasa run`` with its API token taken from the environment, not the command line.

Why: a command line is public (``ps``, /proc/<pid>/cmdline can be read by every local user);
a process's environment is readable by its owner only. The launcher
(src/aidguide/stack/launcher.py) runs ``python -m addons.serve run ...`` with the token in
``AIDGUIDE_RASA_TOKEN``; this module removes it from the environment, gives it to Rasa's
argument parser in-process (the visible command line stays as it was) and runs Rasa.
It also removes work Rasa repeats on every answer and every stored event
(:mod:`addons.speedups`).
"""

from __future__ import annotations

import os
import sys

TOKEN_VARIABLE = "AIDGUIDE_RASA_TOKEN"


def main() -> None:
    token = os.environ.pop(TOKEN_VARIABLE, "")
    if not token:
        sys.exit(f"{TOKEN_VARIABLE} is not set: Rasa's HTTP API would be open")
    # One argument: a token may begin with "-", which argparse would take for an option.
    sys.argv = ["rasa", *sys.argv[1:], f"--auth-token={token}"]
    from rasa.__main__ import main as rasa_main

    from addons import speedups

    speedups.install()
    rasa_main()


if __name__ == "__main__":
    main()
