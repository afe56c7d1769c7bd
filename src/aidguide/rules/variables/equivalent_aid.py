# ruff: noqa: N801, N805, RUF012 - OpenFisca conventions: lowercase variable classes, formula(entity, period), list attributes
"""Aide sociale équivalente au RI / equivalent leefloon: for foreigners legally resident but
not entitled to the RIS (registered in the foreigners register). Same amounts and calculation
as the RIS. Legal basis: loi organique des CPAS du 8 juillet 1976; State refund under art. 5
of the loi du 2 avril 1965. Facts: §2. The CPAS may impose other conditions (details not
found), so only status, residence and resources decide here."""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from aidguide.rules.entities import Person
from aidguide.rules.enums import Condition, Eligibility, ResidenceStatus

from .common import combine
from .ris import RIS_STATUSES, is_any

MONTH = DateUnit.MONTH
LAW = "Loi organique des CPAS du 8 juillet 1976; loi du 2 avril 1965, art. 5"


class equivalent_aid_condition_status(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Registered in the foreigners register (legal stay, no right to the RIS)"
    reference = [LAW, "bdas-wwsb.brussels/?p=2997; zwevegem.be"]

    def formula(person, period):
        status = person("residence_status", period)
        not_met = is_any(status, (*RIS_STATUSES, ResidenceStatus.no_legal_stay))
        return np.select(
            [status == ResidenceStatus.foreigners_register, not_met],
            [Condition.met, Condition.not_met],
            Condition.unknown,
        )


class equivalent_aid_eligibility(Variable):
    value_type = Enum
    possible_values = Eligibility
    default_value = Eligibility.unknown
    entity = Person
    definition_period = MONTH
    label = "Probably eligible for the equivalent social aid"
    reference = [LAW]

    def formula(person, period):
        return combine(
            person("equivalent_aid_condition_status", period),
            person("ris_condition_residence", period),
            person("ris_condition_resources", period),
        )


class equivalent_aid_indicative_monthly_amount(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Indicative monthly equivalent social aid: same amounts and calculation as the RIS"
    reference = [LAW, "ans-ville.be; sichinbelgienniederlassen.be"]
    unit = "currency-EUR"

    def formula(person, period):
        return person("ris_indicative_monthly_amount", period)
