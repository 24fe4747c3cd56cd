"""Catalogue completeness: a string without its translations fails CI, and a language is offered to
reporters only when its catalogues are whole.

The languages come from the registry (meldpunt/languages.py). Every offered language must have every
reporter-facing catalogue complete; a language in review is checked as far as it goes (its catalogues,
once a translator brings them, must compile and keep every placeholder) but may still have gaps.
Staff-only catalogues (cases/) need Dutch (English is the msgid). Reporter-facing text that the desks
send (statuses, standard messages) lives in meldpunt, so it is in a reporter-facing catalogue.
"""

import dataclasses
import re
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

from meldpunt import languages

ROOT = Path(settings.BASE_DIR)
OFFERED = [language for language in languages.offered() if language.code != "en"]
CATALOGUES = {folder: [language.locale for language in OFFERED] for folder in languages.REPORTER_CATALOGUES}
CATALOGUES.update({folder: ["nl"] for folder in languages.STAFF_CATALOGUES})


def existing_catalogues():
    for folder, locales in CATALOGUES.items():
        if (ROOT / folder).is_dir():
            for locale in locales:
                yield folder, locale


def test_every_locale_folder_is_known():
    skip = {".venv", "var", "node_modules", "mutants"}  # mutants: make mutants
    found = {str(p.relative_to(ROOT)) for p in ROOT.glob("**/locale") if p.is_dir() and not skip & set(p.parts)}
    assert found <= set(CATALOGUES), f"Unknown locale folders: {found - set(CATALOGUES)}"


def test_every_language_folder_is_a_registry_language():
    known = {language.locale for language in languages.REGISTRY}
    for folder in languages.REPORTER_CATALOGUES:
        present = {p.name for p in (ROOT / folder).iterdir() if p.is_dir()}
        assert present <= known, f"{folder}: catalogues for languages outside the registry: {present - known}"


def test_the_portal_offers_exactly_the_registry_s_offered_languages():
    assert settings.LANGUAGES == [(language.code, language.name) for language in languages.offered()]
    assert settings.REPORTER_LANGUAGES == [language.code for language in languages.offered()]
    assert {code for code, _name in settings.LANGUAGES} >= {"nl", "en"}, "staff pages need Dutch and English"
    in_review = {language.code for language in languages.in_review()}
    assert not in_review & set(settings.REPORTER_LANGUAGES)


@pytest.mark.parametrize(("folder", "locale"), list(existing_catalogues()))
def test_catalogue_is_complete(folder, locale):
    path = ROOT / folder / locale / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing"
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"{path}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{path}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert len(catalogue) > 0


@pytest.mark.parametrize("language", OFFERED, ids=lambda language: language.code)
def test_an_offered_language_has_no_gap_in_any_reporter_catalogue(language):
    assert languages.catalogue_gaps(language) == []


PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")


@pytest.mark.parametrize("language", languages.with_catalogues(), ids=lambda language: language.code)
def test_every_catalogue_in_the_registry_compiles_and_keeps_its_placeholders(language):
    """Offered or in review: what a translator has done so far compiles and keeps every placeholder."""
    for folder in languages.REPORTER_CATALOGUES:
        path = language.catalogue(folder)
        if not path.exists():
            continue
        result = subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        for entry in polib.pofile(str(path)).translated_entries():
            expected = set(PLACEHOLDER.findall(entry.msgid))
            if entry.msgstr:
                assert set(PLACEHOLDER.findall(entry.msgstr)) == expected, f"{path}: {entry.msgid!r}"


def test_a_language_whose_catalogue_has_a_gap_cannot_be_offered(tmp_path):
    """A translator's branch brings German with one string left untranslated: the gate names the gap."""
    german = dataclasses.replace(languages.get("de"), status=languages.IN_REVIEW)
    assert not german.offered
    for folder in languages.REPORTER_CATALOGUES:
        path = german.catalogue(folder, tmp_path)
        path.parent.mkdir(parents=True)
        catalogue = polib.POFile()
        catalogue.append(polib.POEntry(msgid="Make a report", msgstr="Eine Meldung machen"))
        if folder == "locale":
            catalogue.append(polib.POEntry(msgid="Do you want to stay anonymous?", msgstr=""))
        catalogue.save(str(path))
    gaps = languages.catalogue_gaps(german, tmp_path)
    assert len(gaps) == 1 and "1 untranslated" in gaps[0] and "stay anonymous" in gaps[0]

    # Once the last string is translated, nothing in the catalogues keeps it from being offered.
    path = german.catalogue("locale", tmp_path)
    catalogue = polib.pofile(str(path))
    catalogue.find("Do you want to stay anonymous?").msgstr = "Möchten Sie anonym bleiben?"
    catalogue.save(str(path))
    assert languages.catalogue_gaps(german, tmp_path) == []


def test_a_language_without_catalogues_cannot_be_offered(tmp_path):
    japanese = dataclasses.replace(languages.get("ja"), status=languages.IN_REVIEW)
    for folder in languages.REPORTER_CATALOGUES:
        (tmp_path / folder).mkdir(parents=True)
    assert len(languages.catalogue_gaps(japanese, tmp_path)) == len(languages.REPORTER_CATALOGUES)
    assert not japanese.has_catalogue(tmp_path)


def test_make_messages_updates_only_languages_that_have_catalogues(tmp_path, monkeypatch):
    # The twenty are all offered now: the next language to come is in review, as Italian and Japanese were.
    in_review = {"it", "ja"}
    monkeypatch.setattr(languages, "REGISTRY", tuple(
        dataclasses.replace(language, status=languages.IN_REVIEW) if language.code in in_review else language
        for language in languages.REGISTRY
    ))
    (tmp_path / "locale" / "it" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "locale" / "it" / "LC_MESSAGES" / "django.po").write_text("")
    locales = languages.makemessages_locales(tmp_path)
    assert "it" in locales, "a language in review with a catalogue is kept up to date"
    assert "ja" not in locales, "no catalogue is created for a language in review"
    assert {language.locale for language in languages.offered()} - {"en"} <= set(locales)
    assert "en" not in locales


@pytest.mark.parametrize("language", languages.with_catalogues(), ids=lambda language: language.code)
def test_every_catalogue_of_a_language_names_it_and_counts_plurals_as_its_main_catalogue(language):
    """A translator tool reads the header: the language and its plural rule must be the same in the
    main catalogue and in every app's, or one app's '%(count)s reports' follows another rule."""
    main = polib.pofile(str(language.catalogue("locale"))).metadata
    assert main.get("Language") == language.locale
    for folder in [*languages.REPORTER_CATALOGUES, *languages.STAFF_CATALOGUES]:
        path = language.catalogue(folder)
        if folder == "locale" or not path.exists():
            continue
        catalogue = polib.pofile(str(path))
        assert not catalogue.metadata_is_fuzzy, f"{path}: the header is still marked fuzzy"
        header = catalogue.metadata
        assert header.get("Project-Id-Version", "PACKAGE VERSION") != "PACKAGE VERSION", f"{path}: no project named"
        for field in ("Language", "Plural-Forms"):
            assert header.get(field) == main.get(field), f"{path}: {field} {header.get(field)!r}, main has {main.get(field)!r}"
