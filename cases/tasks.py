from celery import shared_task

from . import services


@shared_task(acks_late=True)
def desk_new_report_notify(desk: str, report_id: str) -> None:
    """Email the desk that a report arrived: a link, nothing of its content."""
    services.desk_new_report_notice(desk=desk, report_id=report_id)
