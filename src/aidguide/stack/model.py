"""The trained Rasa model, cached by a fingerprint of everything in bot/ that shapes it.

Training takes minutes; a second ``make run`` or ``make test`` with an unchanged bot/ must
not retrain. The fingerprint covers the configuration, the domain, the training data and the
pinned Rasa environment, so any change to them gives a new model file.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import yaml

from aidguide.config import REPO_ROOT, get_settings

_KEEP_MODELS = 3


def bot_dir() -> Path:
    """The Rasa project: ``Settings.bot_dir`` (``AIDGUIDE_BOT_DIR``), as for the app's texts."""
    return get_settings().bot_dir


def models_dir() -> Path:
    return bot_dir() / "models"


def _custom_components() -> list[Path]:
    """The modules of bot/ that config.yml names as pipeline or policy components
    (``addons.linear_intent_classifier.LinearIntentClassifier``): their code shapes the model
    as much as the data does, so a change to them must give a new model too."""
    bot = bot_dir()
    config = yaml.safe_load((bot / "config.yml").read_text(encoding="utf-8")) or {}
    names = [
        c.get("name", "") for c in (config.get("pipeline") or []) + (config.get("policies") or [])
    ]
    modules = {name.rsplit(".", 1)[0] for name in names if "." in name}
    return sorted(bot.joinpath(*module.split(".")).with_suffix(".py") for module in modules)


def _model_inputs() -> list[Path]:
    bot = bot_dir()
    files = [bot / "config.yml", bot / "requirements.lock"]
    files += sorted((bot / "domain").glob("*.yml"))
    files += sorted((bot / "data").rglob("*.yml"))
    files += _custom_components()
    return [f for f in files if f.is_file()]


def fingerprint() -> str:
    digest = hashlib.sha256()
    bot = bot_dir()
    for path in _model_inputs():
        digest.update(path.relative_to(bot).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_path() -> Path:
    return models_dir() / f"aidguide-{fingerprint()}.tar.gz"


def rasa_executable() -> Path:
    return bot_dir() / ".venv" / "bin" / "rasa"


def rasa_environment() -> dict[str, str]:
    """Environment for every Rasa command: no telemetry, quiet TensorFlow, our addons."""
    env = dict(os.environ)
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "PYTHONPATH": str(bot_dir()),
            "PYTHONHASHSEED": "0",
        }
    )
    return env


def train_command(out: Path, name: str) -> list[str]:
    """The command that trains bot/ into ``out/<name>.tar.gz``, run from bot/ with
    :func:`rasa_environment`: Rasa's ``train`` through ``addons.train``, which turns off Rasa's
    component cache (models are cached here, whole) and the work only that cache needed."""
    return [
        str(rasa_executable().with_name("python")),
        *("-m", "addons.train", "train"),
        *("--domain", "domain", "--data", "data", "--config", "config.yml"),
        *("--out", str(out), "--fixed-model-name", name),
        # `make validate` and tests/bot/test_nlu_data.py validate the data; here it would
        # add about a minute of CPU to every training.
        "--skip-validation",
    ]


def train_if_needed() -> Path:
    """Train the model unless the one for this fingerprint exists; return its path."""
    target = model_path()
    if target.exists():
        print(f"model up to date: {target.relative_to(REPO_ROOT)}")
        return target
    models_dir().mkdir(parents=True, exist_ok=True)
    print(f"training the Rasa model ({target.name}); this takes a few minutes...", flush=True)
    subprocess.run(
        train_command(models_dir(), target.name.removesuffix(".tar.gz")),
        cwd=bot_dir(),
        env=rasa_environment(),
        check=True,
    )
    for old in sorted(models_dir().glob("aidguide-*.tar.gz"), key=lambda p: p.stat().st_mtime)[
        :-_KEEP_MODELS
    ]:
        old.unlink()
    return target


if __name__ == "__main__":
    train_if_needed()
    sys.exit(0)
