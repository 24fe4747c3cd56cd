"""Aftercare (nazorg): check-ins with reporters months after their case closed, and what follows
when a reporter says they met consequences for their career or position.

The check-in is a standard message in the reporter's mailbox (in their language) with a yes/no
question that intake shows and records; intake announces the answer with the domain event
`aftercare_answered`, which the desks hear here. A "yes" opens a `RetaliationConcern`, linked to the
closed case, with its own legal clocks; the case itself and its decision stay closed.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from meldpunt.audit.services import audit_record
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import AftercareCheckIn, Report
from meldpunt.notifications import notify

from . import deadlines
from .models import CaseState, RetaliationConcern, SentReminder, StandardMessage
from .report_statistics import statistics_record_aftercare_answer


def _start_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _in_batches(queryset):
    """Rows of what is still due, a batch at a time: each batch sent is excluded from the next read."""
    while True:
        rows = list(queryset[: settings.REMINDER_BATCH_SIZE])
        yield from rows
        if len(rows) < settings.REMINDER_BATCH_SIZE:
            return


def aftercare_scan(*, now: datetime | None = None) -> dict:
    """Send every check-in that is due and not yet sent. Safe to run twice: a check-in is unique per
    report and step; a worker that was down sends what it missed on its next run (within the
    catch-up window)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = {}
    for months in settings.AFTERCARE_CHECKIN_MONTHS:
        step = f"{months}m"
        # Closed on or before this day `months` ago, and not longer ago than the catch-up window.
        latest_closing = deadlines.add_months(today, -months)
        earliest_closing = latest_closing - timedelta(days=settings.REMINDER_CATCH_UP_DAYS)
        due_reports = (
            Report.objects.filter(
                case_link__case__state=CaseState.CLOSED,
                case_link__case__closed_at__gte=_start_of(earliest_closing),
                case_link__case__closed_at__lt=_start_of(latest_closing + timedelta(days=1)),
                wrapped_key__gt="",  # not shredded
            )
            .exclude(aftercare_checkins__step=step)
            .values_list("pk", "written_language", "desk", "case_link__case__closed_at")
            .order_by("case_link__case__closed_at", "pk")
        )
        texts: dict[str, str] = {}
        count = 0
        for pk, language, desk, closed_at in _in_batches(due_reports):
            if language not in texts:
                from .services import standard_message_text

                texts[language] = standard_message_text(kind=StandardMessage.Kind.AFTERCARE_CHECKIN, language=language)
            with transaction.atomic():
                report = Report.objects.select_for_update().get(pk=pk)
                checkin = intake_services.aftercare_checkin_send(report=report, step=step, body=texts[language])
                if checkin is None:
                    continue
                SentReminder.objects.create(
                    what="aftercare", record_id=str(pk), due_on=timezone.localdate(closed_at), step=step,
                    recipient="mailbox", desk=desk, sent_at=now,
                )
                count += 1
        sent[step] = count
    return sent


def on_aftercare_answered(*, report: Report, checkin: AftercareCheckIn, **_kwargs) -> None:
    """Listener for intake's aftercare_answered: every answer leaves an anonymous statistics row that
    retention never deletes; a "yes" opens a retaliation concern for the desk.

    The concern goes to the desk that holds the report: the CCI, or the external desk for a report
    filed there (which the CCI may not see without the reporter's consent).
    """
    statistics_record_aftercare_answer(checkin=checkin, report=report)  # every answer, for the figures
    if checkin.answer != AftercareCheckIn.Answer.YES:
        return
    if RetaliationConcern.objects.filter(checkin=checkin).exists():
        return
    now = timezone.now()
    today = timezone.localdate(now)
    link = getattr(report, "case_link", None)
    concern = RetaliationConcern(
        case_id=link.case_id if link else None, report=report, checkin=checkin, desk=report.desk, opened_at=now,
        acknowledgement_due=deadlines.acknowledgement_due(today),
        feedback_due=deadlines.feedback_due(received=today, acknowledged=None),
    )
    concern.full_clean()
    concern.save()
    audit_record(actor=None, action="retaliation_concern.opened", target=report, concern=str(concern.pk), checkin=str(checkin.pk))
    from .services import desk_staff_emails, standard_message_text

    intake_services.mailbox_message_to_reporter(
        report=report, sender=None, kind=StandardMessage.Kind.RETALIATION_CONCERN,
        body=standard_message_text(kind=StandardMessage.Kind.RETALIATION_CONCERN, language=report.written_language or report.language),
    )
    recipients, url = desk_staff_emails(report.desk), reverse("cases:deadlines") + "#concerns"
    transaction.on_commit(lambda: notify(recipients=recipients, template="retaliation_concern_new", link=url))
