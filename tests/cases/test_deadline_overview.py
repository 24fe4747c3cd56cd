"""The coordinator's overview of the legal clocks: a report waits under "acknowledgement" until it is
acknowledged, and under "feedback" until the reporter has had feedback."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import selectors, services
from cases.models import SentReminder, StandardMessage, TaskFailure
from meldpunt.intake.models import Report


def test_the_overview_lists_each_report_under_the_clock_still_running_for_it(team, report_factory):
    coordinator = team["coordinator"]
    waiting, acknowledged, done = (report_factory().report for _ in range(3))
    for report in (acknowledged, done):
        services.report_message_send(
            report=report, actor=coordinator, kind=StandardMessage.Kind.ACKNOWLEDGEMENT, body="We have received your report."
        )
    services.report_message_send(
        report=done, actor=coordinator, kind=StandardMessage.Kind.FEEDBACK, body="We spoke with the manager concerned."
    )

    overview = selectors.deadline_overview(coordinator)
    assert [row["reference"] for row in overview["acknowledgement"]] == [waiting.reference]
    assert {row["reference"] for row in overview["feedback"]} == {waiting.reference, acknowledged.reference}
    assert overview["suspended"] == [] and overview["concerns"] == []


# --- the lists' order, the suspended and concerns lists, and what is sent and failed --------------------------

def due_against_the_grain(reports, field):
    """Give the reports (in the order they came in) due dates in the reverse order of their ids, so "soonest
    first" and "by id" differ; two of them, one filed before the other but with the higher id, share the
    latest date: the id orders them, not the order they came in."""
    first, second = next((a, b) for i, a in enumerate(reports) for b in reports[i + 1:] if a.pk > b.pk)
    others = sorted((r for r in reports if r not in (first, second)), key=lambda r: r.pk)
    today = timezone.localdate()
    due = {r.pk: today + datetime.timedelta(days=9 - i) for i, r in enumerate(others)}
    due[first.pk] = due[second.pk] = today + datetime.timedelta(days=10)
    for report in reports:
        Report.objects.filter(pk=report.pk).update(**{field: due[report.pk]})
    return sorted(reports, key=lambda r: (due[r.pk], r.pk))


def test_the_overview_lists_each_clock_soonest_due_first_and_the_same_day_by_report(team, report_factory):
    coordinator = team["coordinator"]
    reports = [report_factory().report for _ in range(5)]
    soonest_acknowledgement = due_against_the_grain(reports, "acknowledgement_due")
    overview = selectors.deadline_overview(coordinator)
    assert [row["pk"] for row in overview["acknowledgement"]] == [r.pk for r in soonest_acknowledgement]
    soonest_feedback = due_against_the_grain(reports, "feedback_due")
    overview = selectors.deadline_overview(coordinator)
    assert [row["pk"] for row in overview["feedback"]] == [r.pk for r in soonest_feedback]
    # Each row holds what the table shows: the report, its due dates, its case and handler ("—" and "nobody yet").
    row = overview["feedback"][0]
    assert row["reference"] == soonest_feedback[0].reference
    assert row["feedback_due"] == Report.objects.get(pk=row["pk"]).feedback_due
    assert row["acknowledgement_due"] == Report.objects.get(pk=row["pk"]).acknowledgement_due
    assert row["case_link__case__reference"] is None and row["case_link__case__handler__username"] is None


def test_a_suspended_report_leaves_the_running_clocks_and_is_listed_by_when_it_was_suspended(team, report_factory, clock):
    coordinator = team["coordinator"]
    running, first, second = (report_factory().report for _ in range(3))
    other_desk = report_factory(channel="external").report
    assert other_desk.desk == "external"
    services.report_clocks_suspend(report=other_desk, actor=team["external_coordinator"], reason="Police.")
    clock.shift(datetime.timedelta(hours=1))
    services.report_clocks_suspend(report=second, actor=coordinator, reason="Waiting for the police.")
    clock.shift(datetime.timedelta(hours=1))
    services.report_clocks_suspend(report=first, actor=coordinator, reason="Waiting for the court.")
    services.report_clocks_resume(report=second, actor=coordinator, reason="The police answered.")
    clock.shift(datetime.timedelta(hours=1))
    services.report_clocks_suspend(report=second, actor=coordinator, reason="Waiting again.")

    overview = selectors.deadline_overview(coordinator)
    assert {row["pk"] for row in overview["acknowledgement"]} == {running.pk}
    assert {row["pk"] for row in overview["feedback"]} == {running.pk}
    # The other desk's suspended report is not listed; the columns are the link, the reference and the date.
    assert overview["suspended"] == [
        {"pk": r.pk, "reference": r.reference, "clocks_suspended_at": Report.objects.get(pk=r.pk).clocks_suspended_at}
        for r in (first, second)
    ]


def test_the_overview_shows_the_desk_s_reminders_sent_newest_first_at_most_fifty(team, clock):
    now = timezone.now()
    rows = [SentReminder(what="acknowledgement", record_id=f"r{i}", due_on=timezone.localdate(), step="2d", recipient="marieke@example.org",
                         desk="cci", sent_at=now - datetime.timedelta(minutes=i // 2)) for i in range(52)]
    rows += [SentReminder(what="acknowledgement", record_id="other", due_on=timezone.localdate(), step="2d", recipient="anouk@example.org",
                          desk="external", sent_at=now + datetime.timedelta(minutes=5)),
             SentReminder(what="acknowledgement", record_id="on its way", due_on=timezone.localdate(), step="overdue",
                          recipient="marieke@example.org", desk="cci", sent_at=None)]
    SentReminder.objects.bulk_create(rows[:3] + rows[-2:])
    # One still on its way to the mail server is not listed as sent, nor the other desk's.
    assert [r.record_id for r in selectors.deadline_overview(team["coordinator"])["sent"]] == ["r1", "r0", "r2"]
    SentReminder.objects.bulk_create(rows[3:-2])
    sent = selectors.deadline_overview(team["coordinator"])["sent"]
    expected = list(SentReminder.objects.filter(desk="cci", sent_at__isnull=False).order_by("-sent_at", "-pk"))[:50]
    assert sent == expected and len(sent) == 50
    assert [r.sent_at for r in sent] == sorted((r.sent_at for r in sent), reverse=True)
    pairs = [(a, b) for a, b in zip(sent, sent[1:], strict=False) if a.sent_at == b.sent_at]
    assert pairs and all(a.pk > b.pk for a, b in pairs)  # the same minute: the later row first


def test_the_overview_shows_the_latest_25_failed_task_runs_newest_first(team):
    now = timezone.now()
    TaskFailure.objects.bulk_create([TaskFailure(task_name=f"task {i}", error="OperationalError", failed_at=now - datetime.timedelta(minutes=i // 2))
                                     for i in range(27)])
    failures = selectors.deadline_overview(team["coordinator"])["failures"]
    assert failures == list(TaskFailure.objects.order_by("-failed_at", "-pk"))[:25] and len(failures) == 25
    pairs = [(a, b) for a, b in zip(failures, failures[1:], strict=False) if a.failed_at == b.failed_at]
    assert pairs and all(a.pk > b.pk for a, b in pairs)
    assert [f.failed_at for f in failures] == sorted((f.failed_at for f in failures), reverse=True)


def test_the_overview_shows_the_desk_s_open_concerns_with_their_report_and_case_in_one_query(case_in, team):
    from django.contrib.auth.models import AnonymousUser

    from cases import retaliation
    from cases.models import RetaliationConcern

    from .test_retaliation import concern_from_aftercare

    coordinator = team["coordinator"]
    first, _ = concern_from_aftercare(case_in)

    def read_concerns():
        concerns = selectors.deadline_overview(coordinator)["concerns"]
        return [(c.report.reference, c.case.reference if c.case else "—") for c in concerns]

    with CaptureQueriesContext(connection) as one:
        assert read_concerns() == [(first.report.reference, first.case.reference)]
    closed, _ = concern_from_aftercare(case_in)
    retaliation.concern_close(concern_id=closed.pk, actor=coordinator, outcome="withdrawn", reasons="Withdrawn.", message="Noted.")
    other_desk, _ = concern_from_aftercare(case_in)
    RetaliationConcern.objects.filter(pk=other_desk.pk).update(desk="external")
    later, _ = concern_from_aftercare(case_in)
    with CaptureQueriesContext(connection) as two:
        assert {pair for pair in read_concerns()} == {(c.report.reference, c.case.reference) for c in (first, later)}
    assert len(two.captured_queries) == len(one.captured_queries)

    # Only the concern's own desk sees it; someone not signed in sees none.
    assert list(selectors.concerns_visible_to(team["external_coordinator"])) == [RetaliationConcern.objects.get(pk=other_desk.pk)]
    assert set(selectors.concerns_visible_to(coordinator)) == set(RetaliationConcern.objects.exclude(pk=other_desk.pk))
    assert not selectors.concerns_visible_to(AnonymousUser()).exists()
