"""From the answers to the rules engine, and from its result to plain messages.

Kept apart from the form so that the adapter to the rules engine is in one place: the form
collects slots, this module turns them into an :class:`EligibilityRequest`, asks
``aidguide.eligibility.evaluate`` and writes the answer (status, amount with the date it applies
from, reasons, next steps with the person's CPAS, legal basis, "the CPAS decides").
Nothing here keeps or logs an answer: the slots are reset right after (action_eligibility_reset).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from aidguide.answers.parsing import UNKNOWN
from aidguide.eligibility import AidResult, evaluate
from aidguide.eligibility.plan import ALL, CHECKS, shown_aids
from aidguide.i18n import N_, translator
from aidguide.rules import EligibilityRequest, HeatingAnswers, HouseholdAnswers, PersonAnswers
from aidguide.rules.models import FUELS, RESIDENCE_STATUSES, SITUATIONS, WORK_EXEMPTIONS

from .directory import centre_messages, find_centres

STATUS_TEXTS = {
    True: N_("{aid}: you are probably entitled to it."),
    False: N_("{aid}: probably not, with what you told me."),
    "unknown": N_("{aid}: I cannot tell yet. The CPAS will look at your situation."),
}
WHY_TITLE = N_("Why:")
NEXT_STEPS_TITLE = N_("What to do now:")
LEGAL_BASIS_TEXT = N_("Legal basis: {laws}.")
NOTHING_FOUND = N_(
    "With what you told me, I see no aid among the ones I can check. The CPAS can still "
    "look at your situation: other help exists, and asking is free."
)
CPAS_UNKNOWN = N_(
    "Ask at the CPAS of the municipality where you live. I can look up its address for you."
)
FIND_CPAS_BUTTON = N_("Find my CPAS")
CHECK_AGAIN_BUTTON = N_("Check another aid")
CPAS_DECIDES = N_(
    "This is only an indication. The CPAS decides, after talking with you. Your answers have now been forgotten."
)


def find_centre_nis(text: str, language: str) -> str | None:
    """The NIS code(s) of the centre(s) a place points to, comma-separated; None if unknown."""
    centres = find_centres(text, language)
    return ",".join(c.nis for c in centres) if centres else None


# --- slots -> request ----------------------------------------------------------------------


def _known(value: Any) -> Any:
    """None for "not asked" and for "I don't know": both are unknown conditions."""
    return None if value in (None, "", UNKNOWN) else value


def _flag(value: Any) -> bool | None:
    value = _known(value)
    return value if isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    value = _known(value)
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return float(number) if number >= 0 else None


def _count(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None else None


def _one_of(value: Any, allowed: tuple[str, ...]) -> str | None:
    value = _known(value)
    return value if value in allowed else None


def build_request(slots: dict[str, Any], language: str, on: date) -> EligibilityRequest:
    """The rules engine's request from the form's slots; anything unknown stays None."""
    person = PersonAnswers(
        age=_number(slots.get("elig_age")),
        residence_status=_one_of(slots.get("elig_residence_status"), RESIDENCE_STATUSES),
        lives_in_belgium=_flag(slots.get("elig_lives_in_belgium")),
        available_for_work=_flag(slots.get("elig_available_for_work")),
        work_exemption=_one_of(slots.get("elig_work_exemption"), WORK_EXEMPTIONS),
        monthly_net_income=_number(slots.get("elig_income")),
        pregnant=_flag(slots.get("elig_pregnant")),
        bim=_flag(slots.get("elig_bim")),
    )
    household = HouseholdAnswers(
        situation=_one_of(slots.get("elig_household"), SITUATIONS),
        dependants=_count(slots.get("elig_dependants")),
        yearly_gross_taxable_income=_number(slots.get("elig_taxable_income")),
        debt_mediation=_flag(slots.get("elig_debt_mediation")),
    )
    heating = HeatingAnswers(
        fuel=_one_of(slots.get("elig_fuel"), FUELS),
        litres=_number(slots.get("elig_litres")),
        price_per_litre=_number(slots.get("elig_price")),
    )
    return EligibilityRequest(
        on=on,
        lang=language,
        person=person,
        household=household,
        heating=heating,
        moving_out_of_homelessness=_flag(slots.get("elig_moving_out")),
    )


# --- result -> messages --------------------------------------------------------------------


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _reasons(aid: AidResult) -> list[str]:
    """Why: what is met when it looks right; otherwise what is missing or unknown first."""
    shown = ("met", "required") if aid.eligible is True else ("not_met", "unknown", "required")
    return [r.text for status in shown for r in aid.reasons if r.status == status]


def aid_messages(aid: AidResult, language: str) -> list[dict[str, Any]]:
    """Status with amount, reasons, next steps and legal basis of one aid."""
    tr = translator(language)
    head = [tr.gettext(STATUS_TEXTS[aid.eligible], aid=aid.name)]
    if aid.amount is not None:
        head.append(aid.amount.text)
    if aid.amount_note:
        head.append(aid.amount_note)
    messages = [{"text": "\n".join(head)}]
    reasons = _reasons(aid)
    if reasons:
        messages.append({"text": f"{tr.gettext(WHY_TITLE)}\n{_bullets(reasons)}"})
    if aid.next_steps and aid.eligible is not False:
        messages.append(
            {"text": f"{tr.gettext(NEXT_STEPS_TITLE)}\n{_bullets(list(aid.next_steps))}"}
        )
    if aid.legal_basis:
        messages.append({"text": tr.gettext(LEGAL_BASIS_TEXT, laws="; ".join(aid.legal_basis))})
    messages.append({"text": aid.disclaimer})
    return messages


def cpas_messages(location: Any, language: str) -> list[dict[str, Any]]:
    """The person's CPAS from the directory, or how to find it when the place is unknown."""
    tr = translator(language)
    codes = [code for code in str(_known(location) or "").split(",") if code]
    centres = find_centres("", language, codes) if codes else []
    if not centres:
        return [
            {
                "text": tr.gettext(CPAS_UNKNOWN),
                "buttons": [{"title": tr.gettext(FIND_CPAS_BUTTON), "payload": "/find_cpas"}],
            }
        ]
    messages: list[dict[str, Any]] = []
    for centre in centres:
        messages += centre_messages(centre, language)
    return messages


def render(slots: dict[str, Any], language: str, on: date) -> list[dict[str, Any]]:
    """The messages of the result, explained by aidguide.eligibility on the rules engine."""
    tr = translator(language)
    check = slots.get("elig_aid") if slots.get("elig_aid") in CHECKS else ALL
    result = evaluate(build_request(slots, language, on))
    aids = shown_aids(result, str(check))
    messages: list[dict[str, Any]] = []
    if check == ALL and not any(a.eligible is not False for a in aids):
        messages.append({"text": tr.gettext(NOTHING_FOUND)})
    for aid in aids:
        messages += aid_messages(aid, language)
    messages += cpas_messages(slots.get("elig_location"), language)
    messages.append(
        {
            "text": tr.gettext(CPAS_DECIDES),
            "buttons": [
                {"title": tr.gettext(CHECK_AGAIN_BUTTON), "payload": "/check_eligibility"},
                {"title": tr.gettext(FIND_CPAS_BUTTON), "payload": "/find_cpas"},
            ],
        }
    )
    return messages
