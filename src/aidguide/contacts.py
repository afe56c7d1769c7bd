"""Contact details the assistant gives when it cannot help, each with its source.

Source: SPP IS / POD MI commitments page, https://www.mi-is.be/en/commitments-pps-social-integration
(read for ../shared/facts/belgian_aids.md §0). Change them here only.
"""

from __future__ import annotations

from aidguide.i18n import N_, translator

HELPDESK_EMAIL = "question@mi-is.be"
HELPDESK_PHONE = "+32 2 508 85 85"
HELPDESK_HOURS = N_("from Monday to Friday, 8:30-12:30 and 13:30-16:00")
HELPDESK_SOURCE = "https://www.mi-is.be/en/commitments-pps-social-integration"


def helpdesk_placeholders(language: str) -> dict[str, str]:
    """The ``{helpdesk_*}`` values for texts in ``language``."""
    return {
        "helpdesk_email": HELPDESK_EMAIL,
        "helpdesk_phone": HELPDESK_PHONE,
        "helpdesk_hours": translator(language).gettext(HELPDESK_HOURS),
    }
