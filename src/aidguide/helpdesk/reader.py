"""Reading an e-mail: what the writer wrote now, apart from headers, history and signature.

An agent pastes a raw RFC 822 message (``From:``, ``Subject:``, MIME parts) or just the text.
Only the writer's new text is analysed: a quoted reply ("> ...", "Le ... a écrit :",
"Op ... schreef ...:") repeats older questions, and a signature holds the writer's (or an
organisation's) own address and phone number, not the place the question is about. A forwarded
block is kept apart too; the caller may fall back on it when the new text is only "see below".
The stdlib ``email`` package parses the message; the splitting rules are small and tested.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass
from email.message import EmailMessage

#: Largest e-mail accepted, in bytes (the API answers 413 above it).
MAX_EMAIL_BYTES = 2 * 1024 * 1024


class UnreadableEmail(ValueError):
    """The input is empty, binary or holds no text to read."""


@dataclass(frozen=True)
class ReadEmail:
    """An e-mail split into the parts that matter to the helpdesk."""

    subject: str
    new_text: str  # what the writer wrote now (greeting kept; history and signature out)
    forwarded: str  # a forwarded message's text ("see below"), if any
    quoted: str  # the reply history, never analysed
    signature: str  # the writer's signature, never analysed
    headers: tuple[tuple[str, str], ...]

    @property
    def analysed_text(self) -> str:
        """The subject and the new text: what topics, place and language are read from."""
        return "\n".join(part for part in (self.subject, self.new_text) if part.strip())


_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]{1,40}:\s")
_KNOWN_HEADERS = {"from", "to", "subject", "date", "cc", "message-id", "mime-version"}

#: A line that opens a reply's history ("Le 3 nov. 2026 à 10:12, X a écrit :", ...).
_REPLY_INTRO = re.compile(
    r"^\s*(?:"
    r"le\s.{3,120}\sa\s+[ée]crit\s*:"
    r"|op\s.{3,120}\s(?:schreef|heeft\s.{1,60}\sgeschreven)\s*.{0,80}:"
    r"|on\s.{3,120}\swrote\s*:"
    r"|am\s.{3,120}\sschrieb\s*.{0,80}:"
    r"|-{2,}\s*(?:original message|message d'origine|oorspronkelijk bericht|"
    r"urspr[üu]ngliche nachricht)\s*-{2,}"
    r")\s*$",
    re.IGNORECASE,
)
#: A line that opens a forwarded message.
_FORWARD_INTRO = re.compile(
    r"^\s*-{2,}\s*(?:forwarded message|message transf[ée]r[ée]|doorgestuurd bericht|"
    r"weitergeleitete nachricht|begin forwarded message)\s*-{0,}\s*$"
    r"|^\s*(?:begin forwarded message|d[ée]but du message r[ée]exp[ée]di[ée])\s*:\s*$",
    re.IGNORECASE,
)
#: Outlook puts a header block, not an intro line, above a quoted or forwarded message.
_OUTLOOK_FROM = re.compile(r"^\s*\*?(?:from|de|van|von)\s?\*?\s?:\s*\S", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(
    r"^\s*\*?(?:sent|envoy[ée]|verzonden|gesendet|date|datum|to|[àa]|aan|an)\s?\*?\s?:",
    re.IGNORECASE,
)
#: The sign-off that starts a signature ("Cordialement," on a line of its own, "-- ").
_SIGN_OFF = re.compile(
    r"^\s*(?:--\s*"
    r"|(?:bien\s)?cordialement[,.!]?|bien\s[àa]\svous[,.!]?|salutations(?:\s\w+)?[,.!]?"
    r"|(?:avec\s)?mes\s(?:meilleures\s|sinc[èe]res\s)?salutations[^\n]{0,40}"
    r"|(?:je\svous\sremercie\s)?d'avance\smerci[^\n]{0,30}|merci\sd'avance[^\n]{0,30}"
    r"|merci\s(?:beaucoup\s)?(?:pour\svotre\s(?:aide|r[ée]ponse))?[,.!]?"
    r"|(?:met\s)?(?:vriendelijke|beste|hartelijke)\s(?:groet(?:en)?)[,.!]?|mvg[,.!]?"
    r"|groetjes[,.!]?|groeten[,.!]?|alvast\sbedankt[^\n]{0,30}|bedankt(?:\svoor\s\w+\s\w+)?[,.!]?"
    r"|(?:mit\s)?(?:freundlichen|besten)\sgr[üu](?:ß|ss)en[,.!]?|mfg[,.!]?|vielen\sdank[,.!]?"
    r"|(?:kind|best|warm)\sregards[,.!]?|regards[,.!]?|thanks?(?:\syou)?(?:\sin\sadvance)?[,.!]?"
    r"|sincerely[,.!]?|best[,.!]?"
    r"|envoy[ée]\sde\smon\s.{1,30}|verzonden\s(?:vanaf|met)\smijn\s.{1,30}|sent\sfrom\smy\s.{1,30}"
    r")\s*$",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h\d)\s*/?>", re.IGNORECASE)


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:4000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    return controls > max(3, len(sample) // 50)


def _html_to_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", markup)
    markup = re.sub(r"(?is)<blockquote\b", "\n<blockquote", markup)
    text = _BLOCK_TAG.sub("\n", markup)
    return html.unescape(_TAG.sub("", text))


def _body_of(message: EmailMessage) -> str:
    """The text of a parsed message: its text/plain part, else its HTML part as text."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, LookupError):
        part = None
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset, broken encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if not isinstance(content, str):
        return ""
    return _html_to_text(content) if part.get_content_type() == "text/html" else content


