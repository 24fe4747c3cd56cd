"""Retention: what passed its period after closure is crypto-shredded and deleted, nightly.

Periods per kind of record are in settings.RETENTION_DAYS (reasons in docs/deadlines.md):

- report: a report, its mailbox, meetings, minutes, consent questions, check-ins, retaliation
  concerns and deadline changes, counted from the closure of its case. Its anonymous figures were
  written at closure (`ReportStatistic`, cases.report_statistics), those of its concerns as each was
  closed (`ConcernStatistic`) and those of its check-ins as each was answered (`AftercareStatistic`);
  none of them is ever deleted: published figures do not move. A report with a concern still open is
  held back until the concern is closed.
- evidence: the report's evidence files go with it (the vault's crypto-shred destroys the keys and
  the stored objects; `shred_report_with_evidence` is the hook).
- case: the case itself (its sealed reasons and notes, history, exclusions), counted from closure.
- advice_session: a counsellor's advice-session log entry, counted from the day it was held: its
  sealed advice is crypto-shredded; the row keeps only date, channel, post, region and topic, which
  carry no names, for the counsellor figures.
- manager_draft: a manager's draft that was never forwarded, counted from its last save: deleted with
  its data key (a forwarded draft holds no text and goes with its report).
- manager_advice: a manager's advice request to the CCI, counted from its answer (or from when it was
  asked, if never answered): deleted with its data key. One that became a report goes with that
  report instead.
- advice_question: a question to the advice point from any employee (meldpunt/advice), counted from
  its last activity once answered with no reply owed (the asker writing back starts it again): deleted
  with its data key, its messages and its receipt code, leaving its year and language
  (`AdviceQuestionStatistic`) for the figures. An unanswered question never expires (the
  advice point must answer first); one the asker turned into a report goes with that report.
- complaint: a concluded complaint about a counsellor, counted from its conclusion: its notes, the
  complaint and the report it came in as are crypto-shredded and deleted (complaints are not in the
  desks' figures, so no number moves).
- audit: the audit trail is hash-chained and holds ids, never content. Deleting old events would
  break `verify_audit`, so they are kept; the dry run lists how many are past the period. Archiving
  them (export, then a signed anchor as the new chain start) is left to an explicit decision.

Reports that are not in a closed case never expire: the desks must handle them first. A report
forwarded from a counsellor's advice session expires like any other: the session (kept under its own
period) then loses its link to the report and the consent recorded for it, and keeps its follow-up,
which still says it was forwarded, for the counsellor figures.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record
from meldpunt.intake.models import Report

from .models import AdviceQuestionStatistic, Case, CaseState, RetaliationConcern

# Rows that protect a report but go with it once it is shredded: a forwarded manager draft (already
# emptied), a manager's advice request that became the report, and the report's evidence files (their
# keys destroyed by the vault's crypto-shred).
DELETE_WITH_REPORT = {"channels.ManagerDraft", "channels.AdviceRequest", "advice.AdviceQuestion", "vault.EvidenceFile"}
# Rows that protect a report but outlive it: they only lose the link (and what was recorded for it).
UNLINK_FROM_REPORT = {
    "vertrouwenspersonen.AdviceSession": {"forwarded_report": None, "forward_consent_at": None, "forwarded_anonymously": None},
}


@dataclass(frozen=True)
class Expired:
    kind: str
    id: str
    label: str
    reason: str


def _cutoff(kind: str, now: datetime) -> datetime:
    return now - timedelta(days=settings.RETENTION_DAYS[kind])


def expired_records(*, now: datetime | None = None, limit: int = 2000) -> list[Expired]:  # pragma: no mutate (a batch size)
    """What would go now, and why (for the dry run and for the purge)."""
    now = now or timezone.now()
    items: list[Expired] = []
    report_cutoff = _cutoff("report", now)
    for pk, reference, closed_at in (
        # pragma below: closed_at is set only while a case is closed (reopening clears it), so either filter alone is the same
        Report.objects.filter(case_link__case__state=CaseState.CLOSED, case_link__case__closed_at__lt=report_cutoff)  # pragma: no mutate
        .exclude(Exists(RetaliationConcern.objects.filter(report=OuterRef("pk"), closed_at__isnull=True)))
        .values_list("pk", "reference", "case_link__case__closed_at").order_by("case_link__case__closed_at")[:limit]
    ):
        items.append(Expired("report", str(pk), reference, f"case closed {closed_at:%Y-%m-%d}; kept {settings.RETENTION_DAYS['report']} days"))
    case_cutoff = _cutoff("case", now)
    for pk, reference, closed_at in (
        Case.objects.filter(state=CaseState.CLOSED, closed_at__lt=case_cutoff)  # pragma: no mutate (as for reports, above)
        .values_list("pk", "reference", "closed_at").order_by("closed_at")[:limit]
    ):
        items.append(Expired("case", str(pk), reference, f"closed {closed_at:%Y-%m-%d}; kept {settings.RETENTION_DAYS['case']} days"))
    items.extend(_advice_sessions_expired(now=now, limit=limit))
    items.extend(_manager_records_expired(now=now, limit=limit))
    items.extend(_advice_questions_expired(now=now, limit=limit))
    items.extend(_complaints_expired(now=now, limit=limit))
    old_audit = AuditEvent.objects.filter(at__lt=_cutoff("audit", now)).count()
    if old_audit:
        items.append(Expired("audit", "", f"{old_audit} events", "past the audit period, but kept: they hold no content and the hash chain needs them"))
    return items


def _advice_sessions_expired(*, now: datetime, limit: int) -> list[Expired]:
    try:
        from django.apps import apps

        AdviceSession = apps.get_model("vertrouwenspersonen", "AdviceSession")  # pragma: no mutate (case-blind)
    except LookupError:
        return []
    held_before = timezone.localdate(_cutoff("advice_session", now))
    return [
        Expired("advice_session", str(pk), f"{held_on:%Y-%m-%d}", f"held {held_on:%Y-%m-%d}; kept {settings.RETENTION_DAYS['advice_session']} days")
        for pk, held_on in AdviceSession.objects.filter(held_on__lt=held_before).exclude(wrapped_key="")
        .values_list("pk", "held_on").order_by("held_on")[:limit]
    ]


def _manager_records_expired(*, now: datetime, limit: int) -> list[Expired]:
    from meldpunt.channels.models import AdviceRequest, ManagerDraft

    draft_days, advice_days = settings.RETENTION_DAYS["manager_draft"], settings.RETENTION_DAYS["manager_advice"]
    drafts = [
        Expired("manager_draft", str(pk), f"{updated_at:%Y-%m-%d}", f"never forwarded, last saved {updated_at:%Y-%m-%d}; kept {draft_days} days")
        for pk, updated_at in ManagerDraft.objects.filter(forwarded_at__isnull=True, updated_at__lt=_cutoff("manager_draft", now))
        .values_list("pk", "updated_at").order_by("updated_at")[:limit]
    ]
    cutoff = _cutoff("manager_advice", now)
    requests = [
        Expired("manager_advice", str(pk), f"{asked_at:%Y-%m-%d}", f"{_advice_age(asked_at, answered_at)}; kept {advice_days} days")
        for pk, asked_at, answered_at in AdviceRequest.objects.filter(report__isnull=True)
        .filter(models.Q(answered_at__lt=cutoff) | models.Q(answered_at__isnull=True, asked_at__lt=cutoff))
        .values_list("pk", "asked_at", "answered_at").order_by("asked_at")[:limit]
    ]
    return drafts + requests


def _advice_questions_expired(*, now: datetime, limit: int) -> list[Expired]:
    from meldpunt.advice.models import AdviceQuestion

    days = settings.RETENTION_DAYS["advice_question"]
    return [
        Expired("advice_question", str(pk), f"{asked_at:%Y-%m-%d}", f"answered, last activity {last:%Y-%m-%d}; kept {days} days")
        for pk, asked_at, last in AdviceQuestion.objects.filter(
            report__isnull=True, answered_at__isnull=False, awaiting_reply_since__isnull=True,
            last_activity_at__lt=_cutoff("advice_question", now),
        ).values_list("pk", "asked_at", "last_activity_at").order_by("last_activity_at")[:limit]
    ]


def _advice_age(asked_at: datetime, answered_at: datetime | None) -> str:
    return f"answered {answered_at:%Y-%m-%d}" if answered_at else f"never answered, asked {asked_at:%Y-%m-%d}"


def _complaints_expired(*, now: datetime, limit: int) -> list[Expired]:
    from django.apps import apps

    try:
        CounsellorComplaint = apps.get_model("vertrouwenspersonen", "CounsellorComplaint")  # pragma: no mutate (case-blind)
    except LookupError:
        return []
    return [
        Expired("complaint", str(pk), reference, f"concluded {concluded_at:%Y-%m-%d}; kept {settings.RETENTION_DAYS['complaint']} days")
        for pk, reference, concluded_at in CounsellorComplaint.objects.filter(concluded_at__lt=_cutoff("complaint", now))
        .values_list("pk", "report__reference", "concluded_at").order_by("concluded_at")[:limit]
    ]


def shred_report_with_evidence(report: Report) -> None:
    """Hook: destroy the report's data key and its evidence files. Uses the vault's crypto-shred
    (meldpunt.vault.services.report_crypto_shred) where the vault is installed; otherwise destroys
    the key here."""
    try:
        vault = importlib.import_module("meldpunt.vault.services")
    except ImportError:
        vault = None
    if vault is not None and hasattr(vault, "report_crypto_shred"):
        vault.report_crypto_shred(report=report, actor=None, reason="retention period passed")
    else:
        Report.objects.filter(pk=report.pk).update(wrapped_key="")


def _protecting(report: Report) -> list[tuple[str, models.QuerySet]]:
    """Rows of other apps whose foreign key protects the report from deletion."""
    found = []
    for rel in Report._meta.related_objects:
        if rel.on_delete is models.PROTECT:
            rows = rel.related_model._base_manager.filter(**{rel.field.name: report})
            if rows.exists():
                found.append((rel.related_model._meta.label, rows))
    return found


def report_expire(*, report_id) -> bool:
    """Count, crypto-shred and delete one expired report. False when another record still needs it."""
    with transaction.atomic():
        report = Report.objects.select_for_update().select_related("category", "post").filter(pk=report_id).first()
        if report is None:
            return False
        if report.retaliation_concerns.filter(closed_at__isnull=True).exists():
            return False  # a concern about retaliation is still being handled: open work
        protecting = _protecting(report)
        if any(label not in DELETE_WITH_REPORT | set(UNLINK_FROM_REPORT) for label, _rows in protecting):
            return False  # e.g. a complaint still being handled: held back, counted as "held"
        # Shred first: the vault deletes the stored evidence objects of the files it finds here.
        shred_report_with_evidence(report)
        for label, rows in protecting:
            if label in UNLINK_FROM_REPORT:
                rows.update(**UNLINK_FROM_REPORT[label])
                continue
            if label == "advice.AdviceQuestion":
                _count_advice_questions(rows)
            if hasattr(rows.model, "SEALED_FIELDS"):
                rows.update(wrapped_key="")  # their data keys first, as everywhere: the text is unreadable
            rows.delete()
        audit_record(actor=None, action="retention.report_deleted", target=report)
        Report.objects.filter(pk=report.pk).delete()
        return True


def case_expire(*, case_id) -> bool:
    with transaction.atomic():
        case = Case.objects.select_for_update().filter(pk=case_id, state=CaseState.CLOSED).first()
        if case is None or case.report_links.exists():
            return False  # its reports are kept longer: the case waits for them
        Case.objects.filter(pk=case.pk).update(wrapped_key="")
        audit_record(actor=None, action="retention.case_deleted", target=case)
        case.delete()
        return True


def advice_session_expire(*, session_id) -> bool:
    from django.apps import apps

    AdviceSession = apps.get_model("vertrouwenspersonen", "AdviceSession")  # pragma: no mutate (case-blind)
    with transaction.atomic():
        updated = AdviceSession.objects.filter(pk=session_id).exclude(wrapped_key="").update(wrapped_key="", advice_sealed=b"")
        if updated:
            audit_record(actor=None, action="retention.advice_session_shredded", session=str(session_id))
        return bool(updated)


def manager_draft_expire(*, draft_id) -> bool:
    from meldpunt.channels.models import ManagerDraft

    with transaction.atomic():
        draft = ManagerDraft.objects.select_for_update().filter(pk=draft_id, forwarded_at__isnull=True).first()
        if draft is None:
            return False
        ManagerDraft.objects.filter(pk=draft.pk).update(wrapped_key="")  # its data key first: the text is gone
        audit_record(actor=None, action="retention.manager_draft_deleted", draft=str(draft.pk))
        draft.delete()
        return True


def manager_advice_expire(*, request_id) -> bool:
    from meldpunt.channels.models import AdviceRequest

    with transaction.atomic():
        advice = AdviceRequest.objects.select_for_update().filter(pk=request_id, report__isnull=True).first()
        if advice is None:
            return False  # it became a report meanwhile: it goes with that report
        AdviceRequest.objects.filter(pk=advice.pk).update(wrapped_key="")
        audit_record(actor=None, action="retention.manager_advice_deleted", advice_request=str(advice.pk))
        advice.delete()
        return True


def _count_advice_questions(questions: models.QuerySet) -> None:
    """Questions about to be deleted leave their year and language, so the year's count does not move."""
    AdviceQuestionStatistic.objects.bulk_create(
        [AdviceQuestionStatistic(year=timezone.localdate(asked_at).year, language=language)
         for asked_at, language in questions.values_list("asked_at", "language")]
    )


