from datetime import timedelta

from celery import shared_task
from django.conf import settings

from meldpunt.background import RecordedTask  # a failed run is recorded for the coordinators' overview

from . import services


@shared_task(base=RecordedTask, acks_late=True)
def evidence_clean(evidence_id: str) -> str:
    """Make the working copy without hidden data; does nothing when it is already there."""
    return services.evidence_clean(evidence_id=evidence_id)


@shared_task(base=RecordedTask, acks_late=True)
def staging_purge() -> int:
    """Remove the files of report forms that were started and never sent (beat: hourly)."""
    return services.staging_purge(older_than=timedelta(hours=settings.VAULT_STAGING_HOURS))


@shared_task(base=RecordedTask, acks_late=True)
def upload_temp_sweep() -> int:
    """Remove plaintext upload temp files left by a process killed mid-upload (beat: hourly)."""
    return services.upload_temp_sweep(older_than=timedelta(minutes=settings.VAULT_UPLOAD_TEMP_MAX_AGE_MINUTES))


@shared_task(base=RecordedTask, acks_late=True)
def evidence_clean_requeue() -> int:
    """Queue again the cleaning of files whose task was lost (beat: every 15 minutes)."""
    return services.evidence_clean_requeue(older_than=timedelta(minutes=settings.VAULT_CLEAN_REQUEUE_MINUTES))
