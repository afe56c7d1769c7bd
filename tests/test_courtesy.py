"""A greeting or thanks in front of a question is taken off; alone, it stays."""

from __future__ import annotations

import pytest

from aidguide.courtesy import without_courtesy


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("Bonjour, où est le CPAS de 1070 ?", "Où est le CPAS de 1070 ?"),
        ("Hallo, ik woon in 9000, welk OCMW?", "Ik woon in 9000, welk OCMW?"),
        ("Goeiedag, waar is het OCMW van Gent?", "Waar is het OCMW van Gent?"),
        ("Salut ! aide pour le mazout", "Aide pour le mazout"),
        ("Goedemiddag, ik heb een vraag: hoe vraag ik leefloon aan?", "Hoe vraag ik leefloon aan?"),
        ("merci beaucoup. Et pour la garantie locative ?", "Et pour la garantie locative ?"),
        ("Bedankt! Welke documenten moet ik meebrengen?", "Welke documenten moet ik meebrengen?"),
        ("ok merci, j'ai une autre question : le RIS c'est combien", "Le RIS c'est combien"),
        ("Bonsoir madame, je suis sans abri", "Je suis sans abri"),
        ("dank u wel, waar is mijn OCMW", "Waar is mijn OCMW"),
        ("goedenavond, ik slaap op straat", "Ik slaap op straat"),
    ],
)
def test_the_question_is_kept(message: str, question: str) -> None:
    assert without_courtesy(message) == question


@pytest.mark.parametrize(
    "message",
    [
        "Bonjour",
        "Bonjour !",
        "merci beaucoup",
        "Goeiedag",
        "Dank je wel!",
        "dagelijkse hulp voor eten",  # words that start like a greeting
        "allocation de chauffage",
        "hier ben ik, waar is het OCMW",
        "salut merci",
        "merci beaucoup pour votre aide",
        "bedankt voor de hulp",
        "dag en nacht op straat, wat nu",
    ],
)
def test_a_message_without_a_question_after_the_greeting_is_unchanged(message: str) -> None:
    assert without_courtesy(message) == message
