"""A coordinator extends or suspends a report's legal clocks; the reporter reads it in the mailbox."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import DeadlineChange, StandardMessage
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Report

from .conftest import reporter_client

pytestmark = pytest.mark.django_db

START = timezone.make_aware(timezone.datetime(2026, 3, 2, 10, 0))


@pytest.fixture
def frozen():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def test_the_mailbox_shows_due_dates_and_when_they_were_met(frozen, team, case_in):
    case = case_in()
    report = Report.objects.get(case_link__case=case)
    page = reporter_client(report).get(reverse("intake:mailbox")).content.decode()
    assert "March 9, 2026" in page  # acknowledgement due 7 days after receipt
    assert "June 9, 2026" in page  # feedback 3 months after that, none sent yet
    frozen.shift(timedelta(days=2))
    services.report_message_send(report=report, actor=team["coordinator"], kind=StandardMessage.Kind.ACKNOWLEDGEMENT, body="Received.")
    page = reporter_client(report).get(reverse("intake:mailbox")).content.decode()
    assert "Receipt confirmed on" in page and "March 4, 2026" in page
    assert "June 4, 2026" in page  # feedback now 3 months from the acknowledgement


def test_extending_the_feedback_deadline_is_recorded_and_the_reporter_is_told_in_their_language(frozen, team, case_in):
    case = case_in(language="fr")
    report = Report.objects.get(case_link__case=case)
    new_due = report.feedback_due + timedelta(days=60)
    services.report_deadline_extend(
        report=report, actor=team["coordinator"], clock="feedback", new_due=new_due, reason="Waiting for the witness statements."
    )
    report.refresh_from_db()
    assert report.feedback_due == new_due
    change = DeadlineChange.objects.get(report=report)
    assert change.unseal("reason") == "Waiting for the witness statements."
    assert AuditEvent.objects.filter(action="report.deadline_extended", target_id=str(report.pk)).exists()
    message = report.messages.get(kind="deadline_extended")
    assert "prolongé" in message.unseal("body")
    case.refresh_from_db()
    assert case.next_deadline == report.acknowledgement_due  # the earliest open one still leads


def test_only_the_desks_coordinator_changes_deadlines(frozen, team, case_in):
    report = Report.objects.get(case_link__case=case_in())
    with pytest.raises(services.ActionRefused):
        services.report_clocks_suspend(report=report, actor=team["handler"], reason="No.")
    with pytest.raises(services.ActionRefused):
        services.report_deadline_extend(report=report, actor=team["coordinator"], clock="feedback", new_due=report.feedback_due, reason="x")
    with pytest.raises(services.ActionRefused):
        services.report_deadline_extend(report=report, actor=team["coordinator"], clock="feedback", new_due=report.feedback_due + timedelta(days=1), reason=" ")
    assert not DeadlineChange.objects.exists()


def test_a_suspension_moves_the_open_dates_on_by_the_days_it_lasted(frozen, team, case_in):
    case = case_in()
    report = Report.objects.get(case_link__case=case)
    ack_due, feedback_due = report.acknowledgement_due, report.feedback_due
    services.report_clocks_suspend(report=report, actor=team["coordinator"], reason="Police investigation first.")
    case.refresh_from_db()
    assert case.next_deadline is None  # suspended clocks do not press on the worklist
    page = reporter_client(report).get(reverse("intake:mailbox")).content.decode()
    assert "Deadlines paused since" in page
    frozen.shift(timedelta(days=10))
    services.report_clocks_resume(report=report, actor=team["coordinator"])
    report.refresh_from_db()
    assert (report.acknowledgement_due, report.feedback_due) == (ack_due + timedelta(days=10), feedback_due + timedelta(days=10))
    assert list(report.messages.order_by("sent_at").values_list("kind", flat=True))[-2:] == ["deadlines_suspended", "deadlines_resumed"]
    with pytest.raises(services.ActionRefused):
        services.report_clocks_resume(report=report, actor=team["coordinator"])


def test_the_coordinator_uses_the_deadlines_page(frozen, team, case_in, client_for):
    report = Report.objects.get(case_link__case=case_in())
    client = client_for(team["coordinator"])
    url = reverse("cases:report-deadlines", kwargs={"report_id": report.pk})
    assert client.get(url).status_code == 200
    # Empty, wrong type and missing reason: a clear message, nothing saved, the text kept.
    response = client.post(url, {"action": "extend_feedback", "new_due": "not a date", "reason": "Kept text"})
    assert response.status_code == 400 and "Kept text" in response.content.decode()
    response = client.post(url, {"action": "suspend", "reason": ""})
    assert response.status_code == 400
    assert client.post(url, {"action": "", "reason": "x" * 5000}).status_code == 400
    assert not DeadlineChange.objects.exists()
    data = {"action": "extend_feedback", "new_due": str(report.feedback_due + timedelta(days=30)), "reason": "More time.", "form_token": "abc"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # double submit: recorded once
    assert DeadlineChange.objects.count() == 1
    assert report.messages.filter(kind="deadline_extended").count() == 1
