"""bot/addons/intent_sweep.py measures intent settings on the folds of the seeded
cross-validation: the same folds as Rasa's, the featurizers of bot/config.yml, and figures that
move with the settings tried."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from aidguide.stack.model import bot_dir, rasa_environment

from .rasa_python import run_in_rasa

#: Two intents of twenty examples each: a way of opening the message, then the aid in French or
#: Dutch words that only that intent uses.
OPENINGS = (
    "bonjour",
    "svp",
    "aide",
    "une question",
    "info",
    "hallo",
    "dag",
    "vraag",
    "help",
    "dringend",
)
EXAMPLES = {
    "ask_food": [f"{o} {aid}" for o in OPENINGS for aid in ("colis alimentaire", "voedselpakket")],
    "ask_rent": [f"{o} {aid}" for o in OPENINGS for aid in ("garantie locative", "huurwaarborg")],
}

#: A setting that weighs the rent examples as almost nothing.
IGNORE_RENT = json.dumps({"class_weight": {"ask_food": 1, "ask_rent": 1e-4}})

FOLDS_SCRIPT = r"""
import functools, json, sys
import sklearn.model_selection as selection
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from addons.intent_sweep import folds
examples = json.loads(sys.argv[1])
data = TrainingData([Message.build(text=t, intent=i) for i, ts in examples.items() for t in ts])
ours = [sorted(data.intent_examples[j].get("text") for j in test) for _, test in folds(data, 11)]
selection.StratifiedKFold = functools.partial(selection.StratifiedKFold, random_state=11)
from rasa.nlu.test import generate_folds
theirs = [sorted(m.get("text") for m in test.intent_examples) for _, test in generate_folds(5, data)]
print(json.dumps({"ours": ours, "theirs": theirs}))
"""


def test_folds_are_those_of_the_seeded_cross_validation(rasa_bin: Path) -> None:
    output = run_in_rasa(FOLDS_SCRIPT.replace("sys.argv[1]", repr(json.dumps(EXAMPLES))))
    outcome = json.loads(output.strip().splitlines()[-1])
    assert len(outcome["ours"]) == 5
    assert sum(len(fold) for fold in outcome["ours"]) == 40
    assert outcome["ours"] == outcome["theirs"]


def test_the_pipeline_is_read_from_the_config(rasa_bin: Path) -> None:
    script = (
        "import json\nfrom pathlib import Path\nfrom addons.intent_sweep import pipeline\n"
        "preparing, settings = pipeline(Path('config.yml'))\n"
        "print(json.dumps({'preparing': [[c.__name__, s] for c, s in preparing],"
        " 'settings': settings}))"
    )
    outcome = json.loads(run_in_rasa(script).strip().splitlines()[-1])
    config = yaml.safe_load((bot_dir() / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    classifier = next(e for e in config if e["name"].endswith("LinearIntentClassifier"))
    position = config.index(classifier)
    # Everything before the classifier prepares its features; extractors and fallback do not.
    expected = [[e["name"], {k: v for k, v in e.items() if k != "name"}] for e in config[:position]]
    assert outcome["preparing"] == expected
    assert outcome["settings"] == {k: v for k, v in classifier.items() if k != "name"}


def test_scores_each_setting_tried_with_its_weakest_intents_and_confusions(
    rasa_bin: Path, tmp_path: Path
) -> None:
    nlu = {
        "version": "3.1",
        "nlu": [
            {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}
            for intent, texts in EXAMPLES.items()
        ],
    }
    (tmp_path / "nlu_fr.yml").write_text(yaml.safe_dump(nlu, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [
            str(bot_dir() / ".venv" / "bin" / "python"),
            *("-m", "addons.intent_sweep", "--lang", "fr", "--seed", "11"),
            *("--data", str(tmp_path), "--try", "{}", "--try", IGNORE_RENT),
        ],
        cwd=bot_dir(),
        env=rasa_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    configured, skewed = [json.loads(line) for line in result.stdout.splitlines()]
    assert configured["seed"] == 11 and skewed["settings"]["class_weight"]["ask_rent"] == 1e-4
    # The configured classifier tells the two aids apart. Weighing the rent examples as almost
    # nothing makes it answer food to everything: rent is the weakest intent, with its
    # confusion, and food's precision falls with it.
    assert configured["weighted_f1"] == 1.0
    assert configured["weakest"] == {"ask_food": 1.0, "ask_rent": 1.0}
    assert skewed["weakest"] == {"ask_rent": 0.0, "ask_food": 0.6667}
    assert skewed["confusions"] == ["ask_rent -> ask_food: 20"]
