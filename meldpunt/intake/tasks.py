from celery import shared_task

from . import notify


@shared_task(acks_late=True)
def reporter_nudge_send(message_id: str) -> None:
    """Tell a reporter who left an email address that there is news in the mailbox (no content)."""
    notify.reporter_nudge(message_id=message_id)
