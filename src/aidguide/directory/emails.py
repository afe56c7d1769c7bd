"""Telling a centre's generic mailbox (info@, ocmw@, accueil@) from a staff member's own.

Why: the federal list of centres gives, for about one centre in seven, the address of a person
(``firstname.lastname@``). Staff addresses are personal data and are never published. The test
is a whitelist, so that an address nobody recognises is treated as personal: every word of the
part before the ``@`` must be a service word below, a word of the municipality's name, or a
service word glued to one of those ("ocmwbonheiden", "cpas1060"). A name ("nathalie.collart",
"m.bulon.cpas", "mgillet.cpas") leaves a word that is neither, so the address is personal.
"""

from __future__ import annotations

import re

from .text import fold

#: Words of a service mailbox, in French, Dutch and German: the office, the service, the
#: building or a plain request ("vraag", "vosquestions"). Role titles that name one person
#: (director, president, secretary-general) are left out on purpose: such a mailbox reaches
#: one official, not a desk for citizens.
_SERVICE_WORDS_TEXT = """
    info infos information informatie cpas ocmw oshz ospz accueil onthaal empfang
    secretariat secretariaat sekretariat sociaalhuis sociaal huis socialedienst sociale
    dienst diensten welzijn welzijnshuis welzijnsloket contact contacteer kontakt
    administration administratif administratie administratieve administrate admin centrale
    centraal center centre officiel service services servicesocial social sociaux action aide
    hulp vraag vragen vosquestions questions loket balie punt welzijnspunt zorg leven team
    algemeen mail post courrier gemeente commune stad ville bestuur stadsbestuur raad
    personeel personeelsdienst personeelszaken sozialdienst sozial
"""
SERVICE_WORDS = frozenset(_SERVICE_WORDS_TEXT.split())
#: A glued word may keep this many letters that are no word ("cpasll" for La Louvière).
_SPARE_LETTERS = 2
_SEPARATORS = re.compile(r"[._\-+]+")


def _is_service_token(token: str, known: frozenset[str]) -> bool:
    """True when ``token`` is made of known words, with at most two spare letters."""
    letters = re.sub(r"\d+", "", token)
    if not letters or letters in known:
        return True
    for word in sorted(known, key=len, reverse=True):
        if len(word) < 4:
            continue
        if letters.startswith(word):
            rest = letters[len(word) :]
        elif letters.endswith(word):
            rest = letters[: -len(word)]
        else:
            continue
        if len(rest) <= _SPARE_LETTERS or rest in known:
            return True
    return False


def is_personal_email(address: str, place_names: tuple[str, ...] = ()) -> bool:
    """Whether ``address`` looks like a person's own mailbox (then it is not published).

    ``place_names`` are the municipality's names: "cpas.amay@", "st.vith@" and
    "ocmwbonheiden@" are the centre's, not a person's.
    """
    local = address.strip().split("@", 1)[0].casefold()
    if not local:
        return True
    known = SERVICE_WORDS | frozenset(
        word for name in place_names for word in (*fold(name).split(), fold(name).replace(" ", ""))
    )
    tokens = [t for t in _SEPARATORS.split(local) if t]
    return not tokens or not all(_is_service_token(t, known) for t in tokens)
