import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from meldpunt.accounts.models import Desk
from meldpunt.sealed import SealedChild, SealedRecord

# A report in a category with this route goes to the counsellor coordinator, whatever the channel: a
# complaint that a confidential counsellor broke confidentiality or acted wrongly. Neither desk sees it.
ROUTE_COUNSELLOR_COORDINATOR = "counsellors"
REPORT_DESKS = [*Desk.choices, (ROUTE_COUNSELLOR_COORDINATOR, _("Counsellor coordinator"))]


class Category(models.Model):
    """An integrity category as the Rijk counts them in its annual figures; some have subcategories."""

    code = models.SlugField(pgettext_lazy("short identifier of a record", "code"), max_length=48, unique=True)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("main category"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    route = models.CharField(
        _("route"), max_length=16, blank=True,
        choices=[(ROUTE_COUNSELLOR_COORDINATOR, _("To the counsellor coordinator, never to a desk"))],
        help_text=_("Empty: the report goes to the desk of its channel."),
    )

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    @property
    def rijk_category(self) -> "Category":
        """The main category that the Rijk figures count this under."""
        return self.parent if self.parent_id else self


class Channel(models.TextChoices):
    MANAGER = "manager", _("Via a manager")
    CENTRAL = "central", _("Central reporting and advice point")
    EXTERNAL = "external", _("External reporting point")
    # A formal complaint about undesirable conduct under the complaints procedure, kept by the
    # complaints committee's desk alone.
    COMPLAINTS = "complaints", _("Complaints committee")
    # Translators: Legal meaning, translate exactly and say no more than the English; the identity is kept confidential and disclosed only with consent or by legal duty, after telling the person why (EU 2019/1937 art. 16); 'in confidence' is never 'total' or 'absolute' confidentiality: counsellors have no legal privilege. Terms: locale/glossary.tsv.
    COUNSELLOR = "counsellor", _("Via a confidential counsellor")


class PublicStatus(models.TextChoices):
    """What the reporter reads in the mailbox: plain words, in their language."""

    RECEIVED = "received", pgettext_lazy("report status", "Received")
    ACKNOWLEDGED = "acknowledged", pgettext_lazy("report status", "Acknowledged")
    ASSESSING = "assessing", pgettext_lazy("report status", "Being assessed")
    ADDRESSING = "addressing", pgettext_lazy("report status", "Being dealt with")
    DECIDED = "decided", pgettext_lazy("report status", "Decision taken")
    CLOSED = "closed", pgettext_lazy("report status", "Closed")
    # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
    FORWARDED = "forwarded", pgettext_lazy("report status", "Passed on with your consent")


class PublicInstrument(models.TextChoices):
    """How the report is being dealt with, as the reporter reads it in the mailbox: plain words only,
    nothing about whom or what. The desks set it with their instrument (cases.workflow)."""

    CONVERSATION = "conversation", pgettext_lazy("how a report is handled", "A conversation")
    MEDIATION = "mediation", pgettext_lazy("how a report is handled", "Mediation")
    INVESTIGATION = "investigation", pgettext_lazy("how a report is handled", "An investigation")
    REFERRAL = "referral", pgettext_lazy("how a report is handled", "Referred to another body")
    NO_FURTHER_ACTION = "no_further_action", pgettext_lazy("how a report is handled", "No further action")


class Report(SealedRecord):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=20, unique=True, help_text=_("Staff-facing number, e.g. M-2026-00042."))
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    desk = models.CharField(_("desk"), max_length=16, choices=REPORT_DESKS)
    language = models.CharField(_("language"), max_length=8, help_text=_("The interface language the report was sent in."))
    # The language the reporter wrote in, as they chose or confirmed it on the form (and later in the
    # mailbox): the desk reads it, and every message to the reporter is sent in it.
    written_language = models.CharField(_("written language"), max_length=8, default="")
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="reports")
    post = models.ForeignKey(
        "organisation.Post", verbose_name=_("where"), on_delete=models.PROTECT, related_name="reports"
    )
    # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone). Terms: locale/glossary.tsv.
    is_anonymous = models.BooleanField(_("anonymous"), default=True)
    # Early exclusion: the reporter marked that someone at the desk is involved. Until the desk's
    # coordinator has kept the persons concerned out (desk_involvement_cleared_at), only the desk's
    # coordinators see the report (cases.selectors).
    desk_involved = models.BooleanField(_("someone at the desk is involved"), default=False)
    desk_involvement_cleared_at = models.DateTimeField(null=True, blank=True)
    # Where the report was before it moved to its present desk: with the reporter's consent in the
    # mailbox (ForwardingConsent), or on the form because the reporter said the coordinator of the
    # desk of their channel is involved. Empty: it has always been at its desk.
    moved_from_desk = models.CharField(_("moved from desk"), max_length=16, blank=True, default="", choices=REPORT_DESKS)
    status = models.CharField(_("status"), max_length=16, choices=PublicStatus.choices, default=PublicStatus.RECEIVED)
    public_instrument = models.CharField(max_length=24, choices=PublicInstrument.choices, blank=True, default="")
    received_at = models.DateTimeField(_("received"), db_index=True)
    # Legal clocks: computed once by the desk's deadline rules and stored, so later policy changes
    # do not rewrite history.
    acknowledgement_due = models.DateField(_("acknowledgement due"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    feedback_due = models.DateField(_("feedback due"), null=True, blank=True)
    feedback_given_at = models.DateTimeField(_("feedback given"), null=True, blank=True)
    # Set while a coordinator has suspended the clocks (with a reason, on the desk's record); on
    # resumption the open due dates move on by the days they were paused.
    # Translators: Legal meaning, translate exactly and say no more than the English; a legal deadline: keep every number and the term exactly (acknowledgement within 7 days, feedback within 3 months). Terms: locale/glossary.tsv.
    clocks_suspended_at = models.DateTimeField(_("deadlines suspended since"), null=True, blank=True)
    # The reply clock: set by the desks when the reporter writes, asks for a meeting, asks for a
    # correction of the minutes or answers an aftercare question, and cleared when the desk replies.
    # Not a legal deadline but the desk's own promise; the reminder scan treats it like one.
    awaiting_reply_since = models.DateTimeField(_("awaiting a reply since"), null=True, blank=True)
    reply_due = models.DateField(_("reply due"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="recorded_reports",
        help_text=_("The manager or counsellor who filed it on someone's behalf."),
    )
    submission_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Sealed (encrypted at rest) fields: read and write them with unseal()/seal().
    narrative_sealed = models.BinaryField(editable=False)
    occurred_when_sealed = models.BinaryField(editable=False, default=b"")
    involved_sealed = models.BinaryField(editable=False, default=b"")
    witnesses_sealed = models.BinaryField(editable=False, default=b"")
    reporter_name_sealed = models.BinaryField(editable=False, default=b"")
    reporter_contact_sealed = models.BinaryField(editable=False, default=b"")
    wants_email_nudge = models.BooleanField(
        _("reporter asked for a content-free email when there is news"), default=False
    )
    # "Lost your code?": what the reporter typed as the earlier report this one follows (a reference or
    # the 8 public digits of the old code), sealed; and, once the desk joined them, the earlier report
    # whose thread this reporter now continues with this report's code.
    follows_claim_sealed = models.BinaryField(editable=False, default=b"")
    joined_into = models.ForeignKey(
        "self", verbose_name=_("joined into"), null=True, blank=True, on_delete=models.SET_NULL, related_name="joined_reports"
    )

    SEALED_FIELDS = (
        "narrative", "occurred_when", "involved", "witnesses", "reporter_name", "reporter_contact", "follows_claim",
    )

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("report")
        indexes = [
            models.Index(fields=["desk", "-received_at"]),
            models.Index(fields=["desk", "status", "-received_at"]),
            # The reminder scan reads open clocks by due date: only the open ones are indexed.
            models.Index(
                fields=["acknowledgement_due"], name="report_ack_open_idx",
                condition=models.Q(acknowledged_at__isnull=True, clocks_suspended_at__isnull=True),
            ),
            models.Index(
                fields=["feedback_due"], name="report_feedback_open_idx",
                condition=models.Q(feedback_given_at__isnull=True, clocks_suspended_at__isnull=True),
            ),
            models.Index(fields=["reply_due"], name="report_reply_open_idx", condition=models.Q(reply_due__isnull=False)),
        ]
        constraints = [
            # Only reports filed at the external point are kept by the external desk, unless the reporter
            # chose to move them there (consent in the mailbox, or the coordinator's involvement on the form).
            models.CheckConstraint(
                condition=~(models.Q(desk="external") & ~models.Q(channel="external") & models.Q(moved_from_desk="")),
                name="report_external_desk_only_external_channel",
            ),
            models.CheckConstraint(condition=~models.Q(moved_from_desk=models.F("desk")), name="report_moved_from_another_desk"),
            models.CheckConstraint(
                condition=models.Q(reply_due__isnull=True, awaiting_reply_since__isnull=True)
                | models.Q(reply_due__isnull=False, awaiting_reply_since__isnull=False),
                name="report_reply_clock_whole",
            ),
        ]

    def __str__(self):
        return self.reference


class ReceiptCode(models.Model):
    """What lets a reporter back into the mailbox. Only a slow hash of the secret part is stored."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="receipt")
    lookup = models.CharField(max_length=8, unique=True, help_text="The public first part; finds the row.")
    secret_hash = models.CharField(max_length=200, help_text="Argon2id of the secret part.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"receipt of {self.report_id}"  # never the code itself


class MailboxMessage(SealedChild):
    """A message between the reporter and the desk, sealed under the report's data key."""

    class Direction(models.TextChoices):
        TO_REPORTER = "to_reporter", _("To the reporter")
        FROM_REPORTER = "from_reporter", _("From the reporter")

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=16, choices=Direction.choices)
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(
        max_length=32, blank=True, default="",
        help_text="Standard message kind (acknowledgement, feedback, ...) or empty for a free message.",
    )
    sent_at = models.DateTimeField(db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    reporter_nudged_at = models.DateTimeField(null=True, blank=True, help_text="When the content-free email went out.")
    body_sealed = models.BinaryField(editable=False)
    written_language = models.CharField(max_length=8, default="", help_text="The language the message is written in.")

    class Meta:
        ordering = ["sent_at"]
        indexes = [models.Index(fields=["report", "sent_at"])]


class Meeting(SealedChild):
    """A meeting with the reporter (EU Directive 2019/1937 art. 9 and 18): asked for from the mailbox,
    or held on the desk's initiative. Its minutes are kept version by version in `Minutes`."""

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="meetings")
    created_at = models.DateTimeField()
    requested_at = models.DateTimeField(null=True, blank=True, help_text="When the reporter asked for it; empty when the desk proposed it.")
    request_note_sealed = models.BinaryField(editable=False, default=b"")
    held_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            # One open request at a time: a double click or a second request waits for the first.
            models.UniqueConstraint(fields=["report"], condition=models.Q(held_on__isnull=True), name="meeting_one_open_per_report"),
        ]

    def __str__(self):
        return f"meeting {self.pk}"


class Minutes(SealedChild):
    """One version of the minutes of a meeting. Versions are never changed or removed: a correction
    asked for by the reporter leads to a new version, which the reporter reads and answers again."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("Waiting for your answer")
        ACCEPTED = "accepted", _("Accepted")
        CORRECTION = "correction", _("Correction asked for")

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="minutes")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveSmallIntegerField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()
    body_sealed = models.BinaryField(editable=False)
    answer = models.CharField(max_length=16, choices=Answer.choices, default=Answer.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)
    correction_sealed = models.BinaryField(editable=False, default=b"")

    class Meta:
        ordering = ["meeting", "version"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "version"], name="minutes_version_unique"),
            models.CheckConstraint(
                condition=models.Q(answer="pending", answered_at__isnull=True)
                | (~models.Q(answer="pending") & models.Q(answered_at__isnull=False)),
                name="minutes_answered_when_answered",
            ),
        ]

    def __str__(self):
        return f"minutes {self.meeting_id} v{self.version}"


class ForwardingConsent(models.Model):
    """The reporter's own answer to a desk's question whether the report may go to another desk.

    The external desk asks to pass a report to the CCI and passes it on itself once the reporter
    agreed; any desk may also propose to move a report to another desk (`moves_on_acceptance`): then
    the report, its case and the case's evidence move when the reporter accepts (cases.moves)."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("Not answered yet")
        WITH_IDENTITY = "with_identity", _("Yes, with my name and contact details")
        WITHOUT_IDENTITY = "without_identity", _("Yes, but without my name and contact details")
        REFUSED = "refused", _("No")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="forwarding_consents")
    from_desk = models.CharField(max_length=16, choices=Desk.choices, default=Desk.EXTERNAL)
    to_desk = models.CharField(max_length=16, choices=Desk.choices, default=Desk.CCI)
    moves_on_acceptance = models.BooleanField(default=False)
    # The proposal's message in the reporter's mailbox: the desk's reasons, sealed there.
    message = models.ForeignKey("MailboxMessage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(max_length=20, choices=Answer.choices, default=Answer.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True, help_text="When the report was passed on under this consent.")

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["report"], condition=models.Q(answer="pending"), name="forwarding_consent_one_pending"),
            models.CheckConstraint(
                condition=models.Q(answer="pending", answered_at__isnull=True)
                | (~models.Q(answer="pending") & models.Q(answered_at__isnull=False)),
                name="forwarding_consent_answered_when_answered",
            ),
            models.CheckConstraint(
                condition=models.Q(used_at__isnull=True) | models.Q(answer__in=["with_identity", "without_identity"]),
                name="forwarding_consent_used_only_when_given",
            ),
            models.CheckConstraint(condition=~models.Q(from_desk=models.F("to_desk")), name="forwarding_consent_to_another_desk"),
        ]

    def __str__(self):
        return f"consent {self.pk}: {self.answer}"

    @property
    def is_given(self) -> bool:
        return self.answer in (self.Answer.WITH_IDENTITY, self.Answer.WITHOUT_IDENTITY)


