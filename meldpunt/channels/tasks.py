from celery import shared_task

from . import services


@shared_task(acks_late=True)
def advice_request_notify_desk(advice_id: str) -> None:
    """Email the CCI that a manager asked for advice: a link, nothing of the question."""
    services.advice_request_desk_notice(advice_id=advice_id)


@shared_task(acks_late=True)
def advice_answer_notify_manager(advice_id: str) -> None:
    """Email the manager that the advice point answered: a link, nothing of the answer."""
    services.advice_answer_manager_notice(advice_id=advice_id)
