from django import template

from vertrouwenspersonen.languages import language_name as name_of_language
from vertrouwenspersonen.models import Specialism
from vertrouwenspersonen.selectors import localised as localised_text

register = template.Library()
SPECIALISM_NAMES = dict(Specialism.choices)


@register.simple_tag
def localised(obj, field_name):
    """{% localised counsellor "introduction" as intro %}: the text and the language it is in."""
    return localised_text(obj, field_name)


# Plain dictionary lookups: Model.get_FOO_display() hashes every (lazy) choice on each call, which
# costs a translation per choice per row on a directory page.
@register.filter
def language_name(code: str) -> str:
    return name_of_language(code)


@register.filter
def specialism_name(code: str) -> str:
    return str(SPECIALISM_NAMES.get(code, code))
