"""A translator sees, beside every reporter-facing string whose meaning is legal, what must not change:
anonymity, confidentiality, protection against retaliation, consent and forwarding, deadlines,
retention. And a short word that could mean two things ("Report", "Where", "Forwarded", "new",
"code") comes with its context, so twelve more languages do not guess.

The comments are written in the source (`{# Translators: ... #}` in templates, `# Translators:` in
Python), so `make messages` carries them into every catalogue as `#.` lines.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from meldpunt import languages

ROOT = Path(settings.BASE_DIR)
LEGAL = re.compile(r"anonym|confiden|identit|retaliat|consent|deadline|\bdays?\b", re.IGNORECASE)
AMBIGUOUS = ["Report", "Where", "Forwarded", "new", "code"]


def reporter_catalogues():
    """Every reporter-facing catalogue of every registry language that has one."""
    for language in languages.with_catalogues():
        for folder in languages.REPORTER_CATALOGUES:
            path = language.catalogue(folder)
            if path.exists():
                yield path


@pytest.mark.parametrize("path", list(reporter_catalogues()), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_legal_string_tells_the_translator_what_must_not_change(path):
    uncommented = [
        entry.msgid for entry in polib.pofile(str(path))
        if LEGAL.search(entry.msgid) and "Translators:" not in entry.comment
    ]
    assert not uncommented, f"{path}: {len(uncommented)} legal strings without a translator comment, e.g. {uncommented[:3]}"


def test_there_are_legal_strings_and_they_point_to_the_glossary():
    catalogue = polib.pofile(str(ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    legal = [entry for entry in catalogue if LEGAL.search(entry.msgid)]
    assert len(legal) > 40
    assert all("glossary" in entry.comment for entry in legal)


@pytest.mark.parametrize("path", list(reporter_catalogues()), ids=lambda path: str(path.relative_to(ROOT)))
def test_short_words_that_could_mean_two_things_have_a_context(path):
    bare = [entry.msgid for entry in polib.pofile(str(path)) if entry.msgid in AMBIGUOUS and not entry.msgctxt]
    assert not bare, f"{path}: no msgctxt for {bare}"
