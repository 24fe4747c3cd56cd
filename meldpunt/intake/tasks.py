from celery import shared_task

from meldpunt.background import RecordedTask  # a failed run is recorded for the coordinators' overview

from . import notify


@shared_task(base=RecordedTask, acks_late=True)
def reporter_nudge_send(message_id: str) -> None:
    """Tell a reporter who left an email address that there is news in the mailbox (no content)."""
    notify.reporter_nudge(message_id=message_id)


@shared_task(acks_late=True)
def sessions_clear() -> None:
    """Delete expired sessions, as `manage.py clearsessions` does (security review M2)."""
    from django.core.management import call_command

    call_command("clearsessions")
