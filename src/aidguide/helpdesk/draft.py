"""The draft reply: helpdesk greeting, a short answer per topic, the centre, the closing.

Every sentence comes from the aid sheets (``content/aids``), the ``helpdesk`` gettext domain or
the directory; amounts come from the rules engine with the date they apply from. Nothing of the
e-mail is copied into the draft, so the writer's personal data cannot be repeated. The draft is
written in French or Dutch; for a German or English writer it is written in the language of
the writer's region and the agent is told in ``checks`` what to translate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aidguide.contacts import helpdesk_placeholders
from aidguide.content import SECTION_LABELS, get_sheet
from aidguide.content.amounts import lookup
from aidguide.content.render import (
    AMOUNTS_ON,
    CPAS_DECIDES,
    CPAS_ONLINE,
    resolve_amounts,
    sheet_review,
)
from aidguide.directory import Centre
from aidguide.directory.card import centre_card
from aidguide.i18n import N_, SUPPORTED_LANGUAGES, format_date, translator

from .place import Place
from .topics import Topic

SUBJECT_TOPICS = N_("Your question about: {topics}")
SUBJECT_GENERAL = N_("Your question to the SPP Social Integration")
GREETING = N_("Dear Sir or Madam,")
THANKS = N_("Thank you for your message. Here is the information we can give you.")
TOPIC_HEADING = N_("About: {aid}")
AMOUNT_LINE = N_("{label}: {amount} ({since})")
AMOUNT_LINE_COMPUTED = N_("{label}: {amount} ({since}). Computed amount, not yet published.")
YOUR_CENTRE = N_("Your CPAS is {centre}.")
CENTRE_SEVERAL = N_("Your address decides which CPAS helps you: {centres}.")
CENTRE_UNKNOWN = N_(
    "Please go to the CPAS of the municipality where you live. You did not tell us where you "
    "live, so we cannot name it."
)
CENTRE_MERGED = N_("Your municipality merged with others on {date}.")
CHECK_CONTACT = N_("These details come from public sources. Please check them before you go.")
MORE_QUESTIONS = N_(
    "Do you have another question? Write to {helpdesk_email}. Or call {helpdesk_phone}. We "
    "answer {helpdesk_hours}."
)
NO_PERSONAL_DATA = N_(
    "Please do not send us your national register number or your bank account number."
)
CLOSING = N_("Kind regards,")
SIGNATURE = N_("The helpdesk of the SPP Social Integration")
NO_TOPIC = N_(
    "We did not understand which aid your question is about. Can you tell us more about what "
    "you need? For example: money to live, rent, energy, health or debts."
)
#: Referral answers for e-mails the helpdesk does not handle.
OFF_TOPIC = {
    "taxes": N_(
        "Your question is about taxes. We do not handle taxes. Please ask the FPS Finance. "
        "Their address is on your tax letter."
    ),
    "fine": N_(
        "Your question is about a fine. We do not handle fines. Please contact the service "
        "that sent you the fine. Its address is on the letter."
    ),
    "job_application": N_(
        "Thank you for your interest in working with us. This address answers questions about "
        "social aid. It does not handle job applications. Please answer the job offer in the "
        "way it asks."
    ),
}
OFF_TOPIC_INTRO = N_("This address answers questions about social aid from the CPAS.")

# Checks: what the agent verifies before sending.
CHECK_NO_PLACE = N_("No place of residence found: ask where the person lives, or add it.")
CHECK_SEVERAL_CENTRES = N_("The place fits several centres ({centres}): choose the right one.")
CHECK_CENTRE_DETAILS = N_("Check the contact details of {centre} before sending.")
CHECK_CENTRE_NO_CONTACT = N_("{centre} has no contact details in the directory.")
CHECK_MERGED = N_("{place} merged into {centre} on {date}: check the address.")
CHECK_COMPUTED = N_("{aid}: the amounts are computed, not published. Say so or check them.")
CHECK_UNKNOWN_AMOUNT = N_("{aid}: an amount is unknown for today; the draft sends to the CPAS.")
CHECK_LOW_CONFIDENCE = N_("Topic {aid} is uncertain: check that the e-mail asks about it.")
CHECK_NO_TOPIC = N_("No aid found in the e-mail: choose the topics, or answer by hand.")
CHECK_OFF_TOPIC = N_("The e-mail looks off-topic ({kind}): check the referral.")
CHECK_TRANSLATE = N_(
    "The writer wrote in {language}. The draft is in {draft_language}: translate every part "
    "of it before sending."
)
CHECK_FORWARDED = N_(
    "The new text says little: the forwarded message was read instead. Check the topics."
)
CHECK_REVIEW = N_("{aid}: the sheet is not yet reviewed by experts by experience.")
CHECK_OTHER_BODY = N_("{aid} is handled by {body}, not by the CPAS: check the referral.")
LANGUAGE_NAMES = {
    "fr": N_("French"),
    "nl": N_("Dutch"),
    "de": N_("German"),
    "en": N_("English"),
}
OFF_TOPIC_NAMES = {
    "taxes": N_("taxes"),
    "fine": N_("a fine"),
    "job_application": N_("a job application"),
}
#: Confidence below which the agent is asked to confirm a topic.
LOW_CONFIDENCE = 0.5
_BODY_NAMES = {
    "federal_pension_service": N_("the Federal Pension Service"),
    "health_insurance_fund": N_("the health insurance fund"),
}


@dataclass(frozen=True)
class Draft:
    lang: str  # the language the draft is written in (fr or nl)
    subject: str
    body: str
    checks: tuple[str, ...]


def draft_language(writer_language: str, centre: Centre | None) -> str:
    """French or Dutch: the writer's, else the language of the writer's region."""
    if writer_language in SUPPORTED_LANGUAGES:
        return writer_language
    spoken = [
        code
        for code in (centre.official_languages if centre else ())
        if code in SUPPORTED_LANGUAGES
    ]
    return spoken[0] if spoken else "fr"  # the German-speaking area writes French too


def _amount_lines(aid: str, lang: str, on: date, checks: list[str]) -> list[str]:
    t = translator(lang)
    sheet = get_sheet(aid)
    lines = []
    computed_seen = unknown_seen = False
    for amount in resolve_amounts(sheet, lang, on):
        if amount.status != "ok":
            unknown_seen = True
            lines.append(f"- {amount.label}: {amount.text}")
            continue
        reference = lookup(amount.key, on)
        computed = bool(getattr(reference, "computed", False))
        computed_seen |= computed
        params = {"label": amount.label, "amount": amount.text, "since": amount.applies_from_text}
        line = (
            t.gettext(AMOUNT_LINE_COMPUTED, **params)
            if computed
            else t.gettext(AMOUNT_LINE, **params)
        )
        lines.append(f"- {line}")
    title = sheet.title(lang)
    if computed_seen:
        checks.append(t.gettext(CHECK_COMPUTED, aid=title))
    if unknown_seen:
        checks.append(t.gettext(CHECK_UNKNOWN_AMOUNT, aid=title))
    if lines:
        lines.insert(0, t.gettext(AMOUNTS_ON, date=format_date(on, lang)))
        lines.append(sheet.text("amounts_note", lang))
    return lines


def topic_section(topic: Topic, lang: str, on: date, checks: list[str]) -> list[str]:
    """The short answer about one aid, from its sheet: who, how, documents, when, appeal."""
    t = translator(lang)
    sheet = get_sheet(topic.aid)
    title = sheet.title(lang)
    label = {key: t.gettext(value) for key, value in SECTION_LABELS.items()}
    lines = [t.gettext(TOPIC_HEADING, aid=title), "", sheet.text("summary", lang), ""]
    lines += [f"{label['who']}:", sheet.text("who", lang), ""]
    how = sheet.text("how_to_apply", lang)
    if sheet.data["apply_at"]["cpas_online"]:
        how += " " + t.gettext(CPAS_ONLINE)
    lines += [f"{label['how_to_apply']}:", how, ""]
    lines += [f"{label['documents']}:", *[f"- {d}" for d in sheet.items("documents", lang)], ""]
    lines += [f"{label['decision_time']}:", sheet.text("decision_time", lang), ""]
    lines += [f"{label['appeal']}:", sheet.text("appeal", lang), ""]
    amounts = _amount_lines(topic.aid, lang, on, checks)
    if amounts:
        lines += [f"{label['amounts']}:", *amounts, ""]
    links = sorted(sheet.data["links"], key=lambda link: link["lang"] not in (lang, "all"))
    if links:
        lines += [f"{label['links']}:", *[f"- {link['url']}" for link in links], ""]
    body = sheet.data["apply_at"]["body"]
    if body in _BODY_NAMES:
        checks.append(t.gettext(CHECK_OTHER_BODY, aid=title, body=t.gettext(_BODY_NAMES[body])))
    if topic.confidence < LOW_CONFIDENCE:
        checks.append(t.gettext(CHECK_LOW_CONFIDENCE, aid=title))
    if sheet_review(sheet, lang)["status"] != "reviewed":
        checks.append(t.gettext(CHECK_REVIEW, aid=title))
    return lines


def centre_section(place: Place | None, lang: str, checks: list[str]) -> list[str]:
    """The person's centre with its contact details, or what to do without one."""
    t = translator(lang)
    if place is None or not place.result.matches:
        checks.append(t.gettext(CHECK_NO_PLACE))
        return [t.gettext(CENTRE_UNKNOWN)]
    centre = place.centre
    if centre is None:
        names = ", ".join(c.centre_name_for(lang) for c in place.result.matches)
        checks.append(t.gettext(CHECK_SEVERAL_CENTRES, centres=names))
        return [t.gettext(CENTRE_SEVERAL, centres=names)]
    name = centre.centre_name_for(lang)
    lines = [t.gettext(YOUR_CENTRE, centre=name)]
    if "merged_2025" in place.result.notes and centre.merged_from:
        when = format_date(date.fromisoformat(centre.merged_from[0].effective), lang)
        lines.append(t.gettext(CENTRE_MERGED, date=when))
        checks.append(t.gettext(CHECK_MERGED, place=place.text, centre=name, date=when))
    card = centre_card(centre, lang, links=False)
    lines += [f"- {line}" for line in card.lines]
    lines += [card.source_line, t.gettext(CHECK_CONTACT)]
    if centre.contact_fields():
        checks.append(t.gettext(CHECK_CENTRE_DETAILS, centre=name))
    else:
        checks.append(t.gettext(CHECK_CENTRE_NO_CONTACT, centre=name))
    return lines


