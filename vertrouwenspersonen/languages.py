"""The languages a counsellor can speak, named in the reader's language.

Codes follow the ones used for posts (Post.languages): ISO 639-1 where there is one, `zh-hans` for
simplified Chinese, `srn` for Sranan Tongo. The names are gettext strings of this app's catalogue,
so the directory names every language in every reporter language.
"""

from django.utils.translation import gettext_lazy as _

from meldpunt import languages as registry

SPOKEN_LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("zh-hans", _("Chinese (simplified)")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
    ("pl", _("Polish")),
    ("fa", _("Persian")),
    ("ber", _("Tamazight (Berber)")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("am", _("Amharic")),
    ("sw", _("Swahili")),
    ("wo", _("Wolof")),
    ("ln", _("Lingala")),
    ("id", _("Indonesian")),
    ("hi", _("Hindi")),
    ("ur", _("Urdu")),
    ("ja", _("Japanese")),
    ("srn", _("Sranan Tongo")),
    ("pap", _("Papiamento")),
]
LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)


def language_name(code: str) -> str:
    """The language's name in the active language; an unknown code is shown as it is."""
    return str(LANGUAGE_NAMES.get(code, code))


def text_direction(code: str) -> str:
    """Right to left for the registry's right-to-left languages (ar, fa, ur): one list, meldpunt/languages.py."""
    return registry.direction(code)