def advice_question_expire(*, question_id) -> bool:
    from meldpunt.advice.models import AdviceQuestion

    with transaction.atomic():
        question = (
            AdviceQuestion.objects.select_for_update()
            .filter(pk=question_id, report__isnull=True, awaiting_reply_since__isnull=True).first()
        )
        if question is None:
            return False  # the asker wrote back or made a report of it meanwhile
        AdviceQuestion.objects.filter(pk=question.pk).update(wrapped_key="")
        _count_advice_questions(AdviceQuestion.objects.filter(pk=question.pk))
        audit_record(actor=None, action="retention.advice_question_deleted", advice_question=str(question.pk))
        question.delete()  # its messages and receipt code go with it
        return True


def complaint_expire(*, complaint_id) -> bool:
    """A concluded complaint about a counsellor: its sealed notes, the complaint, then its report."""
    from django.apps import apps

    CounsellorComplaint = apps.get_model("vertrouwenspersonen", "CounsellorComplaint")  # pragma: no mutate (case-blind)
    with transaction.atomic():
        complaint = CounsellorComplaint.objects.select_for_update().filter(pk=complaint_id, concluded_at__isnull=False).first()
        if complaint is None:
            return False
        report_id = complaint.report_id
        complaint.notes.update(wrapped_key="")
        audit_record(actor=None, action="retention.complaint_deleted", complaint=str(complaint.pk))
        complaint.delete()  # its notes go with it
        if not report_expire(report_id=report_id):
            transaction.set_rollback(True)  # another record still needs the report: keep the complaint too
            return False
        return True


