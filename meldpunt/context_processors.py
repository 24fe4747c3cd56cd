from django.conf import settings
from django.utils.translation import get_language

from meldpunt import languages


def portal(request):
    """The portal's name and the switcher's languages: the registry entries (name in itself, direction)
    of those settings.LANGUAGES offers, and of the language the page is in."""
    offered = [language for code, _name in settings.LANGUAGES if (language := languages.get(code))]
    current = languages.get(get_language() or "") or languages.get(settings.LANGUAGE_CODE)
    return {"PORTAL_NAME": settings.PORTAL_NAME, "PORTAL_LANGUAGES": offered, "CURRENT_LANGUAGE": current}
