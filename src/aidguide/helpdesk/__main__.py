"""``python -m aidguide.helpdesk draft mail.eml [--lang nl] [--json]``: a draft reply on stdout.

For an agent without the web page, and for checking a draft by hand. Reads the file, prints the
subject, the body and the checks (or the JSON of ``POST /api/helpdesk/draft``); writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .reader import UnreadableEmail
from .serialise import reply_dict
from .service import EmailTooLarge, UnknownTopic, draft_reply


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aidguide.helpdesk")
    commands = parser.add_subparsers(dest="command", required=True)
    draft = commands.add_parser("draft", help="draft a reply to one e-mail (.eml or .txt)")
    draft.add_argument("email", type=Path, help="the e-mail file, or - for stdin")
    draft.add_argument("--lang", choices=["fr", "nl", "de", "en"], help="the writer's language")
    draft.add_argument("--topic", action="append", dest="topics", help="an aid id (repeatable)")
    draft.add_argument("--place", help="the place of residence: name, postcode or NIS code")
    draft.add_argument("--json", action="store_true", help="print the API's JSON")
    args = parser.parse_args(argv)
    try:
        raw = sys.stdin.buffer.read() if str(args.email) == "-" else args.email.read_bytes()
        reply = draft_reply(raw, lang=args.lang, topics=args.topics, place=args.place)
    except OSError as error:
        print(f"cannot read {args.email}: {error.strerror}", file=sys.stderr)
        return 2
    except EmailTooLarge:
        print("the e-mail is larger than 2 MB", file=sys.stderr)
        return 2
    except UnreadableEmail:
        print("the e-mail is empty or holds no readable text", file=sys.stderr)
        return 2
    except UnknownTopic as error:
        print(f"unknown aid id: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(reply_dict(reply), ensure_ascii=False, indent=2))
        return 0
    print(f"Subject: {reply.draft.subject}\n\n{reply.draft.body}")
    if reply.draft.checks:
        print("\n---- checks ----")
        print("\n".join(f"- {check}" for check in reply.draft.checks))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
