"""The advice point's reply clock (issue 15 point 5): a question, or an asker's later message, waits for
the advice point's answer like a reporter's message does. The reminder scan (cases/reminders.py)
reminds the whole CCI desk the working day before the clock runs out (REMINDER_REPLY_DAYS) and alerts
the CCI coordinators once it has. Nobody is assigned to a question, so the desk is reminded.

The clock starts at `awaiting_reply_since` (stored; an answer clears it) and runs
REPLY_CLOCK_WORKING_DAYS working days, the same as a reporter's reply clock (cases/deadlines.py)."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from meldpunt.accounts.models import Desk
from meldpunt.advice.models import AdviceQuestion

from . import deadlines

WHAT = "advice_reply"
TEMPLATES = {"before": "advice_reply_reminder", "overdue": "advice_reply_overdue"}
LINK = "cases:advice-questions"


def advice_reply_due(question_since) -> date:
    return deadlines.reply_due(timezone.localdate(question_since), settings.REPLY_CLOCK_WORKING_DAYS)


def scan_advice_reply_clocks(*, today: date, recipients, result, mail, due_type, record, clock_steps, batches) -> None:
    """Called by reminders_scan with its helpers, so claims and emails work as for every other clock."""
    offsets = tuple(settings.REMINDER_OFFSETS_DAYS["reply"])
    # A clock started this long ago is past its catch-up window (working days are at most 7/5 of the
    # calendar days, plus a weekend): older questions are on the coordinators' list, not in email.
    window = settings.REMINDER_CATCH_UP_DAYS + 2 * settings.REPLY_CLOCK_WORKING_DAYS + 3
    earliest = timezone.now() - timedelta(days=window)
    waiting = AdviceQuestion.objects.filter(
        awaiting_reply_since__isnull=False, awaiting_reply_since__gte=earliest
    ).exclude(wrapped_key="").values_list("pk", "awaiting_reply_since")
    catch_up_from = today - timedelta(days=settings.REMINDER_CATCH_UP_DAYS)
    for rows in batches(waiting, due_field="awaiting_reply_since", batch_size=settings.REMINDER_BATCH_SIZE):
        batch = []
        for pk, since in rows:
            due = advice_reply_due(since)
            if due < catch_up_from:
                continue
            for step, kind in clock_steps(due=due, today=today, offsets=offsets):
                to = recipients.coordinators(Desk.CCI) if kind == "overdue" else recipients.desk(Desk.CCI)
                batch += [due_type(WHAT, str(pk), due, step, email, Desk.CCI, TEMPLATES[kind]) for email in to]
        record(batch, result, mail)
