"""Compare settings of the intent classifier on the cross-validation folds, in seconds per
setting instead of ~10 minutes per seeded run.

Why: `rasa test nlu --cross-validation` (scripts/nlu_cross_validation.py) retrains the whole
pipeline on every fold, CRF entity extractor included, so trying a value of ``C`` or of the
class weights on both languages and 3 seeds took more than half an hour. The intents do not
depend on the entity extractor: they are the LinearIntentClassifier's, on the sentence features
of the tokenizer and featurizers of bot/config.yml. This module draws the same folds as the
seeded cross-validation (``StratifiedKFold(5, shuffle=True, random_state=seed)`` over the intent
examples, as in ``rasa.nlu.test.generate_folds``), featurizes each fold once with the
components of bot/config.yml, then trains and tests the real LinearIntentClassifier once per
setting tried. With the settings of bot/config.yml its per-intent F1 equals the cross-
validation's intent report of the same seed; only that script's reports, the mean of its 3
seeds, count for the acceptance.

Usage, from bot/ (the featurizers take 2 to 3 minutes per language and seed, each setting a
few seconds):
    .venv/bin/python -m addons.intent_sweep --lang nl --seed 20251122 \
        --try '{}' --try '{"C": 2.0}' --try '{"C": 6.0, "class_weight": null}'
Each ``--try`` is JSON merged over the classifier's settings in bot/config.yml; ``--data``
points to another copy of the training data (a folder with nlu_<lang>.yml and the lookup
table) to measure a change of the data before making it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.metrics import classification_report
from sklearn.model_selection import StratifiedKFold

from addons.linear_intent_classifier import LinearIntentClassifier

BOT_DIR = Path(__file__).resolve().parent.parent
#: The folds of `make nlu-cv` (scripts/nlu_cross_validation.py, `--folds`).
FOLDS = 5
#: How many of the weakest intents a line shows (the acceptance threshold is that script's).
WEAKEST = 5
_PREPARING = (
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER,
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
)


@dataclass
class Fold:
    """One fold's featurized training part and test part (``test_index``: rows of the data)."""

    train: TrainingData
    test: list[Message]
    test_index: np.ndarray


#: A component of the pipeline: its class and its settings (the config entry without ``name``).
Component = tuple[type, dict[str, Any]]


def pipeline(config_file: Path) -> tuple[list[Component], dict[str, Any]]:
    """The tokenizer and featurizers of the config, in order, and the intent classifier's
    settings."""
    entries = yaml.safe_load(config_file.read_text(encoding="utf-8"))["pipeline"]
    preparing, classifier = [], None
    for entry in entries:
        # Rasa's own lookup of a config name (as graph_config_for_recipe does).
        registered = DefaultV1Recipe._from_registry(entry["name"])
        settings = {k: v for k, v in entry.items() if k != "name"}
        if registered.clazz is LinearIntentClassifier:
            classifier = settings
        elif classifier is None and set(registered.types) & set(_PREPARING):
            preparing.append((registered.clazz, settings))
    if classifier is None:
        raise ValueError(f"{config_file}: no LinearIntentClassifier in the pipeline")
    return preparing, classifier


def folds(data: TrainingData, seed: int, n_folds: int = FOLDS) -> list[tuple[np.ndarray, ...]]:
    """The (train, test) indices of the intent examples, as the seeded cross-validation draws
    them (scripts/nlu_cross_validation.py seeds ``StratifiedKFold`` for Rasa's folds)."""
    examples = data.intent_examples
    labels = [example.get_full_intent() for example in examples]
    splitter = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    return list(splitter.split(examples, labels))


def featurize(data: TrainingData, seed: int, preparing: list[Component]) -> list[Fold]:
    """Each fold's parts, with the features of components trained on its training part only."""
    with tempfile.TemporaryDirectory(prefix="intent-sweep-") as folder:
        storage = LocalModelStorage(Path(folder))
        return [
            _featurized_fold(data, number, parts, preparing, storage)
            for number, parts in enumerate(folds(data, seed))
        ]


