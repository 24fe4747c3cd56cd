"""A reporter who left an email address gets one content-free nudge per new message, never twice."""

import pytest
from django.core import mail

from cases.models import StandardMessage
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import MailboxMessage
from meldpunt.intake.tasks import reporter_nudge_send

pytestmark = pytest.mark.django_db


def desk_writes(report, team):
    from cases import services

    return services.report_message_send(report=report, actor=team["coordinator"], kind=StandardMessage.Kind.MORE_INFORMATION, body="Can you tell us when it happened?")


@pytest.fixture
def team(staff_factory, post):
    from meldpunt.accounts.models import Role

    return {"coordinator": staff_factory(Role.CCI_COORDINATOR, "marieke", post=post)}


def test_one_nudge_per_message_even_when_the_task_runs_twice(report_factory, team, django_capture_on_commit_callbacks):
    report = report_factory(is_anonymous=False, reporter_contact="melder@example.net", wants_email_nudge=True, language="fr").report
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message = desk_writes(report, team)
    assert [m.to for m in mail.outbox] == [["melder@example.net"]]
    assert "when it happened" not in mail.outbox[0].body
    reporter_nudge_send.delay(str(message.pk))  # a redelivered task, or a second worker
    assert len(mail.outbox) == 1
    assert MailboxMessage.objects.get(pk=message.pk).reporter_nudged_at is not None


def test_no_nudge_without_an_address_or_once_the_message_was_read(report_factory, team, django_capture_on_commit_callbacks):
    quiet = report_factory(wants_email_nudge=False).report
    reader = report_factory(is_anonymous=False, reporter_contact="lezer@example.net", wants_email_nudge=True).report
    mail.outbox.clear()
    desk_writes(quiet, team)  # not captured: the reporter asked for nothing, so nothing is queued
    message = desk_writes(reader, team)
    intake_services.mailbox_messages_mark_read(report=reader)
    reporter_nudge_send.delay(str(message.pk))
    assert mail.outbox == []
