"""AidGuide's rules engine on OpenFisca: which aid applies, and for roughly how much.

A pure OpenFisca country package: ``CountryTaxBenefitSystem`` is what ``openfisca test`` /
``openfisca serve`` load (``--country-package aidguide.rules``). It returns values and
condition codes (:func:`compute_batch`) and dated parameter values (:func:`reference_amount`);
:mod:`aidguide.eligibility` turns them into explained answers. See README.md.
"""

from __future__ import annotations

from .indexation import Basis, Step
from .models import (
    AIDS,
    ISP_MAX_MONTHS,
    ISP_WINDOW_MONTHS,
    MAX_MONTHS,
    SHORTAGE_MAX_MONTHS,
    EligibilityRequest,
    HeatingAnswers,
    HouseholdAnswers,
    PersonAnswers,
    ReferenceAmount,
    Staleness,
)
from .reference import UnknownReferenceKey, reference_amount, reference_keys, scale_reference
from .simulation import compute_batch
from .system import CountryTaxBenefitSystem, tax_benefit_system

__all__ = [
    "AIDS",
    "ISP_MAX_MONTHS",
    "ISP_WINDOW_MONTHS",
    "MAX_MONTHS",
    "SHORTAGE_MAX_MONTHS",
    "Basis",
    "CountryTaxBenefitSystem",
    "EligibilityRequest",
    "HeatingAnswers",
    "HouseholdAnswers",
    "PersonAnswers",
    "ReferenceAmount",
    "Staleness",
    "Step",
    "UnknownReferenceKey",
    "compute_batch",
    "reference_amount",
    "reference_keys",
    "scale_reference",
    "tax_benefit_system",
]
