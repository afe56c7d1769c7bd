"""The judging rules of ``make eval`` (aidguide.stack.evaluation): what counts as on topic."""

from __future__ import annotations

from aidguide.stack.evaluation import EvalCase, Turn, judge


def _turn(actions: list[str], slots: dict, payloads: list[str] = (), intent: str = "x") -> Turn:
    return Turn(actions=actions, slots=slots, intent=intent, texts=["..."], payloads=list(payloads))


def test_the_aid_sheet_with_its_follow_ups_is_on_topic() -> None:
    turn = _turn(["action_answer_aid"], {"aid": "ris"}, ['/check_eligibility{"aid": "ris"}'])
    assert judge(EvalCase("ris", "leefloon?"), turn)


def test_a_sheet_of_another_aid_is_off_topic() -> None:
    turn = _turn(["action_answer_aid"], {"aid": "grapa"}, ['/ask_documents{"aid": "grapa"}'])
    assert not judge(EvalCase("ris", "leefloon?"), turn)


def test_the_questions_of_the_aids_own_check_are_on_topic() -> None:
    """ "Can my son get the leefloon while he studies?" may start the integration-income check."""
    turn = _turn(["action_eligibility_intro", "eligibility_form"], {"elig_aid": "ris"})
    assert judge(EvalCase("ris", "kan hij een leefloon krijgen?"), turn)
    heating = _turn(["action_eligibility_intro"], {"elig_aid": "heating_allowance"})
    assert judge(EvalCase("heating_allowance", "1000 liter mazout besteld"), heating)


def test_questions_of_another_check_or_of_no_check_are_off_topic() -> None:
    other = _turn(["action_eligibility_intro"], {"elig_aid": "heating_allowance"})
    assert not judge(EvalCase("ris", "leefloon?"), other)
    choosing = _turn(["action_eligibility_intro"], {})
    assert not judge(EvalCase("ris", "leefloon?"), choosing)
    # An aid the rules engine does not check is answered by its sheet only.
    assert not judge(EvalCase("food_aid", "frigo vide"), other)


def test_a_greeting_alone_is_off_topic() -> None:
    assert not judge(EvalCase("grapa", "bonjour, la grapa ?"), _turn(["utter_greet"], {}))
