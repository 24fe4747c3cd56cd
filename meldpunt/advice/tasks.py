from celery import shared_task

from . import services


@shared_task(acks_late=True)
def advice_question_notify_desk(question_id: str) -> int:
    return services.advice_question_desk_notice(question_id=question_id)


@shared_task(acks_late=True)
def advice_asker_notify(question_id: str) -> int:
    return services.advice_asker_notice(question_id=question_id)
