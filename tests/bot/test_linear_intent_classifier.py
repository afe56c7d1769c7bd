"""The linear intent classifier's feature matrix is the one Rasa's own accessor gives
(bot/addons/linear_intent_classifier.py builds it block by block, for speed), and a
classifier trained on it ranks the intents of unseen messages, in French and Dutch."""

from __future__ import annotations

import json
from pathlib import Path

from .rasa_python import run_in_rasa

SCRIPT = r"""
import json
from scipy.sparse import vstack
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.featurizers.sparse_featurizer.regex_featurizer import RegexFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from addons.linear_intent_classifier import LinearIntentClassifier
import tempfile
from pathlib import Path

examples = {
    "ask_food": ["je n'ai plus rien à manger", "colis alimentaire cpas", "voedselpakket aanvragen",
                 "ik heb geen eten meer", "aide alimentaire pour ma famille", "waar is de voedselbank"],
    "ask_rent": ["je ne sais plus payer mon loyer", "garantie locative cpas", "huurwaarborg via het ocmw",
                 "ik kan de huur niet betalen", "aide pour la caution", "hulp bij de huurwaarborg"],
}
storage = LocalModelStorage(Path(tempfile.mkdtemp()))
context = ExecutionContext(graph_schema=None)
messages = [Message(data={TEXT: t, "intent": i}) for i, ts in examples.items() for t in ts]
data = TrainingData(messages, regex_features=[{"name": "cpas", "pattern": "cpas|ocmw"}])
WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process_training_data(data)
featurizers = [
    RegexFeaturizer.create({**RegexFeaturizer.get_default_config()}, storage, Resource("r"), context),
    CountVectorsFeaturizer.create({**CountVectorsFeaturizer.get_default_config()}, storage, Resource("w"), context),
    CountVectorsFeaturizer.create({**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}, storage, Resource("c"), context),
]
for featurizer in featurizers:
    featurizer.train(data)
    featurizer.process_training_data(data)
fast = LinearIntentClassifier._features(messages)
accessor = vstack([m.get_sparse_features(TEXT)[1].features for m in messages]).tocsr()
classifier = LinearIntentClassifier.create({}, storage, Resource("l"), context)
classifier.train(data)
unseen = [Message(data={TEXT: t}) for t in ("plus rien dans le frigo", "de huur is te hoog")]
WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process(unseen)
for featurizer in featurizers:
    featurizer.process(unseen)
classifier.process(unseen)
print(json.dumps({
    "shape": [list(fast.shape), list(accessor.shape)],
    "differences": int((fast != accessor).nnz),
    "blocks": len([f for f in messages[0].features if f.type == "sentence"]),
    "intents": [m.get("intent")["name"] for m in unseen],
}))
"""


def test_features_equal_rasas_accessor_and_rank_unseen_messages(rasa_bin: Path) -> None:
    outcome = json.loads(run_in_rasa(SCRIPT).strip().splitlines()[-1])
    fast_shape, accessor_shape = outcome["shape"]
    assert fast_shape == accessor_shape and fast_shape[0] == 12
    assert outcome["blocks"] == 3  # the regex, word and character featurizers side by side
    assert outcome["differences"] == 0
    assert outcome["intents"] == ["ask_food", "ask_rent"]
