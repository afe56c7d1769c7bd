"""OpenFisca variables, grouped by aid (as in openfisca-country-template)."""

from __future__ import annotations

import inspect

from openfisca_core.variables import Variable

from . import (
    equivalent_aid,
    heating_allowance,
    inputs,
    installation_premium,
    referrals,
    ris,
    urgent_medical_aid,
)

MODULES = (
    inputs,
    ris,
    equivalent_aid,
    urgent_medical_aid,
    heating_allowance,
    installation_premium,
    referrals,
)


def all_variables() -> list[type[Variable]]:
    """Every Variable class defined in the modules above (not the ones they import)."""
    found = []
    for module in MODULES:
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Variable) and obj.__module__ == module.__name__:
                found.append(obj)
    return found
