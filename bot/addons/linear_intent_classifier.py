"""A sparse linear intent classifier that trains in seconds on a 2-core CPU.

Why not DIET or a logistic regression: DIET took ~19 minutes to train on the ~15,000 French and
Dutch examples; a multinomial logistic regression (Rasa's LogisticRegressionClassifier, or
lbfgs on TF-IDF features) took 6 to 9 minutes on the ~10^5 character n-gram columns. A linear
SVM (liblinear, one-vs-rest) on the same TF-IDF weighted sparse sentence features trains in
seconds and scored higher on a held-out fifth of each language (docs/nlu/README.md).

Its scores are not probabilities; the ranking turns them into confidences with a softmax of
``score_scale`` x score, so that the FallbackClassifier's threshold still means "unsure": two
intents with close scores share the confidence, one clear winner gets nearly all of it.

``C`` and ``class_weight`` are scikit-learn's. ``class_weight: balanced`` weighs each intent by
the inverse of its number of examples; bot/config.yml leaves the classes unweighted: the
cross-validation is better so, and the first-message evaluation no worse (docs/nlu/README.md);
bot/addons/intent_sweep.py compares settings on the cross-validation folds in seconds.

Use in config.yml after the featurizers:
    - name: addons.linear_intent_classifier.LinearIntentClassifier
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

logger = logging.getLogger(__name__)

_FILE = "linear_intent_classifier.skops"
#: Beyond what skops trusts by default: the sparse diagonal of the TF-IDF weights.
_TRUSTED_TYPES = {"scipy.sparse._csr.csr_matrix"}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(IntentClassifier, GraphComponent):
    """TF-IDF weighted sparse sentence features -> linear SVM -> softmax confidences."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Featurizer]

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn", "skops"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "C": 0.5,
            "class_weight": None,
            "score_scale": 5.0,
            "ranking_length": 10,
            "random_state": 20251122,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Pipeline | None = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def _new_model(self) -> Pipeline:
        return Pipeline(
            [
                ("tfidf", TfidfTransformer(sublinear_tf=True)),
                (
                    "clf",
                    LinearSVC(
                        C=float(self.config["C"]),
                        class_weight=self.config["class_weight"],
                        random_state=int(self.config["random_state"]),
                    ),
                ),
            ]
        )

    @staticmethod
    def _features(messages: list[Message]) -> csr_matrix:
        """One row per message: its sparse sentence features, the featurizers side by side.

        The same matrix as stacking ``message.get_sparse_features(TEXT)[1]``, built block by
        block: that call also deep-copies and joins every message's sequence features, which
        was most of this component's training time.
        """
        rows = []
        for message in messages:
            blocks = [
                f.features
                for f in message.features
                if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_sparse()
            ]
            if not blocks:
                raise ValueError("LinearIntentClassifier needs sparse sentence features")
            rows.append(blocks)
        if len({len(blocks) for blocks in rows}) != 1:
            raise ValueError("LinearIntentClassifier: messages featurized by different featurizers")
        columns = [vstack([blocks[i] for blocks in rows]) for i in range(len(rows[0]))]
        return hstack(columns).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            logger.debug("No intent examples: LinearIntentClassifier not trained.")
            return self._resource
        self.model = self._new_model()
        self.model.fit(self._features(examples), [e.get(INTENT) for e in examples])
        self.persist()
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        if self.model is None:
            raise RuntimeError("LinearIntentClassifier: the model was not trained")
        scores = self.model.decision_function(self._features(messages))
        if scores.ndim == 1:  # two intents: one score, for the second class against the first
            scores = np.column_stack([-scores, scores])
        scaled = float(self.config["score_scale"]) * scores
        scaled -= scaled.max(axis=1, keepdims=True)
        probabilities = np.exp(scaled) / np.exp(scaled).sum(axis=1, keepdims=True)
        labels = self.model.classes_
        for message, row in zip(messages, probabilities, strict=True):
            order = np.argsort(-row)[: int(self.config["ranking_length"])]
            ranking = [{"name": str(labels[i]), "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump(self.model, model_dir / _FILE)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        import skops.io as sio

        with model_storage.read_from(resource) as model_dir:
            path = model_dir / _FILE
            untrusted = set(sio.get_untrusted_types(file=path)) - _TRUSTED_TYPES
            if untrusted:  # only scikit-learn's own objects and the TF-IDF weights are loaded
                raise ValueError(f"untrusted types in {path}: {sorted(untrusted)}")
            model = sio.load(path, trusted=sorted(_TRUSTED_TYPES))
        return cls(config, model_storage, resource, model)
