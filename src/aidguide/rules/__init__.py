"""AidGuide's rules engine on OpenFisca: which aid applies, and for roughly how much.

``CountryTaxBenefitSystem`` is what ``openfisca test`` / ``openfisca serve`` load
(``--country-package aidguide.rules``). The rest of the product uses the facade:
:func:`evaluate`, :func:`evaluate_batch` and :func:`reference_amount` (see README.md).
"""

from __future__ import annotations

from .facade import evaluate, evaluate_batch
from .models import (
    AIDS,
    AidResult,
    Amount,
    EligibilityRequest,
    EligibilityResult,
    HeatingAnswers,
    HouseholdAnswers,
    PersonAnswers,
    Reason,
    ReferenceAmount,
)
from .reference import UnknownReferenceKey, reference_amount, reference_keys
from .system import CountryTaxBenefitSystem, tax_benefit_system

__all__ = [
    "AIDS",
    "AidResult",
    "Amount",
    "CountryTaxBenefitSystem",
    "EligibilityRequest",
    "EligibilityResult",
    "HeatingAnswers",
    "HouseholdAnswers",
    "PersonAnswers",
    "Reason",
    "ReferenceAmount",
    "UnknownReferenceKey",
    "evaluate",
    "evaluate_batch",
    "reference_amount",
    "reference_keys",
    "tax_benefit_system",
]
