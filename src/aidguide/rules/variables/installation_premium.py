# ruff: noqa: N801, N805, RUF012 - OpenFisca conventions: lowercase variable classes, formula(entity, period), list attributes
"""Prime d'installation / installatiepremie: for people who stop being homeless by taking a
home as main residence. Amount: 1/12 of the yearly RIS category-3 amount (computed, never
typed). Legal basis: art. 14 §3 of the loi du 26 mai 2002; art. 57bis of the loi organique
with the AR du 21 septembre 2004. Facts: §6."""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from aidguide.rules.entities import Person
from aidguide.rules.enums import Condition, Eligibility

from .common import combine, from_answer, number, param

MONTH = DateUnit.MONTH
LAW = "Loi du 26 mai 2002, art. 14 §3; loi organique du 8 juillet 1976, art. 57bis; AR du 21 septembre 2004"


def premium(parameters: object, period: object) -> float:
    """1/12 of the yearly category-3 RIS amount in force; NaN when that amount is unknown."""
    return number(param(parameters(period), "ris.amount.cat3.yearly")) / 12


class installation_premium_condition_housing(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Stops being homeless by taking a home as main residence"
    reference = [LAW, "bdas-wwsb.brussels/?p=4309; agii.be"]

    def formula(person, period):
        return from_answer(person("moving_out_of_homelessness", period))


class installation_premium_condition_income(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Gets the RIS or the equivalent aid (otherwise: a replacement income or a low income, checked by the CPAS)"
    reference = [LAW, "https://primabook.mi-is.be/fr/logement/introduction"]

    def formula(person, period):
        ris = person("ris_eligibility", period)
        equivalent = person("equivalent_aid_eligibility", period)
        either = (ris == Eligibility.eligible) | (equivalent == Eligibility.eligible)
        return np.where(either, Condition.met, Condition.unknown)


class installation_premium_eligibility(Variable):
    value_type = Enum
    possible_values = Eligibility
    default_value = Eligibility.unknown
    entity = Person
    definition_period = MONTH
    label = "Probably eligible for the installation premium"
    reference = [LAW]

    def formula(person, period):
        return combine(
            person("installation_premium_condition_housing", period),
            person("installation_premium_condition_income", period),
        )


class installation_premium_amount_known(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The yearly category-3 RIS amount is known at that date"

    def formula(person, period, parameters):
        return np.full(person.count, not np.isnan(premium(parameters, period)))


class installation_premium_amount(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Installation premium: 1/12 of the yearly RIS category-3 amount (0 when unknown)"
    reference = [LAW, "oudsbergen.be; bilzen.be; ocmw.dehaan.be"]
    unit = "currency-EUR"

    def formula(person, period, parameters):
        return np.full(person.count, np.nan_to_num(premium(parameters, period), nan=0.0))
