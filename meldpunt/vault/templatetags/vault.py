from django import template

from .. import views

register = template.Library()


@register.inclusion_tag("vault/mailbox_files.html", takes_context=True)
def mailbox_files_panel(context, report):
    """The reporter's files in the mailbox, and the form to add more."""
    return {"request": context.get("request"), "csrf_token": context.get("csrf_token"), **views.mailbox_panel_context(report)}
