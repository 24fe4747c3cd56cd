"""Advice questions: any employee asks the central reporting and advice point a question, without
signing in and anonymously if they wish ("ask first"). The asker keeps a receipt code exactly like a
report's (the same 24 digits, the same Argon2id hash, the same mailbox sign-in) and reads the answer
and writes back there. A question can become a report in one step, by the asker only."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meldpunt.sealed import SealedChild, SealedRecord


class AdviceQuestion(SealedRecord):
    """A question to the advice point. The question, the asker's address and every message are sealed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    language = models.CharField(_("language"), max_length=8, help_text=_("The language the question was written in."))
    asked_at = models.DateTimeField(_("asked"), db_index=True)
    # The advice point's reply clock: running from the asker's unanswered question or message until the
    # advice point writes back. Its due date (REPLY_CLOCK_WORKING_DAYS later) is cases/deadlines.py's.
    awaiting_reply_since = models.DateTimeField(_("waiting for a reply since"), null=True, blank=True)
    answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    last_activity_at = models.DateTimeField(db_index=True)
    submission_token_hash = models.CharField(max_length=64, unique=True)
    # The report the asker made of this question; from then on the code opens that report's mailbox.
    # Retention deletes the question with that report (cases/retention.py).
    report = models.OneToOneField(
        "intake.Report", verbose_name=_("report made of it"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="advice_question",
    )
    converted_at = models.DateTimeField(_("turned into a report"), null=True, blank=True)
    question_sealed = models.BinaryField(editable=False, default=b"")
    contact_sealed = models.BinaryField(editable=False, default=b"")

    SEALED_FIELDS = ("question", "contact")

    class Meta:
        ordering = ["-last_activity_at"]
        verbose_name = _("advice question")
        indexes = [
            models.Index(
                fields=["awaiting_reply_since"], name="advice_question_waiting_idx", condition=Q(awaiting_reply_since__isnull=False)
            ),
        ]

    def __str__(self):
        return f"advice question {self.pk}"

    @property
    def is_converted(self) -> bool:
        return self.report_id is not None or self.converted_at is not None


class AdviceReceipt(models.Model):
    """The asker's receipt code: the public lookup and an Argon2id hash of the secret, as for a report.
    Lookups never repeat one of a report's (services draw them from the one namespace)."""

    question = models.OneToOneField(AdviceQuestion, on_delete=models.CASCADE, related_name="receipt")
    lookup = models.CharField(max_length=8, unique=True)
    secret_hash = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"receipt of advice question {self.question_id}"  # never the code itself


class AdviceMessage(SealedChild):
    """A message between the asker and the advice point, sealed under the question's data key."""

    class Direction(models.TextChoices):
        TO_ASKER = "to_asker", _("To the asker")
        FROM_ASKER = "from_asker", _("From the asker")

    class Kind(models.TextChoices):
        MESSAGE = "", _("Message")
        SUGGEST_REPORT = "suggest_report", _("Suggests turning the question into a report")

    sealed_owner_field = "question"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    question = models.ForeignKey(AdviceQuestion, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=16, choices=Direction.choices)
    kind = models.CharField(max_length=16, choices=Kind.choices, blank=True, default="")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    body_sealed = models.BinaryField(editable=False)

    class Meta:
        ordering = ["sent_at"]
        indexes = [models.Index(fields=["question", "sent_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(direction="to_asker") | Q(sender__isnull=True), name="advice_message_asker_has_no_sender"
            ),
        ]

    def __str__(self):
        return f"advice message {self.pk}"
