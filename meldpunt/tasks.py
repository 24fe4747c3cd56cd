"""The portal's one mail task: every email goes out through it (see meldpunt.notifications)."""

import logging

from celery import shared_task

from meldpunt import notifications

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, max_retries=notifications.MAX_RETRIES, soft_time_limit=120, time_limit=150)
def mail_send(self, recipient, template, language, link, context, after_sent=None, after_failed=None):
    """Send one content-free email; mark it sent only once the server accepted it.

    Transient errors (timeouts, a server that is down) are retried with exponential backoff; a
    refused address is not. When it gives up, the failure is recorded for the coordinators (the
    template and the kind of error, never the address) and `after_failed` runs.
    """
    try:
        accepted = notifications.deliver(recipient=recipient, template=template, language=language, link=link, context=context)
    except notifications.MailNotAccepted as exc:
        permanent = str(exc).endswith("(permanent)")
        # Run eagerly (tests, CELERY_TASK_ALWAYS_EAGER) a retry would wait inside the caller: give up at once.
        if not permanent and not self.request.is_eager and self.request.retries < self.max_retries:
            countdown = min(30 * 2 ** self.request.retries, 3600)
            logger.warning("Mail %s to %s not accepted (%s); retry in %ss", template, notifications.describe(recipient), exc, countdown)
            raise self.retry(countdown=countdown, exc=exc) from None
        logger.error("Mail %s to %s not accepted (%s); given up", template, notifications.describe(recipient), exc)
        notifications.mail_given_up.send(
            sender=None, task_name=f"{self.name} ({template})", task_id=getattr(self.request, "id", None) or "",
            recipient=notifications.describe(recipient), error=str(exc),
        )
        notifications.run_hook(after_failed)
        return False
    if accepted:
        notifications.run_hook(after_sent)
    return accepted
