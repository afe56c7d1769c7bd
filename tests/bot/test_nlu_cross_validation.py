"""The cross-validation report is the mean of its seeded runs (scripts/nlu_cross_validation.py),
and each run draws its folds from its own seed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from aidguide.stack.model import REPO_ROOT

_spec = importlib.util.spec_from_file_location(
    "nlu_cross_validation", REPO_ROOT / "scripts" / "nlu_cross_validation.py"
)
cv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cv)


def run(f1: float, confused: dict[str, int]) -> dict:
    return {
        "ask_ris": {
            "precision": f1,
            "recall": f1,
            "f1-score": f1,
            "support": 40,
            "confused_with": confused,
        },
        "accuracy": f1,
    }


def test_the_report_gives_the_mean_and_the_lowest_run_per_intent() -> None:
    merged = cv.mean_report([run(0.86, {"inform": 2}), run(0.92, {}), run(0.95, {"inform": 1})])
    assert round(merged["ask_ris"]["f1-score"], 3) == 0.91
    assert merged["ask_ris"]["f1-min"] == 0.86
    assert merged["ask_ris"]["confused_with"] == {"inform": 3}
    assert round(merged["accuracy"], 3) == 0.91
    text, below = cv.render("fr", merged, {"ask_ris": 40}, [1, 2, 3], 5, None)
    assert below == []  # the mean decides, not the lowest run
    assert "mean of 3 runs" in text


def test_each_run_passes_its_seed_and_the_bot_config() -> None:
    command = cv.cv_command(Path("/venv/bin/rasa"), 7, Path("/d"), 5, Path("/o"))
    assert command[command.index("-c") + 2] == "7"
    assert "random_state=int(sys.argv[1])" in command[command.index("-c") + 1]
    assert command[command.index("--config") + 1] == "config.yml"
    assert command[command.index("--folds") + 1] == "5"
