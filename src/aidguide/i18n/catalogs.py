"""Loading the compiled gettext catalogs, one merged set of translations per language."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.support import NullTranslations, Translations

from aidguide.config import get_settings

SUPPORTED_LANGUAGES: tuple[str, ...] = ("fr", "nl")
DEFAULT_LANGUAGE = "fr"


def locales_dir() -> Path:
    """Where the catalogs live: ``Settings.locales_dir`` (``AIDGUIDE_LOCALES_DIR``)."""
    return get_settings().locales_dir


def normalize_language(value: object, default: str = DEFAULT_LANGUAGE) -> str:
    """Map anything a client may send ("NL", "nl-BE", "fr_BE", None, 42) to a supported code."""
    if isinstance(value, str):
        code = value.strip().lower().replace("_", "-").split("-", 1)[0]
        if code in SUPPORTED_LANGUAGES:
            return code
    return default


class Translator:
    """The translations of one language, with the small API the product needs."""

    def __init__(self, language: str, translations: NullTranslations) -> None:
        self.language = language
        self._translations = translations

    def gettext(self, message: str, **params: object) -> str:
        """Translate ``message`` and fill ``{name}`` placeholders from ``params``."""
        text = self._translations.gettext(message)
        return text.format(**params) if params else text

    def ngettext(self, singular: str, plural: str, n: int, **params: object) -> str:
        text = self._translations.ngettext(singular, plural, n)
        return text.format(n=n, **params)

    def has(self, message: str) -> bool:
        """Whether the catalog holds a translation for ``message`` (completeness checks)."""
        catalog = getattr(self._translations, "_catalog", {})
        return bool(catalog.get(message))

    __call__ = gettext


@cache
def _load(language: str, directory: str) -> Translator:
    merged: Translations | None = None
    messages_dir = Path(directory) / language / "LC_MESSAGES"
    for mo_file in sorted(messages_dir.glob("*.mo")):
        loaded = Translations.load(directory, [language], domain=mo_file.stem)
        if not isinstance(loaded, Translations):
            continue
        if merged is None:
            merged = loaded
        else:
            merged.merge(loaded)  # flatten every domain into one lookup table
    return Translator(language, merged or NullTranslations())


def translator(language: object) -> Translator:
    """The translator for ``language`` (normalised; unknown codes fall back to French)."""
    return _load(normalize_language(language), str(locales_dir()))
