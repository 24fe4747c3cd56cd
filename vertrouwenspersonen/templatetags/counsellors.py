from django import template

from vertrouwenspersonen.selectors import localised as localised_text

register = template.Library()


@register.simple_tag
def localised(obj, field_name):
    """{% localised counsellor "introduction" as intro %}: the text and the language it is in."""
    return localised_text(obj, field_name)
