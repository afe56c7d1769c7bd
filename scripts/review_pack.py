"""Write the printable review booklets (one per language) for experts by experience.

Usage: ``.venv/bin/python scripts/review_pack.py [--out build/review-pack]`` (``make
review-pack``). Open the HTML in a browser and print it; record what the group said in
``content/reviews/<date>-<group>.yml`` (see ``content/reviews/README.md``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from aidguide.content.review_pack import write_packs  # noqa: E402


def main(argv: list[str]) -> int:
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else ROOT / "build" / "review-pack"
    for path in write_packs(out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
