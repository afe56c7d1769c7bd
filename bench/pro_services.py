"""How fast are the worker services? Prints mean and p95 per kind.

Run: ``.venv/bin/python bench/pro_services.py``. Every parameter at a date (the table of
``/pro`` and ``GET /api/parameters``), one parameter's history, the calculation steps from
OpenFisca's trace (one traced simulation per call), and the reading of an amount-at-date
question. Inputs are fixed so that runs can be compared.
"""

from __future__ import annotations

import time
from datetime import date

from _timing import print_timings, time_calls

from aidguide.pro.catalogue import history, values_at
from aidguide.pro.question import answer_amount_question
from aidguide.pro.steps import calculation_steps
from aidguide.rules import EligibilityRequest, HouseholdAnswers, PersonAnswers

DAYS = ["2021-06-01", "2023-08-15", "2025-06-01", "2026-06-15"]
NAMES = ["ris.amount.cat1.monthly", "installation_premium.amount", "heating_allowance.price_bands"]
INCOMES = ["0", "600", "1320", "2000"]
QUESTIONS = [
    "combien était le RIS cohabitant en août 2023 ?",
    "hoeveel was het leefloon voor een alleenstaande op 1 juli 2023?",
    "Hoeveel was het leefloon vorig jaar in mei?",
    "bonjour",
]
ROUNDS = 20


def _steps(income: str) -> object:
    return calculation_steps(
        EligibilityRequest(
            on=date(2025, 6, 1),
            person=PersonAnswers(age=30, monthly_net_income=float(income)),
            household=HouseholdAnswers(situation="alone"),
        )
    )


def main() -> None:
    start = time.perf_counter()
    values_at(date(2025, 6, 1), "fr")
    print(f"first table: {(time.perf_counter() - start) * 1000:.1f} ms (loads the engine)")
    print_timings(
        "values_at",
        time_calls(lambda d: values_at(date.fromisoformat(d), "nl"), DAYS, ROUNDS),
        "tables",
    )
    print_timings("history", time_calls(lambda n: history(n, "fr"), NAMES, ROUNDS), "histories")
    print_timings("steps", time_calls(_steps, INCOMES, ROUNDS), "calculations")
    today = date(2026, 12, 1)
    print_timings(
        "question",
        time_calls(lambda q: answer_amount_question(q, "fr", today), QUESTIONS, ROUNDS),
        "questions",
    )


if __name__ == "__main__":
    main()
