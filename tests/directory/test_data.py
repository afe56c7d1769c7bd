"""The built directory: counts, languages, mergers, and provenance of every contact value."""

from __future__ import annotations

import csv
import filecmp
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from aidguide.directory.emails import is_personal_email

from .conftest import REPO

CONTACT_FIELDS = ("address", "phone", "email", "website", "opening_hours")


def test_one_centre_per_municipality_565(built: dict[str, Any]) -> None:
    centres = built["centres"]
    assert len(centres) == 565
    assert len({c["nis"] for c in centres}) == 565
    regions = Counter(c["region"]["nis"] for c in centres)
    assert regions == {"02000": 285, "03000": 261, "04000": 19}


def test_nine_german_speaking_oshz_in_wallonia(directory) -> None:
    oshz = [c for c in directory.centres if c.kind == "ÖSHZ"]
    assert len(oshz) == 9
    assert {c.region.nis for c in oshz} == {"03000"}
    assert all(c.centre_name_for("de").startswith("ÖSHZ ") for c in oshz)
    assert sum(c.kind == "OCMW" for c in directory.centres) == 285
    assert sum(c.kind == "CPAS" for c in directory.centres) == 261 - 9 + 19


def test_brussels_and_facility_centres_are_named_in_both_languages(directory) -> None:
    for centre in directory.centres:
        if centre.region.nis == "04000":
            assert set(centre.official_names) == {"fr", "nl"}
    rode = directory.by_nis("23101")  # Sint-Genesius-Rode, facilities in French
    assert rode.official_names == {
        "nl": "OCMW Sint-Genesius-Rode",
        "fr": "CPAS de Rhode-Saint-Genèse",
    }
    assert set(directory.by_nis("62063").official_names) == {"fr"}  # Liège


def test_names_in_three_languages_and_provinces(directory) -> None:
    for centre in directory.centres:
        assert all(centre.names[lang] for lang in ("fr", "nl", "de"))
        assert (centre.province is None) == (centre.region.nis == "04000")
        assert centre.postcodes
    assert directory.by_nis("62063").names == {"fr": "Liège", "nl": "Luik", "de": "Lüttich"}


def test_thirty_merged_municipalities_in_fourteen_centres(directory) -> None:
    merged = [c for c in directory.centres if c.merged_from]
    assert len(merged) == 14
    assert sum(len(c.merged_from) for c in merged) == 30
    antwerpen = directory.by_nis("11002")
    assert {m.nis for m in antwerpen.merged_from} == {"11002", "11007"}


def test_every_postcode_of_belgium_is_present(directory) -> None:
    assert len(directory.postcodes) == 1149
    shared_codes = Counter(pc for c in directory.centres for pc in c.postcodes)
    assert sorted(pc for pc, n in shared_codes.items() if n > 1) == ["1040", "1050", "1804"]


def test_no_contact_value_without_source_and_date(built: dict[str, Any]) -> None:
    seen = 0
    for centre in built["centres"]:
        for name in CONTACT_FIELDS:
            value = centre["contact"][name]
            if value is None:
                continue
            seen += 1
            assert value["value"].strip()
            assert value["source"]["url"].startswith("http")
            assert value["source"]["date"] or value["source"]["retrieved"]
            assert value["source"]["kind"]
    assert seen >= 565 * 3


def test_every_centre_has_an_address_and_almost_all_a_phone(built: dict[str, Any]) -> None:
    centres = built["centres"]
    assert all(c["contact"]["address"] for c in centres)
    assert all(c["contact"]["address"]["postcode"] for c in centres)
    assert sum(bool(c["contact"]["phone"]) for c in centres) >= 560
    for centre in centres:
        phone = centre["contact"]["phone"]
        if phone is not None:
            assert phone["uri"].startswith("tel:+32"), centre["nis"]


def test_no_personal_email_is_published(built: dict[str, Any]) -> None:
    published = [
        (c["contact"]["email"]["value"], tuple(c["names"].values()))
        for c in built["centres"]
        if c["contact"]["email"]
    ]
    assert len(published) > 400
    assert [e for e, names in published if is_personal_email(e, names)] == []


def test_website_is_the_centres_or_labelled_as_the_municipalitys(built: dict[str, Any]) -> None:
    owners = Counter()
    for centre in built["centres"]:
        website = centre["contact"]["website"]
        if website is None:
            continue
        owners[website["owner"]] += 1
        assert website["url"].startswith(("http://", "https://"))
        if website["owner"] == "municipality":
            assert website["source"]["kind"] == "municipal_register"
            assert website == centre["municipality_contact"]["website"]
        else:
            assert website["source"]["kind"] in ("flemish_contact_points", "web_page")
    assert owners["centre"] > 250 and owners["municipality"] > 250


