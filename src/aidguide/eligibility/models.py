"""The explained answer of :mod:`aidguide.eligibility`: per aid, whether it applies, an
indicative amount (labelled when computed rather than published), the reasons per condition,
the legal basis, the next steps and who decides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from aidguide.rules import Step

Tri = bool | Literal["unknown"]
Status = Literal["met", "not_met", "unknown", "required"]
Period = Literal["month", "year", "once"] | None


@dataclass(frozen=True)
class AmountBasis:
    """What a computed amount rests on: the published amount of ``parameter`` in force from
    ``applies_from``, and the indexation steps applied to it since."""

    parameter: str
    value: Decimal
    applies_from: date
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str
    period: Period
    applies_from: date
    text: str
    #: Not published: computed as ``basis`` (the text says so, with "≈").
    computed: bool = False
    basis: AmountBasis | None = None


@dataclass(frozen=True)
class Reason:
    condition: str
    status: Status
    text: str


@dataclass(frozen=True)
class AidResult:
    aid: str
    name: str
    eligible: Tri
    amount: Amount | None
    amount_note: str | None
    reasons: list[Reason]
    legal_basis: list[str]
    next_steps: list[str]
    disclaimer: str
    category: str | None = None


@dataclass(frozen=True)
class EligibilityResult:
    on: date
    lang: str
    aids: list[AidResult]

    def aid(self, aid_id: str) -> AidResult:
        """The result of one aid by id (``ris``, ``heating_allowance``...)."""
        for item in self.aids:
            if item.aid == aid_id:
                return item
        raise KeyError(aid_id)
