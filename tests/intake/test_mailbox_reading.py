"""A reporter opens the mailbox again and again while waiting for an answer: looking writes nothing
unless there is something new to mark read, and a message that arrives while the page is on screen
stays new until the reporter has seen it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from meldpunt.intake import services
from meldpunt.intake.models import MailboxMessage
from tests.conftest import make_staff, open_mailbox

pytestmark = pytest.mark.django_db


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith(("UPDATE", "INSERT", "DELETE"))
            and "django_session" not in q["sql"]]


def test_looking_again_writes_nothing_and_a_new_message_is_marked_read_once_shown(report_factory):
    report = report_factory().report
    desk = make_staff("cci_handler")
    reporter = open_mailbox(Client(), report)
    with CaptureQueriesContext(connection) as queries:
        assert reporter.get("/mailbox/").status_code == 200
    assert writes(queries) == []  # nothing new: nothing to mark

    message = services.mailbox_message_to_reporter(report=report, sender=desk, body="Can you tell us when it happened?")
    page = reporter.get("/mailbox/").content.decode()
    assert "Can you tell us when it happened?" in page
    assert MailboxMessage.objects.get(pk=message.pk).read_at is not None
    with CaptureQueriesContext(connection) as queries:
        reporter.get("/mailbox/")
    assert writes(queries) == []


def test_only_the_messages_shown_are_marked_read(report_factory):
    report = report_factory().report
    desk = make_staff("cci_handler")
    shown = services.mailbox_message_to_reporter(report=report, sender=desk, body="First question")
    later = services.mailbox_message_to_reporter(report=report, sender=desk, body="Second question")
    services.mailbox_messages_mark_read(report=report, message_ids=[str(shown.pk)])
    assert MailboxMessage.objects.get(pk=shown.pk).read_at is not None
    assert MailboxMessage.objects.get(pk=later.pk).read_at is None
