"""Everyday questions find the right sheet, in French and in Dutch; nonsense finds nothing."""

from __future__ import annotations

import pytest

from aidguide.content import search_aids

FRENCH = [
    ("j'ai plus de mazout", "heating_allowance"),
    ("il fait froid chez moi, je ne peux pas me chauffer", "heating_allowance"),
    ("aide pour le fioul", "heating_allowance"),
    ("je n'ai plus d'argent pour vivre", "ris"),
    ("je n'ai aucun revenu", "ris"),
    ("c'est quoi le revenu d'intégration", "ris"),
    ("PIIS contrat", "ris"),
    (
        "je suis étranger avec une carte de séjour, pas droit au revenu d'intégration",
        "equivalent_aid",
    ),
    ("je suis sans papiers et malade", "urgent_medical_aid"),
    ("je dois aller chez le médecin mais je n'ai pas de titre de séjour", "urgent_medical_aid"),
    ("je ne peux pas payer la garantie locative", "rent_guarantee"),
    ("il me faut une caution pour mon appartement", "rent_guarantee"),
    ("j'étais SDF et j'ai trouvé un appartement, il me faut des meubles", "installation_premium"),
    ("ma mère est en maison de repos, elle a besoin d'argent de poche", "pocket_money"),
    ("je n'ai rien à manger", "food_aid"),
    ("où trouver un colis alimentaire", "food_aid"),
    ("je cherche du travail", "employment"),
    ("article 60", "employment"),
    ("je dors dans la rue depuis des années", "housing_first"),
    ("je suis une maman seule avec mes enfants", "miriam"),
    ("j'ai trop de dettes", "debt_mediation"),
    ("un huissier est venu chez moi", "debt_mediation"),
    ("je ne peux plus payer ma facture d'électricité", "energy_bills"),
    ("facture de gaz trop chère", "energy_bills"),
    ("mon fils veut faire du sport dans un club", "participation_fund"),
    ("les frais scolaires sont trop chers", "participation_fund"),
    ("ma pension est trop petite", "grapa"),
    ("j'ai 70 ans et peu de revenus, pension", "grapa"),
    ("comment avoir l'intervention majorée à la mutuelle", "bim"),
    ("statut BIM", "bim"),
]
DUTCH = [
    ("ik kan mijn schulden niet meer betalen", "debt_mediation"),
    ("de deurwaarder komt langs", "debt_mediation"),
    ("mijn stookolie is op", "heating_allowance"),
    ("het is koud in huis, ik kan niet verwarmen", "heating_allowance"),
    ("ik heb het sociaal verwarmingsfonds nodig", "heating_allowance"),
    ("ik heb geen geld om te leven", "ris"),
    ("wat is het leefloon", "ris"),
    ("ik heb geen inkomen", "ris"),
    ("ik krijg geen leeflon", "ris"),  # typo
    ("GPMI contract", "ris"),
    ("ik ben vreemdeling en sta in het vreemdelingenregister", "equivalent_aid"),
    ("ik heb geen papieren en ik ben ziek", "urgent_medical_aid"),
    ("dokter zonder verblijfsvergunning", "urgent_medical_aid"),
    ("ik kan de huurwaarborg niet betalen", "rent_guarantee"),
    ("ik zoek een waarborg voor mijn appartement", "rent_guarantee"),
    ("ik was dakloos en heb nu een woning, ik heb meubels nodig", "installation_premium"),
    ("mijn vader zit in het rusthuis en heeft zakgeld nodig", "pocket_money"),
    ("ik heb niets te eten", "food_aid"),
    ("waar krijg ik een voedselpakket", "food_aid"),
    ("ik zoek werk", "employment"),
    ("artikel 60", "employment"),
    ("ik slaap al jaren op straat", "housing_first"),
    ("ik ben een alleenstaande moeder", "miriam"),
    ("ik kan mijn elektriciteitsfactuur niet betalen", "energy_bills"),
    ("mijn gasfactuur is te hoog", "energy_bills"),  # compound word
    ("mijn zoon wil naar de sportclub", "participation_fund"),
    ("de schoolkosten zijn te hoog", "participation_fund"),
    ("mijn pensioen is te klein", "grapa"),
    ("inkomensgarantie voor ouderen", "grapa"),
    ("verhoogde tegemoetkoming ziekenfonds", "bim"),
]


@pytest.mark.parametrize(("query", "expected"), FRENCH)
def test_french_questions(query: str, expected: str) -> None:
    results = search_aids(query, "fr")
    assert results, query
    assert results[0][0] == expected, results


@pytest.mark.parametrize(("query", "expected"), DUTCH)
def test_dutch_questions(query: str, expected: str) -> None:
    results = search_aids(query, "nl")
    assert results, query
    assert results[0][0] == expected, results


@pytest.mark.parametrize(
    "query",
    [
        "azerty qsdf",
        "bonjour",
        "merci",
        "le chat est sur la table",
        "hoe gaat het",
        "blabla xyz",
        "",
        "!!!",
        "j'ai besoin d'aide",
        "ik heb hulp nodig",
    ],
)
def test_nonsense_and_small_talk_find_nothing(query: str) -> None:
    assert search_aids(query, "fr") == []
    assert search_aids(query, "nl") == []


def test_results_are_ranked_and_limited() -> None:
    results = search_aids("facture de gaz et mazout, chauffage et électricité", "fr", limit=2)
    assert len(results) == 2
    assert {aid for aid, _score in results} == {"heating_allowance", "energy_bills"}
    assert results[0][1] >= results[1][1] > 0
    assert search_aids("mazout", "fr", limit=0) == []


def test_each_language_has_its_own_index() -> None:
    assert search_aids("stookolie", "nl")[0][0] == "heating_allowance"
    assert search_aids("mazout", "fr")[0][0] == "heating_allowance"
    assert search_aids("schulden deurwaarder", "fr") == []


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        search_aids("mazout", "de")
