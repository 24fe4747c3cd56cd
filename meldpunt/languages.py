"""The language registry: the one list of interface languages.

settings.LANGUAGES and REPORTER_LANGUAGES, the language switcher, right-to-left layout, the Makefile's
LOCALES (`python -m meldpunt.languages --locales`), the catalogue and glossary checks and the tests all
read this list; no other list of interface languages exists.

A language is *offered* (in the switcher, chosen from the browser, a report can be written in it) only
when its whole reporter journey is complete and reviewed: every catalogue entry translated (the
catalogue test fails an offered language with a gap), the standard messages, procedure pages, emails
and error pages. Until then it is *in review*: its catalogues are checked and testable with
`translation.override(code)`, but no reporter is shown it. Adding a language is a row here with
status IN_REVIEW, its catalogues and content, and then the status flipped to OFFERED.

This module imports nothing from Django, so settings.py can read it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

OFFERED = "offered"
IN_REVIEW = "in_review"
RTL = "rtl"
LTR = "ltr"

ROOT = Path(__file__).resolve().parent.parent
# The folders holding reporter-facing catalogues (one sub-folder per language's `locale`). Staff-only
# catalogues (cases/locale) are Dutch only: English is the msgid.
REPORTER_CATALOGUES = ("locale", "meldpunt/vault/locale", "meldpunt/advice/locale", "vertrouwenspersonen/locale")
STAFF_CATALOGUES = ("cases/locale",)
STAFF_LANGUAGES = ("nl", "en")  # staff pages, staff emails and the staff language preference


@dataclass(frozen=True)
class Language:
    code: str  # Django's language code (URLs, cookies, LANGUAGES, reports' language): "zh-hans"
    name: str  # the language's name in itself, as the switcher shows it
    english_name: str
    direction: str  # interface direction: "ltr" or "rtl"
    locale: str  # Django locale, the name of the catalogue folder: "zh_Hans"
    cldr: str  # CLDR locale for Babel (dates, numbers, country names): "zh_Hans"
    status: str  # OFFERED or IN_REVIEW

    @property
    def offered(self) -> bool:
        return self.status == OFFERED

    @property
    def rtl(self) -> bool:
        return self.direction == RTL

    def catalogue(self, folder: str, root: Path = ROOT) -> Path:
        return root / folder / self.locale / "LC_MESSAGES" / "django.po"

    def has_catalogue(self, root: Path = ROOT) -> bool:
        """English is the msgid language: it needs no catalogue. Others have one once translated."""
        return self.code == "en" or any(self.catalogue(folder, root).exists() for folder in REPORTER_CATALOGUES)


REGISTRY: tuple[Language, ...] = (
    Language("nl", "Nederlands", "Dutch", LTR, "nl", "nl", OFFERED),
    Language("en", "English", "English", LTR, "en", "en", OFFERED),
    Language("fr", "Français", "French", LTR, "fr", "fr", OFFERED),
    Language("es", "Español", "Spanish", LTR, "es", "es", OFFERED),
    Language("pt", "Português", "Portuguese", LTR, "pt", "pt", OFFERED),
    Language("ar", "العربية", "Arabic", RTL, "ar", "ar", OFFERED),
    Language("ru", "Русский", "Russian", LTR, "ru", "ru", OFFERED),
    Language("zh-hans", "简体中文", "Chinese (simplified)", LTR, "zh_Hans", "zh_Hans", OFFERED),
    # The languages of the host countries where locally hired staff work (issue 13): offered since their
    # catalogues, content and review are complete.
    Language("de", "Deutsch", "German", LTR, "de", "de", OFFERED),
    Language("it", "Italiano", "Italian", LTR, "it", "it", OFFERED),
    Language("pl", "Polski", "Polish", LTR, "pl", "pl", OFFERED),
    Language("uk", "Українська", "Ukrainian", LTR, "uk", "uk", OFFERED),
    Language("tr", "Türkçe", "Turkish", LTR, "tr", "tr", OFFERED),
    Language("fa", "فارسی", "Persian", RTL, "fa", "fa", OFFERED),
    Language("ur", "اردو", "Urdu", RTL, "ur", "ur", OFFERED),
    Language("hi", "हिन्दी", "Hindi", LTR, "hi", "hi", OFFERED),
    Language("id", "Bahasa Indonesia", "Indonesian", LTR, "id", "id", OFFERED),
    Language("sw", "Kiswahili", "Swahili", LTR, "sw", "sw", OFFERED),
    Language("vi", "Tiếng Việt", "Vietnamese", LTR, "vi", "vi", OFFERED),
    Language("ja", "日本語", "Japanese", LTR, "ja", "ja", OFFERED),
)
BY_CODE = {language.code: language for language in REGISTRY}


def offered() -> list[Language]:
    return [language for language in REGISTRY if language.offered]


def in_review() -> list[Language]:
    return [language for language in REGISTRY if not language.offered]


def with_catalogues(root: Path = ROOT) -> list[Language]:
    """Every registry language whose catalogues exist (offered or in review), English aside."""
    return [language for language in REGISTRY if language.code != "en" and language.has_catalogue(root)]


def get(code: str) -> Language | None:
    """The registry language for a Django language code ("zh-hans") or locale name ("zh_Hans")."""
    code = (code or "").replace("_", "-").lower()
    return BY_CODE.get(code)


def django_languages() -> list[tuple[str, str]]:
    """settings.LANGUAGES: the offered languages, as the switcher names them."""
    return [(language.code, language.name) for language in offered()]


def is_rtl(code: str) -> bool:
    language = get(code)
    return bool(language and language.rtl)


def direction(code: str) -> str:
    """The interface direction of a registry language; "ltr" for any other code."""
    return RTL if is_rtl(code) else LTR


def cldr_locale(code: str) -> str:
    """The CLDR (Babel) locale for a language code; a code outside the registry is passed through."""
    language = get(code)
    if language:
        return language.cldr
    return code.replace("-", "_") if code else "en"


def makemessages_locales(root: Path = ROOT) -> list[str]:
    """The locales `make messages` updates: offered languages and those in review that have catalogues
    (a translator's branch brings them). It never creates a catalogue for a language in review."""
    return [language.locale for language in REGISTRY if language.code != "en" and (language.offered or language.has_catalogue(root))]


def catalogue_gaps(language: Language, root: Path = ROOT) -> list[str]:
    """What keeps a language from being offered in its catalogues: missing catalogues, untranslated or
    fuzzy entries (polib is a test dependency: this runs in CI, not in the portal)."""
    import polib

    if language.code == "en":
        return []
    gaps = []
    for folder in REPORTER_CATALOGUES:
        path = language.catalogue(folder, root)
        if not (root / folder).is_dir():
            continue
        if not path.exists():
            gaps.append(f"{path.relative_to(root)} is missing")
            continue
        catalogue = polib.pofile(str(path))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        if untranslated:
            gaps.append(f"{path.relative_to(root)}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}")
        if fuzzy:
            gaps.append(f"{path.relative_to(root)}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}")
    return gaps


def main(argv: list[str]) -> int:
    if argv == ["--locales"]:
        print(" ".join(f"-l {locale}" for locale in makemessages_locales()))
        return 0
    if argv == ["--codes"]:
        print(" ".join(language.code for language in REGISTRY))
        return 0
    print("usage: python -m meldpunt.languages --locales | --codes", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