class AftercareCheckIn(SealedChild):
    """Aftercare (nazorg): months after the case closed, the desk asks in the mailbox whether the
    reporter met any consequence for their career or position. The reporter answers here; intake
    announces the answer (events.aftercare_answered) and the desk decides what follows."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("Not answered yet")
        NO = "no", _("No, I have not noticed anything like that")
        YES = "yes", _("Yes, I have met consequences")

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="aftercare_checkins")
    step = models.CharField(max_length=16, help_text="Which check-in: months after closure, e.g. '3m'.")
    message = models.OneToOneField(MailboxMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField()
    answer = models.CharField(max_length=8, choices=Answer.choices, default=Answer.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)
    note_sealed = models.BinaryField(editable=False, default=b"")

    class Meta:
        ordering = ["asked_at"]
        constraints = [
            # Each check-in once per report, however often the scan runs.
            models.UniqueConstraint(fields=["report", "step"], name="aftercare_checkin_once"),
            models.CheckConstraint(
                condition=models.Q(answer="pending", answered_at__isnull=True)
                | (~models.Q(answer="pending") & models.Q(answered_at__isnull=False)),
                name="aftercare_answered_when_answered",
            ),
        ]

    def __str__(self):
        return f"aftercare {self.step} for {self.report_id}"


class ReportAddition(SealedChild):
    """Information the reporter adds to their report later, from the mailbox. Sealed like the narrative
    under the report's data key; the desk sees it with the report, marked as an addition with its date."""

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="additions")
    added_at = models.DateTimeField()
    language = models.CharField(max_length=8, help_text="The language the addition was written in.")
    body_sealed = models.BinaryField(editable=False)

    class Meta:
        ordering = ["added_at"]
        indexes = [models.Index(fields=["report", "added_at"])]

    def __str__(self):
        return f"addition {self.pk} to {self.report_id}"


