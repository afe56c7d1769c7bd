"""The evaluation set of `make eval` stays apart from the training data, and is big enough.

An evaluation message that the model was trained on (or a near copy of one) would measure
memory, not understanding.
"""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz, process

from aidguide.config import get_settings
from aidguide.stack.evaluation import EVAL_SETS, OTHER_TOPICS, load_cases
from tests.bot.test_nlu_data import LANGUAGES, examples, normalised

NEAR = 90  # rapidfuzz ratio from which two messages are the same message


def training_examples() -> list[str]:
    return sorted(
        {normalised(e) for lang in LANGUAGES for exs in examples(lang).values() for e in exs}
    )


#: The fewest messages each set may have (the main set is the one `make eval` reports on).
MINIMUM_SIZE = {"messages": 300, "holdout": 100, "blind": 60, "blind2": 60}


@pytest.mark.parametrize("eval_set", EVAL_SETS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_set_is_big_enough_on_known_topics_and_apart_from_the_others(
    language: str, eval_set: str
) -> None:
    cases = load_cases(language, eval_set=eval_set)
    aids = {p.stem for p in (get_settings().content_dir / "aids").glob("*.yml")}
    assert len(cases) >= MINIMUM_SIZE[eval_set]
    assert {c.topic for c in cases} <= aids | set(OTHER_TOPICS)
    texts = {normalised(c.text) for c in cases}
    assert len(texts) == len(cases), "a message is there twice"
    others = [
        normalised(c.text)
        for other in EVAL_SETS
        if other != eval_set
        for c in load_cases(language, eval_set=other)
    ]
    close = [
        t for t in texts if process.extractOne(t, others, scorer=fuzz.ratio, score_cutoff=NEAR)
    ]
    assert not close, f"messages of {eval_set} close to another set: {close[:5]}"


@pytest.mark.parametrize("eval_set", EVAL_SETS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_eval_message_is_in_the_training_data(language: str, eval_set: str) -> None:
    training = training_examples()
    exact = set(training)
    found = []
    for case in load_cases(language, eval_set=eval_set):
        text = normalised(case.text)
        if text in exact:
            found.append((case.text, text))
            continue
        match = process.extractOne(text, training, scorer=fuzz.ratio, score_cutoff=NEAR)
        if match:
            found.append((case.text, match[0]))
    assert not found, found
