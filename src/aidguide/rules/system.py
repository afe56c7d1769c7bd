"""The OpenFisca tax-benefit system of AidGuide: entities, dated parameters and variables.

``openfisca test`` and ``openfisca serve`` find it as ``aidguide.rules.CountryTaxBenefitSystem``;
the simulation builds it once per process (:func:`tax_benefit_system`) because loading the YAML
parameter tree is the slow part of a simulation.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from .entities import entities
from .indexation import apply_indexation
from .variables import all_variables

PACKAGE_DIR = Path(__file__).resolve().parent
PARAMETERS_DIR = PACKAGE_DIR / "parameters"

#: Shown by the OpenFisca Web API (``/spec``): a real situation, computed when it starts.
OPEN_API_EXAMPLE = {
    "persons": {
        "applicant": {
            "age": {"2025-06": 30},
            "residence_status": {"2025-06": "belgian"},
            "lives_in_belgium": {"2025-06": "yes"},
            "available_for_work": {"2025-06": "yes"},
            "monthly_net_income": {"2025-06": 500},
            "ris_category": {"2025-06": None},
            "ris_eligibility": {"2025-06": None},
            "ris_indicative_monthly_amount": {"2025-06": None},
        }
    },
    "households": {
        "household": {
            "applicants": ["applicant"],
            "situation": {"2025-06": "alone"},
        }
    },
}


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """Belgian social aids granted through the CPAS / OCMW / ÖSHZ (see ``README.md``)."""

    def __init__(self) -> None:
        super().__init__(entities)
        self.add_variables(*all_variables())
        self.load_parameters(str(PARAMETERS_DIR))
        apply_indexation(self.parameters)
        self.open_api_config = {
            "variable_example": "ris_indicative_monthly_amount",
            "parameter_example": "ris.amount.cat2.monthly",
            "simulation_example": OPEN_API_EXAMPLE,
        }


@cache
def tax_benefit_system() -> CountryTaxBenefitSystem:
    """The system, loaded once per process (parameters are read-only afterwards)."""
    return CountryTaxBenefitSystem()
