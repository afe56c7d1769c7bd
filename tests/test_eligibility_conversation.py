"""Am I entitled? Eight personas, in French and in Dutch, through /api/chat and the real model.

Each conversation answers the questions as a person would (buttons where the bot offers a
choice, free text elsewhere) and checks the indicative amount and the CPAS named. Expected
amounts come from the rules engine's dated parameters or from the facade given the same
facts, never from numbers typed here: the test checks that the conversation gives the
engine the right facts and shows its answer.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest

from actions.eligibility import EXAMPLES
from aidguide.content import topic_text
from aidguide.content.amounts import approximate, computed_note
from aidguide.directory import load_directory
from aidguide.eligibility import evaluate
from aidguide.i18n import format_date, format_money, translator
from aidguide.nlg import renderer
from aidguide.rules import (
    EligibilityRequest,
    HeatingAnswers,
    HouseholdAnswers,
    PersonAnswers,
    reference_amount,
)
from aidguide.stack.launcher import Stack

from .conftest import ChatClient, Reply, rasa_tracker

pytestmark = pytest.mark.stack


def choice(value: str) -> str:
    return f'/inform{{"choice": "{value}"}}'


@dataclass(frozen=True)
class Persona:
    """What a person says, per language, and the facts the engine should receive."""

    name: str
    says: dict[str, list[str]]
    postcode: str
    facts: EligibilityRequest
    aid: str
    #: The parameter whose value is the expected amount (else the facade computes it).
    parameter: str | None = None


TODAY = date.today()
LANGS = ("fr", "nl")
YES = {"fr": "oui", "nl": "ja"}
NO = {"fr": "non", "nl": "nee"}
NOTHING = ("rien", "niks")
ENTITLED = {
    "ris": {
        "fr": "est-ce que j'ai droit au revenu d'intégration ?",
        "nl": "heb ik recht op een leefloon?",
    },
    "installation_premium": {
        "fr": "ai-je droit à la prime d'installation ?",
        "nl": "heb ik recht op de installatiepremie?",
    },
}


def income_persona(
    name: str,
    postcode: str,
    *,
    age: int,
    said_age: tuple[str, str],
    status: str = "belgian",
    household: str = "alone",
    income: float = 0,
    said_income: tuple[str, str] = NOTHING,
    student: bool = False,
    check: str = "ris",
    aid: str = "ris",
    parameter: str | None = None,
) -> Persona:
    """A person going through the income questions (the integration income, or the
    installation premium, which adds "are you leaving homelessness?"), as (fr, nl) answers."""
    moving_out = check == "installation_premium"
    says = {}
    for index, lang in enumerate(LANGS):
        work = [NO[lang], choice("studies")] if student else [YES[lang]]
        says[lang] = [
            ENTITLED[check][lang],
            said_age[index],
            choice(status),
            YES[lang],
            choice(household),
            said_income[index],
            *work,
            *([YES[lang]] if moving_out else []),
        ]
    facts = EligibilityRequest(
        on=TODAY,
        person=PersonAnswers(
            age=age,
            residence_status=status,
            lives_in_belgium=True,
            available_for_work=not student,
            work_exemption="studies" if student else None,
            monthly_net_income=income,
        ),
        household=HouseholdAnswers(situation=household),
        moving_out_of_homelessness=True if moving_out else None,
    )
    return Persona(name, says, postcode, facts, aid, parameter)


PERSONAS = [
    income_persona(
        "single adult without income",
        "1070",
        age=45,
        said_age=("j'ai 45 ans", "ik ben 45"),
        parameter="ris.amount.cat2.monthly",
    ),
    income_persona(
        "cohabiting adult with income",
        "4000",
        age=52,
        said_age=("cinquante-deux", "52 jaar"),
        household="cohabiting",
        income=400,
        said_income=("je gagne 400 euros net par mois", "ik verdien 400 euro netto per maand"),
    ),
    income_persona(
        "parent with dependent children",
        "9000",
        age=34,
        said_age=("j'ai 34 ans", "34"),
        household="with_dependent_children",
        parameter="ris.amount.cat3.monthly",
    ),
    income_persona(
        "student",
        "3000",
        age=20,
        said_age=("20", "20 jaar"),
        student=True,
        parameter="ris.amount.cat2.monthly",
    ),
    income_persona(
        "foreigners register",
        "1030",
        age=38,
        said_age=("j'ai 38 ans", "38"),
        status="foreigners_register",
        aid="equivalent_aid",
        parameter="ris.amount.cat2.monthly",
    ),
    Persona(
        name="no legal stay",
        says={lang: [ENTITLED["ris"][lang], "30", choice("no_legal_stay")] for lang in LANGS},
        postcode="1000",
        facts=EligibilityRequest(
            on=TODAY, person=PersonAnswers(age=30, residence_status="no_legal_stay")
        ),
        aid="urgent_medical_aid",
    ),
    Persona(
        name="heating oil delivered, income under the ceiling",
        says={
            "fr": [
                "puis-je avoir l'allocation de chauffage ?",
                choice("heating_oil_bulk"),
                "1000 litres",
                "1,10",
                "non",
                "18000",
                "aucun",
                "non",
            ],
            "nl": [
                "kan ik de verwarmingstoelage krijgen?",
                choice("heating_oil_bulk"),
                "1000 liter",
                "1,10",
                "nee",
                "18000",
                "geen",
                "nee",
            ],
        },
        postcode="5000",
        facts=EligibilityRequest(
            on=TODAY,
            person=PersonAnswers(bim=False),
            household=HouseholdAnswers(
                dependants=0, yearly_gross_taxable_income=18000, debt_mediation=False
            ),
            heating=HeatingAnswers(
                fuel="heating_oil_bulk", litres=1000, price_per_litre=float(Decimal("1.10"))
            ),
        ),
        aid="heating_allowance",
    ),
    income_persona(
        "moving out of homelessness",
        "2000",
        age=41,
        said_age=("j'ai 41 ans", "41"),
        check="installation_premium",
        aid="installation_premium",
    ),
]


def converse(chat: ChatClient, lang: str, messages: list[str]) -> tuple[str, list[Reply]]:
    cid = uuid.uuid4().hex[:12]
    replies = [chat.send(cid, messages[0], lang=lang)]
    for message in messages[1:]:
        replies.append(chat.send(cid, message))
    return cid, replies


def expected_amount(persona: Persona, lang: str) -> tuple[str, str] | None:
    """The amount and its start date as the person should read them."""
    if persona.parameter:
        ref = reference_amount(persona.parameter, TODAY)
        assert ref is not None
        return format_money(ref.value, lang), format_date(ref.applies_from, lang)
    result = evaluate(replace(persona.facts, lang=lang))
    amount = result.aid(persona.aid).amount
    if amount is None:
        return None
    return format_money(amount.value, lang), format_date(amount.applies_from, lang)


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_persona_gets_amount_and_cpas(chat: ChatClient, lang: str, persona: Persona) -> None:
    _, replies = converse(chat, lang, [*persona.says[lang], persona.postcode])
    for reply in replies:
        assert reply.status == 200
        assert reply.lang == lang
    asked = "\n".join(r.text for r in replies[:-1])
    assert "not read" not in asked
    answer = replies[-1].text

    engine = evaluate(replace(persona.facts, lang=lang))
    aid = engine.aid(persona.aid)
    assert aid.eligible is not False, "the persona must be one the engine finds eligible"
    assert aid.name in answer
    expected = expected_amount(persona, lang)
    if persona.aid == "urgent_medical_aid":
        assert expected is None
    else:
        assert expected is not None, "the persona's amount must be known"
        money, since = expected
        assert money in answer
        assert since in answer

    centre = load_directory().lookup(persona.postcode, lang).matches[0]
    assert centre.centre_name_for(lang) in answer
    decides = {"fr": "Le CPAS décide", "nl": "Het OCMW beslist"}[lang]
    assert decides in answer
    assert {"fr": "3 mois", "nl": "3 maanden"}[lang] in answer  # the appeal


def rendered(response: str, lang: str, **params: str) -> str:
    return renderer().render(response, lang, params).text


def not_understood(lang: str, slot: str) -> str:
    example = translator(lang).gettext(EXAMPLES[slot])
    return rendered("utter_eligibility_not_understood", lang, example=example)


@pytest.mark.parametrize(
    ("lang", "message"),
    [("fr", "j'ai droit à quoi ?"), ("nl", "kan ik hulp krijgen, ik ben net mijn werk kwijt")],
)
def test_without_a_named_aid_the_bot_says_why_then_asks_which(
    chat: ChatClient, lang: str, message: str
) -> None:
    reply = chat.send(uuid.uuid4().hex[:12], message, lang=lang)
    assert reply.texts[0] == rendered("utter_eligibility_intro", lang)
    assert reply.texts[-1] == rendered("utter_ask_elig_aid", lang)
    assert [choice(a) for a in ("ris", "heating_allowance", "installation_premium", "all")] == (
        reply.payloads
    )


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_impossible_answers_are_asked_again_with_an_example(chat: ChatClient, lang: str) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, "/check_eligibility", lang=lang)
    chat.send(cid, choice("ris"))
    for impossible in ("250", {"fr": "je suis grand", "nl": "ik ben groot"}[lang]):
        again = chat.send(cid, impossible)
        assert again.texts[0] == not_understood(lang, "elig_age")
        assert again.texts[-1] == rendered("utter_ask_elig_age", lang)
    age = {"fr": "septante-deux", "nl": "tweeënzeventig"}[lang]
    assert chat.send(cid, age).texts[-1] == rendered("utter_ask_elig_residence_status", lang)
    chat.send(cid, choice("belgian"))
    chat.send(cid, choice("yes"))
    chat.send(cid, choice("alone"))
    negative = chat.send(cid, "-200")
    assert negative.texts[0] == not_understood(lang, "elig_income")
    dont_know = {"fr": "je préfère ne pas le dire", "nl": "geen idee"}[lang]
    assert chat.send(cid, dont_know).texts[-1] == rendered(
        "utter_ask_elig_available_for_work", lang
    )


@pytest.mark.parametrize(("lang", "stop"), [("fr", "annuler"), ("fr", "stop"), ("nl", "stoppen")])
def test_stop_leaves_the_questions_and_forgets(
    stack: Stack, chat: ChatClient, lang: str, stop: str
) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, "/check_eligibility", lang=lang)
    chat.send(cid, choice("ris"))
    assert chat.send(cid, "33").texts[-1] == rendered("utter_ask_elig_residence_status", lang)
    stopped = chat.send(cid, stop)
    assert stopped.text == rendered("utter_eligibility_stopped", lang)
    kept = rasa_tracker(stack, chat.server_id(cid))
    assert not (kept.get("active_loop") or {}).get("name")
    assert all(v is None for k, v in kept["slots"].items() if k.startswith("elig_"))


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("fr", "ma mère est en maison de repos, elle a droit à de l'argent de poche ?"),
        ("nl", "heeft mijn moeder in het woonzorgcentrum recht op zakgeld?"),
    ],
)
def test_an_aid_the_engine_does_not_check_gets_its_sheet(
    chat: ChatClient, lang: str, question: str
) -> None:
    reply = chat.send(uuid.uuid4().hex[:12], question, lang=lang)
    assert reply.texts[0].startswith(topic_text("pocket_money", "summary", lang, TODAY))
    assert rendered("utter_eligibility_intro", lang) not in reply.texts


@pytest.mark.parametrize(
    ("lang", "about", "entitled"),
    [
        ("fr", "c'est quoi l'allocation de chauffage ?", "est-ce que j'y ai droit ?"),
        ("nl", "wat is de verwarmingstoelage?", "heb ik daar recht op?"),
    ],
)
def test_the_aid_of_the_conversation_is_checked(
    chat: ChatClient, lang: str, about: str, entitled: str
) -> None:
    cid = uuid.uuid4().hex[:12]
    chat.send(cid, about, lang=lang)
    reply = chat.send(cid, entitled)
    assert reply.texts[0] == rendered("utter_eligibility_intro", lang)
    assert reply.texts[-1] == rendered("utter_ask_elig_fuel", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_computed_amount_is_labelled_as_computed_in_the_conversation(
    chat: ChatClient, lang: str
) -> None:
    """Amounts from 1 March 2026 are the 2025 amounts plus the indexation, not published ones:
    the person reads "≈", what the amount is made of, and that the CPAS confirms."""
    persona = PERSONAS[0]
    ref = reference_amount("ris.amount.cat2.monthly", TODAY)
    assert ref is not None
    if not ref.computed or ref.basis is None:
        pytest.skip("the amount in force today is a published one")
    _, replies = converse(chat, lang, [*persona.says[lang], persona.postcode])
    answer = replies[-1].text
    assert approximate(format_money(ref.value, lang)) in answer
    assert computed_note(ref.basis, lang) in answer
