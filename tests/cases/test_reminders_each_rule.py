"""Each rule of the reminder scan, as the people it writes to meet it: who is written to when a handler
has left or a colleague has no address, what the scan says it did, deadlines read in small batches,
the day a deadline falls due, retaliation concerns, manager drafts and the weekly digest."""

from datetime import datetime, time, timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from cases import services
from cases.models import Case, CaseState, RetaliationConcern, SentReminder, StandardMessage
from cases.reminders import _batches, reminders_released, reminders_scan, reminders_sent
from meldpunt.accounts.models import Role
from meldpunt.channels.models import ManagerDraft
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Report
from meldpunt.local_dates import local_date

from .conftest import START
from .test_retaliation import concern_from_aftercare

pytestmark = pytest.mark.django_db

WORKLIST, OVERVIEW = reverse("cases:worklist"), reverse("cases:deadlines")


def claims(what, step=None):
    """(record, step, recipient, desk) of every reminder recorded for `what`."""
    qs = SentReminder.objects.filter(what=what)
    if step:
        qs = qs.filter(step=step)
    return sorted(qs.values_list("record_id", "step", "recipient", "desk"))


def emails(*users):
    return sorted(u.email for u in users)


def recipients_of(what, step=None):
    return sorted(r for _id, _s, r, _d in claims(what, step))


def link_of(message):
    """The link at the end of a staff email, without the site's address."""
    url = urlsplit(message.body.rstrip().rsplit("\n", 1)[-1])
    return url.path + (f"?{url.query}" if url.query else "")


def morning(day):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def reports_of(*cases):
    return [Report.objects.get(case_link__case=case) for case in cases]


# --- who is written to -------------------------------------------------------------------------------------


def test_the_scan_says_what_it_recorded_and_how_many_emails_went(clock, no_digest, team, case_in):
    report, = reports_of(case_in())
    clock.shift(timedelta(days=5))  # two days before the acknowledgement is due; no handler yet
    assert reminders_scan() == {"recorded": {"acknowledgement": 3}, "emails": 3}
    desk = emails(team["coordinator"], team["handler"], team["colleague"])
    assert claims("acknowledgement") == [(str(report.pk), "2d", email, "cci") for email in desk]
    assert all(link_of(m) == WORKLIST for m in mail.outbox)
    assert reminders_scan() == {"recorded": {}, "emails": 0}


def test_a_handler_who_left_is_not_reminded_the_desk_is(clock, no_digest, team, case_in, staff_factory):
    case = case_in()
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    team["handler"].is_active = False
    team["handler"].save(update_fields=["is_active"])
    team["colleague"].email = ""  # a colleague without an address is skipped, not written to ""
    team["colleague"].save(update_fields=["email"])
    gone = staff_factory(Role.CCI_HANDLER, "gone")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    clock.shift(timedelta(days=5))
    reminders_scan()
    assert recipients_of("acknowledgement") == [team["coordinator"].email]


def test_a_reporter_waiting_for_a_reply_before_any_handler_has_the_desk_reminded(clock, no_digest, team, report_factory):
    first, second = (report_factory(narrative=f"Mijn leidinggevende schreeuwt elke dag ({n}).").report for n in (1, 2))
    for report in (first, second):
        intake_services.mailbox_message_from_reporter(report=report, body="Is er al nieuws?")
        report.refresh_from_db()
    clock.move_to(morning(first.reply_due - timedelta(days=1)))
    reminders_scan()
    desk = emails(team["coordinator"], team["handler"], team["colleague"])
    assert claims("reply") == sorted((str(r.pk), "1d", email, "cci") for r in (first, second) for email in desk)


def test_a_reply_clock_of_a_handler_who_left_reminds_the_desk(clock, no_digest, team, case_in):
    case = case_in()
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    report, = reports_of(case)
    services.report_message_send(report=report, actor=team["handler"], kind=StandardMessage.Kind.ACKNOWLEDGEMENT, body="Received.")
    intake_services.mailbox_message_from_reporter(report=report, body="Any news?")
    report.refresh_from_db()
    team["handler"].is_active = False
    team["handler"].save(update_fields=["is_active"])
    clock.move_to(morning(report.reply_due - timedelta(days=1)))
    reminders_scan()
    assert recipients_of("reply") == emails(team["coordinator"], team["colleague"])


