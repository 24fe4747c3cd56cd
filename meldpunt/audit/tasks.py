from celery import shared_task

from . import services


@shared_task(acks_late=True)
def audit_head_publish_run() -> int:
    """Write the chain's signed head into the log (beat: daily), where a database writer cannot reach it."""
    return services.audit_head_publish()["last_id"]
