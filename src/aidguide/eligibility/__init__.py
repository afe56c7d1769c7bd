"""Explained eligibility answers on top of the rules engine (:mod:`aidguide.rules`).

The engine returns values and condition codes; this package turns them into answers in French
or Dutch: reasons per condition, an indicative amount (labelled when it is computed rather than
published), the legal basis, and the next steps taken from the aid sheets (content/aids/), so
that documents, deadlines and aid names are written once.
"""

from __future__ import annotations

from .explain import evaluate, evaluate_batch
from .models import AidResult, Amount, AmountBasis, EligibilityResult, Reason

__all__ = [
    "AidResult",
    "Amount",
    "AmountBasis",
    "EligibilityResult",
    "Reason",
    "evaluate",
    "evaluate_batch",
]
