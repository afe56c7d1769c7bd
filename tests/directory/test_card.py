"""The centre card: details, a plain source line a citizen understands, advice for gaps."""

from __future__ import annotations

import dataclasses
import re

import pytest

from aidguide.directory import Directory
from aidguide.directory.card import centre_card


@pytest.mark.parametrize(
    ("lang", "source", "labels"),
    [
        ("fr", "Liste des CPAS du SPP Intégration sociale, janvier 2026", ("Adresse", "Téléphone")),
        ("nl", "Lijst van de OCMW's van de POD MI, januari 2026", ("Adres", "Telefoon")),
    ],
)
def test_namur_card_in_both_languages(
    directory: Directory, lang: str, source: str, labels: tuple[str, str]
) -> None:
    centre = directory.by_nis("92094")
    card = centre_card(centre, lang)
    assert any(
        line.startswith(labels[0]) and "Rue de Dave 165, 5100 Namur" in line for line in card.lines
    )
    assert any(
        line.startswith(labels[1]) and "[081 33 70 11](tel:+3281337011)" in line
        for line in card.lines
    )
    assert source in card.source_line
    assert "\n" not in card.source_line and "github" not in card.source_line


def test_no_source_line_is_a_bare_url(directory: Directory) -> None:
    """The plain line names sources in words; the linked one links those words, no URL shown."""
    for centre in directory.centres:
        for lang in ("fr", "nl"):
            card = centre_card(centre, lang)
            assert "://" not in card.source_line and "github" not in card.source_line
            labels = re.findall(r"\[([^\]]+)\]\(", card.linked_source_line)
            assert labels and all("://" not in label for label in labels), centre.nis
            assert "github" not in card.linked_source_line


def test_municipal_website_is_labelled(directory: Directory) -> None:
    centre = directory.by_nis("92094")
    assert centre.website is not None and centre.website.owner == "municipality"
    assert "(site de la commune)" in centre_card(centre, "fr").text
    assert "(website van de gemeente)" in centre_card(centre, "nl").text


def test_a_missing_phone_says_to_call_the_municipality(directory: Directory) -> None:
    centre = dataclasses.replace(directory.by_nis("92094"), phone=None)
    municipality = centre.municipality_contact
    assert municipality is not None and municipality.phone is not None
    fr = centre_card(centre, "fr").text
    nl = centre_card(centre, "nl").text
    assert f"Appelez la commune ({municipality.name})" in fr and municipality.phone.value in fr
    assert f"Bel de gemeente ({municipality.name})" in nl and municipality.phone.value in nl
    assert "Open Data Wallonie-Bruxelles" in centre_card(centre, "fr").source_line


def test_a_centre_without_generic_email_shows_phone_and_website(directory: Directory) -> None:
    centre = next(c for c in directory.centres if c.email is None and c.website is not None)
    card = centre_card(centre, "fr")
    assert any(line.startswith("Téléphone") for line in card.lines)
    assert any(line.startswith("Site web") for line in card.lines)
    assert "aucune adresse générale" in card.text
    assert "@" not in card.text


def test_german_speaking_centre_shows_its_german_name(directory: Directory) -> None:
    eupen = directory.by_nis("63023")
    assert eupen.display_name("fr") == "CPAS d'Eupen (ÖSHZ Eupen)"
    assert eupen.display_name("nl") == "OCMW Eupen (ÖSHZ Eupen)"
    assert directory.by_nis("62063").display_name("nl") == "OCMW Luik (CPAS de Liège)"
    assert directory.by_nis("21001").display_name("nl") == "OCMW Anderlecht"


@pytest.mark.parametrize("phone", ["known", "missing"])
def test_a_plain_card_has_the_same_details_without_links(directory: Directory, phone: str) -> None:
    """An e-mail reply cannot show ``[label](uri)``: the plain card has the same words."""
    centre = directory.by_nis("92094")
    if phone == "missing":
        centre = dataclasses.replace(centre, phone=None)
    linked, plain = centre_card(centre, "fr"), centre_card(centre, "fr", links=False)
    assert "](" in "\n".join(linked.lines)
    assert "](" not in "\n".join(plain.lines)
    unlinked = [re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line) for line in linked.lines]
    assert plain.lines == unlinked
    assert plain.source_line == linked.source_line
