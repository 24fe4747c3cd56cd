"""Aftercare: 3 and 12 months after a case closed the reporter is asked, in the mailbox, whether
they met consequences for their career or position; a "yes" opens a retaliation concern."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.aftercare import aftercare_scan
from cases.models import CaseState, RetaliationConcern, SentReminder
from cases.reminders import reminders_scan
from meldpunt.intake.models import AftercareCheckIn, Report

from .conftest import reporter_client

pytestmark = pytest.mark.django_db

CLOSED = timezone.make_aware(timezone.datetime(2026, 1, 15, 11, 0))


@pytest.fixture
def closed_report(case_in):
    with time_machine.travel(CLOSED, tick=False):
        case = case_in(CaseState.CLOSED, language="es")
    return Report.objects.get(case_link__case=case)


def test_check_ins_at_3_and_12_months_once_each_and_caught_up_after_downtime(closed_report):
    with time_machine.travel(CLOSED + timedelta(days=80)):
        assert aftercare_scan() == {"3m": 0, "12m": 0}
    # The worker was down around the 3-month mark (15 April); it catches up three days later.
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 4, 18, 8, 0))):
        assert aftercare_scan()["3m"] == 1
        assert aftercare_scan()["3m"] == 0
    with time_machine.travel(timezone.make_aware(timezone.datetime(2027, 1, 15, 8, 0))):
        assert aftercare_scan() == {"3m": 0, "12m": 1}
        aftercare_scan()
    assert sorted(closed_report.aftercare_checkins.values_list("step", flat=True)) == ["12m", "3m"]
    assert SentReminder.objects.filter(what="aftercare").count() == 2
    message = closed_report.messages.filter(kind="aftercare").first()
    assert "carrera" in message.unseal("body")  # in the reporter's language


def test_a_no_is_recorded_and_nothing_follows(closed_report):
    with time_machine.travel(CLOSED + timedelta(days=91)):
        aftercare_scan()
    checkin = closed_report.aftercare_checkins.get()
    client = reporter_client(closed_report)
    page = client.get(reverse("intake:mailbox")).content.decode()
    assert "aftercare" in page and reverse("intake:mailbox-aftercare-answer", kwargs={"checkin_id": checkin.pk}) in page
    url = reverse("intake:mailbox-aftercare-answer", kwargs={"checkin_id": checkin.pk})
    assert client.post(url, {"answer": "", "note": "kept words"}).status_code == 400  # no choice: asked again
    assert client.post(url, {"answer": "maybe"}).status_code == 400
    assert client.post(url, {"answer": "no", "note": "x" * 5000}).status_code == 400
    assert client.post(url, {"answer": "no"}).status_code == 302
    checkin.refresh_from_db()
    assert checkin.answer == AftercareCheckIn.Answer.NO
    assert not RetaliationConcern.objects.exists()


def test_a_yes_opens_a_retaliation_concern_with_its_own_deadlines(closed_report, team, django_capture_on_commit_callbacks):
    with time_machine.travel(CLOSED + timedelta(days=91)):
        aftercare_scan()
    checkin = closed_report.aftercare_checkins.get()
    client = reporter_client(closed_report)
    url = reverse("intake:mailbox-aftercare-answer", kwargs={"checkin_id": checkin.pk})
    mail.outbox.clear()
    with time_machine.travel(CLOSED + timedelta(days=95), tick=False), django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"answer": "yes", "note": "My contract was not renewed."}).status_code == 302
        assert client.post(url, {"answer": "yes", "note": "My contract was not renewed."}).status_code == 302  # double submit
        concern = RetaliationConcern.objects.get()
        today = timezone.localdate()
    assert concern.case == closed_report.case_link.case and concern.desk == "cci"
    assert concern.acknowledgement_due == today + timedelta(days=7)
    assert closed_report.messages.filter(kind="retaliation_concern").count() == 1
    assert len(mail.outbox) == 3 and all(len(m.to) == 1 for m in mail.outbox)  # each of the CCI desk, without content
    checkin.refresh_from_db()
    assert checkin.unseal("note") == "My contract was not renewed."
    # Its own clocks remind the desk and alert the coordinator.
    with time_machine.travel(CLOSED + timedelta(days=100)):
        reminders_scan()
    assert SentReminder.objects.filter(what="concern_acknowledgement", step="2d").count() == 3
    # The coordinator sees it on the overview and acknowledges it.
    coordinator = services.retaliation_concern_update(concern_id=concern.pk, actor=team["coordinator"], action="acknowledge")
    assert coordinator.acknowledged_at is not None
    with pytest.raises(services.ActionRefused):
        services.retaliation_concern_update(concern_id=concern.pk, actor=team["external_coordinator"], action="close")


def test_the_coordinators_overview_shows_deadlines_reminders_and_failures(closed_report, team, case_in, client_for):
    from cases.monitoring import task_failure_record

    open_case = case_in()
    task_failure_record(task_name="cases.tasks.reminders_scan_run", task_id="abc", arguments=[], error="OperationalError")
    reminders_scan()
    page = client_for(team["coordinator"]).get(reverse("cases:deadlines")).content.decode()
    assert Report.objects.get(case_link__case=open_case).reference in page
    assert "OperationalError" in page
    assert "Reminders and alerts sent" in page


def test_a_scan_sends_every_due_check_in_batch_after_batch(case_in, settings):
    settings.REMINDER_BATCH_SIZE = 1
    with time_machine.travel(CLOSED, tick=False):
        for _ in range(3):
            case_in(CaseState.CLOSED)
    with time_machine.travel(CLOSED + timedelta(days=91)):
        assert aftercare_scan()["3m"] == 3
        assert aftercare_scan()["3m"] == 0
