"""Short messages of which the assistant knows no word get "I did not understand"."""

from __future__ import annotations

import pytest

from aidguide.vocabulary import (
    MAX_WORDS,
    Vocabulary,
    has_no_known_word,
    reference_texts,
    without_annotations,
)

from .bot.test_nlu_data import examples


@pytest.mark.parametrize(
    "text", ["blabla", "kwak kwak", "bla bla bla", "lalala", "zorglub", "hihihi !!", "tralala"]
)
def test_words_the_assistant_never_uses_are_unknown(text: str) -> None:
    assert has_no_known_word(text)


@pytest.mark.parametrize(
    "text",
    [
        "leeflon",  # a typo of a known word
        "revenu d integration",
        "allocation de chaufage",
        "wat is het leefloon",
        "mazout",
        "Knokke",
        "Sint-Pieters-Leeuw",
        "Borchtlombeek",  # a locality, not a municipality
        "ok",  # short words are never judged
        "ja",
        "1070",  # nor anything with a digit
        "blabla 1070",
        "je sais pas",
        "weet ik niet",
        "pomme banane",  # one known word is enough
    ],
)
def test_known_words_typos_places_and_numbers_pass(text: str) -> None:
    assert not has_no_known_word(text)


def test_long_messages_are_left_to_the_intent_model() -> None:
    assert has_no_known_word("blabla " * MAX_WORDS)
    assert not has_no_known_word("blabla " * (MAX_WORDS + 1))


def test_an_empty_vocabulary_judges_nothing() -> None:
    assert not Vocabulary([]).has_no_known_word("blabla")


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_new_ways_of_asking_are_rarely_taken_for_unknown(language: str) -> None:
    """Build the vocabulary without one example in five, then judge those held out: people
    phrase things in ways the examples do not, and at most 1 % of them may be refused."""
    all_examples = [without_annotations(e) for found in examples(language).values() for e in found]
    held_out, kept = all_examples[::5], [e for i, e in enumerate(all_examples) if i % 5]
    vocabulary = Vocabulary([*kept, *reference_texts()])
    refused = [e for e in held_out if vocabulary.has_no_known_word(e)]
    assert len(refused) <= len(held_out) // 100, refused


def test_no_place_of_the_directory_is_unknown() -> None:
    from aidguide.directory import load_directory

    names = load_directory().place_names()
    assert len(names) > 1000
    assert [n for n in names if has_no_known_word(n)] == []