EXPIRE = {
    "report": lambda item: report_expire(report_id=item.id),
    "advice_session": lambda item: advice_session_expire(session_id=item.id),
    "manager_draft": lambda item: manager_draft_expire(draft_id=item.id),
    "manager_advice": lambda item: manager_advice_expire(request_id=item.id),
    "advice_question": lambda item: advice_question_expire(question_id=item.id),
    "complaint": lambda item: complaint_expire(complaint_id=item.id),
}


def retention_purge(*, dry_run: bool, now: datetime | None = None) -> dict:
    """Remove what expired (reports first, then cases that have no reports left). Safe to run twice."""
    items = expired_records(now=now)
    done = {"case": 0, "held": 0} | dict.fromkeys(EXPIRE, 0)  # EXPIRE has the reports and the other kinds
    if dry_run:
        return {"would_go": [item.__dict__ for item in items]}
    for item in items:
        if item.kind not in EXPIRE:
            continue  # cases go after their reports, below; audit events are only listed
        try:
            ok = EXPIRE[item.kind](item)
        except IntegrityError:
            ok = False
        done[item.kind if ok else "held"] += 1
    for item in expired_records(now=now):  # cases whose last report just went
        if item.kind == "case":
            done["case" if case_expire(case_id=item.id) else "held"] += 1
    return done
