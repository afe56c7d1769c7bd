"""The printable booklet experts by experience read: every citizen-facing text of a language.

Each text comes with its stable id and the hash of its wording (both go into the review
record: ``content/reviews/README.md``), its reading ease, when it was last reviewed, and
boxes for the verdict, a remark and a proposed wording. The booklet's own labels are in the
reader's language (gettext domain ``content``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from aidguide.i18n import N_, format_date, translator

from .citizen_texts import CitizenText, citizen_texts
from .readability import MIN_READING_EASE, check_text
from .render import SECTION_LABELS
from .reviews import ReviewRecord, TextReview, load_records, review_of
from .sheets import load_sheets

#: Titles of the catalog groups, by gettext domain (a new domain shows its plain name).
DOMAIN_TITLES = {
    "bot": N_("Chat replies and eligibility questions"),
    "rules": N_("Eligibility results"),
    "content": N_("Labels of the aid pages"),
    "widget": N_("The chat window"),
    "api": N_("Error messages"),
    "directory": N_("Finding your CPAS"),
}
LABELS = {
    "title": N_("Texts to review"),
    "intro": N_(
        "Read each text as someone who needs help would. Tick one box. Write what is not clear "
        "and how you would say it."
    ),
    "clear": N_("Clear"),
    "unclear": N_("Not clear"),
    "wrong": N_("Wrong"),
    "remark": N_("Remark"),
    "proposed": N_("How would you say it?"),
    "reading_ease": N_("Reading ease"),
    "hard": N_("hard to read"),
    "open": N_("Open remark"),
    "where": N_("Where"),
}
MADE_ON = N_("Made on {date}")
TEXT_COUNT = N_("{count} texts")
NEVER_REVIEWED = N_("Never reviewed")
LAST_REVIEWED = N_("Last reviewed on {date}")
CHANGED_SINCE = N_("Changed since the last review on {date}")


@dataclass(frozen=True)
class PackEntry:
    text: CitizenText
    #: Where the reader meets the text: the sheet part's heading, or the bot responses.
    where: str
    score: float
    hard: bool
    review: str
    open_remarks: tuple[str, ...]


@dataclass(frozen=True)
class PackSection:
    title: str
    entries: tuple[PackEntry, ...]


def _review_line(state: TextReview, lang: str) -> str:
    t = translator(lang)
    if state.last_reviewed is None:
        return t.gettext(NEVER_REVIEWED)
    message = CHANGED_SINCE if state.status == "changed" else LAST_REVIEWED
    return t.gettext(message, date=format_date(state.last_reviewed, lang))


def build_sections(lang: str, records: tuple[ReviewRecord, ...]) -> list[PackSection]:
    """The texts of ``lang`` grouped as people meet them: one section per sheet, then one
    per catalog domain."""
    t = translator(lang)
    sheets = load_sheets()
    grouped: dict[str, list[PackEntry]] = {}
    for text in citizen_texts(lang):
        report = check_text(text.text, lang)
        state = review_of(text, records)
        part_label = SECTION_LABELS.get(text.context) if text.group.startswith("sheet:") else None
        entry = PackEntry(
            text=text,
            where=t.gettext(part_label) if part_label else text.context,
            score=report.score,
            hard=not report.ok,
            review=_review_line(state, lang),
            open_remarks=tuple(r.remark for r in state.open_remarks),
        )
        grouped.setdefault(text.group, []).append(entry)
    sections = []
    for group, entries in grouped.items():
        kind, _, name = group.partition(":")
        if kind == "sheet":
            title = sheets[name].title(lang)
        else:
            domain_title = DOMAIN_TITLES.get(name)
            title = t.gettext(domain_title) if domain_title else name
        sections.append(PackSection(title, tuple(entries)))
    return sections


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("aidguide.content", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_pack(
    lang: str, on: date | None = None, records: tuple[ReviewRecord, ...] | None = None
) -> str:
    """The booklet of ``lang`` as one HTML page with a print stylesheet."""
    on = on or date.today()
    sections = build_sections(lang, load_records() if records is None else records)
    t = translator(lang)
    labels = {key: t.gettext(label) for key, label in LABELS.items()}
    count = sum(len(s.entries) for s in sections)
    return (
        _environment()
        .get_template("review_pack.html")
        .render(
            lang=lang,
            labels=labels,
            made_on=t.gettext(MADE_ON, date=format_date(on, lang)),
            count=t.gettext(TEXT_COUNT, count=count),
            sections=sections,
            min_score=MIN_READING_EASE,
        )
    )


def write_packs(folder: Path, languages: tuple[str, ...] = ("fr", "nl")) -> list[Path]:
    """Write ``review-pack.<lang>.html`` for each language into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in languages:
        path = folder / f"review-pack.{lang}.html"
        path.write_text(render_pack(lang), encoding="utf-8")
        written.append(path)
    return written
