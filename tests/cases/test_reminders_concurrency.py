"""Two workers scanning at the same moment: the unique constraint lets one record and mail, the
other backs off."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from cases import reminders
from cases.models import SentReminder
from meldpunt.accounts.models import Role
from meldpunt.intake.models import Report

from ..conftest import file_report, make_staff


@pytest.mark.django_db(transaction=True)
def test_two_scans_at_the_same_moment_send_once(migrated_data, category, post, monkeypatch, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time (immediate transactions); the race is shown on PostgreSQL")
    settings.DIGEST_WEEKDAY, settings.DIGEST_HOUR = 6, 24 * 2  # no digest in this test
    handler = make_staff(Role.CCI_HANDLER, "race-handler", post=post)
    report = file_report(category=category, post=post).report
    Report.objects.filter(pk=report.pk).update(acknowledgement_due=timezone.localdate() + timedelta(days=2))
    mail.outbox.clear()
    real_bulk_create = SentReminder.objects.bulk_create

    def slow_bulk_create(rows, **kwargs):  # both scans have read "nothing sent" before either inserts
        time.sleep(0.3)
        return real_bulk_create(rows, **kwargs)

    monkeypatch.setattr(SentReminder.objects, "bulk_create", slow_bulk_create)
    barrier, results = threading.Barrier(2), []

    def scan():
        try:
            barrier.wait()
            results.append(reminders.reminders_scan())
        finally:
            connection.close()

    threads = [threading.Thread(target=scan) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r["emails"] for r in results) == [0, 1]
    assert SentReminder.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[handler.email]]
