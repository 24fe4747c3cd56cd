"""Writes of the evidence vault: adding files, cleaned copies, audited reads, crypto-shredding.

Sealed bytes go to storage before the database transaction (storage cannot roll back); when the
transaction fails, the stored object is deleted again. Everything that staff open is on the audit
trail, with ids, types, sizes and hashes, never a file name or description (those are content).
"""

from __future__ import annotations

import logging
import os
import tempfile
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldpunt import crypto
from meldpunt.audit.services import audit_record
from meldpunt.intake.models import ReceiptCode, Report
from meldpunt.intake.services import submission_token_hash

from . import cleaning, storage
from .detect import detect_media_type, is_accepted
from .models import EvidenceFile, UploadStaging, Variant

logger = logging.getLogger(__name__)

REPORTER = "reporter"


class UploadRefused(Exception):
    """A file the vault does not take; `reason` is written for the person who sent it."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


class ReasonRequired(Exception):
    """The original of a cleaned file opens only with a stated reason."""


# --- checking what comes in ----------------------------------------------------------------------


def client_name(upload) -> str:
    """The name the client gave, as a label only: no path, no control characters, bounded."""
    raw = os.path.basename((getattr(upload, "name", "") or "").replace("\\", "/"))
    cleaned = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C").strip()
    return cleaned[:200] or "file"


def upload_check(*, upload, max_bytes: int) -> str:
    """The detected media type of an acceptable upload; UploadRefused with the reason otherwise.

    The size is what arrived on disk and the type is read from the bytes: the name, type and size
    the client declared play no part.
    """
    if getattr(upload, "over_count", False):
        raise UploadRefused(_("Too many files at once: this file was not taken. Add it separately."))
    if getattr(upload, "over_limit", False) or upload.size > max_bytes:
        raise UploadRefused(
            _("The file is larger than %(limit)s, the most a file may be.") % {"limit": filesizeformat(max_bytes)}
        )
    if upload.size == 0:
        raise UploadRefused(_("The file is empty."))
    media_type = detect_media_type(upload)
    if not is_accepted(media_type):
        raise UploadRefused(
            _("This kind of file is not accepted (its content is not one of the accepted file types).")
        )
    return media_type


# --- adding files --------------------------------------------------------------------------------


def _new_evidence(*, owner, upload, media_type: str, source: str, uploaded_by, description: str, **where) -> EvidenceFile:
    evidence = EvidenceFile(
        id=uuid.uuid4(), source=source, uploaded_by=uploaded_by, uploaded_at=timezone.now(), media_type=media_type,
        working_status=(
            EvidenceFile.Cleaning.PENDING if cleaning.cleaner_for(media_type) else EvidenceFile.Cleaning.NOT_APPLICABLE
        ),
        **where,
    )
    evidence.wrap_file_key(crypto.generate_data_key(), owner)
    evidence.seal("name", client_name(upload))
    evidence.seal("description", description)
    upload.seek(0)
    stored = storage.store_sealed(
        key=evidence.file_key(), source=upload, aad=evidence.stream_aad(Variant.ORIGINAL),
        name=f"evidence/{evidence.pk}/original.sealed",
    )
    evidence.stored_name, evidence.sha256, evidence.size = stored.name, stored.sha256, stored.size
    return evidence


def _clean_after_commit(evidence: EvidenceFile) -> None:
    if evidence.working_status == EvidenceFile.Cleaning.PENDING:
        evidence_id = str(evidence.pk)

        def enqueue():
            from .tasks import evidence_clean

            evidence_clean.delay(evidence_id)

        transaction.on_commit(enqueue)


def _audit_added(evidence: EvidenceFile, report: Report, actor) -> None:
    audit_record(
        actor=actor, actor_label="" if actor else REPORTER, action="evidence.added", target=evidence,
        report=str(report.pk), source=evidence.source, media_type=evidence.media_type, size=evidence.size,
        sha256=evidence.sha256,
    )


def evidence_add(
    *, report: Report, upload, media_type: str, source: str, uploaded_by=None, description: str = ""
) -> tuple[EvidenceFile, bool]:
    """Seal an upload into the report's evidence. Returns (evidence, created).

    The same content twice in one report is one piece of evidence: the second upload (a double
    submit, or the same photo again) stores nothing and returns the first.
    """
    if report.is_shredded:
        raise UploadRefused(_("This report's files have been destroyed; nothing can be added to it."))
    evidence = _new_evidence(
        owner=report, upload=upload, media_type=media_type, source=source, uploaded_by=uploaded_by,
        description=description, report=report,
    )
    return _insert_once(evidence, EvidenceFile.objects.filter(report=report), audit=lambda: _audit_added(evidence, report, uploaded_by))


def _insert_once(evidence: EvidenceFile, siblings, *, audit=None, clean: bool = True) -> tuple[EvidenceFile, bool]:
    """Insert a sealed file unless the same content is already among `siblings` (the report's or
    the staged form's files). Two requests racing with the same file (a double click) both end
    well: the one whose insert meets the unique constraint returns the other's row."""
    existing = siblings.filter(sha256=evidence.sha256).first()
    if existing is not None:
        storage.delete(evidence.stored_name)
        return existing, False
    try:
        evidence.full_clean()
        with transaction.atomic():
            evidence.save(force_insert=True)
            if audit:
                audit()
            if clean:
                _clean_after_commit(evidence)
    except (IntegrityError, ValidationError):
        storage.delete(evidence.stored_name)
        existing = siblings.filter(sha256=evidence.sha256).first()
        if existing is None:
            raise
        return existing, False
    except BaseException:
        storage.delete(evidence.stored_name)
        raise
    return evidence, True


def staging_token_hash(token: str) -> str | None:
    """The hash the report will carry for this form token (None for a damaged token)."""
    try:
        return submission_token_hash(uuid.UUID(token).hex)
    except (ValueError, TypeError, AttributeError):
        return None


def evidence_stage(*, token: str, upload, media_type: str) -> EvidenceFile | None:
    """Seal a file chosen on a report form that is not sent yet. None if that form was already sent."""
    token_hash = staging_token_hash(token)
    if token_hash is None or Report.objects.filter(submission_token_hash=token_hash).exists():
        return None  # a repeat of a form already stored: its files went with it
    staging = UploadStaging.objects.filter(token_hash=token_hash).first()
    if staging is None:
        staging = UploadStaging(token_hash=token_hash, created_at=timezone.now())
        staging.data_key()
        try:
            with transaction.atomic():
                staging.full_clean()
                staging.save(force_insert=True)
        except (IntegrityError, ValidationError):
            staging = UploadStaging.objects.get(token_hash=token_hash)
    evidence = _new_evidence(
        owner=staging, upload=upload, media_type=media_type, source=EvidenceFile.Source.REPORTER, uploaded_by=None,
        description="", staging=staging,
    )
    # Cleaned once the report is sent (on_report_received): a form never sent costs no cleaning.
    return _insert_once(evidence, EvidenceFile.objects.filter(staging=staging), clean=False)[0]


# --- limits on files staged before a report is sent (security review M6) ---------------------------
# A form's files are sealed before the report is sent, so that a mistake in the text never costs the
# reporter them. Anyone can open forms, so what may wait unsent is capped: per visitor (their
# session) and for the whole site. Past either, the file is refused with a reason that says what to
# do: send the report, then add the file from the mailbox (mailbox files go straight to the report).

SESSION_STAGED_BYTES = "vault_staged_bytes"


def staged_bytes_site_wide() -> int:
    return EvidenceFile.objects.filter(staging__isnull=False).aggregate(total=models.Sum("size"))["total"] or 0


def staging_room_check(*, size: int, visitor_bytes: int) -> None:
    """UploadRefused when staging `size` more bytes would pass the visitor's or the site's cap."""
    if visitor_bytes + size > settings.VAULT_STAGING_MAX_BYTES_PER_VISITOR:
        raise UploadRefused(
            _("This form holds as many files as it can before the report is sent. Send your report first; "
              "you can add more files afterwards in your mailbox.")
        )
    if staged_bytes_site_wide() + size > settings.VAULT_STAGING_MAX_BYTES:
        raise UploadRefused(
            _("The reporting point cannot take more files on report forms right now. Send your report without "
              "this file; you can add it afterwards in your mailbox.")
        )


def staged_remove(*, token: str, file_ids: list[str]) -> int:
    """The reporter took files off a form that was not sent yet."""
    token_hash = staging_token_hash(token)
    if token_hash is None or not file_ids:
        return 0
    valid_ids = []
    for file_id in file_ids:
        try:
            valid_ids.append(uuid.UUID(str(file_id)))
        except ValueError:
            continue
    files = list(EvidenceFile.objects.filter(staging__token_hash=token_hash, pk__in=valid_ids))
    with transaction.atomic():
        EvidenceFile.objects.filter(pk__in=[f.pk for f in files]).delete()
    for evidence in files:
        _delete_stored(evidence)
    return len(files)


def on_report_received(*, report: Report, **_kwargs) -> None:
    """Listener for intake's report_received: the files staged under the form's token join the report.

    Runs inside report_submit's transaction. Only the file keys are re-wrapped, under the report's
    data key; the sealed files themselves stay as they are.
    """
    staging = UploadStaging.objects.select_for_update().filter(token_hash=report.submission_token_hash).first()
    if staging is None:
        return
    for evidence in staging.files.order_by("uploaded_at"):
        try:
            # A savepoint per file: a file that cannot join must never cost the reporter the report.
            with transaction.atomic():
                file_key = evidence.file_key()
                evidence.report, evidence.staging = report, None
                evidence.wrap_file_key(file_key, report)
                evidence.save(update_fields=["report", "staging", "wrapped_file_key"])
                _audit_added(evidence, report, report.recorded_by)
                _clean_after_commit(evidence)
        except Exception:
            logger.exception("Staged file %s could not join report %s; it stays staged", evidence.pk, report.pk)
    if not staging.files.exists():
        staging.delete()  # nothing left under the form's token: no empty row stays behind


def _delete_stored(evidence: EvidenceFile) -> None:
    for name in (evidence.stored_name, evidence.working_stored_name):
        try:
            storage.delete(name)
        except Exception:  # the key is gone or the row is: a left-over object is unreadable
            logger.exception("Could not delete vault object %s", name)


def staging_purge(*, older_than: timedelta) -> int:
    """Remove the files of report forms that were started and never sent."""
    cutoff = timezone.now() - older_than
    removed = 0
    for staging in UploadStaging.objects.filter(created_at__lt=cutoff):
        files = list(staging.files.all())
        with transaction.atomic():
            UploadStaging.objects.filter(pk=staging.pk).delete()
            audit_record(actor=None, action="evidence.staging_purged", target=staging, files=len(files))
        for evidence in files:
            _delete_stored(evidence)
        removed += len(files)
    return removed


def upload_temp_sweep(*, older_than: timedelta) -> int:
    """Delete upload temp files left behind (security review M3): a process killed mid-upload leaves
    the plaintext of the file in FILE_UPLOAD_TEMP_DIR, which nothing else removes. An upload still
    arriving writes to its file all the time, so only files untouched for `older_than` go; and a
    file deleted under an open request stays readable to that request until it closes it."""
    cutoff = (timezone.now() - older_than).timestamp()
    removed = 0
    for directory in {settings.FILE_UPLOAD_TEMP_DIR, settings.VAULT_TEMP_DIR}:
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            continue
        for entry in entries:
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
            except FileNotFoundError:  # finished and removed by its own request meanwhile
                continue
    if removed:
        logger.info("Removed %s upload temp file(s) left behind", removed)
    return removed


def evidence_clean_requeue(*, older_than: timedelta) -> int:
    """Queue the cleaning again for files still "being cleaned" after `older_than` (security review
    L12): a lost broker message or a killed worker must not leave evidence uncleaned forever.
    evidence_clean does nothing for a file already done, so a second message costs nothing."""
    from .tasks import evidence_clean

    cutoff = timezone.now() - older_than
    waiting = EvidenceFile.objects.filter(
        working_status=EvidenceFile.Cleaning.PENDING, report__isnull=False, shredded_at__isnull=True,
        uploaded_at__lt=cutoff,
    ).values_list("pk", flat=True)
    count = 0
    for evidence_id in waiting.iterator():
        evidence_clean.delay(str(evidence_id))
        count += 1
    return count


# --- cleaned working copies ----------------------------------------------------------------------


def evidence_clean(*, evidence_id: str) -> str:
    """Make the working copy without hidden data (images, PDFs). Safe to run twice."""
    evidence = EvidenceFile.objects.select_related("report", "staging").filter(pk=evidence_id).first()
    if evidence is None or evidence.is_shredded or evidence.working_status != EvidenceFile.Cleaning.PENDING:
        return "skipped"
    cleaner = cleaning.cleaner_for(evidence.media_type)
    if cleaner is None:
        EvidenceFile.objects.filter(pk=evidence.pk).update(working_status=EvidenceFile.Cleaning.NOT_APPLICABLE)
        return EvidenceFile.Cleaning.NOT_APPLICABLE
    key = evidence.file_key()
    temp_dir = settings.VAULT_TEMP_DIR
    os.makedirs(temp_dir, mode=0o700, exist_ok=True)
    # Unnamed temporary files (unlinked at once): the cleaner runs in a contained child that writes
    # into them, and no plaintext is left under a name if the worker dies.
    with (
        tempfile.TemporaryFile(dir=temp_dir) as plain,
        tempfile.TemporaryFile(dir=temp_dir) as cleaned,
    ):
        for chunk in storage.open_plain(key=key, stored_name=evidence.stored_name, aad=evidence.stream_aad(Variant.ORIGINAL)):
            plain.write(chunk)
        plain.seek(0)
        try:
            working_type = cleaning.clean_contained(cleaner, plain, cleaned)
        except cleaning.CannotClean as exc:
            with transaction.atomic():
                updated = EvidenceFile.objects.filter(pk=evidence.pk, working_status=EvidenceFile.Cleaning.PENDING).update(
                    working_status=EvidenceFile.Cleaning.FAILED
                )
                if updated:
                    audit_record(actor=None, action="evidence.cleaning_failed", target=evidence, why=str(exc)[:200])
            return EvidenceFile.Cleaning.FAILED
        cleaned.seek(0)
        stored = storage.store_sealed(
            key=key, source=cleaned, aad=evidence.stream_aad(Variant.WORKING), name=f"evidence/{evidence.pk}/working.sealed"
        )
    with transaction.atomic():
        updated = EvidenceFile.objects.filter(
            pk=evidence.pk, working_status=EvidenceFile.Cleaning.PENDING, shredded_at__isnull=True
        ).update(
            working_status=EvidenceFile.Cleaning.CLEANED, working_stored_name=stored.name,
            working_media_type=working_type, working_size=stored.size, working_sha256=stored.sha256,
        )
        if updated:
            audit_record(
                actor=None, action="evidence.cleaned", target=evidence, media_type=working_type, size=stored.size,
                sha256=stored.sha256,
            )
    if not updated:  # cleaned twice at once, or shredded meanwhile
        storage.delete(stored.name)
        return "skipped"
    return EvidenceFile.Cleaning.CLEANED


# --- audited reads -------------------------------------------------------------------------------


def original_needs_reason(evidence: EvidenceFile) -> bool:
    """Where a cleaned copy is (or was meant to be) made, the original holds the hidden data."""
    return evidence.working_status != EvidenceFile.Cleaning.NOT_APPLICABLE


@dataclass(frozen=True)
class Opened:
    chunks: Iterator[bytes]
    media_type: str
    size: int
    variant: str


def evidence_open(
    *, user, evidence: EvidenceFile, purpose: str, variant: str = Variant.WORKING, reason: str = "", granted: bool = False
) -> Opened:
    """Open a file for a member of staff, on the record. `purpose` is "preview" or "download".

    The working copy is the default. Where a type is never cleaned, the original is the file itself.
    The original of a cleaned file opens only with a `reason` (recorded here) or while a reason
    given moments ago still holds (`granted`, see evidence_original_open).
    """
    if evidence.is_shredded:
        raise crypto.KeyDestroyedError("This file was destroyed.")
    reason = (reason or "").strip()
    if variant == Variant.WORKING and not evidence.has_working_copy:
        if original_needs_reason(evidence) and not (reason or granted):
            raise ReasonRequired
        variant = Variant.ORIGINAL
    if variant == Variant.ORIGINAL and original_needs_reason(evidence) and not (reason or granted):
        raise ReasonRequired
    if variant == Variant.WORKING:
        stored_name, media_type, size = evidence.working_stored_name, evidence.working_media_type, evidence.working_size
    else:
        stored_name, media_type, size = evidence.stored_name, evidence.media_type, evidence.size
    chunks = storage.open_plain(key=evidence.file_key(), stored_name=stored_name, aad=evidence.stream_aad(variant))
    # Open the storage and the first chunk now: a missing or damaged file fails here, with a clear
    # error, rather than half-way through a response.
    first = next(chunks, b"")
    with transaction.atomic():
        if reason:
            _audit_original_opened(user=user, evidence=evidence, reason=reason, purpose=purpose)
        audit_record(
            actor=user, action="evidence.previewed" if purpose == "preview" else "evidence.downloaded",
            target=evidence, report=str(evidence.report_id), variant=str(variant),
        )

    def all_chunks():
        yield first
        yield from chunks

    return Opened(chunks=all_chunks(), media_type=media_type, size=size, variant=str(variant))


def _audit_original_opened(*, user, evidence: EvidenceFile, reason: str, purpose: str) -> None:
    audit_record(
        actor=user, action="evidence.original_opened", target=evidence, report=str(evidence.report_id),
        reason=reason[:500], purpose=purpose,
    )


@transaction.atomic
def evidence_original_open(*, user, evidence: EvidenceFile, reason: str, purpose: str) -> None:
    """Record why a member of staff opens the original of a cleaned file (the reason is theirs)."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired
    _audit_original_opened(user=user, evidence=evidence, reason=reason, purpose=purpose)


@transaction.atomic
def evidence_list_read(*, user, report: Report) -> None:
    audit_record(actor=user, action="evidence.list_read", target=report)


@transaction.atomic
def evidence_register_exported(*, user, report: Report) -> None:
    audit_record(actor=user, action="evidence.register_exported", target=report)


# --- crypto-shredding ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Shredded:
    report: Report
    files: int
    already: bool


def report_crypto_shred(*, report: Report, actor, reason: str) -> Shredded:
    """Destroy a report's data key: its sealed fields, mailbox messages, file names and files become
    unreadable for good. The sealed file objects are deleted from storage after commit; the rows
    stay, with their hashes and sizes, as the register of what there was; the receipt code goes, as
    it opens nothing any more. Safe to run twice.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("A reason is required to destroy a report's data."))
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if not locked.wrapped_key:
            report.wrapped_key = ""
            return Shredded(report=report, files=0, already=True)
        files = list(EvidenceFile.objects.select_for_update().filter(report=locked))
        now = timezone.now()
        Report.objects.filter(pk=locked.pk).update(wrapped_key="")
        EvidenceFile.objects.filter(report=locked).update(wrapped_file_key=b"", shredded_at=now)
        # Nothing behind the receipt code can be read any more: the mailbox closes with it.
        ReceiptCode.objects.filter(report=locked).delete()
        audit_record(
            actor=actor, actor_label="" if actor else "system", action="report.crypto_shredded", target=locked,
            reason=reason[:500], files=len(files),
        )
        transaction.on_commit(lambda: [_delete_stored(evidence) for evidence in files])
    report.wrapped_key = ""
    if hasattr(report, "_data_key_cache"):
        del report._data_key_cache
    return Shredded(report=report, files=len(files), already=False)
