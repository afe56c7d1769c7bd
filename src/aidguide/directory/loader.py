"""Reading the built directory (``data/directory.json`` + ``data/localities.json``).

The files are built by ``scripts/build_directory.py`` and committed, so the app works without
the raw sources. ``AIDGUIDE_DIRECTORY_DIR`` points elsewhere (tests, deployments).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from aidguide.config import get_settings

from .models import (
    Address,
    Area,
    Centre,
    ContactField,
    FormerMunicipality,
    Locality,
    MunicipalityContact,
    Source,
)


def data_dir() -> Path:
    """``Settings.directory_dir`` (``AIDGUIDE_DIRECTORY_DIR``, default ``data/``)."""
    return get_settings().directory_dir


def _source(raw: dict[str, Any]) -> Source:
    return Source(
        title=raw.get("title", ""),
        url=raw.get("url", ""),
        date=raw.get("date"),
        retrieved=raw.get("retrieved"),
        kind=raw.get("kind", ""),
        register=raw.get("register"),
    )


def _field(raw: dict[str, Any] | None) -> ContactField | None:
    if not raw:
        return None
    return ContactField(
        value=raw["value"],
        source=_source(raw["source"]),
        note=raw.get("note"),
        uri=raw.get("uri") or raw.get("url"),
        owner=raw.get("owner"),
    )


def _address(raw: dict[str, Any] | None) -> Address | None:
    if not raw:
        return None
    return Address(
        value=raw["value"],
        source=_source(raw["source"]),
        note=raw.get("note"),
        street=raw.get("street"),
        postcode=raw.get("postcode"),
        town=raw.get("town"),
    )


def _municipality(raw: dict[str, Any] | None) -> MunicipalityContact | None:
    if not raw:
        return None
    return MunicipalityContact(
        name=raw["name"],
        address=_address(raw.get("address")),
        phone=_field(raw.get("phone")),
        website=_field(raw.get("website")),
    )


def _area(raw: dict[str, Any] | None) -> Area | None:
    if not raw:
        return None
    return Area(nis=raw["nis"], names={k: v for k, v in raw.items() if k != "nis"})


Aliases = dict[str, list[tuple[str, str]]]


def read_centres(directory: Path | None = None) -> tuple[list[Centre], Aliases]:
    """The centres, and the editorial aliases (NIS -> [(name, kind)]) the build recorded."""
    base = directory or data_dir()
    built = json.loads((base / "directory.json").read_text(encoding="utf-8"))
    localities: dict[str, list[Locality]] = defaultdict(list)
    locality_file = base / "localities.json"
    if locality_file.exists():  # optional: bpost's list may have to be withdrawn
        rows = json.loads(locality_file.read_text(encoding="utf-8"))["localities"]
        for postcode, name, is_sub, nis in rows:
            localities[nis].append(Locality(postcode, name, bool(is_sub)))
    centres = []
    aliases: Aliases = {}
    for raw in built["centres"]:
        contact = raw.get("contact") or {}
        region = _area(raw["region"])
        assert region is not None
        centres.append(
            Centre(
                nis=raw["nis"],
                names=dict(raw["names"]),
                centre_name=dict(raw["centre_name"]),
                official_languages=tuple(raw["official_languages"]),
                region=region,
                province=_area(raw.get("province")),
                postcodes=tuple(raw["postcodes"]),
                localities=tuple(localities.get(raw["nis"], ())),
                merged_from=tuple(
                    FormerMunicipality(m["nis"], dict(m["names"]), m["effective"])
                    for m in raw.get("merged_from", ())
                ),
                address=_address(contact.get("address")),
                phone=_field(contact.get("phone")),
                email=_field(contact.get("email")),
                website=_field(contact.get("website")),
                opening_hours=_field(contact.get("opening_hours")),
                data_notes=tuple(raw.get("data_notes", ())),
                municipality_contact=_municipality(raw.get("municipality_contact")),
                name_in_source=raw.get("name_in_source"),
            )
        )
        aliases[raw["nis"]] = [(a["name"], a["kind"]) for a in raw.get("aliases", ())]
    return centres, aliases
