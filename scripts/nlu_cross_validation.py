"""Cross-validate the NLU model per language and write the result as a Markdown report.

Why: the training data is accepted only if every intent reaches F1 >= 0.90 in a 5-fold
cross-validation, separately for French and Dutch (issues #5 and #21). `rasa test nlu
--cross-validation` prints its figures into JSON files under a temporary directory that nobody
reads, and draws its folds at random on every run (`StratifiedKFold(shuffle=True)` without a
seed in `rasa/nlu/test.py`), so two runs of the same data differ by about a point per intent.
This script runs it through the Rasa environment of the bot (bot/.venv, Python 3.10) once per
seed (3 seeds by default) with the folds drawn from that seed, and turns the
intent_report.json files into docs/nlu/cross_validation_<lang>.md: one row per intent with the
mean precision, recall and F1 of the runs and the lowest F1 of any run, the weighted average,
the intents whose mean is under the threshold flagged with their main confusions, plus the
command, the seeds, the date, a summary of bot/config.yml (the pipeline that is trained, e.g.
the linear intent classifier) and the number of examples, so that a figure in the report can
be traced back to how it was obtained and reproduced.

Only the standard library and PyYAML: the script runs with the project's Python (>= 3.11) and
calls Rasa as a subprocess.

Usage:
    python scripts/nlu_cross_validation.py                 # both languages, 5 folds, 3 seeds
    python scripts/nlu_cross_validation.py --lang fr       # one language
    python scripts/nlu_cross_validation.py --seeds 7       # one run, folds drawn from seed 7
    python scripts/nlu_cross_validation.py --lang nl --report-only --out /tmp/cv
                                                          # re-render an existing run

Rasa is bot/.venv/bin/rasa unless $AIDGUIDE_RASA or --rasa says otherwise (a git worktree has
no bot/.venv of its own).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from aidguide.config import REPO_ROOT
from aidguide.stack.model import bot_dir

BOT_DIR = bot_dir()
DOCS_DIR = REPO_ROOT / "docs" / "nlu"
LANGUAGES = ("fr", "nl")
THRESHOLD = 0.90
SEEDS = (20251122, 20251123, 20251124)
_SUMMARY_ROWS = ("accuracy", "macro avg", "weighted avg", "micro avg")
_METRICS = ("precision", "recall", "f1-score")

#: Run by the bot's Python: Rasa's CLI with the cross-validation folds drawn from argv[1]
#: (Rasa imports StratifiedKFold from sklearn.model_selection inside `generate_folds`), through
#: bot/addons/train.py as every training is (same speedups, no component cache). Rasa also
#: predicts every training example of each fold to log a "train" accuracy that no report uses
#: (`combine_result` called without result lists, rasa/nlu/test.py `cross_validate`): that
#: was two thirds of each fold's predictions, so it is skipped; the test folds are unchanged.
_SEEDED_RASA = """
import functools, sys
import sklearn.model_selection as selection
selection.StratifiedKFold = functools.partial(selection.StratifiedKFold, random_state=int(sys.argv[1]))
import rasa.nlu.test as nlu_test
_combine_result = nlu_test.combine_result
async def combine_test_folds_only(*args, **kwargs):
    if len(args) < 6 and kwargs.get("intent_results") is None:
        return None  # the training part of a fold: only logged, never reported
    return await _combine_result(*args, **kwargs)
nlu_test.combine_result = combine_test_folds_only
from addons.train import run
run(sys.argv[2:])
"""


def default_rasa() -> Path:
    """The Rasa executable: $AIDGUIDE_RASA, else the bot's own virtual environment."""
    return Path(os.environ.get("AIDGUIDE_RASA", BOT_DIR / ".venv" / "bin" / "rasa"))


def count_examples(nlu_file: Path) -> dict[str, int]:
    """Examples per intent in one Rasa NLU training file."""
    data = yaml.safe_load(nlu_file.read_text(encoding="utf-8")) or {}
    counts: dict[str, int] = {}
    for block in data.get("nlu", []):
        if "intent" in block:
            lines = block.get("examples", "").splitlines()
            counts[block["intent"]] = counts.get(block["intent"], 0) + sum(
                1 for line in lines if line.strip().startswith("- ")
            )
    return counts


