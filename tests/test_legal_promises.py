"""A reporter reads only promises the portal and the law keep, in every language.

The Wet bescherming klokkenluiders and EU Directive 2019/1937 (art. 16 and 19) keep a reporter's
identity confidential (disclosed only with consent or by legal duty, after telling the reporter why)
and forbid retaliation, with the burden of proof on the employer. They do not promise that nobody can
ever work out who reported, nor that a career can never suffer. locale/REWRITTEN.md lists the rewritten
sentences.
"""

from html import unescape

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

ABSOLUTE_PROMISES = [
    "nobody will know who I am",
    "never harms your career",
    "Each of them is safe",
    "You can raise it safely",
    "the CCI will know only if they agree",
    "the CCI does not learn who the person is",
]

IDENTITY_CHOICE = "Stay anonymous: my name is not asked for or recorded"
CAREER = (
    "Reporting in good faith must never harm your career. The law forbids retaliation against a reporter: "
    "if you are disadvantaged after reporting, your employer must prove that it had nothing to do with your "
    "report. Retaliation is itself a violation you can report."
)
ROUTES = (
    "There are four ways to raise an integrity concern. In each of them your identity is kept confidential, "
    "and in each you may stay anonymous. This page helps you choose. If you are unsure, start with a "
    "confidential counsellor."
)


@pytest.mark.django_db
@pytest.mark.parametrize("language", settings.REPORTER_LANGUAGES)
def test_the_first_pages_a_reporter_reads_promise_only_what_is_kept(language, category):
    reporter = Client()
    reporter.cookies["django_language"] = language
    pages = unescape("".join(
        reporter.get(reverse(name)).content.decode() for name in ("intake:home", "intake:report", "channels:guide")
    ))
    for sentence in ABSOLUTE_PROMISES:
        assert sentence not in pages
    with translation.override(language):
        for sentence in (IDENTITY_CHOICE, CAREER, ROUTES):
            kept = translation.gettext(sentence)
            assert kept in pages, f"{language}: {kept!r} is not on the first pages"
            if language != "en":
                assert kept != sentence, f"{language}: {sentence!r} is not translated"
