"""The reminder scan runs on a real worker through Redis, as beat starts it in production."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cases.models import SentReminder, TaskFailure
from meldpunt.intake.models import Report
from tests.conftest import file_report, make_staff

from .conftest import wait_for

pytestmark = [pytest.mark.broker]


def test_a_reminder_scan_on_the_worker_sends_once_however_often_it_runs(real_worker, category, post, settings):
    settings.DIGEST_WEEKDAY, settings.DIGEST_HOUR = 6, 23  # keep the weekly digest out of this test
    if timezone.localdate().weekday() == 6:
        settings.DIGEST_HOUR = 24 * 2
    handler = make_staff("cci_handler")
    filed = file_report(category=category, post=post)
    assert wait_for(lambda: len(mail.outbox) == 1)  # the desk's new-report notice
    # Two days before the acknowledgement is due.
    due_in_two_days = Report.objects.filter(pk=filed.report.pk)
    assert wait_for(lambda: due_in_two_days.update(acknowledgement_due=timezone.localdate() + timedelta(days=2)) == 1)
    from cases.tasks import reminders_scan_run

    for _ in range(3):
        reminders_scan_run.delay()
    assert wait_for(lambda: SentReminder.objects.filter(what="acknowledgement").count() == 1)
    assert wait_for(lambda: len(mail.outbox) == 2)
    import time

    time.sleep(1.5)  # let the other two runs finish: they find nothing new
    assert wait_for(lambda: SentReminder.objects.count() == 1 and len(mail.outbox) == 2)
    assert mail.outbox[1].to == [handler.email]
    assert wait_for(lambda: not TaskFailure.objects.exists())
