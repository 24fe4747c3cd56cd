"""Post and region names in every language, from CLDR through Babel: never typed per language.

An embassy is "Embassy in {country}" with the country's CLDR name, a consulate-general "Consulate-General
in {city}" with the city's CLDR exemplar name where CLDR has one (else its Latin name), a permanent
representation and the regions CLDR lacks are one translated msgid each. Only those few patterns are in
the catalogues; the ~140 country and city names come from CLDR, so a new language needs no hand
translation of posts.
"""

from functools import lru_cache

from babel import Locale
from babel.dates import get_timezone_location
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from meldpunt import languages as registry

EMBASSY = gettext_noop("Embassy in %(country)s")
CONSULATE = gettext_noop("Consulate-General in %(city)s")


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


@lru_cache(maxsize=64)
def babel_locale(language: str) -> Locale:
    return Locale.parse(registry.cldr_locale(language))  # "zh-hans" -> zh_Hans, from the registry


def _translated(msgid: str, language: str) -> str:
    with translation.override(language):
        text = gettext(msgid)
    if language != "en" and text == msgid:
        raise ImproperlyConfigured(
            f"No {language} translation of {msgid!r} for the post names: compile the catalogues first "
            "(`manage.py compilemessages`), or for a new language translate that msgid in its django.po, "
            "then run `manage.py migrate` again."
        )
    return text


def territory_name(code: str, language: str) -> str:
    return babel_locale(language).territories.get(code, code)


def city_name(city: str, time_zone: str, language: str) -> str:
    if not time_zone:
        return city
    return get_timezone_location(time_zone, locale=babel_locale(language), return_city=True)


def post_name(*, kind: str, country_code: str, city: str, time_zone: str = "", msgid: str = "",
              language: str) -> str:
    """The name of a post abroad in one language (directorates keep their own names)."""
    if msgid:
        return _translated(msgid, language)
    if kind == "consulate":
        return _translated(CONSULATE, language) % {"city": city_name(city, time_zone, language)}
    return _translated(EMBASSY, language) % {"country": territory_name(country_code, language)}


def region_name(*, territory: str | None, msgid: str, language: str) -> str:
    if territory:
        return territory_name(territory, language)
    return _translated(msgid, language)
