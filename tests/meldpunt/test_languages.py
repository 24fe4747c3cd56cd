"""The language registry is the one list of interface languages; dates, numbers and country names come
from CLDR for every language in it, offered or in review."""

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.numbers import format_decimal
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info

from meldpunt import languages
from meldpunt.local_dates import local_date
from meldpunt.organisation import names

ROOT = Path(settings.BASE_DIR)
TWENTY = "nl en fr es pt ar ru zh-hans de it pl uk tr fa ur hi id sw vi ja".split()


def test_twenty_languages_all_offered_to_reporters():
    """The eight first languages and the twelve of the host countries' locally hired staff (issue 13)."""
    assert [language.code for language in languages.REGISTRY] == TWENTY
    assert len({language.code for language in languages.REGISTRY}) == 20
    assert [language.code for language in languages.offered()] == TWENTY
    assert languages.in_review() == []
    assert [code for code, _name in settings.LANGUAGES] == TWENTY
    assert settings.REPORTER_LANGUAGES == TWENTY


def test_arabic_persian_and_urdu_are_right_to_left_and_the_page_says_so():
    assert {language.code for language in languages.REGISTRY if language.rtl} == {"ar", "fa", "ur"}
    assert set(settings.LANGUAGES_BIDI) == {"ar", "fa", "ur"}
    for code in TWENTY:
        with translation.override(code):
            assert translation.get_language_bidi() == (code in {"ar", "fa", "ur"})


@pytest.mark.parametrize("code", TWENTY)
def test_django_knows_every_registry_language(code):
    language = languages.get(code)
    assert get_language_info(code)["bidi"] == language.rtl
    assert translation.to_locale(code) == language.locale
    assert languages.get(language.locale) is language, "a locale name finds its language too"


@pytest.mark.parametrize("code", TWENTY)
def test_dates_numbers_and_country_names_come_from_cldr_in_every_language(code):
    cldr = Locale.parse(languages.cldr_locale(code))
    assert cldr.character_order == ("right-to-left" if languages.is_rtl(code) else "left-to-right")
    with translation.override(code):
        written = local_date(datetime.date(2026, 12, 1))
    if code != "en":
        with translation.override("en"):
            assert written != local_date(datetime.date(2026, 12, 1)), f"{code}: the date is written in English"
        assert names.territory_name("MA", code) != "Morocco", f"{code}: Morocco has no CLDR name"
        assert names.babel_locale(code).territories["NL"] != "Netherlands"
    assert format_decimal(1234.5, locale=cldr)


def test_chinese_dates_are_simplified_chinese():
    with translation.override("zh-hans"):
        assert local_date(datetime.date(2026, 12, 1)) == "2026年12月1日"
    assert names.territory_name("MA", "zh-hans") == "摩洛哥"


def test_the_makefile_asks_the_registry_which_catalogues_to_update():
    makefile = (ROOT / "Makefile").read_text()
    assert "LOCALES = $(shell $(PY) -m meldpunt.languages --locales)" in makefile
    printed = subprocess.run([sys.executable, "-m", "meldpunt.languages", "--locales"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    assert printed[::2] == ["-l"] * (len(printed) // 2)
    assert set(printed[1::2]) == set(languages.makemessages_locales())


# A second list of interface languages: six or more language codes of the registry in one literal list,
# tuple or set, outside the registry itself (a counsellor speaking four languages is data, not a list of
# interface languages). Migrations are history and stay as they were; the counsellor-conduct category is
# the content of a data migration, one name per translated column.
LIST_OF_CODES = re.compile(r"""[\[({]\s*(?:["'](?:nl|en|fr|es|pt|ar|ru|zh[-_][Hh]ans)["']\s*,\s*){5,}""")
CONTENT_OF_MIGRATIONS = {"vertrouwenspersonen/complaint_category.py"}
SCANNED = ("meldpunt", "cases", "vertrouwenspersonen", "tests", "templates", "bench", "tools")


def test_no_other_list_of_interface_languages_anywhere():
    found = []
    for folder in SCANNED:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts or path == ROOT / "meldpunt" / "languages.py":
                continue
            if path == Path(__file__) or str(path.relative_to(ROOT)) in CONTENT_OF_MIGRATIONS:
                continue
            if LIST_OF_CODES.search(path.read_text()):
                found.append(str(path.relative_to(ROOT)))
    makefile = (ROOT / "Makefile").read_text()
    assert "-l zh_Hans" not in makefile
    assert not found, f"language lists outside meldpunt/languages.py: {found}"


def test_the_readme_names_every_offered_language():
    """A newcomer trying the portal learns which languages it speaks from the README's first steps."""
    trying = (ROOT / "README.md").read_text().split("### Trying it", 1)[1].split("- **As CCI staff:**", 1)[0]
    trying = " ".join(trying.split())
    for language in languages.offered():
        name = language.english_name.split(" (")[0]
        assert name in trying, f"README.md does not name {name} among the languages a reporter can use"
