# ruff: noqa: N801, N805, RUF012 - OpenFisca conventions: lowercase variable classes, formula(entity, period), list attributes
"""Revenu d'intégration sociale (RIS) / leefloon: category, conditions, indicative amount.

Legal basis: loi du 26 mai 2002 concernant le droit à l'intégration sociale; AR du 11 juillet
2002. Facts: ../shared/facts/belgian_aids.md §1.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from aidguide.rules.entities import Person
from aidguide.rules.enums import (
    Answer,
    Condition,
    Eligibility,
    HouseholdSituation,
    ResidenceStatus,
    RisCategory,
    WorkExemption,
)
from aidguide.rules.models import ISP_MAX_MONTHS, ISP_WINDOW_MONTHS, SHORTAGE_MAX_MONTHS

from .common import NAN, combine, condition, from_answer, number, param

MONTH = DateUnit.MONTH
LAW = "Loi du 26 mai 2002 concernant le droit à l'intégration sociale"
RIS_PAGE = "https://primabook.mi-is.be/fr/droit-lintegration-sociale/les-ayants-droits-et-le-montant-du-revenu-dintegration"

#: Statuses that open the RIS (bdas-wwsb.brussels/?p=2997; ocmwdehaan.be).
RIS_STATUSES = (
    ResidenceStatus.belgian,
    ResidenceStatus.eu_citizen,
    ResidenceStatus.population_register,
    ResidenceStatus.refugee,
    ResidenceStatus.subsidiary_protection,
    ResidenceStatus.stateless,
)
CATEGORIES = (RisCategory.cat1, RisCategory.cat2, RisCategory.cat3)


def is_any(values: np.ndarray, members: tuple) -> np.ndarray:
    result = np.zeros(len(values), dtype=bool)
    for member in members:
        result |= values == member
    return result


def per_category(category: np.ndarray, parameters_at: object, template: str) -> np.ndarray:
    """The parameter ``template`` (with ``{cat}``) of each person's category; NaN if unknown."""
    return np.select(
        [category == cat for cat in CATEGORIES],
        [number(param(parameters_at, template.format(cat=cat.name))) for cat in CATEGORIES],
        NAN,
    )


class ris_category(Variable):
    value_type = Enum
    possible_values = RisCategory
    default_value = RisCategory.unknown
    entity = Person
    definition_period = MONTH
    label = "RIS category: 1 cohabitant, 2 living alone, 3 with a family to support"
    reference = [LAW, RIS_PAGE]

    def formula(person, period):
        situation = person.household("situation", period)
        return np.select(
            [
                situation == HouseholdSituation.cohabiting,
                situation == HouseholdSituation.alone,
                situation == HouseholdSituation.with_dependent_children,
            ],
            [RisCategory.cat1, RisCategory.cat2, RisCategory.cat3],
            RisCategory.unknown,
        )


