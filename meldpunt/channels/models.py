"""The channels besides the public form, and the procedure information reporters read.

The texts of procedure and knowledge pages and of external authorities are content units
(meldpunt.content: one row per unit and language, Dutch source hash, outdated check); these rows keep
only the address, order and publication. What managers type (drafts, advice requests) is sealed.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from meldpunt.intake.models import Category, Report
from meldpunt.sealed import SealedRecord


class ProcedurePage(models.Model):
    """A page reporters read: the written-out procedure (options for action, what happens after a
    report, sanction policy, communication, aftercare, protection against retaliation, external routes)
    or a knowledge page (factsheets, codes of conduct, moral deliberation, ...). Its title, summary and
    text are the content units <section>/<slug>/title|summary|body."""

    class Section(models.TextChoices):
        PROCEDURE = "procedure", _("How the procedure works")
        KNOWLEDGE = "knowledge", _("Good to know")

    slug = models.SlugField(_("address"), max_length=64, unique=True, help_text=_("The last part of the page's web address."))
    section = models.CharField(_("section"), max_length=16, choices=Section.choices, default=Section.PROCEDURE)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["section", "position", "slug"]
        verbose_name = _("procedure or knowledge page")
        verbose_name_plural = _("procedure and knowledge pages")

    def __str__(self):
        return self.slug

    def unit_keys(self) -> list[str]:
        return [f"{self.section}/{self.slug}/{field}" for field in ("title", "summary", "body")]


class ExternalAuthority(models.Model):
    """An authority outside the ministry where a person can report (the Huis voor Klokkenluiders
    and others). Shown on the channel guide; administrators keep the list current. Its name and
    description are the content units authority/<code>/name|description."""

    code = models.SlugField(pgettext_lazy("short identifier of a record", "code"), max_length=48, unique=True)
    website = models.URLField(_("website"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("external authority")
        verbose_name_plural = _("external authorities")

    def __str__(self):
        return self.code

    def unit_keys(self) -> list[str]:
        return [f"authority/{self.code}/{field}" for field in ("name", "description")]


class IdentityChoice(models.TextChoices):
    """What the staff member chose about the CCI knowing who they are."""

    # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone); who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
    ANONYMOUS = "anonymous", _("Anonymous to the CCI: the staff member's name is not passed on")
    NAMED = "named", _("With name: the staff member agrees that the CCI knows who they are")


class ManagerDraft(SealedRecord):
    """A report a staff member brought to their manager, as the manager is writing it down.

    Saved on every "save draft" so nothing typed is lost. Forwarding turns it into a Report (always
    to the CCI); the draft then keeps only the link and when, never a second copy of the text: its
    sealed fields are emptied and its data key destroyed. created_at/updated_at let reminders find
    drafts left unforwarded.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("manager"), on_delete=models.PROTECT, related_name="manager_drafts"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    post = models.ForeignKey(
        "organisation.Post", verbose_name=_("where"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    identity = models.CharField(
        # Translators: Legal meaning, translate exactly and say no more than the English; the identity is kept confidential and disclosed only with consent or by legal duty, after telling the person why (EU 2019/1937 art. 16); 'in confidence' is never 'total' or 'absolute' confidentiality: counsellors have no legal privilege. Terms: locale/glossary.tsv.
        _("identity towards the CCI"), max_length=16, choices=IdentityChoice.choices, default=IdentityChoice.ANONYMOUS
    )
    slip_language = models.CharField(_("language of the receipt slip"), max_length=8, default="nl")
    created_at = models.DateTimeField(_("started"), db_index=True)
    updated_at = models.DateTimeField(_("last saved"))
    # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
    forwarded_at = models.DateTimeField(_("forwarded to the CCI"), null=True, blank=True)
    report = models.OneToOneField(
        Report, verbose_name=_("report"), null=True, blank=True, on_delete=models.PROTECT, related_name="manager_draft"
    )
    narrative_sealed = models.BinaryField(editable=False, default=b"")
    occurred_when_sealed = models.BinaryField(editable=False, default=b"")
    involved_sealed = models.BinaryField(editable=False, default=b"")
    witnesses_sealed = models.BinaryField(editable=False, default=b"")
    reporter_name_sealed = models.BinaryField(editable=False, default=b"")
    reporter_contact_sealed = models.BinaryField(editable=False, default=b"")

    SEALED_FIELDS = ("narrative", "occurred_when", "involved", "witnesses", "reporter_name", "reporter_contact")

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("manager's draft report")
        indexes = [
            models.Index(fields=["manager", "forwarded_at", "-updated_at"]),
            # Reminders look for drafts still unforwarded after 24 and 72 hours.
            models.Index(fields=["forwarded_at", "created_at"]),
        ]
        constraints = [
            # Forwarded means: a report exists, and the draft holds no text and no key any more.
            models.CheckConstraint(
                condition=(
                    Q(forwarded_at__isnull=True, report__isnull=True)
                    | Q(forwarded_at__isnull=False, report__isnull=False, wrapped_key="")
                ),
                name="manager_draft_forwarded_has_report_and_no_text",
            ),
        ]

    def __str__(self):
        return f"draft {self.pk}"

    @property
    def is_forwarded(self) -> bool:
        return self.forwarded_at is not None


class AdviceRequest(SealedRecord):
    """A manager asks the central reporting and advice point for advice about an incident in their
    team. The CCI answers in the portal; the request can be turned into a report."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("manager"), on_delete=models.PROTECT, related_name="advice_requests"
    )
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+")
    post = models.ForeignKey("organisation.Post", verbose_name=_("where"), on_delete=models.PROTECT, related_name="+")
    language = models.CharField(_("language"), max_length=8, help_text=_("The language the question was written in."))
    asked_at = models.DateTimeField(_("asked"), db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    report = models.OneToOneField(
        Report, verbose_name=_("report made of it"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="advice_request",
    )
    converted_at = models.DateTimeField(_("turned into a report"), null=True, blank=True)
    converted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("turned into a report by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    question_sealed = models.BinaryField(editable=False, default=b"")
    answer_sealed = models.BinaryField(editable=False, default=b"")

    SEALED_FIELDS = ("question", "answer")

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = _("advice request")
        indexes = [models.Index(fields=["manager", "-asked_at"]), models.Index(fields=["answered_at", "-asked_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True, answered_by__isnull=True)
                | Q(answered_at__isnull=False, answered_by__isnull=False),
                name="advice_request_answer_has_who_and_when",
            ),
            models.CheckConstraint(
                condition=Q(report__isnull=True, converted_at__isnull=True, converted_by__isnull=True)
                | Q(report__isnull=False, converted_at__isnull=False, converted_by__isnull=False),
                name="advice_request_report_has_who_and_when",
            ),
        ]

    def __str__(self):
        return f"advice request {self.pk}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def is_converted(self) -> bool:
        return self.report_id is not None