def compose_draft(
    writer_language: str,
    topics: tuple[Topic, ...],
    place: Place | None,
    off_topic: str | None,
    on: date,
    read_forwarded: bool = False,
) -> Draft:
    """The reply for an e-mail read as ``topics`` (or ``off_topic``) from ``place``."""
    lang = draft_language(writer_language, place.centre if place else None)
    t = translator(lang)
    checks: list[str] = []
    helpdesk = helpdesk_placeholders(lang)
    body = [t.gettext(GREETING), "", t.gettext(THANKS), ""]
    if topics:
        titles = ", ".join(get_sheet(topic.aid).title(lang) for topic in topics)
        subject = t.gettext(SUBJECT_TOPICS, topics=titles)
        for topic in topics:
            body += topic_section(topic, lang, on, checks)
        body += [*centre_section(place, lang, checks), ""]
        body += [t.gettext(CPAS_DECIDES), ""]
    elif off_topic:
        subject = t.gettext(SUBJECT_GENERAL)
        body += [t.gettext(OFF_TOPIC_INTRO), t.gettext(OFF_TOPIC[off_topic]), ""]
        checks.append(t.gettext(CHECK_OFF_TOPIC, kind=t.gettext(OFF_TOPIC_NAMES[off_topic])))
    else:
        subject = t.gettext(SUBJECT_GENERAL)
        body += [t.gettext(NO_TOPIC), t.gettext(NO_PERSONAL_DATA), ""]
        checks.append(t.gettext(CHECK_NO_TOPIC))
    body += [t.gettext(MORE_QUESTIONS, **helpdesk), "", t.gettext(CLOSING), t.gettext(SIGNATURE)]
    if read_forwarded:
        checks.insert(0, t.gettext(CHECK_FORWARDED))
    if writer_language != lang:
        checks.insert(
            0,
            t.gettext(
                CHECK_TRANSLATE,
                language=t.gettext(LANGUAGE_NAMES.get(writer_language, writer_language)),
                draft_language=t.gettext(LANGUAGE_NAMES[lang]),
            ),
        )
    return Draft(lang, subject, "\n".join(body).strip(), tuple(dict.fromkeys(checks)))
