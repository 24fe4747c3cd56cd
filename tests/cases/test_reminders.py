"""Reminders before the legal deadlines, alerts when one passes, the weekly digest and manager
drafts: scan-based, so running twice sends nothing twice and a worker that was down catches up."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import services
from cases.models import SentReminder, StandardMessage, TaskFailure
from cases.reminders import reminders_scan
from meldpunt.accounts.models import Role
from meldpunt.channels.models import ManagerDraft
from meldpunt.intake.models import Report

# `clock` stands on START, a Tuesday (tests/cases/conftest.py), so the weekly digest (from Monday 07:00)
# is due at once and tested on its own below; `no_digest` moves it out of the way of the other tests.
from .conftest import START

pytestmark = pytest.mark.django_db


def sent(what=None, step=None):
    qs = SentReminder.objects.all()
    if what:
        qs = qs.filter(what=what)
    if step:
        qs = qs.filter(step=step)
    return sorted(qs.values_list("what", "step", "recipient"))


def test_the_assigned_handler_is_reminded_two_days_before_acknowledgement_and_only_once(clock, no_digest, team, case_in):
    case = case_in()
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    mail.outbox.clear()
    clock.shift(timedelta(days=4))  # 3 days before the acknowledgement is due: nothing yet
    reminders_scan()
    assert sent() == [] and mail.outbox == []
    clock.shift(timedelta(days=1))  # 2 days before
    reminders_scan()
    assert sent() == [("acknowledgement", "2d", team["handler"].email)]
    assert [m.to for m in mail.outbox] == [[team["handler"].email]]
    reminders_scan()
    reminders_scan()
    assert len(mail.outbox) == 1 and SentReminder.objects.count() == 1


def test_with_no_handler_the_desk_is_reminded_and_the_coordinator_alerted_when_the_deadline_passes(clock, no_digest, team, case_in):
    case_in()
    clock.shift(timedelta(days=5))
    reminders_scan()
    desk = sorted(u.email for u in (team["coordinator"], team["handler"], team["colleague"]))
    assert sorted(r for _w, _s, r in sent("acknowledgement", "2d")) == desk
    clock.shift(timedelta(days=3))  # one day past the acknowledgement deadline
    mail.outbox.clear()
    reminders_scan()
    assert sent("acknowledgement", "overdue") == [("acknowledgement", "overdue", team["coordinator"].email)]
    assert [m.to for m in mail.outbox] == [[team["coordinator"].email]]
    reminders_scan()
    assert len(mail.outbox) == 1


def test_feedback_reminders_14_and_3_days_before_and_none_after_it_was_given(clock, no_digest, team, case_in):
    case = case_in()
    report = Report.objects.get(case_link__case=case)
    services.report_message_send(report=report, actor=team["coordinator"], kind=StandardMessage.Kind.ACKNOWLEDGEMENT, body="Received.")
    report.refresh_from_db()
    clock.move_to(timezone.make_aware(timezone.datetime.combine(report.feedback_due - timedelta(days=14), timezone.datetime.min.time())))
    reminders_scan()
    assert {s for _w, s, _r in sent("feedback")} == {"14d"}
    clock.shift(timedelta(days=11))
    reminders_scan()
    assert {s for _w, s, _r in sent("feedback")} == {"14d", "3d"}
    services.report_message_send(report=report, actor=team["coordinator"], kind=StandardMessage.Kind.FEEDBACK, body="We spoke to them.")
    clock.shift(timedelta(days=5))
    reminders_scan()
    assert sent("feedback", "overdue") == []


def test_suspended_clocks_send_no_reminders(clock, no_digest, team, case_in):
    report = Report.objects.get(case_link__case=case_in())
    services.report_clocks_suspend(report=report, actor=team["coordinator"], reason="Waiting for the police.")
    clock.shift(timedelta(days=9))
    reminders_scan()
    assert sent() == []


def test_after_the_worker_was_down_for_three_days_the_next_run_catches_up_without_duplicates_or_misses(
    clock, no_digest, team, case_in
):
    early = case_in()  # its acknowledgement is due in 7 days
    clock.shift(timedelta(days=2))
    later = case_in()  # due 2 days after the first one
    for case in (early, later):
        services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    # The worker runs every day up to day 4, then is down for days 5, 6 and 7 (from START).
    clock.move_to(START + timedelta(days=4))
    reminders_scan()
    assert sent() == []
    clock.move_to(START + timedelta(days=8))  # back: the first deadline passed while it was down
    mail.outbox.clear()
    reminders_scan()
    early_report, later_report = (str(Report.objects.get(case_link__case=c).pk) for c in (early, later))
    recorded = sorted(SentReminder.objects.values_list("record_id", "what", "step"))
    assert recorded == sorted([
        (early_report, "acknowledgement", "overdue"),  # its 2-day reminder window has closed: the alert replaces it
        (later_report, "acknowledgement", "2d"),  # due in one day: its reminder was in the down time, sent now
    ])
    reminders_scan()
    assert SentReminder.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([team["coordinator"].email, team["handler"].email])


def test_everyone_at_the_desk_gets_one_weekly_digest(clock, team, case_in, settings):
    case = case_in()
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    mail.outbox.clear()
    reminders_scan()  # Tuesday: the digest of this week was not sent yet, so it goes now
    # Nothing else is due on the day the case opened: every email is a digest.
    assert len(mail.outbox) == 5 == SentReminder.objects.filter(what="digest").count()  # both desks' staff
    handler_mail = next(m for m in mail.outbox if m.to == [team["handler"].email])
    assert handler_mail.body.startswith("1 ")  # one case of theirs falls due within the week
    reminders_scan()
    assert len(mail.outbox) == 5
    clock.shift(timedelta(days=7))
    reminders_scan()
    assert SentReminder.objects.filter(what="digest").count() == 10


def test_a_manager_is_reminded_after_24_hours_and_the_cci_alerted_after_72(clock, no_digest, team, staff_factory, post):
    manager = staff_factory(Role.MANAGER, "els", post=post)
    draft = ManagerDraft(manager=manager, created_at=timezone.now(), updated_at=timezone.now())
    draft.seal("narrative", "Draft text.")
    draft.save()
    clock.shift(timedelta(hours=23))
    reminders_scan()
    assert sent() == []
    clock.shift(timedelta(hours=2))
    reminders_scan()
    assert sent() == [("manager_draft", "24h", manager.email)]
    clock.shift(timedelta(hours=48))
    reminders_scan()
    reminders_scan()
    cci = sorted(u.email for u in (team["coordinator"], team["handler"], team["colleague"]))
    assert sorted(r for _w, _s, r in sent("manager_draft", "72h")) == cci
    assert len(mail.outbox) == 1 + 3
    assert all("Draft text" not in m.body for m in mail.outbox)


def test_the_scan_reads_a_constant_number_of_queries(clock, no_digest, team, case_in):
    def queries_for_a_scan():
        with CaptureQueriesContext(connection) as ctx:
            reminders_scan()
        return len(ctx.captured_queries)

    case_in()
    clock.shift(timedelta(days=5))
    few = queries_for_a_scan()
    SentReminder.objects.all().delete()
    for _ in range(6):
        case_in()
    many = queries_for_a_scan()
    assert many == few


def test_a_failing_task_is_recorded_for_the_overview(monkeypatch, db):
    from cases import tasks

    def broken(**_kwargs):
        raise RuntimeError("the mail server is down")

    monkeypatch.setattr("cases.reminders.reminders_scan", broken)
    with pytest.raises(RuntimeError):
        tasks.reminders_scan_run.apply(throw=True)
    failure = TaskFailure.objects.get()
    assert failure.task_name == "cases.tasks.reminders_scan_run" and failure.error == "RuntimeError"


def test_the_complaints_committees_reminders_go_to_its_own_staff_only(clock, no_digest, team, staff_factory, report_factory):
    """The complaints committee's clocks remind its secretary and alert its chair; no other desk hears of them."""
    secretary, chair = staff_factory(Role.COMPLAINTS_SECRETARY, "lotte"), staff_factory(Role.COMPLAINTS_CHAIR, "hans")
    report_factory(narrative="Mijn collega intimideert mij.", channel="complaints")
    clock.shift(timedelta(days=5))
    reminders_scan()
    assert sorted(r for _w, _s, r in sent("acknowledgement", "2d")) == sorted([secretary.email, chair.email])
    clock.shift(timedelta(days=3))
    reminders_scan()
    assert sent("acknowledgement", "overdue") == [("acknowledgement", "overdue", chair.email)]
    others = {u.email for u in team.values()}
    assert not others & {r for _w, _s, r in sent()}
