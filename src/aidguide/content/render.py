"""Sheets as people read them: texts in one language, amounts resolved for a date.

``render_sheet`` is what the JSON API returns and what the bot's actions read; ``topic_text``
gives one part of a sheet as a chat message; ``list_overview`` groups the aids by need
("money to live", "health"...). UI labels are English msgids of the ``content`` domain.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from aidguide.i18n import N_, format_date, normalize_language, translator

from .amounts import ResolvedAmount, resolve
from .citizen_texts import sheet_texts
from .reviews import group_review, load_records, review_of
from .sheets import GROUPS, Sheet, get_sheet, load_sheets

#: Labels of the parts of a sheet (headings in the widget, lead-ins in the chat).
SECTION_LABELS = {
    "summary": N_("In short"),
    "who": N_("Who can get it"),
    "how_to_apply": N_("How to apply"),
    "documents": N_("Documents to bring"),
    "decision_time": N_("When you get an answer"),
    "appeal": N_("If you do not agree"),
    "amounts": N_("Amounts"),
    "links": N_("Official pages"),
    "sources": N_("Sources"),
}
#: The overview groups, by need.
GROUP_LABELS = {
    "money_to_live": N_("Money to live"),
    "health": N_("Health"),
    "housing": N_("Housing"),
    "energy": N_("Energy"),
    "food": N_("Food"),
    "work": N_("Work"),
    "debts": N_("Debts"),
    "children_leisure": N_("Children and leisure"),
    "older_people": N_("Older people"),
}
#: Where to apply.
BODY_LABELS = {
    "cpas": N_("The CPAS of your municipality"),
    "federal_pension_service": N_("The Federal Pension Service"),
    "health_insurance_fund": N_("Your health insurance fund"),
}
CPAS_ONLINE = N_("You can also apply online with CPAS Online.")
CPAS_ONLINE_URL = "https://www.mi-is.be/fr/outils-cpas/cpas-online"
REVIEW_PENDING = N_("Not yet reviewed by experts by experience.")
REVIEW_DONE = N_("Reviewed by experts by experience on {date}.")
AMOUNTS_ON = N_("Amounts that apply on {date}.")
CPAS_DECIDES = N_("This is general information. The CPAS decides on your own situation.")

#: The topics the bot can ask for (intents ask_how_to_apply, ask_documents, ...).
TOPICS = ("summary", "who", "how_to_apply", "documents", "decision_time", "appeal", "amounts")


def _language(lang: str) -> str:
    return normalize_language(lang)


def resolve_amounts(sheet: Sheet, lang: str, on: date) -> list[ResolvedAmount]:
    """Every amount of ``sheet`` resolved for ``on`` and formatted in ``lang``."""
    body = sheet.data["apply_at"]["body"]
    return [resolve(ref.key, ref.label[lang], lang, on, ask=body) for ref in sheet.amounts]


def _amount_dict(amount: ResolvedAmount) -> dict[str, Any]:
    data = asdict(amount)
    data["value"] = str(amount.value) if amount.value is not None else None
    data["applies_from"] = amount.applies_from.isoformat() if amount.applies_from else None
    return data


def sheet_review(sheet: Sheet, lang: str) -> dict[str, Any]:
    """Reviewed only when the records cover the current wording of every text of the sheet
    in ``lang``; ``notes`` are the open remarks (unclear or wrong) on that wording."""
    records = load_records()
    state = group_review({t.id: review_of(t, records) for t in sheet_texts(sheet, lang)})
    t = translator(lang)
    if state.status == "reviewed" and state.reviewed_on:
        status, text = "reviewed", t.gettext(REVIEW_DONE, date=format_date(state.reviewed_on, lang))
    else:
        status, text = "pending", t.gettext(REVIEW_PENDING)
    return {
        "status": status,
        "reviewed_on": state.reviewed_on.isoformat() if state.reviewed_on else None,
        "notes": " ".join(remark.remark for remark in state.open_remarks),
        "text": text,
    }


def render_sheet(aid_id: str, lang: str, on: date | None = None) -> dict[str, Any]:
    """The sheet of ``aid_id`` in ``lang`` with its amounts resolved for ``on`` (default
    today). Raises :class:`~aidguide.content.sheets.UnknownAid` for an unknown id."""
    lang = _language(lang)
    on = on or date.today()
    sheet = get_sheet(aid_id)
    t = translator(lang)
    links = sorted(
        sheet.data["links"], key=lambda link: link["lang"] not in (lang, "all")
    )  # the reader's language first
    apply_at = dict(sheet.data["apply_at"])
    body = apply_at["body"]
    apply_at["name"] = t.gettext(BODY_LABELS[body])
    apply_at["cpas_online_text"] = t.gettext(CPAS_ONLINE) if apply_at["cpas_online"] else None
    apply_at["cpas_online_url"] = CPAS_ONLINE_URL if apply_at["cpas_online"] else None
    return {
        "id": sheet.id,
        "lang": lang,
        "title": sheet.title(lang),
        "official_name": sheet.official_name(lang),
        "names": {k: v for k, v in sheet.data["names"]["official"].items() if v},
        "groups": [{"id": g, "title": t.gettext(GROUP_LABELS[g])} for g in sheet.groups],
        "summary": sheet.text("summary", lang),
        "who": sheet.text("who", lang),
        "how_to_apply": sheet.text("how_to_apply", lang),
        "apply_at": apply_at,
        "documents": sheet.items("documents", lang),
        "decision_time": sheet.text("decision_time", lang),
        "appeal": sheet.text("appeal", lang),
        "amounts_date": on.isoformat(),
        "amounts_intro": t.gettext(AMOUNTS_ON, date=format_date(on, lang)),
        "amounts": [_amount_dict(a) for a in resolve_amounts(sheet, lang, on)],
        "amounts_note": sheet.text("amounts_note", lang),
        "disclaimer": t.gettext(CPAS_DECIDES),
        "links": links,
        "sources": list(sheet.data["sources"]),
        "last_verified": sheet.data["last_verified"],
        "verified_against": sheet.data["verified_against"],
        "review": sheet_review(sheet, lang),
        "labels": {key: t.gettext(label) for key, label in SECTION_LABELS.items()},
    }


def topic_text(aid_id: str, topic: str, lang: str, on: date | None = None) -> str:
    """One part of a sheet as a chat message, headed by its label (for the bot's actions)."""
    if topic not in TOPICS:
        raise ValueError(f"unknown topic {topic!r}; expected one of {TOPICS}")
    lang = _language(lang)
    sheet = get_sheet(aid_id)
    t = translator(lang)
    heading = f"{sheet.title(lang)}: {t.gettext(SECTION_LABELS[topic])}"
    if topic == "documents":
        body = "\n".join(f"- {item}" for item in sheet.items("documents", lang))
    elif topic == "amounts":
        lines = [f"- {a.sentence()}" for a in resolve_amounts(sheet, lang, on or date.today())]
        body = "\n".join([*lines, sheet.text("amounts_note", lang)])
    else:
        body = sheet.text(topic, lang)
    return f"{heading}\n{body}"


def list_overview(lang: str) -> list[dict[str, Any]]:
    """The aids grouped by need, in ``lang``: ``[{id, title, aids: [{id, title, summary}]}]``.
    An aid may sit in more than one group (GRAPA: older people and money to live)."""
    lang = _language(lang)
    t = translator(lang)
    sheets = load_sheets()
    groups = []
    for group in GROUPS:
        aids = [
            {"id": s.id, "title": s.title(lang), "summary": s.text("summary", lang)}
            for s in sheets.values()
            if group in s.groups
        ]
        if aids:
            groups.append({"id": group, "title": t.gettext(GROUP_LABELS[group]), "aids": aids})
    return groups
