from django.db import transaction
from django.utils import timezone

from meldpunt.notifications import notify

from .models import MailboxMessage


def reporter_nudge(*, message_id: str) -> None:
    with transaction.atomic():
        message = MailboxMessage.objects.select_related("report").select_for_update().filter(pk=message_id).first()
        if message is None or message.read_at is not None or message.reporter_nudged_at is not None:
            return
        report = message.report
        if report.is_shredded or not report.wants_email_nudge:
            return
        contact = report.unseal("reporter_contact")
        if "@" not in contact:
            return
        notify(recipients=[contact], template="reporter_nudge", language=report.language, link="/mailbox/")
        message.reporter_nudged_at = timezone.now()
        message.save(update_fields=["reporter_nudged_at"])
