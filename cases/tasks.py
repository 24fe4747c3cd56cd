"""The desks' tasks. Thin: ids (or nothing) in, one service call; every one safe to run twice.

They share `RecordedTask`, which writes a failed run to `TaskFailure` for the coordinators'
overview (the name, the ids and the kind of error only), besides Celery's own logging.
"""

from celery import Task, shared_task

from . import services

# Scans read in batches and finish in seconds; the limits stop a stuck run before the next beat.
SCAN_LIMITS = {"acks_late": True, "soft_time_limit": 600, "time_limit": 660}


class RecordedTask(Task):
    # Recorded around the call rather than in on_failure, so eager runs (tests, CELERY_TASK_ALWAYS_EAGER)
    # and soft time limits are recorded too. A hard time limit kills the process: Celery logs that one.
    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except Exception as exc:
            from .monitoring import task_failure_record

            task_failure_record(
                task_name=self.name, task_id=getattr(self.request, "id", None) or "",
                arguments=[*args, *kwargs.values()], error=type(exc).__name__,
            )
            raise


@shared_task(base=RecordedTask, acks_late=True)
def desk_new_report_notify(desk: str, report_id: str) -> None:
    """Email the desk that a report arrived: a link, nothing of its content."""
    services.desk_new_report_notice(desk=desk, report_id=report_id)


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
