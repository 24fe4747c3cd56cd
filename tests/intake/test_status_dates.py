"""The dates in "what happens next" in the mailbox are written as each language writes them, from CLDR
through Babel, in every registry language (offered or in review): Django's own formats have none for
Urdu, Swahili and others and wrote "دسمبر 8, 2026" or "Dis. 8, 2026"."""

import datetime

import pytest
from babel.dates import format_date
from django.utils import timezone, translation

from meldpunt import languages
from meldpunt.intake.models import Report
from meldpunt.intake.status import status_explained

pytestmark = pytest.mark.django_db

ACKNOWLEDGE_BY = datetime.date(2026, 12, 8)
FEEDBACK_BY = datetime.date(2027, 3, 8)


@pytest.fixture
def new_report(report_factory):
    report = report_factory().report
    Report.objects.filter(pk=report.pk).update(acknowledgement_due=ACKNOWLEDGE_BY, feedback_due=FEEDBACK_BY)
    report.refresh_from_db()
    return report


@pytest.mark.parametrize("code", [language.code for language in languages.REGISTRY])
def test_what_happens_next_gives_its_dates_as_the_language_writes_them(code, new_report):
    cldr = languages.cldr_locale(code)
    with translation.override(code):
        steps = " ".join(status_explained(new_report).next_steps)
    assert format_date(ACKNOWLEDGE_BY, "long", locale=cldr) in steps
    assert format_date(FEEDBACK_BY, "long", locale=cldr) in steps


def test_urdu_and_swahili_dates_are_cldr_s_not_django_s(new_report):
    with translation.override("ur"):
        urdu = " ".join(status_explained(new_report).next_steps)
    with translation.override("sw"):
        swahili = " ".join(status_explained(new_report).next_steps)
    assert "8 دسمبر، 2026" in urdu and "دسمبر 8, 2026" not in urdu
    assert "8 Desemba 2026" in swahili and "Dis. 8, 2026" not in swahili


def test_feedback_given_late_in_the_evening_is_dated_in_the_portal_s_time_zone(new_report):
    given = timezone.make_aware(datetime.datetime(2026, 12, 20, 23, 30), timezone.get_default_timezone())
    Report.objects.filter(pk=new_report.pk).update(feedback_given_at=given, acknowledged_at=given)
    new_report.refresh_from_db()
    with translation.override("ja"):
        (given_step, *_rest) = status_explained(new_report).next_steps
    assert "2026年12月20日" in given_step
