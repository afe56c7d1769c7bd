"""A greeting or thanks in front of a question: the question is what needs an answer.

People open with "Bonjour, où est le CPAS de 1070 ?" or "Bedankt! En hoe vraag ik dat aan?".
The intent model sees one message and may take it for a greeting (and greet again) or for
thanks. So a leading greeting, thanks or "I have a question:" is taken off before the model
reads the message, but only when a question of at least two words follows; "Bonjour" or
"merci beaucoup" alone stay as they are and get their own answer.
"""

from __future__ import annotations

import re

#: Greetings in French and Dutch (and the English ones people use in both), written without
#: accents (matched on a folded copy). A space is enough after them: "bonjour je suis ...".
_GREETINGS = (
    r"bonjour(?: a vous| a tous)?",
    r"bonsoir",
    r"salut",
    r"coucou",
    r"hello",
    r"hallo",
    r"hoi",
    r"hey",
    r"allo",
    r"goe(?:ie|de)n?(?:dag|morgen|middag|avond)",
    r"(?:madame|monsieur|mevrouw|meneer)(?:,? (?:madame|monsieur|mevrouw|meneer))?",
    r"(?:ok|oke|okay|top|super|parfait|nickel|perfect|goed)(?=[ ,.!]+(?:merci|bedankt|dank))",
)
#: Thanks, "dag" and "I have a question": only before a punctuation mark, because words may
#: follow that belong to them ("merci pour votre aide", "bedankt voor de hulp", "dag en nacht").
_PUNCTUATED = (
    r"dag",
    r"hi",
    r"merci(?: beaucoup| bien| bcp| pour tout| pour votre reponse| pour la reponse)?",
    r"bedankt(?: voor alles| voor het antwoord| voor uw antwoord)?",
    r"dank (?:je|u)(?: wel| well)?(?: voor alles)?",
    r"dankjewel",
    r"dankuwel",
    r"thanks?(?: you)?",
    r"j'?ai une (?:autre |derniere |petite )?question",
    r"(?:une )?(?:autre|derniere) (?:chose|question)",
    r"ik heb (?:een|nog een) (?:vraag|vraagje)",
    r"(?:nog )?een (?:laatste |andere )?vraag",
    r"nog iets",
)
_OPENING = re.compile(
    r"^\s*(?:(?:" + "|".join(_GREETINGS) + r")\b\s*[!,.:;?\-–]*"
    r"|(?:" + "|".join(_PUNCTUATED) + r")\s*[!,.:;?\-–]+)\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
_ACCENTS = str.maketrans("éèêëàâîïôöûüç", "eeeeaaiioouuc")


def without_courtesy(text: str) -> str:
    """``text`` without its leading greetings, thanks and "I have a question:", when a
    question of at least two words follows; else ``text`` unchanged."""
    rest = text
    while True:
        # The pattern is written without accents; match on a folded copy of equal length.
        match = _OPENING.match(rest.lower().translate(_ACCENTS))
        if not match or match.end() == 0:
            break
        rest = rest[match.end() :]
    if rest is text or len(_WORD.findall(rest)) < 2:
        return text
    return rest[:1].upper() + rest[1:]
