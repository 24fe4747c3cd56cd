"""Retention: what passed its period after closure is crypto-shredded and deleted, nightly.

Periods per kind of record are in settings.RETENTION_DAYS (reasons in docs/deadlines.md):

- report: a report, its mailbox, meetings, minutes, consent questions, check-ins and deadline
  changes, counted from the closure of its case. Its anonymous figures were written at closure
  (`ReportStatistic`, cases.report_statistics) and are never deleted: published figures do not move.
- evidence: the report's evidence files go with it (the vault's crypto-shred destroys the keys and
  the stored objects; `shred_report_with_evidence` is the hook).
- case: the case itself (its sealed reasons and notes, history, exclusions), counted from closure.
- advice_session: a counsellor's advice-session log entry, counted from the day it was held: its
  sealed advice is crypto-shredded; the row keeps only date, channel, post, region and topic, which
  carry no names, for the counsellor figures.
- audit: the audit trail is hash-chained and holds ids, never content. Deleting old events would
  break `verify_audit`, so they are kept; the dry run lists how many are past the period. Archiving
  them (export, then a signed anchor as the new chain start) is left to an explicit decision.

Reports that are not in a closed case never expire: the desks must handle them first.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record
from meldpunt.intake.models import Report

from .models import Case, CaseState

# Rows that protect a report but go with it once it is shredded: a forwarded manager draft (already
# emptied) and the report's evidence files (their keys destroyed by the vault's crypto-shred).
DELETE_WITH_REPORT = {"channels.ManagerDraft", "vault.EvidenceFile"}


@dataclass(frozen=True)
class Expired:
    kind: str
    id: str
    label: str
    reason: str


def _cutoff(kind: str, now: datetime) -> datetime:
    return now - timedelta(days=settings.RETENTION_DAYS[kind])


def expired_records(*, now: datetime | None = None, limit: int = 2000) -> list[Expired]:
    """What would go now, and why (for the dry run and for the purge)."""
    now = now or timezone.now()
    items: list[Expired] = []
    report_cutoff = _cutoff("report", now)
    for pk, reference, closed_at in (
        Report.objects.filter(case_link__case__state=CaseState.CLOSED, case_link__case__closed_at__lt=report_cutoff)
        .values_list("pk", "reference", "case_link__case__closed_at").order_by("case_link__case__closed_at")[:limit]
    ):
        items.append(Expired("report", str(pk), reference, f"case closed {closed_at:%Y-%m-%d}; kept {settings.RETENTION_DAYS['report']} days"))
    case_cutoff = _cutoff("case", now)
    for pk, reference, closed_at in (
        Case.objects.filter(state=CaseState.CLOSED, closed_at__lt=case_cutoff)
        .values_list("pk", "reference", "closed_at").order_by("closed_at")[:limit]
    ):
        items.append(Expired("case", str(pk), reference, f"closed {closed_at:%Y-%m-%d}; kept {settings.RETENTION_DAYS['case']} days"))
    for item in _advice_sessions_expired(now=now, limit=limit):
        items.append(item)
    old_audit = AuditEvent.objects.filter(at__lt=_cutoff("audit", now)).count()
    if old_audit:
        items.append(Expired("audit", "", f"{old_audit} events", "past the audit period, but kept: they hold no content and the hash chain needs them"))
    return items


def _advice_sessions_expired(*, now: datetime, limit: int) -> list[Expired]:
    try:
        from django.apps import apps

        AdviceSession = apps.get_model("vertrouwenspersonen", "AdviceSession")
    except LookupError:
        return []
    held_before = timezone.localdate(_cutoff("advice_session", now))
    return [
        Expired("advice_session", str(pk), f"{held_on:%Y-%m-%d}", f"held {held_on:%Y-%m-%d}; kept {settings.RETENTION_DAYS['advice_session']} days")
        for pk, held_on in AdviceSession.objects.filter(held_on__lt=held_before).exclude(wrapped_key="")
        .values_list("pk", "held_on").order_by("held_on")[:limit]
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
        protecting = _protecting(report)
        if any(label not in DELETE_WITH_REPORT for label, _rows in protecting):
            return False  # e.g. the advice session it was forwarded from: held back, counted as "held"
        # Shred first: the vault deletes the stored evidence objects of the files it finds here.
        shred_report_with_evidence(report)
        for _label, rows in protecting:
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

    AdviceSession = apps.get_model("vertrouwenspersonen", "AdviceSession")
    with transaction.atomic():
        updated = AdviceSession.objects.filter(pk=session_id).exclude(wrapped_key="").update(wrapped_key="", advice_sealed=b"")
        if updated:
            audit_record(actor=None, action="retention.advice_session_shredded", target=None, session=str(session_id))
        return bool(updated)


def retention_purge(*, dry_run: bool, now: datetime | None = None) -> dict:
    """Remove what expired (reports first, then cases that have no reports left). Safe to run twice."""
    items = expired_records(now=now)
    done = {"report": 0, "case": 0, "advice_session": 0, "held": 0}
    if dry_run:
        return {"would_go": [item.__dict__ for item in items]}
    for item in items:
        try:
            if item.kind == "report":
                ok = report_expire(report_id=item.id)
            elif item.kind == "advice_session":
                ok = advice_session_expire(session_id=item.id)
            else:
                continue
        except IntegrityError:
            ok = False
        done[item.kind if ok else "held"] += 1
    for item in expired_records(now=now):  # cases whose last report just went
        if item.kind == "case":
            done["case" if case_expire(case_id=item.id) else "held"] += 1
    return done
