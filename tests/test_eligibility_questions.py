"""Which eligibility questions are asked: only those that still matter (the question plan,
aidguide.eligibility.plan), and how the form reads the answers (no Rasa needed)."""

from __future__ import annotations

from datetime import date

import pytest

from actions.eligibility_result import build_request
from aidguide.eligibility import evaluate
from aidguide.eligibility.plan import check_of, required_answers, sheet_instead_of_check
from aidguide.nlg import renderer


def test_the_aid_comes_first() -> None:
    assert required_answers({}) == ["elig_aid"]


def test_ris_questions_in_order() -> None:
    asked = required_answers({"elig_aid": "ris"})
    assert asked == [
        "elig_aid",
        "elig_age",
        "elig_residence_status",
        "elig_lives_in_belgium",
        "elig_household",
        "elig_income",
        "elig_available_for_work",
        "elig_location",
    ]


def test_without_legal_stay_income_and_work_are_not_asked() -> None:
    asked = required_answers({"elig_aid": "ris", "elig_residence_status": "no_legal_stay"})
    assert "elig_income" not in asked and "elig_available_for_work" not in asked
    assert asked[-1] == "elig_location"


def test_a_minor_is_asked_about_the_exceptions() -> None:
    assert "elig_pregnant" in required_answers({"elig_aid": "ris", "elig_age": 17})
    assert "elig_pregnant" not in required_answers({"elig_aid": "ris", "elig_age": 30})


def test_work_exemption_only_when_not_available() -> None:
    assert "elig_work_exemption" in required_answers(
        {"elig_aid": "ris", "elig_available_for_work": False}
    )
    assert "elig_work_exemption" not in required_answers(
        {"elig_aid": "ris", "elig_available_for_work": True}
    )


def test_heating_skips_income_for_bim_and_litres_for_pump() -> None:
    bulk = required_answers({"elig_aid": "heating_allowance", "elig_fuel": "heating_oil_bulk"})
    assert {"elig_litres", "elig_price", "elig_bim", "elig_taxable_income"} <= set(bulk)
    bim = required_answers(
        {"elig_aid": "heating_allowance", "elig_fuel": "heating_oil_bulk", "elig_bim": True}
    )
    assert "elig_taxable_income" not in bim and "elig_dependants" not in bim
    assert "elig_household" in bim  # the BIM suffices only for one living alone
    pump = required_answers({"elig_aid": "heating_allowance", "elig_fuel": "heating_oil_pump"})
    assert "elig_litres" not in pump and "elig_bim" in pump


@pytest.mark.parametrize(
    ("household", "income_asked"),
    [("alone", False), ("cohabiting", True), ("with_dependent_children", True)],
)
def test_heating_with_the_bim_asks_who_lives_there_then_income_if_not_alone(
    household: str, income_asked: bool
) -> None:
    answers = {
        "elig_aid": "heating_allowance",
        "elig_fuel": "heating_oil_pump",
        "elig_bim": True,
        "elig_household": household,
    }
    asked = required_answers(answers)
    assert asked.count("elig_household") == 1
    assert ("elig_taxable_income" in asked) is income_asked


def test_the_bim_and_living_alone_give_the_heating_allowance() -> None:
    """The answers the chat collects on this route are enough for the rules engine to say yes."""
    slots = {
        "elig_aid": "heating_allowance",
        "elig_fuel": "heating_oil_pump",
        "elig_bim": True,
        "elig_household": "alone",
    }
    assert set(slots) | {"elig_location"} == set(required_answers(slots))
    result = evaluate(build_request(slots, "fr", date(2026, 11, 1)))
    assert result.aid("heating_allowance").eligible is True


def test_heating_with_an_uncovered_fuel_stops_asking() -> None:
    asked = required_answers({"elig_aid": "heating_allowance", "elig_fuel": "natural_gas"})
    assert asked == ["elig_aid", "elig_fuel", "elig_location"]


def test_installation_premium_asks_about_leaving_homelessness() -> None:
    assert "elig_moving_out" in required_answers({"elig_aid": "installation_premium"})
    assert "elig_moving_out" not in required_answers({"elig_aid": "ris"})


