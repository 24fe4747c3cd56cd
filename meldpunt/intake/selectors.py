"""Reads of the reporter side. A reporter sees only their own report, by the id in their session."""

from dataclasses import dataclass
from datetime import datetime

from .models import MailboxMessage, Report


def report_for_mailbox(*, report_id: str) -> Report | None:
    return Report.objects.select_related("category").filter(pk=report_id).first()


@dataclass(frozen=True)
class ThreadMessage:
    from_reporter: bool
    sent_at: datetime
    body: str
    is_new: bool


def mailbox_messages(*, report: Report) -> list[ThreadMessage]:
    return [
        ThreadMessage(
            from_reporter=m.direction == MailboxMessage.Direction.FROM_REPORTER,
            sent_at=m.sent_at,
            body=m.unseal("body"),
            is_new=m.direction == MailboxMessage.Direction.TO_REPORTER and m.read_at is None,
        )
        for m in report.messages.select_related("report").order_by("sent_at")
    ]
