"""The desks' tasks. Thin: ids (or nothing) in, one service call; every one safe to run twice.

They share `RecordedTask` (meldpunt/background.py), whose failed runs go to `TaskFailure` for the
coordinators' overview (the name, the ids and the kind of error only), besides Celery's own logging.
"""

from celery import shared_task

from meldpunt.background import RecordedTask

from . import services

# Scans read in batches and finish in seconds; the limits stop a stuck run before the next beat.
SCAN_LIMITS = {"acks_late": True, "soft_time_limit": 600, "time_limit": 660}


@shared_task(base=RecordedTask, acks_late=True)
def desk_new_report_notify(desk: str, report_id: str) -> None:
    """Email the desk that a report arrived: a link, nothing of its content."""
    services.desk_new_report_notice(desk=desk, report_id=report_id)


@shared_task(base=RecordedTask, acks_late=True)
def desk_reporter_activity_notify(report_id: str, what: str) -> None:
    """Email the handler (or the desk) that a reporter wrote or answered: a link, nothing of its content."""
    services.desk_reporter_activity_notice(report_id=report_id, what=what)


@shared_task(base=RecordedTask, **SCAN_LIMITS)
def reminders_scan_run() -> dict:
    """Reminders, overdue alerts, manager-draft reminders and the weekly digest: whatever is due and not yet sent."""
    from meldpunt.health import heartbeat

    from .reminders import reminders_scan

    result = reminders_scan()
    heartbeat("reminders-scan")  # /health/ reports the age of the last completed scan
    return result


@shared_task(base=RecordedTask, **SCAN_LIMITS)
def aftercare_scan_run() -> dict:
    """Aftercare check-ins for reporters whose case closed 3 and 12 months ago, not yet asked."""
    from .aftercare import aftercare_scan

    return aftercare_scan()


@shared_task(base=RecordedTask, **SCAN_LIMITS)
def retention_purge_run() -> dict:
    """Crypto-shred and delete what passed its retention period, keeping anonymous counts."""
    from .retention import retention_purge

    return retention_purge(dry_run=False)
