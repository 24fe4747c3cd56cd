"""Be heard: whatever a reporter does in the mailbox (a message, a meeting request, a correction of the
minutes, an aftercare answer) reaches the handler, or the desk before a handler is assigned, by an
email without content; the report is marked "awaiting reply" in the inbox and the worklist, and a
reply clock runs (5 working days by default) that the reminder scan reminds and escalates like the
legal deadlines. The desk's reply stops it."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from cases import deadlines, services
from cases.aftercare import aftercare_scan
from cases.models import CaseState, SentReminder, StandardMessage
from cases.reminders import reminders_scan
from meldpunt.audit.models import AuditEvent
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Minutes, Report

from .conftest import START, reporter_client

pytestmark = pytest.mark.django_db

# `clock` stands on START, a Tuesday morning (tests/cases/conftest.py): five working days later is the next Tuesday.
@pytest.fixture
def report(report_factory):
    return report_factory(language="ar", narrative="مديري يصرخ علي كل يوم.").report


def says(sentence: str, email) -> bool:
    """Whether the desk's email (in Dutch, the staff language of notices) says `sentence`."""
    with translation.override("nl"):
        return gettext(sentence) in email.body


def desk_emails(team):
    return sorted(team[who].email for who in ("coordinator", "handler", "colleague"))


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2026, 3, 3), 5, date(2026, 3, 10)),  # Tuesday -> next Tuesday
        (date(2026, 3, 6), 5, date(2026, 3, 13)),  # Friday -> next Friday
        (date(2026, 3, 7), 5, date(2026, 3, 13)),  # Saturday counts from Monday
        (date(2026, 3, 6), 1, date(2026, 3, 9)),  # Friday + 1 -> Monday
    ],
)
def test_working_days_skip_weekends(start, days, due):
    assert deadlines.add_working_days(start, days) == due


