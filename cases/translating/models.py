import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.sealed import SealedChild


class SourceKind(models.TextChoices):
    NARRATIVE = "narrative", _("The report")
    MESSAGE = "message", _("A message from the reporter")
    ADDITION = "addition", _("An addition to the report")
    MINUTES = "minutes", _("Minutes")
    OUTGOING = "outgoing", _("A message to the reporter")


class TranslationState(models.TextChoices):
    OPEN = "open", _("With the translator")
    TRANSLATED = "translated", _("Translated")
    APPROVED = "approved", _("Approved and sent")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class TranslationRequest(SealedChild):
    """One text to translate, assigned to one translator with a due time.

    The text is copied (sealed under the report's key) when the request is made, so the translator's
    page reads this row and nothing else of the report. The translation is sealed the same way. An
    outgoing message is held here, unsent, until the handler approves its translation."""

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey("intake.Report", on_delete=models.CASCADE, related_name="translation_requests")
    desk = models.CharField(max_length=16, help_text="The desk that asked; the translator sees it only while the report is still there.")
    source_kind = models.CharField(_("text"), max_length=16, choices=SourceKind.choices)
    source_id = models.CharField(max_length=40, blank=True, help_text="The message, addition or minutes; empty for the report.")
    source_language = models.CharField(_("from"), max_length=8)
    target_language = models.CharField(_("into"), max_length=8)
    outgoing_kind = models.CharField(max_length=32, blank=True, help_text="For a held message: its standard kind, or empty.")
    source_sealed = models.BinaryField(editable=False)
    translation_sealed = models.BinaryField(editable=False, default=b"")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("translator"), on_delete=models.PROTECT, related_name="translation_assignments"
    )
    due_at = models.DateTimeField(_("due"))
    state = models.CharField(_("state"), max_length=16, choices=TranslationState.choices, default=TranslationState.OPEN)
    translated_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    sent_message = models.OneToOneField(
        "intake.MailboxMessage", null=True, blank=True, on_delete=models.CASCADE, related_name="translated_from"
    )

    class Meta:
        app_label = "cases"
        ordering = ["requested_at"]
        indexes = [
            models.Index(fields=["translator", "state", "due_at"], name="translation_translator_idx"),
            models.Index(fields=["report", "requested_at"], name="translation_report_idx"),
            models.Index(fields=["due_at"], name="translation_open_due_idx", condition=models.Q(state="open")),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(source_language=models.F("target_language")), name="translation_changes_language"),
            models.CheckConstraint(
                condition=models.Q(state="open", translated_at__isnull=True) | ~models.Q(state="open"),
                name="translation_open_not_translated",
            ),
            models.CheckConstraint(
                condition=~models.Q(state__in=["translated", "approved"]) | models.Q(translated_at__isnull=False),
                name="translation_translated_dated",
            ),
            models.CheckConstraint(
                condition=~models.Q(state="approved") | models.Q(source_kind="outgoing", sent_message__isnull=False),
                name="translation_approved_only_outgoing_sent",
            ),
        ]

    def __str__(self):
        return f"translation {self.pk} ({self.source_language} → {self.target_language})"

    @property
    def is_outgoing(self) -> bool:
        return self.source_kind == SourceKind.OUTGOING
