"""Amount-at-date questions: "combien était le RIS cohabitant en août 2023 ?", "hoeveel was
het leefloon voor een alleenstaande op 1 juli 2023?" -> the amount on that date, since when it
applied, published or computed, its source and legal basis, in the question's language.

The reader finds which amount is asked (an aid, a category, monthly or yearly) from a small
vocabulary below, and the date with :func:`.dates.read_date` (today when none is named). The
answer's figures are the rules engine's (:mod:`.catalogue`); an amount the sources do not give
is said to be unknown, with where to ask. Nothing is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date as babel_format_date

from aidguide.contacts import HELPDESK_EMAIL, HELPDESK_PHONE
from aidguide.i18n import N_, babel_locale, format_date, translator
from aidguide.text import fold

from . import catalogue
from .dates import DateMention, read_date

#: Words that name the RIS, its categories, and a yearly amount (accents folded, lower case).
RIS_WORDS = (
    r"\bris\b",
    r"revenu d'?integration",
    r"\bleefloon",
    r"\bleeflon",
    r"integratie-?inkomen",
)
CATEGORY_WORDS = {
    "cat1": (r"cohabit", r"samenwon", r"categorie 1\b", r"\bcat\.? ?1\b"),
    "cat2": (r"\bisole", r"\bseule?\b", r"alleenstaand", r"\balleen\b", r"categorie 2\b", r"\bcat\.? ?2\b"),
    "cat3": (
        r"famille a charge",
        r"charge de famille",
        r"gezin ten laste",
        r"gezinslast",
        r"categorie 3\b",
        r"\bcat\.? ?3\b",
    ),
}  # fmt: skip
YEARLY_WORDS = (r"par an\b", r"annuel", r"per jaar", r"jaarlijks", r"jaarbedrag")
#: Other amounts a worker asks for, by parameter (``{cat}``: the category named, if any).
TOPICS = {
    "ris.exemption.general.{cat}": (r"exoneration generale", r"algemene vrijstelling"),
    "ris.exemption.socio_professional.monthly": (
        r"socio-?professionn?ell?e",
        r"\bisp\b",
    ),
    "installation_premium.amount": (r"prime d'?installation", r"installatiepremie"),
    "grapa.age": (r"\bgrapa\b", r"\bigo\b", r"inkomensgarantie"),
}
#: Words that make a sentence a question about an amount (with an aid word).
AMOUNT_CUES = (
    r"combien",
    r"montant",
    r"\bbedrag",
    r"hoeveel",
    r"\bhoe hoog",
    r"\bquel (?:etait|est)",
    r"\bwat (?:was|is)",
    r"\bage\b",
    r"\bleeftijd",
)

AT_DATE = N_("{label}, {date}: {value} (applies since {since}).")
#: ``{date}`` of the sentences above: "on 15 August 2023", or "in August 2023" for a month.
ON_DAY = N_("on {date}")
IN_MONTH = N_("in {month}")
UNKNOWN_AT_DATE = N_(
    "{label}, {date}: we do not know this amount; the sources we have give none for that date."
)
IN_YEAR = N_("{label} in {year}: {values}.")
FROM_DATE = N_("from {since}: {value}")
SOURCE = N_("Source: {source}.")
LEGAL_BASIS = N_("Legal basis: {laws}.")
ASK = N_(
    "For an amount we do not know, ask the CPAS or the helpdesk of the SPP IS: {email}, {phone}."
)
CPAS_DECIDES = N_("These are reference amounts: the CPAS computes and decides each case.")


@dataclass(frozen=True)
class AmountAnswer:
    """The answer to an amount-at-date question, and what it rests on."""

    lang: str
    on: DateMention
    keys: tuple[str, ...]
    text: str


def _any(patterns: tuple[str, ...], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def asked_keys(text: str) -> tuple[str, ...]:
    """The parameters a question asks for (empty when it names no amount we know)."""
    folded = fold(text)
    categories = [c for c, words in CATEGORY_WORDS.items() if _any(words, folded)]
    for template, words in TOPICS.items():
        if _any(words, folded):
            if "{cat}" not in template:
                return (template,)
            return tuple(template.format(cat=c) for c in categories or CATEGORY_WORDS)
    if not _any(RIS_WORDS, folded):
        return ()
    period = "yearly" if _any(YEARLY_WORDS, folded) else "monthly"
    return tuple(f"ris.amount.{c}.{period}" for c in categories or CATEGORY_WORDS)


def is_amount_question(text: str) -> bool:
    """An amount (or age) word together with an aid, category or date: worth answering here."""
    folded = fold(text)
    return bool(asked_keys(text)) and _any(AMOUNT_CUES, folded)


def asks_amount_at_date(text: str, today: date) -> bool:
    """An amount question about a past period ("en août 2023", "vorig jaar in mei"): the chat
    answers it from the dated parameters. Today's amounts ("c'est combien maintenant ?") stay
    the assistant's own answer, in plain words, with the aid's sheet."""
    mention = read_date(text, today)
    return mention is not None and mention.day < today.replace(day=1) and is_amount_question(text)


def _line(key: str, mention: DateMention, lang: str) -> list[str]:
    t = translator(lang)
    if mention.precision == "year":
        year = mention.day.year
        entries = [
            e for e in catalogue.history(key, lang) if e.since is not None and e.since.year <= year
        ]
        in_year = [e for e in entries if e.since.year == year]  # type: ignore[union-attr]
        starts_in_january = any(e.since == date(year, 1, 1) for e in in_year)
        before = [] if starts_in_january else [e for e in entries if e.since.year < year][-1:]  # type: ignore[union-attr]
        shown = before + in_year
        if shown:
            values = "; ".join(
                t.gettext(FROM_DATE, since=format_date(e.since, lang), value=e.text)
                for e in shown
                if e.since is not None
            )
            label = shown[-1].label
            return [
                t.gettext(IN_YEAR, label=label, year=year, values=values),
                *_sources(shown, lang),
            ]
    entry = catalogue.value_at(key, mention.day, lang)
    day = t.gettext(ON_DAY, date=format_date(mention.day, lang))
    if mention.precision == "month":
        day = t.gettext(IN_MONTH, month=format_month(mention.day, lang))
    if entry.status == "unknown":
        return [t.gettext(UNKNOWN_AT_DATE, label=entry.label, date=day)]
    text = t.gettext(
        AT_DATE,
        label=entry.label,
        date=day,
        value=entry.text,
        since=format_date(entry.since, lang) if entry.since else "",
    )
    notes = [n for n in (entry.computed_note, entry.staleness_note) if n]
    if notes:
        text = " ".join([text, *(_sentence(n) for n in notes)])
    return [text, *_sources([entry], lang)]


def _sentence(note: str) -> str:
    """A note as a sentence of its own: capital first, full stop last."""
    note = note[0].upper() + note[1:]
    return note if note.endswith(".") else note + "."


def format_month(day: date, lang: str) -> str:
    """``août 2023`` / ``augustus 2023``."""
    return babel_format_date(day, format="MMMM y", locale=babel_locale(lang))


def _sources(entries: list[catalogue.DatedValue], lang: str) -> list[str]:
    t = translator(lang)
    sources = list(dict.fromkeys(e.source for e in entries if e.source))
    laws = list(dict.fromkeys(law for e in entries for law in e.legal_basis))
    lines = [t.gettext(SOURCE, source="; ".join(sources))] if sources else []
    if laws:
        lines.append(t.gettext(LEGAL_BASIS, laws="; ".join(laws)))
    return lines


def answer_amount_question(text: str, lang: str, today: date) -> AmountAnswer | None:
    """The answer in ``lang`` to an amount-at-date question, or None when ``text`` is not one."""
    if not is_amount_question(text):
        return None
    keys = asked_keys(text)
    mention = read_date(text, today) or DateMention(today, "day")
    lines: list[str] = []
    for key in keys:
        lines.extend(_line(key, mention, lang))
    t = translator(lang)
    lines.append(t.gettext(CPAS_DECIDES))
    if any(catalogue.value_at(k, mention.day, lang).status == "unknown" for k in keys):
        lines.append(t.gettext(ASK, email=HELPDESK_EMAIL, phone=HELPDESK_PHONE))
    return AmountAnswer(lang=lang, on=mention, keys=keys, text="\n".join(lines))
