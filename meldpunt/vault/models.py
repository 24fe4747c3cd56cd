"""The evidence vault: files sealed as a STREAM under a key of their own.

Every file has its own 256-bit key, stored sealed by the data key of the report it belongs to (or,
while a report form is still being filled in, of its UploadStaging). Destroying the report's data
key (crypto-shredding) therefore makes every file and every file name of that report unreadable,
and rotating the key-encryption key re-wraps only the report's key: no file is re-encrypted.
The associated data names the file and what is sealed (its key, name, original or working copy),
so nothing can be swapped between files or between the original and its copy.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt import crypto
from meldpunt.intake.models import Report
from meldpunt.sealed import SealedRecord


class UploadStaging(SealedRecord):
    """Files chosen on a report form that has not been sent yet, keyed by the form's one-time token.

    The token's hash is the one the report will carry (intake's submission_token_hash), so the
    files join the report the moment it is stored. Abandoned stagings are purged after a day.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"staging {self.pk}"


class Variant(models.TextChoices):
    ORIGINAL = "original", _("original")
    WORKING = "working", _("cleaned copy")


class EvidenceFile(models.Model):
    class Source(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        STAFF = "staff", _("Desk")

    class Cleaning(models.TextChoices):
        PENDING = "pending", _("being cleaned")
        CLEANED = "cleaned", _("cleaned copy made")
        NOT_APPLICABLE = "not_applicable", _("no cleaning for this type")
        FAILED = "failed", _("could not be cleaned")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence_files",
        help_text="PROTECT: evidence goes only through report_crypto_shred, never with a stray delete.",
    )
    staging = models.ForeignKey(UploadStaging, null=True, blank=True, on_delete=models.CASCADE, related_name="files")
    source = models.CharField(max_length=16, choices=Source.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(db_index=True)
    # Measured and detected by the vault, never taken from the client.
    media_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, help_text="SHA-256 of the original plaintext.")
    stored_name = models.CharField(max_length=255)
    # Sealed under the file's own key.
    wrapped_file_key = models.BinaryField(editable=False)
    name_sealed = models.BinaryField(editable=False)
    description_sealed = models.BinaryField(editable=False, default=b"")
    # The working copy without metadata (images and PDFs).
    working_status = models.CharField(max_length=16, choices=Cleaning.choices, default=Cleaning.PENDING)
    working_stored_name = models.CharField(max_length=255, blank=True)
    working_media_type = models.CharField(max_length=120, blank=True)
    working_size = models.PositiveBigIntegerField(null=True, blank=True)
    working_sha256 = models.CharField(max_length=64, blank=True)
    shredded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["report", "uploaded_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(report__isnull=False) & models.Q(staging__isnull=True))
                | (models.Q(report__isnull=True) & models.Q(staging__isnull=False)),
                name="evidence_in_a_report_or_staged",
            ),
            # The same content twice in one report is one piece of evidence (and a double submit).
            models.UniqueConstraint(
                fields=["report", "sha256"], condition=models.Q(report__isnull=False), name="evidence_unique_per_report"
            ),
            models.UniqueConstraint(
                fields=["staging", "sha256"], condition=models.Q(staging__isnull=False), name="evidence_unique_per_staging"
            ),
            models.CheckConstraint(
                condition=~models.Q(working_status="cleaned") | ~models.Q(working_stored_name=""),
                name="evidence_cleaned_has_copy",
            ),
            models.CheckConstraint(condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"), name="evidence_sha256_hex"),
        ]

    def __str__(self):
        return f"evidence {self.pk}"

    # --- keys and sealed fields ------------------------------------------------------------------

    def _aad(self, what: str) -> str:
        return f"{self._meta.db_table}:{self.pk}:{what}"

    def key_owner(self) -> SealedRecord:
        return self.report if self.report_id else self.staging

    def file_key(self) -> bytes:
        if not self.wrapped_file_key:
            raise crypto.KeyDestroyedError("This file's key was destroyed.")
        owner = self.key_owner()
        # Cached per (owner's wrapped key, this wrapped key): a change of either opens afresh.
        cache_key = (owner.pk, owner.wrapped_key, bytes(self.wrapped_file_key))
        cached = getattr(self, "_file_key_cache", None)
        if cached is None or cached[0] != cache_key:
            key = crypto.open_bytes(owner.data_key(), self.wrapped_file_key, aad=self._aad("file_key"))
            cached = (cache_key, key)
            self._file_key_cache = cached
        return cached[1]

    def wrap_file_key(self, file_key: bytes, owner: SealedRecord) -> None:
        self.wrapped_file_key = crypto.seal_bytes(owner.data_key(), file_key, aad=self._aad("file_key"))
        self._file_key_cache = ((owner.pk, owner.wrapped_key, bytes(self.wrapped_file_key)), file_key)

    def seal(self, field: str, value: str) -> None:
        setattr(self, f"{field}_sealed", crypto.seal_text(self.file_key(), value or "", aad=self._aad(field)))

    def unseal(self, field: str) -> str:
        sealed = getattr(self, f"{field}_sealed")
        if not sealed:
            return ""
        return crypto.open_text(self.file_key(), sealed, aad=self._aad(field))

    def stream_aad(self, variant: str) -> str:
        return self._aad(variant)

    # --- plain facts ----------------------------------------------------------------------------

    @property
    def extension(self) -> str:
        return settings.VAULT_ACCEPTED_TYPES.get(self.media_type, "bin")

    @property
    def has_working_copy(self) -> bool:
        return self.working_status == self.Cleaning.CLEANED

    @property
    def is_previewable(self) -> bool:
        """Images and PDFs open in the browser, from the cleaned copy."""
        return self.has_working_copy and (
            self.working_media_type.startswith("image/") or self.working_media_type == "application/pdf"
        )

    @property
    def is_shredded(self) -> bool:
        return self.shredded_at is not None