def test_hand_collected_opening_hours_only_when_dated(built: dict[str, Any]) -> None:
    for centre in built["centres"]:
        hours = centre["contact"]["opening_hours"]
        if hours is not None:
            assert hours["source"]["kind"] == "web_page" and hours["source"]["date"]


def test_namur_has_the_2026_address_not_the_2018_article(built: dict[str, Any]) -> None:
    [namur] = [c for c in built["centres"] if c["nis"] == "92094"]
    address = namur["contact"]["address"]
    assert address["value"] == "Rue de Dave 165, 5100 Namur"
    assert address["source"]["kind"] == "spp_is_list" and address["source"]["date"] == "2026-01"
    assert "rtbf" not in json.dumps(namur["contact"])


def test_every_centre_has_its_municipality_to_call(built: dict[str, Any]) -> None:
    for centre in built["centres"]:
        municipality = centre["municipality_contact"]
        assert municipality["name"] and municipality["phone"]["uri"].startswith("tel:")


def _digits(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    return "0" + digits[2:] if digits.startswith("32") else digits


def test_contact_values_are_copied_from_the_sources(built: dict[str, Any], shared: Path) -> None:
    """Never invented: each value is a cell of the source it names (phones regrouped only)."""
    raw = shared / "data" / "raw"
    listed = {
        (row["commune"], row["code_postal"]): row
        for row in json.loads(
            (raw / "cpas_list_2026" / "cpas-officiel-2026-01.json").read_text(encoding="utf-8")
        )
    }
    with (shared / "data" / "derived" / "flemish_contact_points_2023.csv").open() as handle:
        flemish = {
            r["nis_2025"]: r
            for r in csv.DictReader(handle)
            if r["type"] == "OCMW" and r["nis_2019"] == r["nis_2025"]  # not merged away
        }
    with (raw / "cpas_contacts_collected.csv").open(encoding="utf-8") as handle:
        collected = {row["nis_2025"]: row for row in csv.DictReader(handle)}
    columns = {
        "spp_is_list": {"phone": "telephone", "email": "email"},
        "flemish_contact_points": {"phone": "telephone", "email": "email", "website": "website"},
        "web_page": {"phone": "phone", "email": "email", "website": "website"},
    }
    checked = Counter()
    for centre in built["centres"]:
        address = centre["contact"]["address"]
        [row] = [
            r
            for (name, pc), r in listed.items()
            if pc == address["postcode"] and r["adresse"] == address["street"]
        ]
        assert address["source"]["kind"] == "spp_is_list"
        sources = {
            "spp_is_list": row,
            "flemish_contact_points": flemish.get(centre["nis"]),
            "web_page": collected.get(centre["nis"]),
        }
        for name in ("phone", "email", "website"):
            value = centre["contact"][name]
            kind = value and value["source"]["kind"]
            if kind not in columns:
                continue
            cell = sources[kind][columns[kind][name]]
            if name == "phone":
                assert _digits(cell) == _digits(value["value"]), centre["nis"]
            else:
                assert cell == value["value"], centre["nis"]
            checked[name] += 1
    assert checked["phone"] >= 560 and checked["email"] > 400


def test_contacts_of_ocmws_merged_away_are_not_reused(built: dict[str, Any]) -> None:
    """The 2023 contact points of an OCMW that ended in 2024 never reach the new centre."""
    for centre in built["centres"]:
        if not centre["merged_from"] or centre["nis"] == "11002":
            continue  # Antwerpen's OCMW continues under its own code
        for name in CONTACT_FIELDS:
            value = centre["contact"][name]
            if value is not None:
                assert value["source"]["kind"] != "flemish_contact_points", centre["nis"]


def test_build_matches_derived_tables(shared: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "build_directory.py"),
            "--shared",
            str(shared),
            "--out",
            str(tmp_path),
            "--report",
            str(tmp_path / "directory_build.md"),
            "--check",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_rebuild_reproduces_data_byte_for_byte(shared: Path, tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "build_directory.py"),
            "--shared",
            str(shared),
            "--out",
            str(tmp_path),
            "--report",
            str(tmp_path / "directory_build.md"),
        ],
        check=True,
        capture_output=True,
    )
    for name in ("directory.json", "localities.json"):
        assert filecmp.cmp(tmp_path / name, REPO / "data" / name, shallow=False), name
    report = REPO / "docs" / "directory_build.md"
    assert filecmp.cmp(tmp_path / "directory_build.md", report, shallow=False)


def test_localities_file_is_complete() -> None:
    rows = json.loads((REPO / "data" / "localities.json").read_text(encoding="utf-8"))
    assert len(rows["localities"]) == 2720
    assert "licence" in rows["meta"]