def test_a_message_before_assignment_tells_the_whole_desk_and_waits_for_a_reply(
    clock, report, team, client_for, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    reporter = reporter_client(report)
    with django_capture_on_commit_callbacks(execute=True):
        assert reporter.post("/mailbox/", {"body": "هل قرأتم رسالتي؟ الوضع يزداد سوءا."}).status_code == 302
    assert sorted(address for m in mail.outbox for address in m.to) == desk_emails(team)
    assert all("الوضع" not in m.body and "الوضع" not in m.subject for m in mail.outbox)
    assert all(reverse("cases:report-detail", kwargs={"report_id": report.pk}) in m.body for m in mail.outbox)
    report.refresh_from_db()
    assert report.reply_due == date(2026, 3, 10) and report.awaiting_reply_since == START

    handler = client_for(team["handler"])
    awaiting = handler.get("/staff/desk/?show=awaiting")
    assert [r.pk for r in awaiting.context["page"].object_list] == [report.pk]
    assert "awaiting reply" in awaiting.content.decode()
    assert "Awaiting reply" in handler.get(f"/staff/desk/reports/{report.pk}/").content.decode()

    # The handler answers in the mailbox: the clock stops and the marker goes.
    form = handler.get(f"/staff/desk/reports/{report.pk}/").context["form"]
    handler.post(f"/staff/desk/reports/{report.pk}/", {"body": "We read it and will call you.", "form_token": form.initial["form_token"]})
    report.refresh_from_db()
    assert report.reply_due is None and report.awaiting_reply_since is None
    assert not handler.get("/staff/desk/?show=awaiting").context["page"].object_list
    assert "awaiting reply" not in handler.get("/staff/desk/").content.decode()
    actions = list(AuditEvent.objects.filter(target_id=str(report.pk), action__startswith="report.reply_clock").values_list("action", flat=True))
    assert actions == ["report.reply_clock_started", "report.reply_clock_stopped"]


def test_after_assignment_only_the_handler_is_told_and_the_worklist_shows_the_wait(
    clock, report, team, client_for, django_capture_on_commit_callbacks, settings
):
    settings.REPLY_CLOCK_WORKING_DAYS = 3
    case = services.case_open(report=report, actor=team["coordinator"])
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client(report).post("/mailbox/", {"body": "أريد أن أضيف شيئا."})
    assert [m.to for m in mail.outbox] == [[team["handler"].email]]
    case.refresh_from_db()
    # The reply is due before the acknowledgement (7 calendar days): it leads the worklist.
    assert (case.next_deadline, case.next_deadline_kind) == (date(2026, 3, 6), "reply")
    page = client_for(team["handler"]).get("/staff/desk/worklist/").content.decode()
    assert "awaiting reply" in page and "reply to the reporter" in page
    # The acknowledgement is a reply too.
    services.report_message_send(report=report, actor=team["handler"], kind=StandardMessage.Kind.ACKNOWLEDGEMENT, body="Received.")
    case.refresh_from_db()
    assert case.next_deadline_kind == "feedback"
    assert "awaiting reply" not in client_for(team["handler"]).get("/staff/desk/worklist/").content.decode()


def test_a_second_message_keeps_the_first_due_date(clock, report, team):
    intake_services.mailbox_message_from_reporter(report=report, body="First.")
    clock.shift(timedelta(days=2))
    intake_services.mailbox_message_from_reporter(report=report, body="Second.")
    report.refresh_from_db()
    assert report.reply_due == date(2026, 3, 10) and report.awaiting_reply_since == START


def test_meeting_request_correction_and_aftercare_answer_each_wait_for_a_reply_but_accepted_minutes_do_not(
    clock, team, case_in, django_capture_on_commit_callbacks
):
    case = case_in()
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    report = Report.objects.get(case_link__case=case)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting = intake_services.meeting_request(report=report, note="By phone.")
    report.refresh_from_db()
    assert report.reply_due and [m.to for m in mail.outbox] == [[team["handler"].email]]
    assert says("A reporter asked for a meeting.", mail.outbox[0])

    # Recording the minutes answers the request.
    minutes = services.meeting_minutes_record(
        report=report, actor=team["handler"], meeting_id=meeting.pk, held_on=timezone.localdate(), body="We spoke."
    )
    report.refresh_from_db()
    assert report.reply_due is None

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        intake_services.minutes_answer(report=report, minutes_id=minutes.pk, accept=False, correction="It was four times.")
    report.refresh_from_db()
    assert report.reply_due is not None and says("A reporter asked for a correction of the minutes of a meeting.", mail.outbox[0])
    v2 = services.meeting_minutes_record(
        report=report, actor=team["handler"], meeting_id=meeting.pk, held_on=timezone.localdate(), body="We spoke; four times."
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        intake_services.minutes_answer(report=report, minutes_id=v2.pk, accept=True)
    report.refresh_from_db()
    assert report.reply_due is None  # nothing to answer
    assert len(mail.outbox) == 1 and says("A reporter accepted the minutes of a meeting.", mail.outbox[0])


def test_an_aftercare_answer_waits_for_a_reply(team, case_in, django_capture_on_commit_callbacks):
    closed = timezone.make_aware(timezone.datetime(2026, 1, 15, 11, 0))
    with time_machine.travel(closed, tick=False):
        case = case_in(CaseState.CLOSED)
    report = Report.objects.get(case_link__case=case)
    with time_machine.travel(closed + timedelta(days=91), tick=False):
        aftercare_scan()
        checkin = report.aftercare_checkins.get()
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            intake_services.aftercare_answer(report=report, checkin_id=checkin.pk, consequences=False, note="All fine, thanks.")
    report.refresh_from_db()
    assert report.reply_due is not None
    assert sorted(address for m in mail.outbox for address in m.to) == desk_emails(team)  # no handler: the desk
    assert says("A reporter answered an aftercare question.", mail.outbox[0]) and "All fine" not in mail.outbox[0].body


def test_the_scan_reminds_the_handler_then_alerts_the_coordinators_once_each(clock, no_digest, team, case_in):
    case = case_in()
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    report = Report.objects.get(case_link__case=case)
    services.report_message_send(report=report, actor=team["handler"], kind=StandardMessage.Kind.ACKNOWLEDGEMENT, body="Received.")
    intake_services.mailbox_message_from_reporter(report=report, body="Any news?")
    mail.outbox.clear()
    reminders_scan()
    assert not SentReminder.objects.filter(what="reply").exists()

    clock.move_to(timezone.make_aware(timezone.datetime(2026, 3, 9, 9, 0)))  # the day before it is due
    reminders_scan()
    reminders_scan()
    assert list(SentReminder.objects.filter(what="reply").values_list("step", "recipient")) == [("1d", team["handler"].email)]
    assert [m.to for m in mail.outbox] == [[team["handler"].email]]
    assert "?show=awaiting" in mail.outbox[0].body

    clock.move_to(timezone.make_aware(timezone.datetime(2026, 3, 11, 9, 0)))  # a day late
    mail.outbox.clear()
    reminders_scan()
    reminders_scan()
    assert list(SentReminder.objects.filter(what="reply", step="overdue").values_list("recipient", flat=True)) == [team["coordinator"].email]
    assert [m.to for m in mail.outbox] == [[team["coordinator"].email]]

    # The reply stops the clock: nothing more is sent, however long the scan keeps running.
    services.report_reply(user=team["handler"], report=report, body="Sorry for the wait; here is the news.")
    clock.shift(timedelta(days=3))
    mail.outbox.clear()
    reminders_scan()
    assert mail.outbox == []


def test_the_reply_clock_is_a_setting(clock, report, settings):
    settings.REPLY_CLOCK_WORKING_DAYS = 2
    intake_services.mailbox_message_from_reporter(report=report, body="Hello?")
    report.refresh_from_db()
    assert report.reply_due == date(2026, 3, 5)


@pytest.mark.parametrize(("who", "url"), [("handler", "/staff/desk/?show=awaiting"), ("handler", "/staff/desk/worklist/"),
                                          ("coordinator", "/staff/desk/cases/")])
def test_awaiting_markers_cost_no_extra_queries(who, url, team, report_factory, client_for):
    def fill(n):
        for i in range(n):
            report = report_factory(narrative=f"Report {i}").report
            case = services.case_open(report=report, actor=team["coordinator"])
            services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
            intake_services.mailbox_message_from_reporter(report=report, body=f"Still waiting {i}")

    client = client_for(team[who])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200 and "awaiting reply" in response.content.decode()
        return len(captured.captured_queries)

    fill(2)
    few = queries()
    fill(12)
    assert queries() == few


def test_minutes_recorded_on_the_desks_initiative_need_no_request(clock, report, team):
    """Minutes of a meeting the desk proposed: nothing was awaiting, nothing breaks."""
    minutes = services.meeting_minutes_record(report=report, actor=team["coordinator"], held_on=timezone.localdate(), body="Notes.")
    assert minutes.answer == Minutes.Answer.PENDING
    report.refresh_from_db()
    assert report.reply_due is None
