"""How fast is a CPAS lookup once the directory is loaded? Prints mean and p95 per kind.

Run: ``.venv/bin/python bench/directory_lookup.py``. The queries are fixed so that the
figures can be compared from one run to the next.
"""

from __future__ import annotations

import statistics
import time

from aidguide.directory import load_directory

QUERIES = {
    "postcode": ["1070", "4000", "9000", "1040", "6700", "3500", "8000", "2150"],
    "exact name": ["Anderlecht", "Luik", "Lüttich", "Sint-Genesius-Rode", "Borsbeek", "Laeken"],
    "typo name": ["anderleht", "Nammur", "Charleroy", "schaerbeck", "Antwerpn", "Luettich"],
    "sentence": ["j'habite à Jette", "ik woon in Gent", "CPAS de Namur", "1070 Anderlecht"],
    "no match": ["qwertyuiop", "bonjour", "ik heb hulp nodig"],
}
ROUNDS = 300


def measure(queries: list[str]) -> list[float]:
    directory = load_directory()
    timings = []
    for _ in range(ROUNDS):
        for query in queries:
            start = time.perf_counter()
            directory.lookup(query, "fr")
            timings.append(time.perf_counter() - start)
    return timings


def main() -> None:
    start = time.perf_counter()
    load_directory()
    print(f"load: {(time.perf_counter() - start) * 1000:.1f} ms (once per process)")
    for kind, queries in QUERIES.items():
        timings = measure(queries)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(
            f"{kind:11} mean {statistics.fmean(timings) * 1e6:7.1f} µs   "
            f"p95 {p95 * 1e6:7.1f} µs   ({len(timings)} lookups)"
        )


if __name__ == "__main__":
    main()
