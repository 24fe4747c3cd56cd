"""Cheap per-row filters for the desk's lists, where a page shows fifty rows.

Django's get_FOO_display runs make_hashable over the whole lazily translated choices list on every
call (a fifth of the inbox's time); these labels come from one dict per model field and language,
built once per process. Dates are formatted once per day and language.

    {% load desk_lists %}
    {{ report|label:"status" }}  {{ report.received_at|short_date }}  {{ report_url|with_id:report.pk }}
    {% kept_form form %}  (an empty form from cases/kept_forms.py; the same HTML as {{ form.as_div }})
"""

import datetime
from functools import lru_cache

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language, override

from ..kept_forms import render_kept

register = template.Library()


@register.simple_tag
def kept_form(form):
    return render_kept(form)


@lru_cache(maxsize=512)
def _labels(model, field_name: str, language: str) -> dict:
    with override(language):
        return {value: str(label) for value, label in model._meta.get_field(field_name).flatchoices}


@register.filter
def label(obj, field_name: str) -> str:
    """What obj.get_<field_name>_display() shows, read from a dict: the label of the value, or the
    value itself when it is not among the choices."""
    value = getattr(obj, field_name)
    return _labels(type(obj), field_name, get_language() or "").get(value, value)


@lru_cache(maxsize=4096)
def _short_date(day: datetime.date, language: str) -> str:
    with override(language):
        return formats.date_format(day, "SHORT_DATE_FORMAT")


@register.filter
def short_date(value) -> str:
    """What |date:"SHORT_DATE_FORMAT" shows (a moment in the portal's time zone), kept per day and language."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return _short_date(value, get_language() or "")


@register.filter
def with_id(pattern: str, pk) -> str:
    """A link from a pattern reversed once a request (see cases.views.url_pattern), instead of one
    {% url %} a row."""
    return pattern.replace(PLACEHOLDER, str(pk))


PLACEHOLDER = "00000000-0000-0000-0000-000000000000"
