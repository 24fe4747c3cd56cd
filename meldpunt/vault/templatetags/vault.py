from django import template

from .. import views

register = template.Library()


@register.inclusion_tag("vault/mailbox_files.html", takes_context=True)
def mailbox_files_panel(context, report, has_files=True):
    """The reporter's files in the mailbox, and the form to add more (`has_files=False`: the report has
    none yet, so none are read)."""
    return {
        "request": context.get("request"), "csrf_token": context.get("csrf_token"),
        **views.mailbox_panel_context(report, has_files=has_files),
    }
