# ruff: noqa: N801, N805, RUF012 - OpenFisca conventions: lowercase variable classes, formula(entity, period), list attributes
"""Aids the CPAS does not grant but that we point to: the GRAPA (Federal Pension Service)
and the BIM (health insurance fund). Facts: §10."""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from aidguide.rules.entities import Person
from aidguide.rules.enums import Answer, Condition, Eligibility, HouseholdSituation

from .common import NAN, number, param

MONTH = DateUnit.MONTH


class grapa_referral(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Has reached the GRAPA age: refer to the Federal Pension Service (met = refer)"
    reference = ["https://www.sfpd.fgov.be/fr/droit-a-la-pension/grapa", "mc.be"]

    def formula(person, period, parameters):
        grapa_age = number(param(parameters(period), "grapa.age"))
        age = person("age", period)
        known = ~np.isnan(age) & ~np.isnan(grapa_age)
        return np.select(
            [known & (age >= grapa_age), known],
            [Condition.met, Condition.not_met],
            Condition.unknown,
        )


class bim_income_ceiling(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "BIM ceiling, general one-year reference: base + supplement per extra person (0 when unknown)"
    unit = "currency-EUR"
    reference = ["🟡 statut-bim.be"]

    def formula(person, period, parameters):
        return np.nan_to_num(
            _bim_ceiling(person, period, parameters, "bim.income_ceiling"), nan=0.0
        )


class bim_income_ceiling_one_month(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "BIM ceiling, one-month reference (unemployed, sick, single parents, pensioners...): base + supplement per extra person (0 when unknown)"
    unit = "currency-EUR"
    reference = ["🟡 statut-bim.be"]

    def formula(person, period, parameters):
        ceiling = _bim_ceiling(person, period, parameters, "bim.income_ceiling.one_month")
        return np.nan_to_num(ceiling, nan=0.0)


def _bim_ceiling(person: object, period: object, parameters: object, node: str) -> np.ndarray:
    at = parameters(period)
    base = number(param(at, f"{node}.base"))
    extra = number(param(at, f"{node}.per_extra_person"))
    size = person.household("household_size", period)
    alone = person.household("situation", period) == HouseholdSituation.alone
    size = np.where(np.isnan(size) & alone, 1.0, size)
    return np.where(size >= 1, base + extra * (size - 1), NAN)


class bim_referral(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = (
        "Probably entitled to the BIM: refer to the health insurance fund (met = refer). Income "
        "at most the lower ceiling: met; above the higher one: not met; in between: unknown "
        "(it depends on which reference period applies, the fund decides)"
    )
    reference = ["mc.be (23/12/2024)", "🟡 statut-bim.be"]

    def formula(person, period, parameters):
        one_year = _bim_ceiling(person, period, parameters, "bim.income_ceiling")
        one_month = _bim_ceiling(person, period, parameters, "bim.income_ceiling.one_month")
        lower, higher = np.fmin(one_year, one_month), np.fmax(one_year, one_month)
        # With one ceiling unknown we cannot tell which applies: the answer stays unknown.
        both = ~np.isnan(one_year) & ~np.isnan(one_month)
        income = person.household("yearly_gross_taxable_income", period)
        via_aid = (person("ris_eligibility", period) == Eligibility.eligible) | (
            person("equivalent_aid_eligibility", period) == Eligibility.eligible
        )
        return np.select(
            [
                person("bim", period) == Answer.yes,
                via_aid,
                both & (income <= lower),
                both & (income > higher),
            ],
            [Condition.met, Condition.met, Condition.met, Condition.not_met],
            Condition.unknown,
        )
