"""Follow-up questions that point at "the other" aid without naming it.

"Et l'autre, je la demande où ?" or "en die andere, welke papieren?" asks the procedure of an
aid the person does not name. The intent model reads the procedure question; the assistant
must not then answer for the aid under discussion, nor guess the other one: it asks which
aid is meant. "The other document" or "l'autre jour" is not such a reference, so the word
after "other" must be one that cannot be the noun it qualifies.
"""

from __future__ import annotations

from aidguide.text import plain

#: Nouns that may follow "other" and still mean an aid (French, then Dutch).
_AID_NOUN_WORDS = "aide aides prime allocation truc chose  hulp steun premie toelage uitkering ding"
#: Words that can follow "l'autre" / "die andere" only when "other" stands for a thing named
#: before: pronouns, question words, verbs and particles that start the rest of the question.
_AFTER_REFERENCE_WORDS = """
    je j on il elle ca c ce cela est alors aussi donc la le les lui comment ou quand combien
    quel quels quelle quelles pour de du des svp stp et
    hoe waar wanneer welke wat dan ook eigenlijk vraag krijg moet kan is en of voor aan zit
    ik die dat da awel nu
"""
_AID_NOUNS = frozenset(_AID_NOUN_WORDS.split())
_AFTER_REFERENCE = frozenset(_AFTER_REFERENCE_WORDS.split())
_FR_ARTICLES = frozenset({"l"})
_NL_ARTICLES = frozenset({"de", "die", "dat", "het", "den"})
_NL_OTHER = frozenset({"ander", "andere"})


def refers_to_another_aid(text: str) -> bool:
    """Whether the message points at "the other one" rather than naming it."""
    words = plain(text).split()
    for index, word in enumerate(words):
        if (
            word == "lautre"
            or (word == "autre" and index and words[index - 1] in _FR_ARTICLES)
            or (word in _NL_OTHER and index and words[index - 1] in _NL_ARTICLES)
        ):
            after = index + 1
        else:
            continue
        if after < len(words) and words[after] in _AID_NOUNS:
            after += 1
        if after == len(words) or words[after] in _AFTER_REFERENCE:
            return True
    return False
