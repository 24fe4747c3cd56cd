"""The translation clocks in the reminder scan (cases/reminders.py): a translator is reminded a day
before an assignment is due and when it is overdue; the handler who asked is warned when a
translation not yet delivered is due on or after the report's open legal deadline (acknowledgement in
7 days, feedback in 3 months). Content-free, once per step, like every reminder."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from .models import TranslationRequest, TranslationState

REMIND_BEFORE = timedelta(hours=24)


def translation_dues(*, now: datetime, due_cls, batches) -> list:
    """The reminders and warnings that should exist now, as `due_cls` rows (cases.reminders.Due)."""
    earliest = now - timedelta(days=settings.REMINDER_CATCH_UP_DAYS)
    open_requests = TranslationRequest.objects.filter(state=TranslationState.OPEN, due_at__gte=earliest).values_list(
        "pk", "due_at", "desk", "translator__email", "translator__is_active", "requested_by__email", "requested_by__is_active",
        "report__acknowledged_at", "report__acknowledgement_due", "report__feedback_given_at", "report__feedback_due",
        "report__clocks_suspended_at",
    )
    dues = []
    for rows in batches(open_requests, due_field="due_at", batch_size=settings.REMINDER_BATCH_SIZE):
        for (pk, due_at, desk, translator_email, translator_active, asker_email, asker_active,
             acknowledged_at, acknowledgement_due, feedback_given_at, feedback_due, suspended_at) in rows:
            due_on = timezone.localdate(due_at)
            if translator_email and translator_active and due_at <= now + REMIND_BEFORE:
                step = "overdue" if due_at <= now else "1d"
                dues.append(due_cls("translation", str(pk), due_on, step, translator_email, desk, "translation_reminder"))
            if not (asker_email and asker_active) or suspended_at is not None:
                continue
            if acknowledged_at is None and acknowledgement_due and due_on >= acknowledgement_due:
                dues.append(due_cls("translation_risk", str(pk), acknowledgement_due, "acknowledgement", asker_email, desk,
                                    "translation_endangers_deadline"))
            elif feedback_given_at is None and feedback_due and due_on >= feedback_due:
                dues.append(due_cls("translation_risk", str(pk), feedback_due, "feedback", asker_email, desk,
                                    "translation_endangers_deadline"))
    return dues
