"""Gettext catalogs: extract, update, compile and check, one domain per area.

A domain is declared by a Babel mapping file ``locales/<domain>.cfg`` whose patterns are
relative to the repository root.
Usage: ``python scripts/i18n.py extract|compile|check [--domain NAME]``.
``extract`` writes ``locales/<domain>.pot`` and updates ``locales/<lang>/LC_MESSAGES/<domain>.po``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
LANGUAGES = ("fr", "nl")


def domains(only: str | None = None) -> list[str]:
    found = sorted(path.stem for path in LOCALES.glob("*.cfg"))
    return [d for d in found if d == only] if only else found


def _pybabel(*args: str) -> None:
    """Run a pybabel command; its chatter is hidden unless it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(result.returncode)


def extract(only: str | None = None) -> None:
    for domain in domains(only):
        pot = LOCALES / f"{domain}.pot"
        _pybabel(
            "extract",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-k",
            "ApiError:3",
            "-k",
            "error_response:4",
            "-F",
            str(LOCALES / f"{domain}.cfg"),
            "-o",
            str(pot),
            ".",
        )
        for lang in LANGUAGES:
            po = LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
            command = "update" if po.exists() else "init"
            extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if command == "update" else []
            _pybabel(command, "-D", domain, "-i", str(pot), "-d", str(LOCALES), "-l", lang, *extra)


def compile_catalogs(only: str | None = None) -> None:
    for domain in domains(only):
        for lang in LANGUAGES:
            if (LOCALES / lang / "LC_MESSAGES" / f"{domain}.po").exists():
                _pybabel("compile", "-D", domain, "-d", str(LOCALES), "-l", lang)


def missing_translations() -> list[str]:
    """Every msgid of every template that a language lacks, is fuzzy, or leaves empty."""
    problems = []
    for domain in domains():
        pot = LOCALES / f"{domain}.pot"
        if not pot.exists():
            problems.append(f"{domain}: no template {pot.name} (run extract)")
            continue
        with pot.open("rb") as handle:
            wanted = {m.id for m in read_po(handle) if m.id}
        for lang in LANGUAGES:
            po = LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
            if not po.exists():
                problems.append(f"{domain}/{lang}: catalog missing")
                continue
            with po.open("rb") as handle:
                catalog = read_po(handle)
            for msgid in sorted(wanted, key=str):
                message = catalog.get(msgid)
                if message is None or not message.string or message.fuzzy:
                    problems.append(f"{domain}/{lang}: untranslated {msgid!r}")
    return problems


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    only = argv[argv.index("--domain") + 1] if "--domain" in argv else None
    if command == "extract":
        extract(only)
    elif command == "compile":
        compile_catalogs(only)
    elif command == "check":
        problems = missing_translations()
        print("\n".join(problems) or "all catalogs complete")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
