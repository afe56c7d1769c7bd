"""Figures of the helpdesk reader on the hand-written e-mails of tests/helpdesk/cases.yml.

Run: ``python bench/helpdesk_eval.py [--details]`` (``PYTHONPATH=src`` for a worktree's code). Prints, for the tuning
subset, the held-out rest and all e-mails: language accuracy, topic precision/recall/F1,
off-topic accuracy, place -> centre accuracy, missing must-say facts and repeated personal data.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the e-mails live in tests/

from tests.helpdesk.evaluation import figures, load_cases, reply_for


def main() -> int:
    cases = load_cases()
    started = time.perf_counter()
    for case in cases:
        reply_for(case.file)
    seconds = time.perf_counter() - started
    groups = {
        "tuning": tuple(c for c in cases if c.tune),
        "held-out": tuple(c for c in cases if not c.tune),
        "all": cases,
    }
    print(f"{len(cases)} e-mails read in {seconds:.1f} s (first call loads sheets, directory)")
    for name, group in groups.items():
        f = figures(group)
        print(
            f"{name:9} n={f.emails:2}  language {f.language:.3f}  topics P {f.topics_precision:.3f}"
            f" R {f.topics_recall:.3f} F1 {f.topics_f1:.3f}  off-topic {f.off_topic:.3f}"
            f"  place {f.place:.3f} (n={f.place_cases})  must-say missing {len(f.must_say_missing)}"
            f"  PII repeated {len(f.pii_repeated)}"
        )
    if "--details" in sys.argv:
        for case in cases:
            reply = reply_for(case.file)
            found = [t.aid for t in reply.topics] or [f"off:{reply.off_topic}"]
            nis = reply.place.centre.nis if reply.place and reply.place.centre else None
            print(f"{case.file:42} {reply.lang} {found} place={nis} (want {case.place})")
        everything = figures(cases)
        for file, fact in everything.must_say_missing:
            print(f"missing   {file}: {fact}")
        for file, value in everything.pii_repeated:
            print(f"repeated  {file}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
