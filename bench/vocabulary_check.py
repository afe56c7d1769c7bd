"""How long does the "no known word" check add to a chat turn? Prints load time and, per kind
of message, mean and p95.

Run: ``.venv/bin/python bench/vocabulary_check.py``. Every message outside a form goes
through the check; known words return at once, unknown ones are compared with the whole
vocabulary (rapidfuzz), so "unknown" is the slow case.
"""

from __future__ import annotations

import statistics
import time

from aidguide.vocabulary import assistant_vocabulary, has_no_known_word

MESSAGES = {
    "known words": ["c'est quoi le revenu d'intégration", "waar is mijn OCMW?", "merci"],
    "typos": ["leeflon", "allocation de chaufage", "huurwaarbog"],
    "unknown": ["blabla", "kwak kwak", "zorglub", "bla bla bla lalala tralala hihihi"],
    "not judged": ["1070", "ok", "une phrase de plus de six mots qui ne sera pas jugée"],
}
ROUNDS = 200


def measure(messages: list[str]) -> list[float]:
    timings = []
    for _ in range(ROUNDS):
        for message in messages:
            start = time.perf_counter()
            has_no_known_word(message)
            timings.append(time.perf_counter() - start)
    return timings


def main() -> None:
    start = time.perf_counter()
    vocabulary = assistant_vocabulary()
    load_ms = (time.perf_counter() - start) * 1000
    print(f"load: {load_ms:.0f} ms, {len(vocabulary.words)} words (once per process)")
    for kind, messages in MESSAGES.items():
        timings = measure(messages)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(
            f"{kind:11} mean {statistics.fmean(timings) * 1e6:8.1f} µs   "
            f"p95 {p95 * 1e6:8.1f} µs   ({len(timings)} checks)"
        )


if __name__ == "__main__":
    main()
