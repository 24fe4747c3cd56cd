"""Email, without content. Every message says only that there is something to look at, and where.

All mail of the portal goes through `notify`, so the rule holds in one place: the subject and body
come from fixed templates that receive no report text, only a link and a reference.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def notify(*, recipients: list[str], template: str, language: str = "nl", link: str = "", **context) -> int:
    recipients = [r for r in recipients if r]
    if not recipients:
        return 0
    with translation.override(language):
        context = {"link": link, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"notifications/{template}_subject.txt", context).strip()
        body = render_to_string(f"notifications/{template}_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
