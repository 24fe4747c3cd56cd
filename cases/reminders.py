"""Reminders, alerts and digests, found by scanning state (never by countdowns queued earlier).

Every run asks the database what is due now and was not sent yet, claims each reminder in
`SentReminder` (its unique constraint makes a second run, or a second worker, claim and send
nothing twice), and mails each recipient once per run with a count and a link: no report content.
A claim counts as sent (`sent_at`) only once the mail server accepted the email; if the mail task
gives up, the claim is released and the next scan tries again.
A worker that was down for days catches up on its next run: every step whose window is still open
is recorded and announced; steps of deadlines that have passed give way to the overdue alert.

The number of queries does not depend on how many reports exist: each kind of deadline is read
with an indexed date filter, in keyset batches of `REMINDER_BATCH_SIZE`, with one query for what
was already sent and one insert per batch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation

from meldpunt.accounts.models import COORDINATOR_ROLES, DESK_OF_ROLE, Desk, User
from meldpunt.accounts.selectors import staff_language
from meldpunt.channels.models import ManagerDraft
from meldpunt.intake.models import Report
from meldpunt.local_dates import local_date
from meldpunt.notifications import notify

from . import deadlines
from .advice_reminders import LINK as ADVICE_LINK
from .advice_reminders import TEMPLATES as ADVICE_TEMPLATES
from .advice_reminders import scan_advice_reply_clocks
from .models import Case, CaseState, RetaliationConcern, SentReminder


@dataclass(frozen=True)
class Due:
    """One reminder that should exist, and the email that announces it."""

    what: str
    record_id: str
    due_on: date
    step: str
    recipient: str
    desk: str
    template: str

    @property
    def key(self) -> tuple:
        return (self.what, self.record_id, self.due_on, self.step, self.recipient)


@dataclass
class ScanResult:
    recorded: Counter = field(default_factory=Counter)
    emails: int = 0

    def as_dict(self) -> dict:
        return {"recorded": dict(self.recorded), "emails": self.emails}


class _Recipients:
    """Desk staff and coordinators, read once per scan."""

    def __init__(self):
        self._desk: dict[str, list[str]] = {}
        self._coordinators: dict[str, list[str]] = {}

    def _load(self):
        if self._desk:
            return
        for desk in Desk.values:
            self._desk[desk], self._coordinators[desk] = [], []
        for role, email in User.objects.filter(role__in=list(DESK_OF_ROLE), is_active=True).exclude(email="").values_list("role", "email"):
            desk = DESK_OF_ROLE[role]
            self._desk[desk].append(email)
            if role in COORDINATOR_ROLES:
                self._coordinators[desk].append(email)

    def desk(self, desk: str) -> list[str]:
        self._load()
        return self._desk[desk]

    def coordinators(self, desk: str) -> list[str]:
        self._load()
        return self._coordinators[desk]


def _record(batch: list[Due], result: ScanResult, mail: dict) -> list[Due]:
    """Record the reminders of one batch that were not sent before; claim what to mail; return them."""
    if not batch:
        return []
    record_ids = {d.record_id for d in batch}
    whats = {d.what for d in batch}
    with transaction.atomic():
        sent = set(
            # Narrowed to this batch for speed; comparing whole keys below decides what is new.
            SentReminder.objects.filter(what__in=whats, record_id__in=record_ids).values_list(  # pragma: no mutate
                "what", "record_id", "due_on", "step", "recipient"
            )
        )
        new = {d.key: d for d in batch if d.key not in sent}
        if not new:
            return []
        try:
            with transaction.atomic():
                # Claimed, not yet sent: sent_at is set by the mail task once the server accepted the email.
                rows = SentReminder.objects.bulk_create(
                    [SentReminder(what=d.what, record_id=d.record_id, due_on=d.due_on, step=d.step, recipient=d.recipient,
                                  desk=d.desk) for d in new.values()]
                )
        except IntegrityError:
            return []  # another run recorded (and will mail) this batch at the same moment
    for d, row in zip(new.values(), rows, strict=True):  # pragma: no mutate (bulk_create returns one row per object)
        result.recorded[d.what] += 1
        mail.setdefault((d.recipient, d.template), []).append(row.pk)
    return list(new.values())


def reminders_sent(*, ids: list[int]) -> None:
    """The mail server accepted the email announcing these reminders: now they count as sent."""
    SentReminder.objects.filter(pk__in=ids, sent_at__isnull=True).update(sent_at=timezone.now())


def reminders_released(*, ids: list[int]) -> None:
    """The email was given up (the failure is recorded): release the claims so the next scan tries again."""
    SentReminder.objects.filter(pk__in=ids, sent_at__isnull=True).delete()


def _announce(*, recipient: str, template: str, ids: list[int], link: str, **context) -> int:
    return notify(
        recipients=[recipient], template=template, link=link,
        after_sent=("cases.reminders.reminders_sent", {"ids": ids}),
        after_failed=("cases.reminders.reminders_released", {"ids": ids}), **context,
    )


def _batches(queryset, *, due_field: str, batch_size: int):
    """Keyset pagination on (due date, primary key): each batch one indexed query."""
    last = None
    while True:
        qs = queryset
        if last is not None:
            qs = qs.filter(Q(**{f"{due_field}__gt": last[0]}) | Q(**{due_field: last[0], "pk__gt": last[1]}))
        rows = list(qs.order_by(due_field, "pk")[:batch_size])
        if not rows:
            return
        yield rows
        if len(rows) < batch_size:
            return
        last = (rows[-1][1], rows[-1][0])


def _clock_steps(*, due: date, today: date, offsets: tuple[int, ...]) -> list[tuple[str, str]]:
    """(step, kind) for every reminder of one deadline that is due today: 'Nd' before, or 'overdue'."""
    if due < today:
        return [("overdue", "overdue")]
    return [(f"{offset}d", "before") for offset in offsets if deadlines.reminder_step_due(due, offset_days=offset, today=today)]


def _scan_report_clocks(*, today: date, recipients: _Recipients, result: ScanResult, mail: dict) -> None:
    batch_size = settings.REMINDER_BATCH_SIZE
    earliest = today - timedelta(days=settings.REMINDER_CATCH_UP_DAYS)
    for clock, done_field in (("acknowledgement", "acknowledged_at"), ("feedback", "feedback_given_at")):
        offsets = tuple(settings.REMINDER_OFFSETS_DAYS[clock])
        due_field = f"{clock}_due"
        open_clocks = Report.objects.filter(
            **{f"{done_field}__isnull": True, "clocks_suspended_at__isnull": True, f"{due_field}__gte": earliest,
               f"{due_field}__lte": today + timedelta(days=max(offsets, default=0))}
        ).values_list("pk", due_field, "desk", "case_link__case__handler__email", "case_link__case__handler__is_active")
        for rows in _batches(open_clocks, due_field=due_field, batch_size=batch_size):
            batch = []
            for pk, due, desk, handler_email, handler_active in rows:
                for step, kind in _clock_steps(due=due, today=today, offsets=offsets):
                    if kind == "overdue":
                        to, template = recipients.coordinators(desk), "deadline_overdue"
                    else:
                        to = [handler_email] if handler_email and handler_active else recipients.desk(desk)
                        template = "deadline_reminder"
                    batch += [Due(clock, str(pk), due, step, email, desk, template) for email in to]
            _record(batch, result, mail)


def _scan_reply_clocks(*, today: date, recipients: _Recipients, result: ScanResult, mail: dict) -> None:
    """Reporters waiting for the desk's reply: the handler (or, with none, the desk) is reminded before
    the reply clock runs out, the coordinators alerted when it has. A reply clears `reply_due`."""
    offsets = tuple(settings.REMINDER_OFFSETS_DAYS["reply"])
    earliest = today - timedelta(days=settings.REMINDER_CATCH_UP_DAYS)
    open_clocks = Report.objects.filter(
        reply_due__gte=earliest, reply_due__lte=today + timedelta(days=max(offsets, default=0))
    ).values_list("pk", "reply_due", "desk", "case_link__case__handler__email", "case_link__case__handler__is_active")
    for rows in _batches(open_clocks, due_field="reply_due", batch_size=settings.REMINDER_BATCH_SIZE):
        batch = []
        for pk, due, desk, handler_email, handler_active in rows:
            for step, kind in _clock_steps(due=due, today=today, offsets=offsets):
                if kind == "overdue":
                    to, template = recipients.coordinators(desk), "reply_overdue"
                else:
                    to = [handler_email] if handler_email and handler_active else recipients.desk(desk)
                    template = "reply_reminder"
                batch += [Due("reply", str(pk), due, step, email, desk, template) for email in to]
        _record(batch, result, mail)


def _scan_concerns(*, today: date, recipients: _Recipients, result: ScanResult, mail: dict) -> None:
    """Retaliation concerns have their own clocks; the CCI desk is reminded, its coordinators alerted."""
    earliest = today - timedelta(days=settings.REMINDER_CATCH_UP_DAYS)
    for clock, filters in (
        ("acknowledgement", {"acknowledged_at__isnull": True}),
        ("feedback", {"feedback_given_at__isnull": True}),
    ):
        offsets = tuple(settings.REMINDER_OFFSETS_DAYS[clock])
        due_field = f"{clock}_due"
        concerns = RetaliationConcern.objects.filter(
            closed_at__isnull=True, **filters, **{f"{due_field}__gte": earliest, f"{due_field}__lte": today + timedelta(days=max(offsets, default=0))}
        ).values_list("pk", due_field, "desk")
        for rows in _batches(concerns, due_field=due_field, batch_size=settings.REMINDER_BATCH_SIZE):
            batch = []
            for pk, due, desk in rows:
                for step, kind in _clock_steps(due=due, today=today, offsets=offsets):
                    to = recipients.coordinators(desk) if kind == "overdue" else recipients.desk(desk)
                    template = "deadline_overdue" if kind == "overdue" else "deadline_reminder"
                    batch += [Due(f"concern_{clock}", str(pk), due, step, email, desk, template) for email in to]
            _record(batch, result, mail)


def _scan_manager_drafts(
    *, now: datetime, recipients: _Recipients, result: ScanResult, mail: dict, alerted: dict
) -> None:
    """A draft not forwarded after 24 hours reminds its manager; after 72 hours the CCI is alerted.

    `alerted` collects, per recipient of an alert, which manager at which post left a draft, so the
    alert can name them (no content of the draft: the CCI calls the manager, not the reporter)."""
    remind_after = timedelta(hours=settings.MANAGER_DRAFT_REMINDER_HOURS)
    alert_after = timedelta(hours=settings.MANAGER_DRAFT_ALERT_HOURS)
    drafts = ManagerDraft.objects.filter(
        forwarded_at__isnull=True, created_at__lte=now - remind_after,
        created_at__gte=now - alert_after - timedelta(days=settings.REMINDER_CATCH_UP_DAYS),
    ).values_list("pk", "created_at", "manager__email", "manager_id", "post_id")
    for rows in _batches(drafts, due_field="created_at", batch_size=settings.REMINDER_BATCH_SIZE):
        batch, whose = [], {}
        for pk, created_at, manager_email, manager_id, post_id in rows:
            started = timezone.localdate(created_at)
            whose[str(pk)] = (manager_id, post_id, started)
            if manager_email:
                batch.append(Due("manager_draft", str(pk), started, "24h", manager_email, "", "manager_draft_reminder"))
            if created_at <= now - alert_after:
                batch += [Due("manager_draft", str(pk), started, "72h", email, Desk.CCI, "manager_draft_alert") for email in recipients.desk(Desk.CCI)]
        for due in _record(batch, result, mail):
            if due.template == "manager_draft_alert":
                alerted.setdefault(due.recipient, []).append(whose[due.record_id])


def _named_drafts(alerted: dict) -> dict[str, list[dict]]:
    """Per recipient: the manager's name and post of each late draft, in the recipient's staff language."""
    from meldpunt.organisation.models import Post

    manager_ids = {m for rows in alerted.values() for m, _p, _s in rows}
    post_ids = {p for rows in alerted.values() for _m, p, _s in rows if p}
    managers = {u.pk: u.get_full_name() or u.username for u in User.objects.filter(pk__in=manager_ids)}
    posts = list(Post.objects.filter(pk__in=post_ids))
    readers = {u.email: u for u in User.objects.filter(email__in=list(alerted), is_active=True)}
    named = {}
    # Oldest first, as the scan read them; the date as text, since the mail task's arguments are JSON.
    for recipient, rows in alerted.items():
        with translation.override(staff_language(readers.get(recipient))):
            post_names = {post.pk: str(post) for post in posts}
            named[recipient] = [
                {"manager": managers[m], "post": post_names.get(p, ""), "started": local_date(s)} for m, p, s in rows
            ]
    return named


def _scan_translations(*, now: datetime, result: ScanResult, mail: dict) -> None:
    """Translation clocks (cases/translating/reminders.py): the translator reminded, the handler warned."""
    from .translating.reminders import translation_dues

    _record(translation_dues(now=now, due_cls=Due, batches=_batches), result, mail)


def _weekly_digest(*, now: datetime, today: date, result: ScanResult) -> int:
    """Once a week (from DIGEST_WEEKDAY at DIGEST_HOUR, caught up later in the week if missed), every
    handler and coordinator of the desks gets the number of their cases falling due in the next 7 days."""
    week_start = today - timedelta(days=today.weekday())
    starts = timezone.make_aware(datetime.combine(week_start + timedelta(days=settings.DIGEST_WEEKDAY), datetime.min.time())) + timedelta(
        hours=settings.DIGEST_HOUR
    )
    if now < starts:
        return 0
    staff = list(User.objects.filter(role__in=list(DESK_OF_ROLE), is_active=True).exclude(email="").values_list("pk", "email", "role"))
    horizon = today + timedelta(days=7)
    counts = Counter()
    for handler_id, desk, n in (
        Case.objects.exclude(state=CaseState.CLOSED).filter(next_deadline__lte=horizon)
        .values_list("handler_id", "desk").annotate(n=Count("pk")).order_by()
    ):
        counts[("handler", handler_id)] += n
        if handler_id is None:
            counts[("unassigned", desk)] += n
    batch = [Due("digest", str(pk), week_start, "weekly", email, DESK_OF_ROLE[role], "weekly_digest") for pk, email, role in staff]
    mail: dict = {}
    _record(batch, result, mail)
    emails = 0
    link = reverse("cases:worklist")
    for pk, email, role in staff:
        ids = mail.pop((email, "weekly_digest"), None)  # None: sent before, or already announced to a shared address
        if ids:
            unassigned = counts[("unassigned", DESK_OF_ROLE[role])] if role in COORDINATOR_ROLES else None
            emails += _announce(recipient=email, template="weekly_digest", ids=ids, link=link,
                                count=counts[("handler", pk)], unassigned=unassigned)
    return emails


LINKS = {
    "deadline_reminder": "cases:worklist",
    "deadline_overdue": "cases:deadlines",
    "weekly_digest": "cases:worklist",
    "manager_draft_reminder": "manager:home",
    "manager_draft_alert": "cases:deadlines",
    "reply_reminder": "cases:inbox",
    "reply_overdue": "cases:inbox",
    "translation_reminder": "translate:assignments",
    "translation_endangers_deadline": "cases:worklist",
    **dict.fromkeys(ADVICE_TEMPLATES.values(), ADVICE_LINK),
}
# The page each link opens at, where it is not the page's default.
LINK_QUERIES = {"reply_reminder": "?show=awaiting", "reply_overdue": "?show=awaiting"}


def reminders_scan(*, now: datetime | None = None) -> dict:
    """Find and send every reminder, alert and digest that is due and not yet sent. Safe to run twice."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    result, mail, recipients, alerted = ScanResult(), {}, _Recipients(), {}
    _scan_report_clocks(today=today, recipients=recipients, result=result, mail=mail)
    _scan_reply_clocks(today=today, recipients=recipients, result=result, mail=mail)
    scan_advice_reply_clocks(
        today=today, recipients=recipients, result=result, mail=mail, due_type=Due, record=_record,
        clock_steps=_clock_steps, batches=_batches,
    )
    _scan_concerns(today=today, recipients=recipients, result=result, mail=mail)
    _scan_manager_drafts(now=now, recipients=recipients, result=result, mail=mail, alerted=alerted)
    _scan_translations(now=now, result=result, mail=mail)
    drafts = _named_drafts(alerted) if alerted else {}
    for (recipient, template), ids in sorted(mail.items()):
        link = reverse(LINKS[template]) + LINK_QUERIES.get(template, "")
        result.emails += _announce(
            recipient=recipient, template=template, ids=ids, link=link, count=len(ids),
            drafts=drafts[recipient] if template == "manager_draft_alert" else None,
        )
    result.emails += _weekly_digest(now=now, today=today, result=result)
    return result.as_dict()
