"""The e-mail classifier: service mailboxes are published, a person's mailbox never is."""

from __future__ import annotations

import pytest

from aidguide.directory.emails import is_personal_email


@pytest.mark.parametrize(
    ("address", "places"),
    [
        ("info@cpasnamur.be", ("Namur",)),
        ("cpas@ottignies-louvain-la-neuve.be", ()),
        ("ocmw@zele.be", ()),
        ("accueil@cpas-uccle.be", ()),
        ("onthaal@ocmw.gent", ()),
        ("secretariat@cpas-mons.be", ()),
        ("sociaalhuis@mol.be", ()),
        ("sociale.dienst@edegem.be", ()),
        ("info.ocmw@nijlen.be", ()),
        ("cpas.amay@amay.be", ("Amay",)),
        ("st.vith@oshz.be", ("Saint-Vith", "Sankt Vith")),
        ("ocmwbonheiden@bonheiden.be", ("Bonheiden",)),
        ("cpas1060@cpas1060.be", ()),
        ("contactcenter@cpas-anderlecht.brussels", ()),
    ],
)
def test_service_mailboxes_are_not_personal(address: str, places: tuple[str, ...]) -> None:
    assert not is_personal_email(address, places)


@pytest.mark.parametrize(
    "address",
    [
        "nathalie.collart@anhee.be",
        "jean-philippe.rasier@cpas-aywaille.be",
        "m.bulon.cpas@burdinne.be",
        "mgillet.cpas@beauraing.be",
        "veronique.wautier2@cpas-la-hulpe.be",
        "sofie.van.den.heuvel@ocmwhemiksem.be",
        "cmairlot@koekelberg.brussels",
        "gbr@cpastroisponts.be",
        "direction@cpasrumes.be",
        "voorzitter@ocmwdepinte.be",
        "@cpas.be",
    ],
)
def test_mailboxes_of_persons_or_one_official_are_personal(address: str) -> None:
    assert is_personal_email(address, ("Namur",))


def test_a_place_name_only_counts_for_its_own_centre() -> None:
    assert not is_personal_email("cpas.dour@dour.be", ("Dour",))
    assert is_personal_email("cpas.dour@dour.be", ("Namur",))
