# ruff: noqa: N801, N805, RUF012 - OpenFisca conventions: lowercase variable classes, formula(entity, period), list attributes
"""Allocation de chauffage / verwarmingstoelage (Fonds social chauffage). Per household.

Legal basis: loi-programme du 27 décembre 2004, AR du 9 janvier 2005; AR du 27 mars 2009 as
amended by the AR du 6 août 2022. Facts: §4 (with the timeline that resolves the 1,500 l /
300 € versus 2,000 l / 400 € conflict: from 2024-01-01, 1,500 l, 14 to 20 c/l, pump 210 €).
"""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from aidguide.rules.entities import Household
from aidguide.rules.enums import (
    Answer,
    Condition,
    Eligibility,
    Fuel,
    HeatingCategory,
    HouseholdSituation,
)

from .common import NAN, combine, from_answer, number, param
from .ris import is_any

MONTH = DateUnit.MONTH
LAW = "AR du 27 mars 2009 (allocation de chauffage), modifié par l'AR du 6 août 2022; loi-programme du 27 décembre 2004"
BULK_FUELS = (Fuel.heating_oil_bulk, Fuel.propane_bulk)
PUMP_FUELS = (Fuel.heating_oil_pump, Fuel.kerosene_pump)
COVERED_FUELS = BULK_FUELS + PUMP_FUELS


def applicant_answer(household: object, variable: str, period: object) -> np.ndarray:
    """The applicant's yes/no answer, as an ``Answer`` array on the household."""
    answer = household.members(variable, period)
    yes = household.value_from_person(answer == Answer.yes, role=Household.APPLICANT)
    no = household.value_from_person(answer == Answer.no, role=Household.APPLICANT)
    return np.select([yes, no], [Answer.yes, Answer.no], Answer.unknown)