class ris_condition_age(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Age 18 or more, or a minor who is emancipated by marriage, pregnant, or has a child to support"
    reference = [LAW, "https://www.mi-is.be (FAQ)"]

    def formula(person, period):
        age = person("age", period)
        pregnant = person("pregnant", period)
        married = person("emancipated_by_marriage", period)
        situation = person.household("situation", period)
        with_child = situation == HouseholdSituation.with_dependent_children
        exception = (pregnant == Answer.yes) | (married == Answer.yes) | with_child
        no_exception = (
            (pregnant == Answer.no)
            & (married == Answer.no)
            & (situation != HouseholdSituation.unknown)
            & ~with_child
        )
        return np.select(
            [age >= 18, exception, np.isnan(age), no_exception],
            [Condition.met, Condition.met, Condition.unknown, Condition.not_met],
            Condition.unknown,
        )


class ris_condition_residence(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Effective, habitual residence in Belgium"
    reference = [LAW]

    def formula(person, period):
        return from_answer(person("lives_in_belgium", period))


class ris_condition_status(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Nationality or residence status that opens the RIS"
    reference = [LAW, "bdas-wwsb.brussels/?p=2997"]

    def formula(person, period):
        status = person("residence_status", period)
        return condition(status != ResidenceStatus.unknown, is_any(status, RIS_STATUSES))


class ris_yearly_category_amount(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Yearly RIS amount of the person's category (12 x the monthly amount where the sources give no yearly one); NaN when unknown"
    reference = [LAW, RIS_PAGE]
    unit = "currency-EUR"

    def formula(person, period, parameters):
        """Where the sources give no yearly amount (2022-05-01, 2022-11-01, 2024-05-01), 12
        times the monthly amount of the same date is used: that is how it is defined."""
        at = parameters(period)
        category = person("ris_category", period)
        yearly = per_category(category, at, "ris.amount.{cat}.yearly")
        monthly = per_category(category, at, "ris.amount.{cat}.monthly")
        return np.where(np.isnan(yearly), monthly * 12, yearly)


class ris_isp_exemption_applies(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The socio-professional (ISP) exemption applies this month"
    reference = [LAW, "bdas-wwsb.brussels/?p=3363"]

    def formula(person, period):
        """Income from work it covers, the work or training started while on the RIS (not
        answered: as the caller says), fewer than 36 months used, within 6 years of the first."""
        work = person("socio_professional_income", period).astype(float) > 0
        started = person("isp_started_on_ris", period) != Answer.no
        used = person("isp_months_used", period) < ISP_MAX_MONTHS
        window = person("isp_months_since_first", period) < ISP_WINDOW_MONTHS
        return work & started & used & window


class ris_shortage_occupation_exemption_applies(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The shortage-occupation exemption applies this month (3 months, once)"
    reference = [LAW, "droitsquotidiens.be"]

    def formula(person, period):
        """Also only for work started while on the RIS (the parameter's note)."""
        work = person("socio_professional_income", period).astype(float) > 0
        started = person("isp_started_on_ris", period) != Answer.no
        shortage = person("shortage_occupation", period) == Answer.yes
        used = person("shortage_occupation_months_used", period) < SHORTAGE_MAX_MONTHS
        return work & started & shortage & used


class ris_socio_professional_exemption(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Socio-professional exemption deducted from the monthly income (capped); NaN when the cap is unknown"
    reference = [LAW, "bdas-wwsb.brussels/?p=3363", "droitsquotidiens.be"]
    unit = "currency-EUR"

    def formula(person, period, parameters):
        """In a shortage-occupation month the cap is that exemption's amount; the sources do
        not say the two add up, so they never do here. Otherwise the ISP cap, when it applies."""
        at = parameters(period)
        work = np.maximum(person("socio_professional_income", period).astype(float), 0)
        isp = person("ris_isp_exemption_applies", period)
        shortage = person("ris_shortage_occupation_exemption_applies", period)
        isp_cap = number(param(at, "ris.exemption.socio_professional.monthly"))
        # Read only when it applies, so that the traced steps name the cap actually used.
        shortage_cap = (
            number(param(at, "ris.exemption.socio_professional.shortage_occupation_monthly"))
            if shortage.any()
            else NAN
        )
        cap = np.where(shortage, shortage_cap, isp_cap)
        return np.where(isp | shortage, np.minimum(work, cap), 0.0)  # NaN propagates


class ris_yearly_resources(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Yearly resources: 12 x (monthly net income - socio-professional exemption); NaN when unknown"
    reference = [LAW, "https://primabook.mi-is.be/nl/.../berekening-van-de-bestaansmiddelen"]
    unit = "currency-EUR"

    def formula(person, period):
        income = person("monthly_net_income", period).astype(float)
        isp = person("ris_socio_professional_exemption", period)
        return np.maximum(income - isp, 0) * 12  # NaN propagates


class ris_general_exemption(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "General yearly exemption deducted: only for resources above 0 and below the yearly category amount"
    reference = [LAW, "bdas-wwsb.brussels/?p=3321"]
    unit = "currency-EUR"

    def formula(person, period, parameters):
        """Facts, corrections of 2026-12-01, §3: above the category amount there is no right,
        so nothing to exempt. NaN when it applies and the sources give no amount that day."""
        category = person("ris_category", period)
        general = per_category(category, parameters(period), "ris.exemption.general.{cat}")
        resources = person("ris_yearly_resources", period)
        yearly = person("ris_yearly_category_amount", period)
        return np.where((resources > 0) & (resources < yearly), general, 0.0)


class ris_countable_yearly_resources(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Countable yearly resources: yearly resources - the general exemption, never below 0"
    reference = [LAW]
    unit = "currency-EUR"

    def formula(person, period):
        resources = person("ris_yearly_resources", period)
        return np.maximum(resources - person("ris_general_exemption", period), 0)


def indicative_monthly(person: object, period: object) -> np.ndarray:
    """(yearly category amount - countable yearly resources) / 12, never below 0; NaN when
    an input or a parameter is unknown."""
    yearly = person("ris_yearly_category_amount", period)
    countable = person("ris_countable_yearly_resources", period)
    return np.maximum(yearly - countable, 0) / 12


class ris_amount_known(Variable):
    value_type = bool
    entity = Person
    definition_period = MONTH
    label = "The indicative RIS amount can be computed (inputs given, amounts found)"

    def formula(person, period):
        return ~np.isnan(indicative_monthly(person, period))


class ris_indicative_monthly_amount(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    label = "Indicative monthly RIS: (yearly category amount - countable resources) / 12, never below 0 (0 when unknown)"
    reference = [LAW, "https://primabook.mi-is.be/nl/.../berekening-van-de-bestaansmiddelen"]
    unit = "currency-EUR"

    def formula(person, period):
        return np.nan_to_num(indicative_monthly(person, period), nan=0.0)


class ris_condition_resources(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Insufficient resources: countable resources below the category amount"
    reference = [LAW]

    def formula(person, period):
        known = person("ris_amount_known", period)
        amount = person("ris_indicative_monthly_amount", period)
        return condition(known, amount >= 0.005)


class ris_condition_work(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Available for work, unless health or equity reasons (studies) prevent it"
    reference = [LAW]

    def formula(person, period):
        available = person("available_for_work", period)
        exemption = person("work_exemption", period)
        excused = (exemption == WorkExemption.health) | (exemption == WorkExemption.studies)
        return np.select(
            [
                available == Answer.yes,
                (available == Answer.no) & excused,
                (available == Answer.no) & (exemption == WorkExemption.none),
            ],
            [Condition.met, Condition.met, Condition.not_met],
            Condition.unknown,
        )


class ris_condition_other_rights(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Person
    definition_period = MONTH
    label = "Has first claimed other benefits and rights (a duty: does not decide the answer)"
    reference = [LAW, "knokke-heist.be; dilbeek.be"]

    def formula(person, period):
        claimed = person("other_rights_claimed", period)
        return np.where(claimed == Answer.yes, Condition.met, Condition.required)


class ris_eligibility(Variable):
    value_type = Enum
    possible_values = Eligibility
    default_value = Eligibility.unknown
    entity = Person
    definition_period = MONTH
    label = "Probably eligible for the RIS (age, residence, status, resources, work)"
    reference = [LAW]

    def formula(person, period):
        return combine(
            person("ris_condition_age", period),
            person("ris_condition_residence", period),
            person("ris_condition_status", period),
            person("ris_condition_resources", period),
            person("ris_condition_work", period),
        )