def _has_headers(text: str) -> bool:
    first = text.lstrip().splitlines()[:12]
    names = {line.split(":", 1)[0].strip().lower() for line in first if _HEADER_LINE.match(line)}
    return len(names & _KNOWN_HEADERS) >= 2


def _decode(raw: str | bytes) -> str:
    if isinstance(raw, bytes):
        if b"\x00" in raw[:4000]:
            raise UnreadableEmail("binary")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    return raw


def _split_outlook(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` opens an Outlook header block (From: then Sent:/To: below)."""
    if not _OUTLOOK_FROM.match(lines[index]):
        return False
    following = [line for line in lines[index + 1 : index + 4] if line.strip()]
    return any(_OUTLOOK_NEXT.match(line) for line in following)


def split_body(body: str) -> tuple[str, str, str, str]:
    """``(new_text, forwarded, quoted, signature)`` of an e-mail body.

    The new text ends at the first quoted line, reply intro, forward intro or Outlook header
    block; a signature is what follows the last sign-off line of the new text (a sign-off in
    the first lines is a greeting that happens to match, and is kept).
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut, kind = len(lines), "quoted"
    for index, line in enumerate(lines):
        if _FORWARD_INTRO.match(line):
            cut, kind = index, "forwarded"
            break
        if (
            line.lstrip().startswith(">")
            or _REPLY_INTRO.match(line)
            or _split_outlook(lines, index)
        ):
            cut = index
            previous = "\n".join(lines[max(0, index - 3) : index]).lower()
            forwarded_hint = re.search(
                r"\b(?:fw|fwd|tr|transf[ée]r|doorgestuurd|forward)", previous
            )
            kind = "forwarded" if forwarded_hint else "quoted"
            break
    new_lines, rest = lines[:cut], "\n".join(lines[cut:]).strip()
    signature_at = len(new_lines)
    for index in range(len(new_lines) - 1, 1, -1):
        if _SIGN_OFF.match(new_lines[index]):
            signature_at = index
            break
    new_text = "\n".join(new_lines[:signature_at]).strip()
    signature = "\n".join(new_lines[signature_at:]).strip()
    forwarded = rest if kind == "forwarded" else ""
    quoted = rest if kind == "quoted" else ""
    return new_text, forwarded, quoted, signature


def read_email(raw: str | bytes) -> ReadEmail:
    """Parse ``raw`` (RFC 822 or plain text). Raises :class:`UnreadableEmail` when there is
    no text in it (empty, only whitespace, binary data)."""
    text = _decode(raw)
    if not text.strip() or _looks_binary(text):
        raise UnreadableEmail("empty" if not text.strip() else "binary")
    headers: tuple[tuple[str, str], ...] = ()
    subject = ""
    if _has_headers(text):
        message = email.message_from_bytes(
            text.lstrip().encode("utf-8"), policy=email.policy.default
        )
        headers = tuple((name, str(value)) for name, value in message.items())
        subject = str(message.get("subject", "") or "")
        body = _body_of(message)  # type: ignore[arg-type]
    elif re.search(r"(?is)<\s*(?:html|body|p|div|br)\b", text):
        body = _html_to_text(text)
    else:
        body = text
    subject = re.sub(r"^\s*(?:(?:re|tr|fw|fwd|aw|wg|antw)\s*:\s*)+", "", subject, flags=re.I)
    new_text, forwarded, quoted, signature = split_body(body)
    if not (new_text or forwarded).strip() and not subject.strip():
        raise UnreadableEmail("no text")
    return ReadEmail(subject.strip(), new_text, forwarded, quoted, signature, headers)