class heating_allowance_condition_fuel(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Household
    definition_period = MONTH
    label = "Fuel covered: heating gasoil (bulk or pump), kerosene at the pump, bulk propane"
    reference = [LAW, "ingelmunster.be; malmedy.be"]

    def formula(household, period):
        chosen = household("fuel", period)
        return np.select(
            [is_any(chosen, COVERED_FUELS), chosen == Fuel.unknown],
            [Condition.met, Condition.unknown],
            Condition.not_met,
        )


class heating_allowance_condition_bim(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Household
    definition_period = MONTH
    label = (
        "Category 1: BIM, with no income check if the person lives alone (with or without "
        "dependent children) or everyone has the BIM"
    )
    reference = [LAW, "✅ fondschauffage.be/qui-peut-en-beneficier; informazout.be"]

    def formula(household, period):
        applicant_bim = applicant_answer(household, "bim", period)
        situation = household("situation", period)
        size = household("household_size", period)
        # The only adult: the household is the applicant plus their dependants (children).
        single_parent = (situation == HouseholdSituation.with_dependent_children) & (
            size == household("dependants", period) + 1
        )
        alone = (situation == HouseholdSituation.alone) | (size == 1) | single_parent
        everyone = household("all_members_bim", period)
        return np.select(
            [
                applicant_bim == Answer.no,
                (applicant_bim == Answer.yes) & (alone | (everyone == Answer.yes)),
                (applicant_bim == Answer.yes) & (everyone == Answer.no),
            ],
            [Condition.not_met, Condition.met, Condition.not_met],
            Condition.unknown,
        )


class heating_allowance_income_ceiling(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Category 2 ceiling: base + supplement per dependant (0 when unknown)"
    unit = "currency-EUR"
    reference = [LAW, "cpasconnect.be; mc.be"]

    def formula(household, period, parameters):
        at = parameters(period)
        base = number(param(at, "heating_allowance.income_ceiling.base"))
        per = number(param(at, "heating_allowance.income_ceiling.per_dependant"))
        return np.nan_to_num(base + per * household("dependants", period), nan=0.0)


class heating_allowance_condition_income(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Household
    definition_period = MONTH
    label = "Category 2: yearly gross taxable income at most the ceiling"
    reference = [LAW, "cpasconnect.be; mc.be"]

    def formula(household, period, parameters):
        at = parameters(period)
        base = number(param(at, "heating_allowance.income_ceiling.base"))
        per = number(param(at, "heating_allowance.income_ceiling.per_dependant"))
        income = household("yearly_gross_taxable_income", period)
        dependants = household("dependants", period)
        ceiling = base + per * dependants
        return np.select(
            [income <= base, income <= ceiling, income > ceiling],
            [Condition.met, Condition.met, Condition.not_met],
            Condition.unknown,
        )


class heating_allowance_condition_debt(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Household
    definition_period = MONTH
    label = "Category 3: debt mediation or collective debt settlement"
    reference = [LAW, "oud-heverlee.be; malmedy.be"]

    def formula(household, period):
        return from_answer(household("debt_mediation", period))


class heating_allowance_category(Variable):
    value_type = Enum
    possible_values = HeatingCategory
    default_value = HeatingCategory.unknown
    entity = Household
    definition_period = MONTH
    label = "Heating allowance category (1 BIM, 2 low income, 3 debt mediation)"
    reference = [LAW]

    def formula(household, period):
        cat1 = household("heating_allowance_condition_bim", period)
        cat2 = household("heating_allowance_condition_income", period)
        cat3 = household("heating_allowance_condition_debt", period)
        none = (
            (cat1 == Condition.not_met) & (cat2 == Condition.not_met) & (cat3 == Condition.not_met)
        )
        return np.select(
            [cat1 == Condition.met, cat2 == Condition.met, cat3 == Condition.met, none],
            [
                HeatingCategory.cat1,
                HeatingCategory.cat2,
                HeatingCategory.cat3,
                HeatingCategory.none,
            ],
            HeatingCategory.unknown,
        )


class heating_allowance_condition_category(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Household
    definition_period = MONTH
    label = "The household is in one of the three categories"
    reference = [LAW]

    def formula(household, period):
        category = household("heating_allowance_category", period)
        return np.select(
            [category == HeatingCategory.none, category == HeatingCategory.unknown],
            [Condition.not_met, Condition.unknown],
            Condition.met,
        )


class heating_allowance_condition_home(Variable):
    value_type = Enum
    possible_values = Condition
    default_value = Condition.unknown
    entity = Household
    definition_period = MONTH
    label = "Not living in a nursing home or a hospital (a duty when not asked)"
    reference = [LAW, "mi-is.be heating FAQ"]

    def formula(household, period):
        answer = household("lives_in_care_home", period)
        return np.select(
            [answer == Answer.yes, answer == Answer.no],
            [Condition.not_met, Condition.met],
            Condition.required,
        )


class heating_allowance_eligibility(Variable):
    value_type = Enum
    possible_values = Eligibility
    default_value = Eligibility.unknown
    entity = Household
    definition_period = MONTH
    label = "Probably eligible for the heating allowance"
    reference = [LAW]

    def formula(household, period):
        home = household("heating_allowance_condition_home", period)
        return combine(
            household("heating_allowance_condition_fuel", period),
            household("heating_allowance_condition_category", period),
            np.where(home == Condition.not_met, Condition.not_met, Condition.met),
        )


class heating_allowance_rate_per_litre(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Allowance per litre for the invoice price per litre (price bands of that date); NaN when unknown"
    reference = [LAW, "fondschauffage.be/index.php/quel-est-le-montant"]
    unit = "currency-EUR"

    def formula(household, period, parameters):
        bands = param(parameters(period), "heating_allowance.price_bands")
        # float32 inputs: 1.145 would read as 1.14499998; round to the tenth of a cent first.
        price = np.round(household("price_per_litre", period).astype(float), 4)
        if bands is None or len(bands.thresholds) == 0:
            return np.full(len(price), NAN)
        return np.where(np.isnan(price), NAN, bands.calc(np.nan_to_num(price)))


class heating_allowance_litres_counted(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Litres counted: the litres delivered, at most the yearly maximum; NaN when unknown"
    reference = [LAW, "peer.be; oud-heverlee.be"]

    def formula(household, period, parameters):
        max_litres = number(param(parameters(period), "heating_allowance.max_litres"))
        return np.fmin(household("litres", period).astype(float), max_litres)


def raw_amount(household: object, period: object, parameters: object) -> np.ndarray:
    """Bulk: allowance per litre for the price band x litres (capped at the yearly volume),
    at most the maximum amount. Pump: the flat rate. Uncovered fuel: 0. NaN when unknown."""
    at = parameters(period)
    chosen = household("fuel", period)
    max_amount = number(param(at, "heating_allowance.max_amount"))
    flat = number(param(at, "heating_allowance.pump_flat_rate"))
    rate = household("heating_allowance_rate_per_litre", period)
    volume = household("heating_allowance_litres_counted", period)
    bulk = np.fmin(np.round(rate * volume, 2), max_amount)
    bulk = np.where(np.isnan(volume) | np.isnan(rate) | np.isnan(max_amount), NAN, bulk)
    return np.select(
        [is_any(chosen, BULK_FUELS), is_any(chosen, PUMP_FUELS), chosen == Fuel.unknown],
        [bulk, np.full(len(chosen), flat), np.full(len(chosen), NAN)],
        0.0,
    )


class heating_allowance_amount_known(Variable):
    value_type = bool
    entity = Household
    definition_period = MONTH
    label = "The heating allowance amount can be computed (fuel, litres, price and the regime of that date known)"

    def formula(household, period, parameters):
        return ~np.isnan(raw_amount(household, period, parameters))


class heating_allowance_amount(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    label = "Heating allowance for this delivery (0 when unknown)"
    reference = [LAW, "fondschauffage.be/index.php/quel-est-le-montant; peer.be"]
    unit = "currency-EUR"

    def formula(household, period, parameters):
        return np.nan_to_num(raw_amount(household, period, parameters), nan=0.0)
