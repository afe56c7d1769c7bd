# ruff: noqa: N801 - OpenFisca convention: variable classes are lowercase
"""What the person tells us. Every input defaults to "unknown" (NaN for numbers): an answer
that was not given produces an "unknown" condition, never a guessed value."""

from __future__ import annotations

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from aidguide.rules.entities import Household, Person
from aidguide.rules.enums import Answer, Fuel, HouseholdSituation, ResidenceStatus, WorkExemption

MONTH = DateUnit.MONTH
NAN = float("nan")


# --- person -------------------------------------------------------------------------------


class age(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    default_value = NAN
    label = "Age in years (NaN: not answered)"


class residence_status(Variable):
    value_type = Enum
    possible_values = ResidenceStatus
    default_value = ResidenceStatus.unknown
    entity = Person
    definition_period = MONTH
    label = "Nationality or residence status"


class lives_in_belgium(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Has an effective, habitual residence in Belgium"


class available_for_work(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Is willing and available to work"


class work_exemption(Variable):
    value_type = Enum
    possible_values = WorkExemption
    default_value = WorkExemption.unknown
    entity = Person
    definition_period = MONTH
    label = "Health or equity reason (studies) for not being available for work"


class monthly_net_income(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    default_value = NAN
    label = "Monthly net income of the person and their partner, without child benefit"
    documentation = (
        "What the person and their partner receive per month, net (wages, benefits, pensions, "
        "maintenance...), before the RIS exemptions. The partner's income always counts; family "
        "allowances received for one's own children do not (facts, corrections of 2026-12-01, "
        "§5). The bot's income question asks exactly this."
    )
    unit = "currency-EUR"


class socio_professional_income(Variable):
    value_type = float
    entity = Person
    definition_period = MONTH
    default_value = 0.0
    label = "Part of the monthly income from work that the socio-professional exemption covers"
    documentation = "Zero unless the CPAS applies the socio-professional exemption (work, or a student job of a full-time student)."
    unit = "currency-EUR"


class isp_started_on_ris(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Started the work or training (or student job) while on the RIS"
    documentation = (
        "The socio-professional exemption applies only to people who start work or training "
        "while on the RIS (facts, corrections of 2026-12-01, §10). Not answered: the exemption "
        "is applied to the income the caller says it covers, as before this question existed."
    )


class isp_months_used(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    default_value = 0
    label = "Months of socio-professional exemption already used before this month"


class isp_months_since_first(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    default_value = 0
    label = "Months since the socio-professional exemption was first granted (0: this month)"


class shortage_occupation(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "The work started while on the RIS is in a shortage occupation"


class shortage_occupation_months_used(Variable):
    value_type = int
    entity = Person
    definition_period = MONTH
    default_value = 0
    label = "Months of the shortage-occupation exemption already used before this month"


class pregnant(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Is pregnant (an exception for minors)"


class emancipated_by_marriage(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Is a minor emancipated by marriage (an exception for minors)"


class bim(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Has the increased reimbursement (BIM) of the health insurance fund"


class homeless(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Is homeless"


class moving_out_of_homelessness(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Stops being homeless by taking a home as main residence"


class other_rights_claimed(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Person
    label = "Has claimed the other benefits and rights they may have"


# --- household ----------------------------------------------------------------------------


class situation(Variable):
    value_type = Enum
    possible_values = HouseholdSituation
    default_value = HouseholdSituation.unknown
    entity = Household
    definition_period = MONTH
    label = "Living alone, cohabiting, or with a family to support"


class dependants(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    default_value = NAN
    label = "Number of dependants (heating allowance: net income below the dependant limit)"


class household_size(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    default_value = NAN
    label = "Number of people in the household (NaN: not answered)"


class yearly_gross_taxable_income(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    default_value = NAN
    label = "Yearly gross taxable income of the household"
    unit = "currency-EUR"


class debt_mediation(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Household
    label = "In debt mediation or collective debt settlement, unable to pay the heating bill"


class all_members_bim(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Household
    label = "Every member of the household has the BIM"


class lives_in_care_home(Variable):
    value_type = Enum
    possible_values = Answer
    default_value = Answer.unknown
    definition_period = MONTH
    entity = Household
    label = "Lives in a nursing home or a hospital"


class fuel(Variable):
    value_type = Enum
    possible_values = Fuel
    default_value = Fuel.unknown
    entity = Household
    definition_period = MONTH
    label = "Heating fuel bought"


class litres(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    default_value = NAN
    label = "Litres delivered"


class price_per_litre(Variable):
    value_type = float
    entity = Household
    definition_period = MONTH
    default_value = NAN
    label = "Invoice price per litre, VAT included"
    unit = "currency-EUR"
