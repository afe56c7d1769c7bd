"""How long does the "no known word" check add to a chat turn? Prints load time and, per kind
of message, mean and p95.

Run: ``.venv/bin/python bench/vocabulary_check.py``. Every message outside a form goes
through the check; known words return at once, unknown ones are compared with the whole
vocabulary (rapidfuzz), so "unknown" is the slow case.
"""

from __future__ import annotations

import time

from _timing import print_timings, time_calls

from aidguide.vocabulary import assistant_vocabulary, has_no_known_word

MESSAGES = {
    "known words": ["c'est quoi le revenu d'intégration", "waar is mijn OCMW?", "merci"],
    "typos": ["leeflon", "allocation de chaufage", "huurwaarbog"],
    "unknown": ["blabla", "kwak kwak", "zorglub", "bla bla bla lalala tralala hihihi"],
    "not judged": ["1070", "ok", "une phrase de plus de six mots qui ne sera pas jugée"],
}
ROUNDS = 200


def main() -> None:
    start = time.perf_counter()
    vocabulary = assistant_vocabulary()
    load_ms = (time.perf_counter() - start) * 1000
    print(f"load: {load_ms:.0f} ms, {len(vocabulary.words)} words (once per process)")
    for kind, messages in MESSAGES.items():
        print_timings(kind, time_calls(has_no_known_word, messages, ROUNDS), "checks")


if __name__ == "__main__":
    main()
