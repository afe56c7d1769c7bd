"""Locale-aware numbers, money and dates for Belgian French and Dutch (Babel)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_currency, format_decimal

from aidguide.i18n.catalogs import normalize_language

_BABEL_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "de": "de_BE", "en": "en_BE"}


def babel_locale(language: object) -> Locale:
    """The Babel locale used to format for ``language`` (fr -> fr_BE, nl -> nl_BE)."""
    return Locale.parse(_BABEL_LOCALES[normalize_language(language)])


def format_money(amount: Decimal | float | int, language: object, currency: str = "EUR") -> str:
    """``1314.2`` -> ``1 314,20 €`` (fr_BE) or ``€ 1.314,20`` (nl_BE)."""
    return format_currency(Decimal(str(amount)), currency, locale=babel_locale(language))


def format_number(value: Decimal | float | int, language: object) -> str:
    """A plain number with the locale's separators (``1.500`` in nl_BE)."""
    return format_decimal(Decimal(str(value)), locale=babel_locale(language))


def format_date(value: date, language: object) -> str:
    """``2025-02-01`` -> ``1er février 2025`` / ``1 februari 2025``. French writes the first
    day of a month as an ordinal ("le 1er mars"); Babel's long format does not."""
    locale = babel_locale(language)
    if value.day == 1 and locale.language == "fr":
        rest = _babel_format_date(value, format="MMMM y", locale=locale)
        return f"1er {rest}"
    return _babel_format_date(value, format="long", locale=locale)
