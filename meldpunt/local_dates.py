"""Dates and times as the reader's language writes them, from CLDR through Babel.

Django's own formats read "ديسمبر 1, 2026, 11 ص" in Arabic; CLDR gives "1 ديسمبر 2026، 11:05 ص".
Template filters, built in to every template (settings.TEMPLATES builtins):
  {{ value|local_date }}  {{ value|local_date:"short" }}  {{ value|local_datetime }}
Times are shown in the portal's time zone (TIME_ZONE), like the rest of the site.
"""

import datetime

from babel.dates import format_date, format_time, get_datetime_format
from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from meldpunt import languages

register = template.Library()


def babel_locale() -> str:
    return languages.cldr_locale(get_language() or settings.LANGUAGE_CODE)  # "zh-hans" -> "zh_Hans"


@register.filter
def local_date(value, length: str = "long") -> str:
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_date(value, length, locale=babel_locale())


@register.filter
def local_datetime(value) -> str:
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    locale = babel_locale()
    day = format_date(value.date(), "long", locale=locale)
    time = format_time(value, "short", tzinfo=value.tzinfo, locale=locale)
    return get_datetime_format("medium", locale=locale).format(time, day)


@register.filter
def language_label(code: str) -> str:
    """A language's name in the reader's language from CLDR, with its own name beside it where they
    differ: {{ "ar"|language_label }} reads "Arabisch (العربية)" on a Dutch page."""
    from babel import Locale, UnknownLocaleError

    if not code:
        return ""
    try:
        own = Locale.parse(languages.cldr_locale(code))
        here = Locale.parse(babel_locale())
    except (ValueError, UnknownLocaleError):
        return code
    translated, local = own.get_display_name(here) or code, own.get_display_name(own) or code
    return translated if translated == local else f"{translated} ({local})"
