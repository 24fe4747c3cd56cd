"""Emails say that there is something to look at, never what."""

import pytest
from django.core import mail

from meldpunt.intake.services import mailbox_message_to_reporter

from .mail_scan import assert_no_report_text_in_outbox


@pytest.mark.django_db
def test_the_reporters_nudge_and_the_desks_notice_carry_no_content(report_factory, staff_factory, django_capture_on_commit_callbacks):
    handler = staff_factory("cci_handler")
    with django_capture_on_commit_callbacks(execute=True):
        report = report_factory(
            narrative="A long and secret account of what happened", is_anonymous=False,
            reporter_name="Someone Named", reporter_contact="reporter@example.org", wants_email_nudge=True,
        ).report
        mailbox_message_to_reporter(report=report, sender=handler, body="A reply with confidential details")
    recipients = [m.to[0] for m in mail.outbox]
    assert "reporter@example.org" in recipients and handler.email in recipients
    assert_no_report_text_in_outbox()


@pytest.mark.django_db
def test_the_scan_would_catch_a_leak(report_factory):
    report_factory(narrative="This text must never travel by email")
    mail.send_mail("Subject", "Leaked: This text must never travel by email", "a@example.org", ["b@example.org"])
    with pytest.raises(AssertionError):
        assert_no_report_text_in_outbox()
    mail.outbox.clear()
