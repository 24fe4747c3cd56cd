"""Reads of the vault. Which reports a member of staff may see is decided by the desks' selectors
(cases.selectors.reports_visible_to); these start from a report that was already let through."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from meldpunt import crypto
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_private_detail
from meldpunt.intake.models import Report

from .models import EvidenceFile
from .services import staging_token_hash


def report_evidence(report: Report) -> QuerySet[EvidenceFile]:
    return EvidenceFile.objects.filter(report=report).select_related("uploaded_by", "report").order_by("uploaded_at", "id")


def evidence_of_reports(reports) -> QuerySet[EvidenceFile]:
    """The evidence of several reports (a case's evidence is the evidence of its reports)."""
    return EvidenceFile.objects.filter(report__in=reports).select_related("uploaded_by", "report").order_by("uploaded_at", "id")


def safe_unseal(evidence: EvidenceFile, field: str) -> str:
    try:
        return evidence.unseal(field)
    except crypto.DecryptionError:
        return ""


def uploader_label(evidence: EvidenceFile) -> str:
    if evidence.uploaded_by_id is None:
        return _("Reporter")
    user = evidence.uploaded_by
    return user.get_full_name() or user.get_username()


@dataclass(frozen=True)
class EvidenceRow:
    file: EvidenceFile
    name: str
    description: str
    uploader: str


def evidence_rows(report: Report) -> list[EvidenceRow]:
    """The report's files with their names unsealed, for the desk's evidence list."""
    return [
        EvidenceRow(file=f, name=safe_unseal(f, "name"), description=safe_unseal(f, "description"), uploader=uploader_label(f))
        for f in report_evidence(report)
    ]


@dataclass(frozen=True)
class ReporterFile:
    id: str
    name: str
    size: int
    media_type: str
    added_at: datetime


def reporter_files(report: Report) -> list[ReporterFile]:
    """What the reporter added, as the reporter sees it in the mailbox."""
    files = EvidenceFile.objects.filter(report=report, source=EvidenceFile.Source.REPORTER, shredded_at__isnull=True)
    shown = []
    for f in files.order_by("uploaded_at", "id"):
        f.report = report  # the report in hand opens the name: no second read of it
        shown.append(ReporterFile(id=str(f.pk), name=safe_unseal(f, "name"), size=f.size, media_type=f.media_type, added_at=f.uploaded_at))
    return shown


def reporter_file_count(report: Report) -> int:
    return EvidenceFile.objects.filter(report=report, source=EvidenceFile.Source.REPORTER).count()


def staged_files(token: str) -> list[ReporterFile]:
    token_hash = staging_token_hash(token)
    if token_hash is None:
        return []
    return [
        ReporterFile(id=str(f.pk), name=safe_unseal(f, "name"), size=f.size, media_type=f.media_type, added_at=f.uploaded_at)
        for f in EvidenceFile.objects.filter(staging__token_hash=token_hash).select_related("staging").order_by("uploaded_at")
    ]


# --- chain of custody ----------------------------------------------------------------------------

REGISTER_COLUMNS = [
    "file_id", "file_name", "media_type", "size_bytes", "sha256", "cleaned_copy_sha256", "cleaned_copy_size_bytes",
    "source", "added_by", "added_at", "event_at", "event_actor", "event_action", "event_variant", "event_reason",
    "audit_event_id", "audit_event_hash",
]


def register_rows(report: Report) -> Iterator[list[str]]:
    """One line per event in the life of the report's evidence, in the audit trail's order: each
    file added, cleaned, previewed, downloaded, its original opened (with the reason given), and the
    register itself read or exported. The event hashes can be checked against the audit chain
    (`manage.py verify_audit`)."""
    files = {str(f.pk): f for f in report_evidence(report)}
    names = {file_id: safe_unseal(f, "name") for file_id, f in files.items()}
    events = (
        AuditEvent.objects.filter(
            Q(target_type=EvidenceFile._meta.label_lower, target_id__in=list(files))
            | Q(target_type=Report._meta.label_lower, target_id=str(report.pk), action__startswith="evidence.")
            | Q(target_type=Report._meta.label_lower, target_id=str(report.pk), action="report.crypto_shredded")
        )
        .order_by("id")
        # The chunk size only sets how many events are fetched at a time, not which: equivalent mutants.
        .iterator(chunk_size=500)  # pragma: no mutate
    )
    for event in events:
        evidence = files.get(event.target_id)
        if evidence is None:
            file_columns = [""] * 10
        else:
            file_columns = [
                event.target_id, names[event.target_id], evidence.media_type, str(evidence.size), evidence.sha256,
                evidence.working_sha256, "" if evidence.working_size is None else str(evidence.working_size),
                evidence.source, uploader_label(evidence), evidence.uploaded_at.isoformat(),
            ]
        yield [
            *file_columns, event.at.isoformat(), event.actor_label, event.action,
            str(event.detail.get("variant", "")), str(audit_private_detail(event).get("reason", "")), str(event.id), event.hash,
        ]
