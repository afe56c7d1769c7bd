"""Which follow-ups point at "the other" aid without naming it, in French and Dutch."""

from __future__ import annotations

import pytest

from aidguide.content.followups import refers_to_another_aid


@pytest.mark.parametrize(
    "text",
    [
        "et l'autre, je la demande où ?",
        "et pour l'autre alors, quels papiers ?",
        "quels documents pour l'autre aide",
        "et lautre ?",
        "L'AUTRE PRIME, COMMENT ON FAIT",
        "en die andere, welke papieren?",
        "en voor de andere hulp",
        "en het andere, hoe vraag ik dat aan",
        "die andere steun, waar moet ik zijn",
    ],
)
def test_the_other_one_is_recognised(text: str) -> None:
    assert refers_to_another_aid(text)


@pytest.mark.parametrize(
    "text",
    [
        "il me faut l'autre document aussi ?",
        "l'autre jour j'ai fait la demande",
        "les autres documents, je les apporte quand ?",
        "une autre question : le recours",
        "moi et l'autre parent, on doit signer ?",
        "moet ik de andere documenten ook meebrengen",
        "ik woon aan de andere kant van de stad",
        "een andere vraag over het beroep",
        "welke papieren voor het leefloon",
    ],
)
def test_other_things_are_not_taken_for_another_aid(text: str) -> None:
    assert not refers_to_another_aid(text)