def test_a_reply_clock_that_ran_out_before_the_catch_up_window_is_left_to_the_overview(clock, no_digest, team, report_factory, settings):
    report = report_factory().report
    long_ago = timezone.localdate() - timedelta(days=settings.REMINDER_CATCH_UP_DAYS + 1)
    Report.objects.filter(pk=report.pk).update(reply_due=long_ago, awaiting_reply_since=timezone.now() - timedelta(days=40))
    reminders_scan()
    assert claims("reply") == []


# --- the day a deadline falls due ----------------------------------------------------------------------------


def test_on_the_due_day_the_desk_is_still_reminded_and_the_alert_waits_a_day(clock, no_digest, team, case_in):
    report, = reports_of(case_in())
    clock.move_to(morning(report.acknowledgement_due))
    reminders_scan()
    assert recipients_of("acknowledgement", "2d") == emails(team["coordinator"], team["handler"], team["colleague"])
    assert claims("acknowledgement", "overdue") == []
    clock.shift(timedelta(days=1))
    reminders_scan()
    assert recipients_of("acknowledgement", "overdue") == [team["coordinator"].email]


def test_with_no_reminder_days_set_only_the_alert_goes(clock, no_digest, team, case_in, settings):
    settings.REMINDER_OFFSETS_DAYS = {**settings.REMINDER_OFFSETS_DAYS, "acknowledgement": [], "reply": []}
    report, = reports_of(case_in())
    intake_services.mailbox_message_from_reporter(report=report, body="Any news?")
    report.refresh_from_db()
    clock.move_to(morning(report.acknowledgement_due))
    reminders_scan()
    assert SentReminder.objects.count() == 0
    clock.move_to(morning(max(report.acknowledgement_due, report.reply_due) + timedelta(days=1)))
    reminders_scan()
    assert sorted(SentReminder.objects.values_list("what", "step")) == [("acknowledgement", "overdue"), ("reply", "overdue")]


def test_a_scan_for_a_given_moment_counts_days_from_that_moment(clock, no_digest, team, case_in):
    report, = reports_of(case_in())
    reminders_scan(now=morning(report.acknowledgement_due + timedelta(days=1)))  # the clock itself still stands on START
    assert recipients_of("acknowledgement", "overdue") == [team["coordinator"].email]


# --- many deadlines at once ----------------------------------------------------------------------------------


def test_deadlines_are_read_in_batches_that_visit_each_one_once_soonest_first(clock, team, case_in):
    reports = reports_of(*(case_in() for _ in range(7)))
    today = timezone.localdate()
    for report, days_ago in zip(reports, (1, 3, 2, 3, 1, 2, 3), strict=True):
        Report.objects.filter(pk=report.pk).update(acknowledgement_due=today - timedelta(days=days_ago))
    rows = Report.objects.values_list("pk", "acknowledgement_due")
    expected = sorted(rows, key=lambda r: (r[1], r[0]))
    batches = list(_batches(rows, due_field="acknowledgement_due", batch_size=3))
    assert batches == [expected[:3], expected[3:6], expected[6:]]
    assert list(_batches(rows, due_field="acknowledgement_due", batch_size=7)) == [expected]


def test_a_scan_in_small_batches_alerts_every_overdue_deadline_once(clock, no_digest, team, case_in, settings):
    settings.REMINDER_BATCH_SIZE = 3
    reports = reports_of(*(case_in() for _ in range(7)))
    today = timezone.localdate()
    for report, days_ago in zip(reports, (1, 3, 2, 3, 1, 2, 3), strict=True):
        Report.objects.filter(pk=report.pk).update(acknowledgement_due=today - timedelta(days=days_ago))
    assert reminders_scan() == {"recorded": {"acknowledgement": 7}, "emails": 1}
    assert claims("acknowledgement") == sorted((str(r.pk), "overdue", team["coordinator"].email, "cci") for r in reports)
    [alert] = mail.outbox
    assert alert.to == [team["coordinator"].email] and link_of(alert) == OVERVIEW


# --- the mail server's answer ----------------------------------------------------------------------------------


def test_only_the_claims_the_mail_server_accepted_count_as_sent_and_only_unsent_ones_are_released(db):
    accepted_before = timezone.now() - timedelta(days=1)

    def claim(n, sent_at=None):
        return SentReminder.objects.create(what="acknowledgement", record_id=str(n), due_on=START.date(), step="2d",
                                           recipient="desk@example.org", sent_at=sent_at).pk

    accepted, earlier, waiting, given_up, other = claim(1), claim(2, accepted_before), claim(3), claim(4), claim(5)
    reminders_sent(ids=[accepted, earlier])
    sent_at = dict(SentReminder.objects.values_list("pk", "sent_at"))
    assert sent_at[accepted] is not None and sent_at[earlier] == accepted_before
    assert sent_at[waiting] is None and sent_at[other] is None
    reminders_released(ids=[accepted, earlier, given_up])
    assert sorted(SentReminder.objects.values_list("pk", flat=True)) == sorted([accepted, earlier, waiting, other])


