"""How long does training the whole Rasa model (NLU and dialogue) take on this machine?

Run: ``.venv/bin/python bench/train_time.py``. It trains bot/ as ``make train`` does (same
command, same environment: ``addons.train``, with Rasa's component cache off, so nothing of an
earlier training is reused) but into a temporary directory, so the bot/models/ cache is left
alone and the figure is a fresh training. Prints the
wall time, the CPU time (the figure that does not depend on what else runs), the CPU
count and the load average at the start and at the end (the machine may be shared: on an idle
machine the wall time is about the CPU time, since the training is mostly single-threaded).
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from aidguide.stack.model import bot_dir, rasa_environment, train_command


def main() -> None:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="aidguide-train-") as out:
        start = time.perf_counter()
        subprocess.run(
            train_command(Path(out), "bench"),
            cwd=bot_dir(),
            env=rasa_environment(),
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - start
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        size = (Path(out) / "bench.tar.gz").stat().st_size
    print(
        f"training: {seconds:.0f} s wall ({seconds / 60:.1f} min), "
        f"{cpu.ru_utime + cpu.ru_stime:.0f} s CPU, on {os.cpu_count()} CPUs with a load average "
        f"of {load:.1f} at the start and {os.getloadavg()[0]:.1f} at the end; "
        f"model {size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