def config_summary(config_file: Path) -> list[str]:
    """One line per pipeline component, with the options that change the result."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    lines = []
    for component in config.get("pipeline", []):
        options = ", ".join(f"{k}={v}" for k, v in component.items() if k != "name")
        lines.append(f"{component['name']}" + (f" ({options})" if options else ""))
    return lines


def python_of(rasa: Path) -> Path:
    """The Python interpreter of the virtual environment that holds the Rasa executable."""
    return rasa.parent / "python"


def stage_data(language: str, out: Path) -> Path:
    """A folder with the language's examples and the place lookup table, as the bot is trained
    (the lookup table feeds the RegexFeaturizer; without it the folds would miss a feature)."""
    staged = out / "nlu_data"
    staged.mkdir(parents=True, exist_ok=True)
    for name in (f"nlu_{language}.yml", "lookup_places.yml"):
        shutil.copyfile(BOT_DIR / "data" / name, staged / name)
    return staged


def rasa_arguments(data: Path, folds: int, out: Path) -> list[str]:
    """The arguments of `rasa test nlu` for a cross-validation of the data in `data`."""
    return [
        *("test", "nlu", "--nlu", str(data), "--config", "config.yml"),
        *("--cross-validation", "--folds", str(folds), "--out", str(out)),
    ]


def cv_command(rasa: Path, seed: int, data: Path, folds: int, out: Path) -> list[str]:
    """One seeded cross-validation, run from bot/ (nice: the CPU is shared)."""
    return [
        *("nice", "-n", "10", str(python_of(rasa)), "-c", _SEEDED_RASA.strip(), str(seed)),
        *rasa_arguments(data, folds, out),
    ]


def shown_command(folds: int) -> str:
    """The Rasa command as the report shows it (run by `_SEEDED_RASA`, which seeds the folds)."""
    return "rasa " + shlex.join(rasa_arguments(Path("<nlu_data>"), folds, Path("<out>")))


def run_cv(rasa: Path, seed: int, data: Path, folds: int, out: Path) -> float:
    """Run one seeded cross-validation; returns its duration in seconds."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    command = cv_command(rasa, seed, data, folds, out)
    print(f"$ (seed {seed}) rasa", shlex.join(rasa_arguments(data, folds, out)), flush=True)
    started = time.monotonic()
    subprocess.run(command, cwd=BOT_DIR, env=env, check=True)
    return time.monotonic() - started