class MailboxJoin(SealedChild):
    """The desk's decision that a later report comes from the reporter of an earlier one who lost the
    code: the later report's code now opens the earlier report's mailbox, and the old code is gone."""

    sealed_owner_field = "earlier_report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    earlier_report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="mailbox_joins")
    later_report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="mailbox_join")
    joined_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    joined_at = models.DateTimeField()
    reason_sealed = models.BinaryField(editable=False, default=b"")

    class Meta:
        ordering = ["joined_at"]

    def __str__(self):
        return f"join {self.later_report_id} into {self.earlier_report_id}"


class ReceiptReissue(models.Model):
    """A named reporter's request for a new receipt code, sent (after the desk checked it) as a one-time
    link to the contact address in their report. Only the SHA-256 of the link's token is stored."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="receipt_reissues")
    requested_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            # One open request per report: asking again while one is open changes nothing.
            models.UniqueConstraint(fields=["report"], condition=models.Q(used_at__isnull=True), name="receipt_reissue_one_open"),
        ]

    def __str__(self):
        return f"reissue {self.pk} for {self.report_id}"  # never the token
class WillingnessAnswer(models.Model):
    """Willingness to report, measured (issue 16 point 5): an answer to two short questions, asked at
    the end of the reporter's journey and after closure. Stored with no link to any report, session or
    person, with only the year (no time that could be matched to a report) and the desk; only counted."""

    class Moment(models.TextChoices):
        AFTER_REPORT = "after_report", _("After sending a report")
        AFTER_CLOSURE = "after_closure", _("After the case was closed")

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        UNSURE = "unsure", _("Not sure")
        NO = "no", _("No")

    moment = models.CharField(max_length=16, choices=Moment.choices)
    year = models.PositiveSmallIntegerField()
    # The desk that handled the reporter's report (taken from the session, never from the form), so
    # each desk sees its own reporters' answers; empty for answers given before desks were recorded.
    desk = models.CharField(max_length=16, blank=True)
    would_report_again = models.CharField(max_length=8, choices=Answer.choices, blank=True)
    felt_safe = models.CharField(max_length=8, choices=Answer.choices, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(would_report_again="", felt_safe=""), name="willingness_answers_something"),
        ]

    def __str__(self):
        return f"willingness {self.year}"


class IdentityDisclosure(SealedChild):
    """A desk's request to pass the reporter's name and contact details to someone outside the desk
    (EU 2019/1937 art. 16, Wbk): to whom and why, on the reporter's consent (asked in the mailbox) or
    a legal duty (its ground recorded), with the prior notice to the reporter sent (or, only under a
    legal duty, withheld with reasons because it would jeopardise the investigation), and approved by
    a coordinator who did not ask for it. Until then the identity stays sealed: nobody reads it through
    this record. The desks' services are in cases/disclosure.py; the reporter answers here (intake)."""

    class Recipient(models.TextChoices):
        INVESTIGATOR = "investigator", _("An investigator")
        MANAGER = "manager", _("A manager")
        POLICE = "police", _("The police or the public prosecutor")
        OTHER = "other", _("Someone else")

    class Basis(models.TextChoices):
        # Translators: Legal meaning, translate exactly and say no more than the English; consent, identity and retaliation keep their legal sense. Terms: locale/glossary.tsv.
        CONSENT = "consent", _("The reporter's consent")
        LEGAL_DUTY = "legal_duty", _("A legal duty")

    class Consent(models.TextChoices):
        NOT_ASKED = "not_asked", _("Not asked (legal duty)")
        PENDING = "pending", _("Not answered yet")
        GIVEN = "given", _("Given")
        REFUSED = "refused", _("Refused")

    class State(models.TextChoices):
        REQUESTED = "requested", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="identity_disclosures")
    recipient_kind = models.CharField(max_length=16, choices=Recipient.choices)
    recipient_sealed = models.BinaryField(editable=False, default=b"")
    purpose_sealed = models.BinaryField(editable=False, default=b"")
    basis = models.CharField(max_length=16, choices=Basis.choices)
    legal_ground_sealed = models.BinaryField(editable=False, default=b"")
    consent = models.CharField(max_length=16, choices=Consent.choices)
    consent_answered_at = models.DateTimeField(null=True, blank=True)
    notice = models.ForeignKey(MailboxMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    notice_withheld_sealed = models.BinaryField(editable=False, default=b"")
    notice_withheld = models.BooleanField(default=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    state = models.CharField(max_length=16, choices=State.choices, default=State.REQUESTED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            # Four eyes: whoever decides did not ask.
            models.CheckConstraint(condition=~models.Q(decided_by=models.F("requested_by")), name="disclosure_four_eyes"),
            models.CheckConstraint(
                condition=models.Q(basis="consent", consent__in=["pending", "given", "refused"])
                | models.Q(basis="legal_duty", consent="not_asked"),
                name="disclosure_consent_only_when_asked",
            ),
            # Notice withheld only under a legal duty; with consent the question is the notice.
            models.CheckConstraint(condition=models.Q(notice_withheld=False) | models.Q(basis="legal_duty"), name="disclosure_withheld_only_legal"),
            models.CheckConstraint(
                condition=~models.Q(state="approved") | (models.Q(basis="legal_duty") | models.Q(consent="given")),
                name="disclosure_approved_with_ground",
            ),
            models.CheckConstraint(
                condition=models.Q(state="requested", decided_at__isnull=True) | (~models.Q(state="requested") & models.Q(decided_at__isnull=False)),
                name="disclosure_decided_when_decided",
            ),
        ]

    def __str__(self):
        return f"disclosure {self.pk}: {self.state}"
