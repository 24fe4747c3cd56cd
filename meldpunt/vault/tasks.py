from datetime import timedelta

from celery import shared_task
from django.conf import settings

from . import services


@shared_task(acks_late=True)
def evidence_clean(evidence_id: str) -> str:
    """Make the working copy without hidden data; does nothing when it is already there."""
    return services.evidence_clean(evidence_id=evidence_id)


@shared_task(acks_late=True)
def staging_purge() -> int:
    """Remove the files of report forms that were started and never sent (beat: hourly)."""
    return services.staging_purge(older_than=timedelta(hours=settings.VAULT_STAGING_HOURS))
