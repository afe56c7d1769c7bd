"""Every text a citizen can see, with a stable id: what experts by experience review.

Two sources, read as they are today:

- the aid sheets (``content/aids/*.yml``): names, each prose part, the documents list and
  the amount labels; ids like ``sheet.ris.who`` or ``sheet.ris.amount.ris.amount.cat2.monthly``;
- the gettext catalogs of every domain (``locales/<lang>/LC_MESSAGES/<domain>.po``: bot replies
  and eligibility questions, eligibility results, sheet labels, widget strings, error
  messages); ids like ``bot.5f0c2a91d3``, from the English msgid, so an id stays the same
  when a translation is reworded.

A text's :attr:`CitizenText.wording_hash` is a hash of its current wording in one language:
a review record stores it, and a record with another hash no longer covers the text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from aidguide.i18n.catalogs import locales_dir

from .schema import REQUIRED_LANGUAGES
from .sheets import TEXT_FIELDS, Sheet, load_sheets

#: Sheet parts in reading order (prose fields come from :data:`TEXT_FIELDS`).
SHEET_PARTS: tuple[str, ...] = ("title", *TEXT_FIELDS[:3], "documents", *TEXT_FIELDS[3:])


def wording_hash(text: str) -> str:
    """A short, stable hash of a wording (whitespace normalised)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class CitizenText:
    """One text as a citizen reads it, in one language."""

    id: str
    lang: str
    text: str
    #: ``sheet:<aid_id>`` or ``catalog:<domain>``: how the booklet groups texts.
    group: str
    #: Where it is shown (response names, the sheet part), to help the reader place it.
    context: str

    @property
    def wording_hash(self) -> str:
        return wording_hash(self.text)


def sheet_texts(sheet: Sheet, lang: str) -> Iterator[CitizenText]:
    """The texts of one sheet in ``lang``, in reading order."""
    group = f"sheet:{sheet.id}"
    for part in SHEET_PARTS:
        if part == "title":
            text = f"{sheet.title(lang)} ({sheet.official_name(lang)})"
        elif part == "documents":
            text = "\n".join(sheet.items("documents", lang))
        else:
            text = sheet.text(part, lang)
        yield CitizenText(f"sheet.{sheet.id}.{part}", lang, text, group, part)
    for amount in sheet.amounts:
        label = " ".join(amount.label[lang].split())
        yield CitizenText(f"sheet.{sheet.id}.amount.{amount.key}", lang, label, group, "amounts")


def catalog_domains(directory: Path | None = None) -> list[str]:
    """The gettext domains (one ``<domain>.cfg`` each), all of them shown to citizens."""
    return sorted(path.stem for path in (directory or locales_dir()).glob("*.cfg"))


def _catalog_texts(domain: str, lang: str, directory: Path) -> Iterator[CitizenText]:
    po = directory / lang / "LC_MESSAGES" / f"{domain}.po"
    if not po.exists():
        return
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue  # the header
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        string = message.string
        text = " / ".join(s for s in string if s) if isinstance(string, tuple) else string
        key = hashlib.sha1(f"{message.context or ''}\x04{msgid}".encode()).hexdigest()[:10]
        context = "; ".join(message.auto_comments) or msgid
        yield CitizenText(f"{domain}.{key}", lang, text or msgid, f"catalog:{domain}", context)


def citizen_texts(lang: str, locales: Path | None = None) -> list[CitizenText]:
    """Every citizen-facing text in ``lang``: the sheets in overview order, then the
    catalogs by domain, in catalog order."""
    directory = locales or locales_dir()
    texts = [text for sheet in load_sheets().values() for text in sheet_texts(sheet, lang)]
    for domain in catalog_domains(directory):
        texts.extend(_catalog_texts(domain, lang, directory))
    return texts


def all_citizen_texts(locales: Path | None = None) -> dict[tuple[str, str], CitizenText]:
    """Every citizen-facing text of every required language, by ``(id, lang)``."""
    return {
        (text.id, text.lang): text
        for lang in REQUIRED_LANGUAGES
        for text in citizen_texts(lang, locales)
    }
