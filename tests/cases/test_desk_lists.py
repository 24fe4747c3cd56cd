"""The desk's lists read choice labels and short dates from dicts kept per language: they show
exactly what Django's get_FOO_display and |date:"SHORT_DATE_FORMAT" show, in every staff language."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from cases.models import Case, CaseStatusChange
from cases.templatetags.desk_lists import label, short_date, with_id
from meldpunt.intake.models import Report

FIELDS = [(Report, "status"), (Report, "channel"), (Report, "desk"), (Case, "state"), (Case, "urgency"),
          (Case, "seriousness"), (Case, "instrument"), (CaseStatusChange, "from_state")]


@pytest.mark.parametrize("language", ["nl", "en", "ar", "fr"])
@pytest.mark.parametrize(("model", "field"), FIELDS)
def test_a_label_is_what_get_display_shows_in_the_reader_s_language(language, model, field):
    values = [value for value, _label in model._meta.get_field(field).flatchoices] + ["", "not-a-choice"]
    with translation.override(language):
        for value in values:
            record = model(**{field: value})
            assert label(record, field) == getattr(record, f"get_{field}_display")()


@pytest.mark.parametrize("language", ["nl", "en", "ar"])
def test_a_short_date_is_what_the_date_filter_shows_in_the_portal_s_time_zone(language):
    late_evening_utc = datetime.datetime(2026, 3, 31, 23, 30, tzinfo=datetime.UTC)  # already 1 April in Den Haag
    django_s = Template('{{ value|date:"SHORT_DATE_FORMAT" }}')
    ours = Template("{% load desk_lists %}{{ value|short_date }}")
    with translation.override(language):
        for value in (datetime.date(2026, 12, 1), late_evening_utc, timezone.now(), None):
            assert ours.render(Context({"value": value})) == django_s.render(Context({"value": value}))
    assert short_date(late_evening_utc) == short_date(datetime.date(2026, 4, 1))


def test_a_link_pattern_takes_the_row_s_id():
    from cases.views import url_pattern

    pattern = url_pattern("cases:report-detail")
    assert with_id(pattern, "0b7e8c1e-1b8c-4a51-9d1f-3f4b8f0a0c11") == "/staff/desk/reports/0b7e8c1e-1b8c-4a51-9d1f-3f4b8f0a0c11/"
