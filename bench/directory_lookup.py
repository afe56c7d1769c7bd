"""How fast is a CPAS lookup once the directory is loaded? Prints mean and p95 per kind.

Run: ``.venv/bin/python bench/directory_lookup.py``. The queries are fixed so that the
figures can be compared from one run to the next.
"""

from __future__ import annotations

import time

from _timing import print_timings, time_calls

from aidguide.directory import load_directory

QUERIES = {
    "postcode": ["1070", "4000", "9000", "1040", "6700", "3500", "8000", "2150"],
    "exact name": ["Anderlecht", "Luik", "Lüttich", "Sint-Genesius-Rode", "Borsbeek", "Laeken"],
    "typo name": ["anderleht", "Nammur", "Charleroy", "schaerbeck", "Antwerpn", "Luettich"],
    "sentence": ["j'habite à Jette", "ik woon in Gent", "CPAS de Namur", "1070 Anderlecht"],
    "no match": ["qwertyuiop", "bonjour", "ik heb hulp nodig"],
}
ROUNDS = 300


def main() -> None:
    start = time.perf_counter()
    directory = load_directory()
    print(f"load: {(time.perf_counter() - start) * 1000:.1f} ms (once per process)")
    for kind, queries in QUERIES.items():
        timings = time_calls(lambda query: directory.lookup(query, "fr"), queries, ROUNDS)
        print_timings(kind, timings, "lookups")


if __name__ == "__main__":
    main()
