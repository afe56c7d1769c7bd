"""Rules-engine throughput: households per second, evaluated in one vectorised OpenFisca call.

Usage: ``.venv/bin/python bench/rules_throughput.py [households] [rounds]`` (default 200, 5).
Synthetic households only; no user data.
"""

from __future__ import annotations

import sys
import time
from datetime import date

from aidguide import eligibility, rules

SITUATIONS = ("alone", "cohabiting", "with_dependent_children")
FUELS = ("heating_oil_bulk", "heating_oil_pump", "propane_bulk", "natural_gas")


def households(count: int) -> list[rules.EligibilityRequest]:
    return [
        rules.EligibilityRequest(
            on=date(2025, 6, 1),
            lang=("fr", "nl")[i % 2],
            person=rules.PersonAnswers(
                age=18 + i % 60,
                residence_status="belgian",
                lives_in_belgium=True,
                available_for_work=True,
                monthly_net_income=float(i % 15 * 100),
                bim=i % 4 == 0,
            ),
            household=rules.HouseholdAnswers(
                situation=SITUATIONS[i % 3],
                dependants=i % 3,
                yearly_gross_taxable_income=float(15000 + i * 97),
                debt_mediation=False,
            ),
            heating=rules.HeatingAnswers(
                fuel=FUELS[i % 4], litres=500 + i % 10 * 150, price_per_litre=1.05 + i % 10 * 0.025
            ),
        )
        for i in range(count)
    ]


def main(argv: list[str]) -> int:
    count = int(argv[1]) if len(argv) > 1 else 200
    rounds = int(argv[2]) if len(argv) > 2 else 5
    requests = households(count)
    eligibility.evaluate_batch(requests[:1])  # load the tax-benefit system once
    simulate_only, full = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        rules.simulation.simulate(requests, "2025-06")
        simulate_only.append(time.perf_counter() - start)
        start = time.perf_counter()
        eligibility.evaluate_batch(requests)
        full.append(time.perf_counter() - start)
    best_sim, best_full = min(simulate_only), min(full)
    print(f"households: {count} (one vectorised OpenFisca simulation), best of {rounds}")
    print(f"simulation only: {best_sim * 1000:.1f} ms -> {count / best_sim:,.0f} households/s")
    print(
        f"with answers in FR/NL: {best_full * 1000:.1f} ms -> {count / best_full:,.0f} households/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
