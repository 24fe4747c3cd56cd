"""M9 and M10: mail never holds up a request, never leaks an address, and is never lost unrecorded.

M9: an SMTP refusal of a named reporter's address (a typo) wrote the address into the worker log and
the notice was lost without a trace. M10: mail sent inside the request, without EMAIL_TIMEOUT, hung
a reporter's meeting request for more than 150 s with a silent mail server. Every email now goes
through one Celery task, with a timeout and retries, and whatever it announces counts as sent only
once the mail server accepted it.
"""

import logging
import smtplib
import socket
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.urls import reverse
from django.utils import timezone

from cases.models import SentReminder, StandardMessage, TaskFailure
from cases.reminders import reminders_scan
from meldpunt.accounts.models import Role
from meldpunt.intake.models import MailboxMessage

TYPO = "piet.typo@exmaple-typo.org"
BACKENDS = "tests.security.test_mail_delivery"


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every recipient, as smtplib reports it (the address in the error)."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({r: (550, b"5.1.1 <" + r.encode() + b">: no such user") for m in messages for r in m.to})


class DownBackend(BaseEmailBackend):
    """A mail server that drops the connection, every time."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected(f"Connection to server lost while sending to {messages[0].to[0]}")


class MustNotBeCalledBackend(BaseEmailBackend):
    calls = 0

    def send_messages(self, messages):
        MustNotBeCalledBackend.calls += 1
        return LocmemBackend().send_messages(messages)


@pytest.fixture
def all_logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def test_a_refused_reporter_address_is_in_no_log_and_the_failure_is_recorded(
    report_factory, staff_factory, post, settings, all_logs, capfd, django_capture_on_commit_callbacks
):
    from cases import services

    settings.EMAIL_BACKEND = f"{BACKENDS}.RefusingBackend"
    report = report_factory(is_anonymous=False, reporter_contact=TYPO, wants_email_nudge=True).report
    coordinator = staff_factory(Role.CCI_COORDINATOR, post=post)

    with django_capture_on_commit_callbacks(execute=True):
        message = services.report_message_send(
            report=report, actor=coordinator, kind=StandardMessage.Kind.MORE_INFORMATION, body="When did it happen?"
        )

    out, err = capfd.readouterr()
    assert "piet.typo" not in all_logs.text + out + err
    failure = TaskFailure.objects.get()
    assert "SMTPRecipientsRefused" in failure.error and "reporter_nudge" in failure.task_name
    assert "piet.typo" not in f"{failure.task_name} {failure.arguments} {failure.error}"
    assert MailboxMessage.objects.get(pk=message.pk).reporter_nudged_at is None  # not sent, so not marked
    # The coordinators see it on their overview.
    page = staff_factory(Role.CCI_COORDINATOR, post=post)
    from tests.conftest import signed_in

    assert "SMTPRecipientsRefused" in signed_in(page).get(reverse("cases:deadlines")).content.decode()


def test_a_reminder_counts_as_sent_only_once_the_mail_server_accepted_it(
    report_factory, staff_factory, post, settings, all_logs
):
    settings.DIGEST_WEEKDAY, settings.DIGEST_HOUR = 6, 23  # keep the weekly digest out of the way
    start = timezone.make_aware(timezone.datetime(2026, 3, 3, 9, 0))
    with time_machine.travel(start, tick=False) as clock:
        handler = staff_factory(Role.CCI_HANDLER, post=post)
        report_factory()
        clock.shift(timedelta(days=5))  # two days before the acknowledgement is due
        settings.EMAIL_BACKEND = f"{BACKENDS}.DownBackend"
        reminders_scan()
        assert not SentReminder.objects.filter(sent_at__isnull=False).exists()
        assert TaskFailure.objects.filter(error="SMTPServerDisconnected").exists()
        assert handler.email not in all_logs.text

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        mail.outbox.clear()
        reminders_scan()  # the next scan tries again
        assert [m.to for m in mail.outbox] == [[handler.email]]
        reminder = SentReminder.objects.get()
        assert reminder.sent_at is not None and reminder.recipient == handler.email
        reminders_scan()
        assert len(mail.outbox) == 1


def test_a_reporters_meeting_request_never_waits_for_the_mail_server(
    report_factory, staff_factory, post, settings, client, django_capture_on_commit_callbacks, monkeypatch
):
    from meldpunt.tasks import mail_send

    staff_factory(Role.CCI_HANDLER, post=post)  # someone on the desk to tell

    settings.EMAIL_BACKEND = f"{BACKENDS}.MustNotBeCalledBackend"
    MustNotBeCalledBackend.calls = 0
    queued = []
    monkeypatch.setattr(mail_send, "delay", lambda *args: queued.append(args))
    submitted = report_factory()
    client.post(reverse("intake:mailbox-sign-in"), {"code": submitted.receipt_code})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("intake:mailbox-meeting"), {"note": "Tuesday morning suits me."})

    assert response.status_code in (200, 302)
    assert MustNotBeCalledBackend.calls == 0  # nothing was sent inside the request
    assert [args[1] for args in queued] == ["desk_reporter_activity"] * len(queued) and queued


def test_a_silent_mail_server_gives_up_after_the_email_timeout(db, settings):  # db: the staff language is looked up
    from meldpunt import notifications

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection and never says a word
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.getsockname()[1]
        settings.EMAIL_TIMEOUT = 1
        with pytest.raises(notifications.MailNotAccepted):
            notifications.deliver(recipient="desk@example.org", template="desk_new_report", language="nl", link="/x/", context={})
    finally:
        listener.close()


def test_production_settings_have_an_email_timeout():
    from meldpunt import settings as production

    assert production.EMAIL_TIMEOUT and production.EMAIL_TIMEOUT <= 30


def test_a_server_that_is_down_is_retried_with_backoff_then_given_up_and_recorded(db, settings, monkeypatch):
    from meldpunt.tasks import mail_send

    settings.EMAIL_BACKEND = f"{BACKENDS}.DownBackend"
    waits = []

    class Retried(Exception):
        pass

    def retry(countdown, exc):
        waits.append(countdown)
        return Retried()

    monkeypatch.setattr(mail_send, "retry", retry)
    args = ("desk@example.org", "desk_new_report", "nl", "/x/", {})
    for attempt in range(mail_send.max_retries):
        mail_send.push_request(retries=attempt, is_eager=False, id=f"run-{attempt}")
        try:
            with pytest.raises(Retried):
                mail_send.run(*args)
        finally:
            mail_send.pop_request()
    assert waits == sorted(waits) and waits[0] < waits[-1]  # backing off
    assert not TaskFailure.objects.exists()
    mail_send.push_request(retries=mail_send.max_retries, is_eager=False, id="last")
    try:
        assert mail_send.run(*args) is False
    finally:
        mail_send.pop_request()
    assert TaskFailure.objects.get().error == "SMTPServerDisconnected"
