import functools

from django.conf import settings
from django.utils.translation import get_language

from meldpunt import languages


@functools.lru_cache(maxsize=8)
def _offered(offered: tuple[tuple[str, str], ...]) -> tuple[languages.Language, ...]:
    # Worked out once per process (per settings.LANGUAGES), not on every page.
    return tuple(language for code, _name in offered if (language := languages.get(code)))


def portal(request):
    """The portal's name and the switcher's languages: the registry entries (name in itself, direction)
    of those settings.LANGUAGES offers, and of the language the page is in."""
    offered = _offered(tuple(settings.LANGUAGES))
    current = languages.get(get_language() or "") or languages.get(settings.LANGUAGE_CODE)
    return {"PORTAL_NAME": settings.PORTAL_NAME, "PORTAL_LANGUAGES": offered, "CURRENT_LANGUAGE": current}