# --- retaliation concerns ---------------------------------------------------------------------------------------


def test_a_retaliation_concern_has_its_own_clocks_with_the_desk_reminded_and_the_coordinators_alerted(no_digest, team, case_in):
    concerns = [concern_from_aftercare(case_in)[0] for _ in range(3)]
    acknowledged, closed, open_ = concerns
    Report.objects.update(reply_due=None, awaiting_reply_since=None)  # the aftercare answers' own reply clocks are tested elsewhere
    due = open_.acknowledgement_due
    assert {c.acknowledgement_due for c in concerns} == {due}
    desk = emails(team["coordinator"], team["handler"], team["colleague"])

    mail.outbox.clear()
    assert reminders_scan(now=morning(due - timedelta(days=2))) == {"recorded": {"concern_acknowledgement": 9}, "emails": 3}
    assert claims("concern_acknowledgement") == sorted((str(c.pk), "2d", email, "cci") for c in concerns for email in desk)
    assert sorted(m.to[0] for m in mail.outbox) == desk and all(link_of(m) == WORKLIST for m in mail.outbox)

    RetaliationConcern.objects.filter(pk=acknowledged.pk).update(acknowledged_at=timezone.now())
    RetaliationConcern.objects.filter(pk=closed.pk).update(closed_at=timezone.now())
    mail.outbox.clear()
    reminders_scan(now=morning(due + timedelta(days=1)))
    assert claims("concern_acknowledgement", "overdue") == [(str(open_.pk), "overdue", team["coordinator"].email, "cci")]
    [alert] = mail.outbox
    assert alert.to == [team["coordinator"].email] and link_of(alert) == OVERVIEW

    # Feedback: the concern whose reporter heard back is not reminded; the others are (the closed one is done).
    RetaliationConcern.objects.filter(pk=acknowledged.pk).update(feedback_given_at=timezone.now())
    reminders_scan(now=morning(open_.feedback_due - timedelta(days=14)))
    assert {record for record, *_ in claims("concern_feedback", "14d")} == {str(open_.pk)}


def test_with_no_reminder_days_set_a_concern_is_only_alerted(no_digest, team, case_in, settings):
    settings.REMINDER_OFFSETS_DAYS = {**settings.REMINDER_OFFSETS_DAYS, "acknowledgement": []}
    concern, _report = concern_from_aftercare(case_in)
    reminders_scan(now=morning(concern.acknowledgement_due))
    assert claims("concern_acknowledgement") == []
    reminders_scan(now=morning(concern.acknowledgement_due + timedelta(days=1)))
    assert recipients_of("concern_acknowledgement") == [team["coordinator"].email]


# --- manager drafts --------------------------------------------------------------------------------------------


def _draft(manager, post, *, hours_ago, forwarded_as=None):
    started = timezone.now() - timedelta(hours=hours_ago)
    draft = ManagerDraft(manager=manager, post=post, created_at=started, updated_at=started)
    if forwarded_as:  # a forwarded draft keeps no text, only the report it became
        draft.forwarded_at, draft.report = timezone.now(), forwarded_as
    else:
        draft.seal("narrative", "Draft text.")
    draft.save()
    return draft


def test_a_draft_exactly_three_days_old_alerts_the_cci_together_with_the_managers_own_reminder(
    clock, no_digest, team, staff_factory, post, report_factory
):
    manager = staff_factory(Role.MANAGER, "els", post=post)
    draft = _draft(manager, post, hours_ago=72)  # the worker was down for the 24-hour reminder: both go now
    _draft(manager, post, hours_ago=30, forwarded_as=report_factory().report)  # forwarded: nobody is reminded
    assert reminders_scan() == {"recorded": {"manager_draft": 4}, "emails": 4}
    cci = emails(team["coordinator"], team["handler"], team["colleague"])
    assert claims("manager_draft") == sorted(
        [(str(draft.pk), "24h", manager.email, "")] + [(str(draft.pk), "72h", email, "cci") for email in cci]
    )
    assert set(SentReminder.objects.values_list("due_on", flat=True)) == {timezone.localdate(draft.created_at)}