def _validate(slot: str, value: str, choice: str | None = None) -> dict:
    """Run the form's validation of one answer, as the action server would."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.eligibility import ValidateEligibilityForm

    from .conftest import action_tracker

    entities = [{"entity": "choice", "value": choice}] if choice else []
    message = {"text": value, "intent": {"name": "inform"}, "entities": entities}
    tracker = action_tracker({"requested_slot": slot}, message)
    validate = getattr(ValidateEligibilityForm(), f"validate_{slot}")
    return validate(value, CollectingDispatcher(), tracker, {})


def test_the_aid_named_in_the_first_message_is_taken_as_it_is() -> None:
    assert _validate("elig_aid", "heating_allowance") == {"elig_aid": "heating_allowance"}


def test_a_button_of_another_question_is_not_an_answer() -> None:
    payload = '/inform{"choice": "heating_oil_bulk"}'
    assert _validate("elig_aid", payload, choice="heating_oil_bulk") == {"elig_aid": None}
    assert _validate("elig_age", payload, choice="heating_oil_bulk") == {"elig_age": None}


def test_buttons_give_their_value() -> None:
    payload = '/inform{"choice": "heating_oil_bulk"}'
    assert _validate("elig_fuel", payload, choice="heating_oil_bulk") == {
        "elig_fuel": "heating_oil_bulk"
    }
    assert _validate("elig_income", '/inform{"choice": "0"}', choice="0") == {"elig_income": "0.00"}


def test_yes_no_buttons_and_typed_answers() -> None:
    assert _validate("elig_bim", '/inform{"choice": "yes"}', choice="yes") == {"elig_bim": True}
    assert _validate("elig_bim", '/inform{"choice": "no"}', choice="no") == {"elig_bim": False}
    assert _validate("elig_pregnant", "oui") == {"elig_pregnant": True}
    assert _validate("elig_debt_mediation", "nee") == {"elig_debt_mediation": False}
    assert _validate("elig_lives_in_belgium", "je ne sais pas") == {
        "elig_lives_in_belgium": "unknown"
    }
    other = '/inform{"choice": "heating_oil_bulk"}'
    assert _validate("elig_bim", other, choice="heating_oil_bulk") == {"elig_bim": None}


def test_the_aid_comes_from_the_message_then_from_the_conversation() -> None:
    assert check_of(["heating_allowance"], "ris") == "heating_allowance"
    assert check_of([], "heating_allowance") == "heating_allowance"
    assert check_of([], "equivalent_aid") == "ris"  # the same check covers it
    assert check_of([], "food_aid") is None  # not checked: asked with buttons
    assert check_of(["rent_guarantee"], None) is None


def test_urgent_medical_aid_is_checked_by_the_income_check() -> None:
    """The engine answers for urgent medical aid (no legal stay) within the income check, and
    a person without legal stay is asked nothing more than age and status."""
    assert check_of(["urgent_medical_aid"], None) == "ris"
    assert sheet_instead_of_check(["urgent_medical_aid"]) is None
    asked = required_answers({"elig_aid": "ris", "elig_residence_status": "no_legal_stay"})
    assert asked == ["elig_aid", "elig_age", "elig_residence_status", "elig_location"]


def test_an_aid_the_engine_does_not_answer_for_gets_its_sheet() -> None:
    """Housing First has no conditions the engine computes: its sheet says who can get it,
    rather than questions about the installation premium."""
    assert check_of(["housing_first"], None) is None
    assert sheet_instead_of_check(["housing_first"]) == "housing_first"
    assert sheet_instead_of_check(["pocket_money"]) == "pocket_money"
    assert sheet_instead_of_check([]) is None


def test_an_unknown_fuel_is_asked_further_only_in_the_heating_check() -> None:
    heating = required_answers({"elig_aid": "heating_allowance", "elig_fuel": "unknown"})
    assert "elig_bim" in heating and "elig_litres" not in heating
    everything = required_answers({"elig_aid": "all", "elig_fuel": "unknown"})
    assert "elig_bim" not in everything


def test_propane_in_a_tank_asks_litres_and_price() -> None:
    asked = required_answers({"elig_aid": "heating_allowance", "elig_fuel": "propane_bulk"})
    assert asked.index("elig_litres") < asked.index("elig_price") < asked.index("elig_bim")


def test_an_unknown_check_asks_only_which_one() -> None:
    assert required_answers({"elig_aid": "pocket_money"}) == ["elig_aid"]


def test_the_income_question_names_the_partner_and_leaves_out_child_benefit() -> None:
    """The RIS counts the partner's income and never the family allowances for one's own
    children (research notes, correction 5): the question must say both, in plain words."""
    fr = renderer().render("utter_ask_elig_income", "fr").text
    nl = renderer().render("utter_ask_elig_income", "nl").text
    assert "net" in fr and "partenaire" in fr and "Ne comptez pas les allocations familiales" in fr
    assert "netto" in nl and "partner" in nl and "Tel het kindergeld niet mee" in nl


def test_typed_answers_are_read_without_misreading_articles_or_verbs() -> None:
    assert _validate("elig_income", "j'ai un salaire de mille euros") == {"elig_income": "1000.00"}
    assert _validate("elig_income", "een uitkering van twaalfhonderd euro") == {
        "elig_income": "1200.00"
    }
    assert (
        _validate("elig_income", "rien") == _validate("elig_income", "0") == {"elig_income": "0.00"}
    )
    assert _validate("elig_taxable_income", "vingt-deux mille euros") == {
        "elig_taxable_income": "22000.00"
    }
    assert _validate("elig_dependants", "un enfant") == {"elig_dependants": 1}
    assert _validate("elig_dependants", "één kind") == {"elig_dependants": 1}
    assert _validate("elig_age", "ik ben een vrouw van drieënvijftig") == {"elig_age": 53}
    assert _validate("elig_residence_status", "je suis belge depuis que j'ai eu 18 ans") == {
        "elig_residence_status": "belgian"
    }
    assert _validate("elig_aid", "la prime d'installation") == {"elig_aid": "installation_premium"}
    assert _validate("elig_aid", "de verwarmingstoelage") == {"elig_aid": "heating_allowance"}
