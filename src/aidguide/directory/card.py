"""A centre's contact card in the citizen's language: the lines the assistant shows.

Why one module: the conversation, ``/api/cpas`` and the helpdesk must show the same details,
the same advice where a detail is missing ("call the municipality: 011 88 …") and the same
source line, named so that a citizen understands it ("Liste des CPAS du SPP Intégration
sociale, janvier 2026"), never a bare repository URL. Links are written as markdown
``[label](uri)`` (``tel:`` for phones), which the web widget turns into links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from babel.dates import format_date

from aidguide.contacts import HELPDESK_PHONE
from aidguide.i18n import N_, babel_locale, translator

from .models import Centre, ContactField, Source

FIELD_LABELS = {
    "address": N_("Address"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "website": N_("Website"),
    "opening_hours": N_("Opening hours"),
}
#: How each source is named to a citizen; ``{date}`` is a month ("janvier 2026").
SOURCE_NAMES = {
    "spp_is_list": N_("List of the CPAS of the SPP Social Integration, {date}"),
    "vlaanderen_be": N_("Vlaanderen.be, page of the municipality, {date}"),
    "odwb": N_("Open Data Wallonie-Bruxelles, list of the municipalities, {date}"),
    "municipal_website": N_("website of the municipality, {date}"),
    "flemish_contact_points": N_("Organisation portal of the Flemish government, {date}"),
    "flemish_addresses_2022": N_("Organisation portal of the Flemish government, {date}"),
}
WEB_PAGE = N_("web page {host}, {date}")
WEB_PAGE_READ = N_("web page {host}, read on {date}")
MUNICIPALITY_WEBSITE = N_("{website} (website of the municipality)")
SOURCE_LINE = N_("Source: {sources}.")
HOURS_DATED = N_("{hours} (date of the page: {date})")
MISSING_ADDRESS = N_("Address: not known. Call the municipality ({municipality}): {phone}.")
MISSING_PHONE = N_("Phone: not known. Call the municipality ({municipality}): {phone}.")
MISSING_EMAIL = N_("E-mail: no general address is published. Call or use the website.")
MISSING_EMAIL_NO_WEBSITE = N_("E-mail: no general address is published. Please call.")
MISSING_NO_MUNICIPAL_PHONE = N_(
    "{field}: not known. Ask at the town hall of {municipality}, or call the helpdesk: "
    "{helpdesk_phone}."
)
#: One detail line; French puts a space before the colon.
DETAIL_LINE = N_("{label}: {value}")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$")


def source_date(value: str | None, lang: str, *, day: bool = False) -> str:
    """ "2026-01" -> "janvier 2026" / "januari 2026"; other forms ("2019-2020") as written."""
    match = _MONTH.match(value or "")
    if not match:
        return value or ""
    year, month, dom = int(match[1]), int(match[2]), int(match[3] or 1)
    pattern = "d MMMM y" if day and match[3] else "MMMM y"
    return format_date(date(year, month, dom), format=pattern, locale=babel_locale(lang))


def source_name(source: Source, lang: str) -> str:
    """The source as a citizen can recognise it, with its date, in ``lang``."""
    t = translator(lang)
    key = source.register if source.kind == "municipal_register" else source.kind
    if key in SOURCE_NAMES:
        return t.gettext(SOURCE_NAMES[key], date=source_date(source.date, lang))
    host = urlsplit(source.url).netloc.removeprefix("www.") or source.title
    if source.date:
        return t.gettext(WEB_PAGE, host=host, date=source_date(source.date, lang))
    return t.gettext(WEB_PAGE_READ, host=host, date=source_date(source.retrieved, lang, day=True))


def link(label: str, uri: str | None) -> str:
    """``[label](uri)`` for the widget, or the label alone when there is no link."""
    return f"[{label}]({uri})" if uri else label


def website_label(value: str) -> str:
    """ "https://www.ville.namur.be/" -> "www.ville.namur.be": shorter to read and to say."""
    return re.sub(r"^https?://", "", value).rstrip("/")


@dataclass(frozen=True, slots=True)
class Card:
    """What is shown about one centre: the detail lines and the one source line, plain
    (``source_line``) and with each source name linked to its page (``linked_source_line``,
    which the widget shows as the same plain words)."""

    lines: list[str]
    source_line: str
    linked_source_line: str

    @property
    def text(self) -> str:
        return "\n".join([*self.lines, self.linked_source_line])


def _value_text(name: str, field: ContactField, lang: str, links: bool) -> str:
    t = translator(lang)
    if name == "phone":
        return link(field.value, field.uri if links else None)
    if name == "website":
        shown = link(website_label(field.value), field.uri if links else None)
        if field.owner == "municipality":
            return t.gettext(MUNICIPALITY_WEBSITE, website=shown)
        return shown
    if name == "opening_hours" and field.source.date:
        return t.gettext(HOURS_DATED, hours=field.value, date=source_date(field.source.date, lang))
    return field.value


def _missing_line(name: str, centre: Centre, lang: str, links: bool) -> str | None:
    """What to do instead of a missing detail: the municipality's number, when known."""
    t = translator(lang)
    municipality = centre.municipality_contact
    phone = municipality.phone if municipality else None
    if name == "email":
        return t.gettext(MISSING_EMAIL if centre.website else MISSING_EMAIL_NO_WEBSITE)
    if name not in ("address", "phone"):
        return None
    if municipality is None or phone is None:
        return t.gettext(
            MISSING_NO_MUNICIPAL_PHONE,
            field=t.gettext(FIELD_LABELS[name]),
            municipality=centre.name_for(lang),
            helpdesk_phone=HELPDESK_PHONE,
        )
    message = MISSING_ADDRESS if name == "address" else MISSING_PHONE
    uri = phone.uri if links else None
    return t.gettext(message, municipality=municipality.name, phone=link(phone.value, uri))


def centre_card(centre: Centre, lang: str, *, links: bool = True) -> Card:
    """The contact lines of ``centre`` in ``lang``, with advice for each missing detail.
    ``links=False`` gives plain text (an e-mail reply), without ``[label](uri)`` links."""
    t = translator(lang)
    fields = centre.contact_fields()
    sources = [f.source for f in fields.values()]
    lines = []
    for name in ("address", "phone", "email", "website", "opening_hours"):
        field = fields.get(name)
        if field is not None:
            label = t.gettext(FIELD_LABELS[name])
            lines.append(
                t.gettext(DETAIL_LINE, label=label, value=_value_text(name, field, lang, links))
            )
        elif (advice := _missing_line(name, centre, lang, links)) is not None:
            lines.append(advice)
            municipal_phone = centre.municipality_contact and centre.municipality_contact.phone
            if name in ("address", "phone") and municipal_phone:
                sources.append(municipal_phone.source)
    named = dict.fromkeys((source_name(source, lang), source.url) for source in sources)
    plain = "; ".join(dict.fromkeys(name for name, _ in named))
    linked = "; ".join(dict.fromkeys(link(name, url or None) for name, url in named))
    return Card(
        lines=lines,
        source_line=t.gettext(SOURCE_LINE, sources=plain),
        linked_source_line=t.gettext(SOURCE_LINE, sources=linked),
    )