def test_a_draft_left_while_the_worker_was_down_is_alerted_within_the_catch_up_window_only(clock, no_digest, team, staff_factory, post, settings):
    manager = staff_factory(Role.MANAGER, "els", post=post)
    window = 72 + 24 * settings.REMINDER_CATCH_UP_DAYS
    kept, _lost = _draft(manager, post, hours_ago=window - 48), _draft(manager, post, hours_ago=window + 48)
    reminders_scan()
    assert {record for record, *_ in claims("manager_draft")} == {str(kept.pk)}


def test_the_cci_alert_names_each_manager_and_post_in_the_readers_language_oldest_first(clock, no_digest, team, staff_factory, post):
    els = staff_factory(Role.MANAGER, "els", post=post)
    els.first_name, els.last_name = "Els", "Bakker"
    els.save(update_fields=["first_name", "last_name"])
    karim = staff_factory(Role.MANAGER, "karim", post=None)  # a manager without a full name or a post
    newer, older = _draft(els, post, hours_ago=80), _draft(karim, None, hours_ago=100)
    team["handler"].preferred_language = "en"
    team["handler"].save(update_fields=["preferred_language"])
    reminders_scan()
    alerts = {m.to[0]: m for m in mail.outbox if m.to[0] != els.email and m.to[0] != karim.email}
    assert sorted(alerts) == emails(team["coordinator"], team["handler"], team["colleague"])
    for reader, language in ((team["handler"], "en"), (team["coordinator"], "nl")):
        body = alerts[reader.email].body
        with translation.override(language):
            post_name = str(post)
            first_line = f"Els Bakker ({post_name})"
            dates = [local_date(timezone.localdate(d.created_at)) for d in (older, newer)]
        assert first_line in body and "karim (–)" in body
        assert body.index("karim (–)") < body.index(first_line)  # karim's draft is the older one
        assert all(d in body for d in dates)
        assert link_of(alerts[reader.email]) == OVERVIEW


# --- the weekly digest ------------------------------------------------------------------------------------------


def test_the_digest_goes_at_monday_seven_exactly_to_active_desk_staff_with_an_address(team, case_in, staff_factory, post):
    staff_factory(Role.MANAGER, "els", post=post)
    staff_factory(Role.COUNSELLOR, "vera")
    gone = staff_factory(Role.CCI_HANDLER, "gone")
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    team["colleague"].email = ""
    team["colleague"].save(update_fields=["email"])
    monday = timezone.make_aware(datetime(2026, 3, 9, 7, 0))
    with time_machine.travel(monday - timedelta(seconds=1), tick=False):
        assert reminders_scan() == {"recorded": {}, "emails": 0}
    with time_machine.travel(monday, tick=False):
        result = reminders_scan()
    desk = [team[w] for w in ("coordinator", "handler", "external_coordinator", "external_handler")]
    assert result == {"recorded": {"digest": 4}, "emails": 4}
    assert claims("digest") == sorted((str(u.pk), "weekly", u.email, u.desk) for u in desk)
    assert all(link_of(m) == WORKLIST for m in mail.outbox)


def test_the_digest_counts_each_handlers_cases_due_within_seven_days_and_tells_coordinators_of_the_unassigned(clock, team, case_in):
    today = timezone.localdate()

    def due_in(days, handler=None, state=None):
        case = case_in(state) if state else case_in()
        if handler:
            services.case_assign(case=case, handler=handler, actor=team["coordinator"])
        Case.objects.filter(pk=case.pk).update(next_deadline=today + timedelta(days=days))

    due_in(7, team["handler"])
    due_in(2, team["handler"])
    due_in(8, team["handler"])  # beyond the week
    due_in(1)
    due_in(3)
    due_in(6)
    due_in(9)  # beyond the week
    due_in(1, state=CaseState.CLOSED)
    mail.outbox.clear()
    reminders_scan()
    bodies = {m.to[0]: m.body for m in mail.outbox}
    with translation.override("nl"):
        assert bodies[team["handler"].email].startswith("2 ")
        assert "zonder behandelaar" not in bodies[team["handler"].email]
        coordinator = bodies[team["coordinator"].email]
        assert coordinator.startswith("0 ") and "\n3 " in coordinator and "zonder behandelaar" in coordinator
        external = bodies[team["external_coordinator"].email]
        assert "\n0 " in external and "zonder behandelaar" in external