def mean_report(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Per intent (and weighted average): the mean of each metric over the runs, the lowest F1
    of any run (`f1-min`), the support of one run and the confusions summed over the runs."""
    names = set.intersection(*(set(r) for r in reports))
    merged: dict[str, Any] = {}
    for name in names:
        if name == "accuracy":
            merged[name] = sum(r[name] for r in reports) / len(reports)
            continue
        rows = [r[name] for r in reports]
        row: dict[str, Any] = {m: sum(x[m] for x in rows) / len(rows) for m in _METRICS}
        row["f1-min"] = min(x["f1-score"] for x in rows)
        row["support"] = rows[0]["support"]
        confused: dict[str, int] = {}
        for x in rows:
            for other, n in (x.get("confused_with") or {}).items():
                confused[other] = confused.get(other, 0) + n
        row["confused_with"] = confused
        merged[name] = row
    return merged


def find_report(out: Path) -> Path:
    """intent_report.json of a run (Rasa may put it in a sub-directory)."""
    direct = out / "intent_report.json"
    if direct.is_file():
        return direct
    found = sorted(out.rglob("intent_report.json"))
    if not found:
        raise FileNotFoundError(f"no intent_report.json under {out}")
    return found[0]


def _top_confusions(row: dict[str, Any], limit: int = 3) -> str:
    confused = row.get("confused_with") or {}
    ranked = sorted(confused.items(), key=lambda item: -item[1])[:limit]
    return ", ".join(f"{name} ({n})" for name, n in ranked)


def render(
    language: str,
    report: dict[str, Any],
    examples: dict[str, int],
    seeds: list[int],
    folds: int,
    duration: float | None,
    threshold: float = THRESHOLD,
    note: str | None = None,
) -> tuple[str, list[str]]:
    """The Markdown report of the mean of the runs and the intents whose mean F1 is under the
    threshold."""
    intents = sorted(name for name in report if name not in _SUMMARY_ROWS)
    below = [name for name in intents if report[name]["f1-score"] < threshold]
    weighted = report.get("weighted avg", {})
    language_name = {"fr": "French", "nl": "Dutch"}.get(language, language)
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    runs = len(seeds)
    lines = [
        f"# NLU cross-validation: {language_name} (`nlu_{language}.yml`)",
        "",
        "Generated by `scripts/nlu_cross_validation.py` (`make nlu-cv`). Acceptance (issues #5,",
        f"#21): every intent F1 >= {threshold:.2f} in a {folds}-fold cross-validation, as the "
        f"mean of {runs} runs with seeded folds.",
        "",
        f"- Date: {today}",
        f"- Runs: {runs}, folds drawn from the seeds {', '.join(map(str, seeds))} "
        "(the same seeds give the same folds and the same figures)",
        f"- Command per run (from `bot/`): `{shown_command(folds)}`, through the bot's Python "
        "with `sklearn.model_selection.StratifiedKFold` given the run's seed",
        f"- Examples: {sum(examples.values())} in {len(examples)} intents "
        f"(min {min(examples.values(), default=0)}, max {max(examples.values(), default=0)} "
        "per intent)",
    ]
    if duration is not None:
        lines.append(f"- Duration: {duration / 60:.1f} min for the {runs} runs on this machine")
    if note:
        lines.append(f"- Note: {note}")
    lines += ["- Pipeline (`bot/config.yml`):"]
    lines += [f"  - {line}" for line in config_summary(BOT_DIR / "config.yml")]
    lines += [
        "",
        f"## Result (mean of {runs} runs)",
        "",
        f"- Weighted F1: **{weighted.get('f1-score', float('nan')):.3f}** "
        f"(precision {weighted.get('precision', float('nan')):.3f}, "
        f"recall {weighted.get('recall', float('nan')):.3f})",
        f"- Accuracy: {report.get('accuracy', float('nan')):.3f}",
        "- Acceptance: "
        + (
            "**met**"
            if not below
            else f"**not met**: {len(below)} of {len(intents)} intents under {threshold:.2f}"
        ),
        f"- Intents under {threshold:.2f}: "
        + (", ".join(f"`{name}`" for name in below) if below else "none"),
        "",
        "| Intent | Precision | Recall | F1 | Lowest F1 of a run | Support | Examples | |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name in intents:
        row = report[name]
        flag = f"**below {threshold:.2f}**" if name in below else ""
        lines.append(
            f"| `{name}` | {row['precision']:.3f} | {row['recall']:.3f} | "
            f"{row['f1-score']:.3f} | {row['f1-min']:.3f} | {row['support']} | "
            f"{examples.get(name, 0)} | {flag} |"
        )
    if weighted:
        lines.append(
            f"| **weighted avg** | {weighted['precision']:.3f} | {weighted['recall']:.3f} | "
            f"{weighted['f1-score']:.3f} | {weighted['f1-min']:.3f} | {weighted['support']} | "
            f"{sum(examples.values())} | |"
        )
    confused = [name for name in intents if report[name].get("confused_with")]
    if confused:
        lines += [
            "",
            "## Main confusions",
            "",
            f"Predicted intents for the misclassified test examples of each intent, summed over "
            f"the {runs} runs (from `confused_with` in `intent_report.json`).",
            "",
            "| Intent | F1 | Confused with |",
            "|---|---:|---|",
        ]
        for name in sorted(confused, key=lambda n: report[n]["f1-score"]):
            lines.append(
                f"| `{name}` | {report[name]['f1-score']:.3f} | {_top_confusions(report[name])} |"
            )
    return "\n".join(lines) + "\n", below


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="default: both")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--seeds", type=int, nargs="+", default=list(SEEDS), help="one run per seed"
    )
    parser.add_argument("--out", type=Path, default=Path("/tmp/aidguide-nlu-cv"))
    parser.add_argument("--rasa", type=Path, default=default_rasa())
    parser.add_argument(
        "--report-only", action="store_true", help="render existing runs under --out/<lang>"
    )
    parser.add_argument("--note", help="a remark printed in the report (e.g. partial results)")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 if an intent is under the threshold"
    )
    args = parser.parse_args(argv)

    failing: dict[str, list[str]] = {}
    for language in args.lang or LANGUAGES:
        out = (args.out / language).resolve()
        run_info = out / "run_info.json"
        duration = None
        if not args.report_only:
            if not python_of(args.rasa).is_file():
                print(f"Rasa not found at {args.rasa} (run `make setup`)", file=sys.stderr)
                return 2
            data = stage_data(language, out)
            duration = sum(
                run_cv(args.rasa, seed, data, args.folds, out / f"seed-{seed}")
                for seed in args.seeds
            )
            run_info.write_text(json.dumps({"duration_s": duration}), encoding="utf-8")
        elif run_info.is_file():
            duration = json.loads(run_info.read_text(encoding="utf-8")).get("duration_s")
        reports = [
            json.loads(find_report(out / f"seed-{seed}").read_text(encoding="utf-8"))
            for seed in args.seeds
        ]
        report = mean_report(reports)
        examples = count_examples(BOT_DIR / "data" / f"nlu_{language}.yml")
        text, below = render(
            language, report, examples, args.seeds, args.folds, duration, note=args.note
        )
        DOCS_DIR.mkdir(parents=True, exist_ok=True)
        target = DOCS_DIR / f"cross_validation_{language}.md"
        target.write_text(text, encoding="utf-8")
        weighted = report.get("weighted avg", {}).get("f1-score", float("nan"))
        print(
            f"{language}: weighted F1 {weighted:.3f} (mean of {len(reports)} runs); "
            f"under {THRESHOLD}: {below or 'none'}"
        )
        print(f"wrote {target.relative_to(REPO_ROOT)}")
        if below:
            failing[language] = below
    return 1 if (args.strict and failing) else 0


if __name__ == "__main__":
    sys.exit(main())
