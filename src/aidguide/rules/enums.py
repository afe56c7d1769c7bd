"""The categorical values of the model. ``unknown`` is always the default: an input nobody
gave stays unknown and produces an "unknown" condition, never a guess."""

from __future__ import annotations

from openfisca_core.indexed_enums import Enum


class Answer(Enum):
    """A yes/no question that may be left unanswered."""

    unknown = "Not answered"
    yes = "Yes"
    no = "No"


class ResidenceStatus(Enum):
    unknown = "Not answered"
    belgian = "Belgian"
    eu_citizen = "EU citizen (or family member) with a right of residence over 3 months"
    eu_citizen_first_3_months = "EU citizen in the first 3 months of residence"
    population_register = "Foreigner registered in the population register"
    foreigners_register = "Foreigner registered in the foreigners register"
    refugee = "Recognised refugee"
    subsidiary_protection = "Subsidiary protection"
    stateless = "Stateless person"
    no_legal_stay = "No legal stay"


class WorkExemption(Enum):
    """Why someone who is not available for work may still get the RIS."""

    unknown = "Not answered"
    none = "No reason"
    health = "Health reasons"
    studies = "Studies (an equity reason)"


class HouseholdSituation(Enum):
    unknown = "Not answered"
    alone = "Lives alone"
    cohabiting = "Lives with others (cohabitant)"
    with_dependent_children = "Has a family to support (at least one unmarried minor child)"


class Fuel(Enum):
    unknown = "Not answered"
    heating_oil_bulk = "Heating gasoil delivered in bulk"
    heating_oil_pump = "Heating gasoil bought at the pump"
    kerosene_pump = "Kerosene (type c) bought at the pump"
    propane_bulk = "Propane delivered in bulk"
    natural_gas = "Natural gas"
    electricity = "Electricity"
    wood = "Wood"
    pellets = "Pellets"
    coal = "Coal"
    bottled_gas = "Bottled gas"


class Condition(Enum):
    """The state of one condition of an aid.

    ``required`` is a duty the person must fulfil that we did not ask about (for example,
    claiming other benefits first); it is told to the person but does not decide the answer.
    """

    unknown = "We do not know yet"
    met = "Met"
    not_met = "Not met"
    required = "You must also do this"


class Eligibility(Enum):
    unknown = "We cannot say yet"
    eligible = "Probably eligible"
    not_eligible = "Probably not eligible"


class RisCategory(Enum):
    unknown = "Not known"
    cat1 = "Category 1: cohabitant"
    cat2 = "Category 2: living alone"
    cat3 = "Category 3: with a family to support"


class HeatingCategory(Enum):
    unknown = "Not known"
    none = "No category"
    cat1 = "Category 1: increased reimbursement (BIM)"
    cat2 = "Category 2: low income"
    cat3 = "Category 3: debt mediation"
