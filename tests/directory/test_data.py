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


def test_no_contact_value_without_source(built: dict[str, Any]) -> None:
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
    assert seen > 0


def test_contact_values_are_copied_from_the_sources(built: dict[str, Any], shared: Path) -> None:
    """Never invented: each phone, e-mail, website and hours text is a cell of a source."""
    raw = shared / "data" / "raw" / "cpas_contacts_collected.csv"
    with raw.open(encoding="utf-8") as handle:
        rows = {row["nis_2025"]: row for row in csv.DictReader(handle)}
    for centre in built["centres"]:
        row = rows.get(centre["nis"])
        for name in ("phone", "email", "website", "opening_hours"):
            value = centre["contact"][name]
            if value is not None:
                assert row is not None and row[name].strip() == value["value"], centre["nis"]


def test_merged_away_ocmw_addresses_are_not_reused(built: dict[str, Any], shared: Path) -> None:
    """A 2022 seat of an OCMW that ended in 2024 must not become the new centre's address."""
    table = shared / "data" / "derived" / "flemish_ocmw_addresses_2022.csv"
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    centres = {c["nis"]: c for c in built["centres"]}
    for row in rows:
        address = centres[row["nis_2025"]]["contact"]["address"]
        if row["status_2025"].startswith("ended") and address is not None:
            assert not address["value"].startswith(f"{row['street']} {row['housenumber']}")
    for nis in ("23106", "44086", "44088", "46030"):  # new OCMWs: no address in any source
        assert centres[nis]["contact"]["address"] is None
        assert centres[nis]["data_notes"]


def test_build_matches_derived_tables(shared: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "build_directory.py"),
            "--shared",
            str(shared),
            "--out",
            str(tmp_path),
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
        ],
        check=True,
        capture_output=True,
    )
    for name in ("directory.json", "localities.json"):
        assert filecmp.cmp(tmp_path / name, REPO / "data" / name, shallow=False), name


def test_localities_file_is_complete() -> None:
    rows = json.loads((REPO / "data" / "localities.json").read_text(encoding="utf-8"))
    assert len(rows["localities"]) == 2720
    assert "licence" in rows["meta"]
