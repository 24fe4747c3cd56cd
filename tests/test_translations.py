"""Catalogue completeness: a string without its translations fails CI.

Reporter-facing catalogues need every reporter language; staff-only catalogues (cases/) need Dutch
(English is the msgid). Reporter-facing text that the desks send (statuses, standard messages) lives
in meldpunt, so it is in a reporter-facing catalogue.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
REPORTER_LANGUAGES = ["nl", "fr", "es", "pt", "ar", "ru", "zh_Hans"]
CATALOGUES = {
    "locale": REPORTER_LANGUAGES,
    "meldpunt/vault/locale": REPORTER_LANGUAGES,
    "meldpunt/advice/locale": REPORTER_LANGUAGES,
    "vertrouwenspersonen/locale": REPORTER_LANGUAGES,
    "cases/locale": ["nl"],
}


def existing_catalogues():
    for folder, languages in CATALOGUES.items():
        if (ROOT / folder).is_dir():
            for language in languages:
                yield folder, language


def test_every_locale_folder_is_known():
    skip = {".venv", "var", "node_modules", "mutants"}  # mutants: make mutants
    found = {str(p.relative_to(ROOT)) for p in ROOT.glob("**/locale") if p.is_dir() and not skip & set(p.parts)}
    assert found <= set(CATALOGUES), f"Unknown locale folders: {found - set(CATALOGUES)}"


@pytest.mark.parametrize(("folder", "language"), list(existing_catalogues()))
def test_catalogue_is_complete(folder, language):
    path = ROOT / folder / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing"
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"{path}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{path}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert len(catalogue) > 0
