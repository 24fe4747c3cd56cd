"""Email, without content. Every message says only that there is something to look at, and where.

All mail of the portal goes through `notify`, so the rules hold in one place:

- the subject and body come from fixed templates that receive no report text, only a link and a
  reference;
- nothing is sent inside a web request: `notify` queues one Celery task per recipient, and the task
  talks to the mail server with `EMAIL_TIMEOUT` and retries with exponential backoff;
- whatever must be marked as sent (a reminder, a reporter's nudge) is marked by the task's
  `after_sent` hook, only once the mail server accepted the message; `after_failed` runs when it
  gave up, so that the next scan can try again;
- a staff member is written to in their own staff language (Dutch or English, their choice on the
  account page); `language` is the reporter's language, for mail to a reporter;
- no address ever reaches a log line, an exception message or the broker for a reporter: a refusal
  is logged and recorded (`TaskFailure`, shown to the coordinators) by template and kind of error
  only, and a reporter's sealed address is read inside the task from the report (`reporter:<id>`).
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

REPORTER_PREFIX = "reporter:"
ADVICE_ASKER_PREFIX = "advice-asker:"  # the sealed address an advice question's asker left, if any
# Refusals that will not change on a retry: the address itself is wrong or unusable.
PERMANENT = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, ValueError)
TRANSIENT = (smtplib.SMTPException, OSError)  # includes socket timeouts and refused connections
MAX_RETRIES = 5


# Sent when the mail task gave up on a message: task_name, task_id, recipient (a description, never the
# address) and error (the kind of error). The desks record it for the coordinators (cases.monitoring).
mail_given_up = Signal()


class MailNotAccepted(Exception):
    """The mail server did not take a message. Carries only the kind of error, never an address."""


def notify(
    *, recipients: list[str], template: str, language: str = "nl", link: str = "",
    after_sent: tuple[str, dict] | None = None, after_failed: tuple[str, dict] | None = None, **context,
) -> int:
    """Queue a content-free email to each recipient; returns how many were queued.

    A recipient is a staff address, or `reporter_recipient(report)` for a reporter's sealed address.
    `after_sent`/`after_failed` are (dotted path of a function, its keyword arguments), called by the
    task when the server accepted the message, or when it gave up.
    """
    from meldpunt.tasks import mail_send

    recipients = [r for r in recipients if r]
    for recipient in recipients:
        mail_send.delay(recipient, template, language, link, context, after_sent, after_failed)
    return len(recipients)


def reporter_recipient(report) -> str:
    return f"{REPORTER_PREFIX}{report.pk}"


def _advice_asker_address(recipient: str) -> str:
    from meldpunt.advice.models import AdviceQuestion

    question = AdviceQuestion.objects.filter(pk=recipient.removeprefix(ADVICE_ASKER_PREFIX)).first()
    if question is None or question.is_shredded:
        return ""
    contact = question.unseal("contact").strip()
    return contact if "@" in contact else ""


def _address(recipient: str) -> str:
    if recipient.startswith(ADVICE_ASKER_PREFIX):
        return _advice_asker_address(recipient)
    if not recipient.startswith(REPORTER_PREFIX):
        return recipient
    from meldpunt.intake.models import Report

    report = Report.objects.filter(pk=recipient.removeprefix(REPORTER_PREFIX)).first()
    if report is None or report.is_shredded or not report.wants_email_nudge:
        return ""
    contact = report.unseal("reporter_contact").strip()
    return contact if "@" in contact else ""


def describe(recipient: str) -> str:
    """Who a message was for, without the address: for logs and the coordinators' failure list."""
    if recipient.startswith(REPORTER_PREFIX):
        return "reporter"
    if recipient.startswith(ADVICE_ASKER_PREFIX):
        return "advice asker"
    from meldpunt.accounts.models import User

    pk = User.objects.filter(email=recipient).values_list("pk", flat=True).first()
    return f"staff user {pk}" if pk else "staff"


def recipient_language(recipient: str, language: str) -> str:
    """A reporter reads the language of their report; a staff member their own staff language."""
    if recipient.startswith(REPORTER_PREFIX):
        return language
    from meldpunt.accounts.selectors import staff_language_for_email

    return staff_language_for_email(recipient) or language


def deliver(*, recipient: str, template: str, language: str, link: str, context: dict) -> bool:
    """Render and hand one message to the mail server (with EMAIL_TIMEOUT). True when accepted,
    False when there is no one to send it to. Raises MailNotAccepted (no address in it) otherwise."""
    address = _address(recipient)
    if not address:
        return False
    with translation.override(recipient_language(recipient, language)):
        context = {"link": link, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"notifications/{template}_subject.txt", context).strip()
        # A body may open with a line holding only a translator comment: it starts at its first word.
        body = render_to_string(f"notifications/{template}_body.txt", context).lstrip()
    try:
        connection = get_connection(fail_silently=False, timeout=settings.EMAIL_TIMEOUT)
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address], connection=connection).send()
    except PERMANENT as exc:
        raise MailNotAccepted(f"{type(exc).__name__} (permanent)") from None
    except TRANSIENT as exc:
        raise MailNotAccepted(type(exc).__name__) from None
    return True


def run_hook(hook: tuple[str, dict] | None) -> None:
    if hook:
        path, kwargs = hook
        import_string(path)(**kwargs)
