from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from meldpunt.accounts.models import DESK_OF_ROLE, User
from meldpunt.audit.services import audit_record
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Report
from meldpunt.notifications import notify

from . import deadlines


def desk_staff_emails(desk: str) -> list[str]:
    roles = [role for role, role_desk in DESK_OF_ROLE.items() if role_desk == desk]
    return list(User.objects.filter(role__in=roles, is_active=True).exclude(email="").values_list("email", flat=True))


def on_report_received(*, report: Report, **_kwargs) -> None:
    """Listener for intake's report_received: start the legal clocks and tell the desk (no content)."""
    received = timezone.localdate(report.received_at)
    report.acknowledgement_due = deadlines.acknowledgement_due(received)
    report.feedback_due = deadlines.feedback_due(received=received, acknowledged=None)
    Report.objects.filter(pk=report.pk).update(
        acknowledgement_due=report.acknowledgement_due, feedback_due=report.feedback_due
    )
    desk, report_id = report.desk, report.pk
    transaction.on_commit(lambda: _notify_new_report(desk=desk, report_id=report_id))


def _notify_new_report(*, desk: str, report_id) -> None:
    from .tasks import desk_new_report_notify

    desk_new_report_notify.delay(desk, str(report_id))


def desk_new_report_notice(*, desk: str, report_id: str) -> int:
    link = reverse("cases:report-detail", kwargs={"report_id": report_id})
    return notify(recipients=desk_staff_emails(desk), template="desk_new_report", language="nl", link=link)


def report_read_by_staff(*, user, report: Report) -> None:
    """Every staff read of a report is on the record."""
    audit_record(actor=user, action="report.read", target=report)


@transaction.atomic
def report_reply(*, user, report: Report, body: str) -> None:
    intake_services.mailbox_message_to_reporter(report=report, sender=user, body=body)