def _featurized_fold(
    data: TrainingData,
    number: int,
    parts: tuple[np.ndarray, ...],
    preparing: list[Component],
    storage: LocalModelStorage,
) -> Fold:
    """Fold ``number``: fresh messages (no features of another fold), the components of the
    pipeline trained on its training part, then both parts featurized."""
    examples = data.intent_examples
    train_index, test_index = parts
    context = ExecutionContext(graph_schema=None)

    def fresh(index: np.ndarray) -> list[Message]:
        return [
            Message.build(text=examples[i].get("text"), intent=examples[i].get("intent"))
            for i in index
        ]

    train = TrainingData(
        training_examples=fresh(train_index),
        regex_features=data.regex_features,
        lookup_tables=data.lookup_tables,
    )
    test = fresh(test_index)
    for position, (clazz, settings) in enumerate(preparing):
        config = {**clazz.get_default_config(), **settings}
        component = clazz.create(config, storage, Resource(f"f{number}-{position}"), context)
        if hasattr(component, "train"):
            component.train(train)
        component.process_training_data(train)
        component.process(test)
    return Fold(train, test, test_index)


def predictions(prepared: list[Fold], settings: dict[str, Any], size: int) -> np.ndarray:
    """The intent predicted for every example when it was in the test part of its fold."""
    context = ExecutionContext(graph_schema=None)
    predicted = np.empty(size, dtype=object)
    with tempfile.TemporaryDirectory(prefix="intent-sweep-") as folder:
        storage = LocalModelStorage(Path(folder))
        for number, fold in enumerate(prepared):
            resource = Resource(f"c{number}")
            classifier = LinearIntentClassifier.create(settings, storage, resource, context)
            classifier.train(fold.train)
            classifier.process(fold.test)
            predicted[fold.test_index] = [m.get("intent")["name"] for m in fold.test]
    return predicted


def summary(labels: list[str], predicted: np.ndarray) -> dict[str, Any]:
    """Weighted F1, the F1 of the weakest intents (lowest first) and the main confusions."""
    report = classification_report(labels, list(predicted), output_dict=True, zero_division=0)
    f1 = sorted(
        ((k, v["f1-score"]) for k, v in report.items() if k in set(labels)), key=lambda kv: kv[1]
    )
    confusions = Counter((a, b) for a, b in zip(labels, predicted, strict=True) if a != b)
    return {
        "weighted_f1": round(report["weighted avg"]["f1-score"], 4),
        "weakest": {k: round(v, 4) for k, v in f1[:WEAKEST]},
        "confusions": [f"{a} -> {b}: {n}" for (a, b), n in confusions.most_common(5)],
    }


def training_data(language: str, data: Path | None) -> TrainingData:
    """The examples of ``data`` or, staged as the cross-validation stages them, the language's
    examples and the place lookup table of bot/data (the lookup table feeds a featurizer)."""
    if data is not None:
        return load_data(str(data))
    with tempfile.TemporaryDirectory(prefix=f"intent-sweep-{language}-") as folder:
        for name in (f"nlu_{language}.yml", "lookup_places.yml"):
            shutil.copyfile(BOT_DIR / "data" / name, Path(folder) / name)
        return load_data(folder)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", required=True, choices=("fr", "nl"))
    parser.add_argument("--seed", type=int, action="append", required=True)
    parser.add_argument(
        "--try",
        dest="tries",
        action="append",
        default=None,
        help="JSON merged over the classifier settings of the config",
    )
    parser.add_argument("--data", type=Path, help="folder with nlu_<lang>.yml (default bot/data)")
    parser.add_argument("--config", type=Path, default=BOT_DIR / "config.yml")
    arguments = parser.parse_args(argv)
    preparing, configured = pipeline(arguments.config)
    data = training_data(arguments.lang, arguments.data)
    labels = [example.get("intent") for example in data.intent_examples]
    for seed in arguments.seed:
        prepared = featurize(data, seed, preparing)
        for tried in arguments.tries or ["{}"]:
            settings = {**configured, **json.loads(tried)}
            predicted = predictions(prepared, settings, len(labels))
            line = {"lang": arguments.lang, "seed": seed, "settings": settings}
            print(
                json.dumps({**line, **summary(labels, predicted)}, ensure_ascii=False), flush=True
            )


if __name__ == "__main__":
    main()
