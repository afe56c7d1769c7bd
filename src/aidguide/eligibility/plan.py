"""The question plan of the "am I entitled?" conversation, apart from any chat framework.

Which checks a person can ask for and which aids each shows; which question still matters
given the answers so far (a person without legal stay is not asked about income: only the
urgent medical aid route applies to them; pregnancy only under 18; litres and price only for
a bulk delivery); and which of the income aids, that exclude each other, is shown. The Rasa
form (actions/eligibility.py) and the result (actions/eligibility_result.py) call these; the
slot names are the questions' names, and the domain's copies of them are checked against
:data:`QUESTIONS` by tests/test_one_source.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aidguide.answers.parsing import UNKNOWN
from aidguide.rules.models import AIDS
from aidguide.rules.variables.heating_allowance import BULK_FUELS, COVERED_FUELS

from .models import AidResult, EligibilityResult

#: The check of every aid the rules engine answers for.
ALL = "all"
#: Income aids that exclude each other: the one the person's residence status points to is
#: shown (the integration income, the equivalent aid, or urgent medical aid without legal stay).
INCOME_AIDS = ("ris", "equivalent_aid", "urgent_medical_aid")
#: The checks a person can ask for, and the aids each shows, in the order shown.
CHECKS: dict[str, tuple[str, ...]] = {
    "ris": INCOME_AIDS,
    "heating_allowance": ("heating_allowance",),
    "installation_premium": ("installation_premium",),
    ALL: AIDS,
}
#: The check that answers "am I entitled to <aid>?", for each aid a single check shows. These
#: are the aids whose sheet offers "Am I entitled?"; for any other aid the sheet answers (it
#: says who can get it).
CHECK_OF_AID: dict[str, str] = {
    aid: check for check, aids in CHECKS.items() if check != ALL for aid in aids
}
CHECKABLE_AIDS: tuple[str, ...] = tuple(CHECK_OF_AID)

#: Every question the form may ask, in the order it asks them; each is a slot of the same name.
QUESTIONS: tuple[str, ...] = (
    "elig_aid",
    "elig_age",
    "elig_residence_status",
    "elig_lives_in_belgium",
    "elig_pregnant",
    "elig_household",
    "elig_income",
    "elig_available_for_work",
    "elig_work_exemption",
    "elig_moving_out",
    "elig_fuel",
    "elig_litres",
    "elig_price",
    "elig_bim",
    "elig_taxable_income",
    "elig_dependants",
    "elig_debt_mediation",
    "elig_location",
)
#: Below this age the integration income needs a reason (pregnant, married, a child).
ADULT_AGE = 18

_BULK = frozenset(fuel.name for fuel in BULK_FUELS)
_COVERED = frozenset(fuel.name for fuel in COVERED_FUELS)
_INCOME_QUESTIONS = (
    "elig_lives_in_belgium",
    "elig_household",
    "elig_income",
    "elig_available_for_work",
)
_HEATING_INCOME_QUESTIONS = ("elig_taxable_income", "elig_dependants", "elig_debt_mediation")


def required_answers(answers: Mapping[str, Any]) -> list[str]:
    """The questions that still matter, in order, given the answers so far."""
    check = answers.get("elig_aid")
    required = ["elig_aid"]
    if check not in CHECKS:
        return required
    if check in ("ris", "installation_premium", ALL):
        required += ["elig_age", "elig_residence_status"]
        if answers.get("elig_residence_status") != "no_legal_stay":
            age = answers.get("elig_age")
            if isinstance(age, int) and age < ADULT_AGE:
                required.append("elig_pregnant")
            required += _INCOME_QUESTIONS
            if answers.get("elig_available_for_work") is False:
                required.append("elig_work_exemption")
        if check in ("installation_premium", ALL):
            required.append("elig_moving_out")
    if check in ("heating_allowance", ALL):
        required.append("elig_fuel")
        fuel = answers.get("elig_fuel")
        # An unknown fuel is asked further only when the heating allowance is what was asked.
        if fuel in _COVERED or (check == "heating_allowance" and fuel == UNKNOWN):
            if fuel in _BULK:
                required += ["elig_litres", "elig_price"]
            required.append("elig_bim")
            if answers.get("elig_bim") is True:
                # The BIM alone is enough for one living alone; in a larger household the
                # income questions may still settle it (everyone's BIM is not asked).
                _add(required, "elig_household")
                if answers.get("elig_household") not in (None, "alone"):
                    required += _HEATING_INCOME_QUESTIONS
            else:
                required += _HEATING_INCOME_QUESTIONS
    required.append("elig_location")
    return required


def _add(required: list[str], question: str) -> None:
    if question not in required:
        required.append(question)


def check_of(named: list[str], discussed: str | None) -> str | None:
    """The check for the aid named last in the message, else for the aid the conversation is
    about ("est-ce que j'y ai droit ?" after reading about the heating allowance); None when
    neither is one the rules engine checks (the person then chooses with buttons)."""
    for aid in [*reversed(named), discussed]:
        if aid in CHECK_OF_AID:
            return CHECK_OF_AID[aid]
    return None


def sheet_instead_of_check(named: list[str]) -> str | None:
    """The aid whose sheet answers "am I entitled to ...?" when the message names an aid the
    rules engine does not check (its sheet says who can get it); None when questions follow."""
    return named[-1] if named and check_of(named, None) is None else None


def shown_aids(result: EligibilityResult, check: str) -> list[AidResult]:
    """The aids worth showing for a check: of the income aids, the one the person's status
    points to (or the integration income when none applies, to say why); other aids unless
    they are clearly out of reach in an "everything" check."""
    wanted = CHECKS.get(check, CHECKS[ALL])
    income = [result.aid(a) for a in INCOME_AIDS if a in wanted]
    possible = [a for a in income if a.eligible is not False]
    chosen = possible[:1] if possible else income[:1]
    others = [result.aid(a) for a in wanted if a not in INCOME_AIDS]
    if check == ALL:
        others = [a for a in others if a.eligible is not False]
    return chosen + others
