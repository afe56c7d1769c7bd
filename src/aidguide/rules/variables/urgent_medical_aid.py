# ruff: noqa: N801, N805, RUF012 - OpenFisca conventions: lowercase variable classes, formula(entity, period), list attributes
"""Aide médicale urgente / dringende medische hulp: the route for people without legal stay.
Legal basis: art. 57 §2 of the loi organique du 8 juillet 1976; AR du 12 décembre 1996.
Facts: §3. Need (social inquiry) and the doctor's certificate are checked by the CPAS."""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from aidguide.rules.entities import Person
from aidguide.rules.enums import Condition, Eligibility, ResidenceStatus

from .common import combine

MONTH = DateUnit.MONTH
LAW = "Loi organique des CPAS du 8 juillet 1976, art. 57 §2; AR du 12 décembre 1996"


class urgent_medical_aid_condition_stay(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "No legal stay (no valid residence document, outside a short stay)"
    reference = [LAW, "agii.be"]

    def formula(person, period):
        status = person("residence_status", period)
        return np.select(
            [status == ResidenceStatus.no_legal_stay, status == ResidenceStatus.unknown],
            [Condition.met, Condition.unknown],
            Condition.not_met,
        )


class urgent_medical_aid_eligibility(Variable):
    value_type = Enum
    possible_values = Eligibility
    default_value = Eligibility.unknown
    entity = Person
    definition_period = MONTH
    label = "The urgent medical aid route applies (the CPAS checks need; a doctor attests urgency)"
    reference = [LAW]

    def formula(person, period):
        return combine(person("urgent_medical_aid_condition_stay", period))
