from django.db import transaction
from django.utils import timezone

from meldpunt.notifications import notify, reporter_recipient

from .models import MailboxMessage


def reporter_nudge(*, message_id: str) -> None:
    """Queue the content-free nudge; the reporter's address stays sealed until the mail task reads it,
    and the message counts as nudged only once the mail server accepted it (`reporter_nudged`)."""
    message = MailboxMessage.objects.select_related("report").filter(pk=message_id).first()
    if message is None or message.read_at is not None or message.reporter_nudged_at is not None:
        return
    report = message.report
    if report.is_shredded or not report.wants_email_nudge:
        return
    if "@" not in report.unseal("reporter_contact"):
        return
    notify(
        recipients=[reporter_recipient(report)], template="reporter_nudge", language=report.language, link="/mailbox/",
        after_sent=("meldpunt.intake.notify.reporter_nudged", {"message_id": str(message.pk)}),
    )


def reporter_nudged(*, message_id: str) -> None:
    with transaction.atomic():
        MailboxMessage.objects.filter(pk=message_id, reporter_nudged_at__isnull=True).update(reporter_nudged_at=timezone.now())
