"""Languages, gettext catalogs and locale-aware formatting (Babel).

Every sentence the bot or the UI says is an English msgid translated through the catalogs in
``locales/<lang>/LC_MESSAGES/<domain>.mo``. Each area of the product owns one gettext domain
(``bot``, ``directory``, ``rules``, ``widget`` ...) so that the catalogs can grow independently;
at run time all domains of a language are merged into one :class:`babel.support.Translations`.
"""

from __future__ import annotations

from aidguide.i18n.catalogs import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    Translator,
    locales_dir,
    normalize_language,
    translator,
)
from aidguide.i18n.formatting import babel_locale, format_date, format_money, format_number


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a module-level English msgid for extraction; translate it later with a translator."""
    return message


__all__ = [
    "DEFAULT_LANGUAGE",
    "N_",
    "SUPPORTED_LANGUAGES",
    "Translator",
    "babel_locale",
    "format_date",
    "format_money",
    "format_number",
    "locales_dir",
    "normalize_language",
    "translator",
]
