from django import template

register = template.Library()


@register.simple_tag
def any_fallback(*groups):
    """The texts of the first row (page, authority) shown in English or Dutch because its translation is
    being updated, or None: the page then says so once."""
    for group in groups:
        for row in group or ():
            if row.texts.is_fallback:
                return row.texts
    return None
