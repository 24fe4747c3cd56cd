"""Case handling at the desks: a case bundles one or more reports about the same person or pattern.

What the reporter sees lives in meldpunt.intake (the public status, the mailbox, meetings and
minutes); what only the desk sees lives here, sealed where it is free text.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import Desk
from meldpunt.sealed import SealedChild, SealedRecord


class CaseState(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGE = "triage", _("In triage")
    ADDRESSING = "addressing", _("Instrument chosen")
    DECIDED = "decided", _("Decision taken")
    CLOSED = "closed", _("Closed")


class Seriousness(models.TextChoices):
    MINOR = "minor", _("Minor")
    MODERATE = "moderate", _("Moderate")
    SERIOUS = "serious", _("Serious")
    VERY_SERIOUS = "very_serious", _("Very serious")


class RetaliationRisk(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent")
    IMMEDIATE = "immediate", _("Immediate (someone's safety is at stake)")


class Instrument(models.TextChoices):
    CONVERSATION = "conversation", _("Conversation")
    MEDIATION = "mediation", _("Mediation")
    INVESTIGATION = "investigation", _("Person-focused investigation")
    REFERRAL_COMPLAINTS = "referral_complaints", _("Referral to the complaints committee")
    REFERRAL_OTHER = "referral_other", _("Referral to another body")
    NO_FURTHER_ACTION = "no_further_action", _("No further action")


class Finding(models.TextChoices):
    ESTABLISHED = "established", _("Breach established")
    PARTLY_ESTABLISHED = "partly_established", _("Breach partly established")
    NOT_ESTABLISHED = "not_established", _("Breach not established")
    CANNOT_BE_ASSESSED = "cannot_be_assessed", _("Cannot be assessed")


class Measure(models.TextChoices):
    """The measures the Rijk integrity figures count."""

    DISMISSAL = "dismissal", _("Dismissal")
    REPRIMAND = "reprimand", _("Reprimand")
    TRANSFER = "transfer", _("Transfer")
    OTHER = "other", _("Other measure")
    NONE = "none", _("No measure")


NO_DEADLINE = date(9999, 12, 31)


class Case(SealedRecord):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    desk = models.CharField(_("desk"), max_length=16, choices=Desk.choices)
    state = models.CharField(_("state"), max_length=16, choices=CaseState.choices, default=CaseState.RECEIVED)
    # Bumped by every change; forms carry it so that a handler working on an old page is refused
    # instead of overwriting a colleague's change.
    version = models.PositiveIntegerField(default=1)
    opened_at = models.DateTimeField(_("opened"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("handler"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="handled_cases",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    # The earliest legal deadline still open on its reports (stored, like the deadlines themselves,
    # so worklists sort on an index).
    next_deadline = models.DateField(_("next deadline"), null=True, blank=True)
    next_deadline_kind = models.CharField(max_length=16, blank=True, default="")
    # The same date, or NO_DEADLINE when nothing is due: lists sort on it with a plain index
    # (sorting "nulls last" cannot use one, and would sort the whole desk for every page).
    deadline_order = models.DateField(default=NO_DEADLINE, editable=False)

    # Assessment (afweging).
    category = models.ForeignKey(
        "intake.Category", verbose_name=_("category"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    seriousness = models.CharField(_("seriousness"), max_length=16, choices=Seriousness.choices, blank=True)
    retaliation_risk = models.CharField(_("risk of retaliation"), max_length=16, choices=RetaliationRisk.choices, blank=True)
    urgency = models.CharField(_("urgency"), max_length=16, choices=Urgency.choices, blank=True)
    considerations_sealed = models.BinaryField(editable=False, default=b"")
    assessed_at = models.DateTimeField(null=True, blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    # Instrument.
    instrument = models.CharField(_("instrument"), max_length=24, choices=Instrument.choices, blank=True)
    instrument_reasons_sealed = models.BinaryField(editable=False, default=b"")
    instrument_chosen_at = models.DateTimeField(null=True, blank=True)
    investigation_started_on = models.DateField(null=True, blank=True, help_text="Counted in the annual figures.")

    # Decision: the reasons here; the finding and measures per person concerned (PersonConcerned).
    decision_reasons_sealed = models.BinaryField(editable=False, default=b"")
    closed_at = models.DateTimeField(null=True, blank=True)

    SEALED_FIELDS = ("considerations", "instrument_reasons", "decision_reasons")

    class Meta:
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["desk", "deadline_order", "reference"], name="cases_case_desk_order_idx"),
            models.Index(fields=["handler", "deadline_order", "reference"], name="cases_case_handler_order_idx"),
            models.Index(fields=["desk", "state"]),
            # The aftercare and retention scans read closed cases by closing time.
            models.Index(fields=["state", "closed_at"], name="cases_case_closed_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(desk__in=Desk.values), name="case_known_desk"),
            models.CheckConstraint(condition=models.Q(state__in=CaseState.values), name="case_known_state"),
            models.CheckConstraint(
                condition=~models.Q(state__in=["addressing", "decided", "closed"]) | ~models.Q(instrument=""),
                name="case_instrument_before_addressing",
            ),
            models.CheckConstraint(
                condition=models.Q(state="closed", closed_at__isnull=False) | (~models.Q(state="closed") & models.Q(closed_at__isnull=True)),
                name="case_closed_at_when_closed",
            ),
        ]

    def __str__(self):
        return self.reference


class CaseReport(models.Model):
    """A report belongs to at most one case; a case holds one or more reports."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="report_links")
    report = models.OneToOneField("intake.Report", on_delete=models.CASCADE, related_name="case_link")
    linked_at = models.DateTimeField()
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["linked_at"]

    def __str__(self):
        return f"{self.case_id} ← {self.report_id}"


class CaseStatusChange(SealedChild):
    """Append-only history: every transition, with who, when and why (the why sealed)."""

    sealed_owner_field = "case"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="history")
    transition = models.CharField(max_length=32)
    from_state = models.CharField(max_length=16, choices=CaseState.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=CaseState.choices)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason_sealed = models.BinaryField(editable=False, default=b"")

    class Meta:
        ordering = ["at"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self):
        return f"{self.from_state or '-'} → {self.to_state}"


class CaseNote(SealedChild):
    """An internal note for the case team; never shown to the reporter."""

    sealed_owner_field = "case"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()
    body_sealed = models.BinaryField(editable=False)

    class Meta:
        ordering = ["written_at"]
        indexes = [models.Index(fields=["case", "written_at"])]

    def __str__(self):
        return f"note {self.pk}"


class CaseExclusion(models.Model):
    """A staff member kept out of a case: named in one of its reports, or with a conflict of interest."""

    class Reason(models.TextChoices):
        NAMED_IN_REPORT = "named_in_report", _("Named in a report of this case")
        CONFLICT_OF_INTEREST = "conflict_of_interest", _("Conflict of interest")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exclusions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_exclusions")
    reason = models.CharField(_("reason"), max_length=24, choices=Reason.choices)
    excluded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    excluded_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="case_exclusion_once")]

    def __str__(self):
        return f"{self.user_id} excluded from {self.case_id}"


class StandardMessage(models.Model):
    """The kinds of standard text to the reporter. The texts are the content units
    standard-message/<kind>/body (meldpunt.content), in every reporter language; the handler reads one
    prefilled in the report's language and may edit it before sending."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement of receipt")
        MORE_INFORMATION = "more_information", _("Request for more information")
        FEEDBACK = "feedback", _("Feedback")
        CLOSURE = "closure", _("Closure")
        FORWARDING_CONSENT = "forwarding_consent", _("Request for consent to pass the report to the CCI")
        MINUTES_READY = "minutes_ready", _("Minutes ready to check")
        DEADLINE_EXTENDED = "deadline_extended", _("Deadline extended")
        DEADLINES_SUSPENDED = "deadlines_suspended", _("Deadlines suspended")
        DEADLINES_RESUMED = "deadlines_resumed", _("Deadlines resumed")
        AFTERCARE_CHECKIN = "aftercare_checkin", _("Aftercare check-in")
        RETALIATION_CONCERN = "retaliation_concern", _("Retaliation concern received")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, unique=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("standard message")
        verbose_name_plural = _("standard messages")

    def __str__(self):
        return self.get_kind_display()


class SpentFormToken(models.Model):
    """One row per handled one-time form token: a double click sends a message once, not twice."""

    token_hash = models.CharField(max_length=64, unique=True)
    spent_at = models.DateTimeField()

    def __str__(self):
        return self.token_hash[:12]


class DeadlineChange(SealedChild):
    """A coordinator's extension, suspension or resumption of a report's legal clocks, with the
    reason sealed under the report's key. Append-only; the audit trail has the same event."""

    class Action(models.TextChoices):
        EXTEND = "extend", _("Extended")
        SUSPEND = "suspend", _("Suspended")
        RESUME = "resume", _("Resumed")

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey("intake.Report", on_delete=models.CASCADE, related_name="deadline_changes")
    action = models.CharField(_("change"), max_length=8, choices=Action.choices)
    clock = models.CharField(_("deadline"), max_length=16, blank=True, help_text="acknowledgement or feedback; empty for both.")
    previous_due = models.DateField(null=True, blank=True)
    new_due = models.DateField(null=True, blank=True)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason_sealed = models.BinaryField(editable=False, default=b"")

    class Meta:
        ordering = ["at"]
        indexes = [models.Index(fields=["report", "at"])]

    def __str__(self):
        return f"{self.action} {self.clock} {self.report_id}"


class SentReminder(models.Model):
    """One row per reminder, alert, digest or check-in that went out. The unique constraint is what
    makes every scan idempotent: a second run (or a second worker) cannot record, so cannot send,
    the same thing twice."""

    what = models.CharField(max_length=32)
    record_id = models.CharField(max_length=40, help_text="The report, draft, case, concern or user it is about.")
    due_on = models.DateField(help_text="The deadline (or week, or closure date) it is about.")
    step = models.CharField(max_length=16, help_text="Which reminder for that deadline, e.g. '2d' before or 'overdue'.")
    recipient = models.CharField(max_length=254)
    desk = models.CharField(max_length=16, blank=True)
    sent_at = models.DateTimeField(
        db_index=True, null=True, blank=True, help_text="When the mail server accepted the email; empty while it is on its way."
    )

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["what", "record_id", "due_on", "step", "recipient"], name="sent_reminder_once"),
        ]
        indexes = [models.Index(fields=["desk", "-sent_at"])]

    def __str__(self):
        return f"{self.what} {self.step} {self.record_id} -> {self.recipient}"


class TaskFailure(models.Model):
    """A failed run of one of the portal's tasks, for the coordinators' overview. Only the task's
    name, its ids and the kind of error: never a message that could carry content."""

    task_name = models.CharField(max_length=200)
    task_id = models.CharField(max_length=64, blank=True)
    arguments = models.CharField(max_length=500, blank=True)
    error = models.CharField(max_length=200)
    failed_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-failed_at"]

    def __str__(self):
        return f"{self.task_name}: {self.error}"


class ConcernOutcome(models.TextChoices):
    SUBSTANTIATED = "substantiated", _("Retaliation substantiated")
    NOT_SUBSTANTIATED = "not_substantiated", _("Retaliation not substantiated")
    WITHDRAWN = "withdrawn", _("Withdrawn by the reporter")


class RetaliationConcern(SealedChild):
    """A reporter said in an aftercare check-in that they met consequences for their career or
    position. The CCI follows it up as a concern linked to the closed case, with its own legal
    clocks (acknowledge in 7 days, feedback in 3 months), instead of reopening the case: the case's
    decision stands, the concern is about what happened after it.

    It is handled like a case (cases/retaliation.py): acknowledged and answered in the mailbox,
    assessed (the assessment sealed under the report's key), measures for the reporter recorded,
    and closed with an outcome and its reasons, counted in the annual figures."""

    sealed_owner_field = "report"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="retaliation_concerns")
    report = models.ForeignKey("intake.Report", on_delete=models.CASCADE, related_name="retaliation_concerns")
    checkin = models.OneToOneField("intake.AftercareCheckIn", on_delete=models.CASCADE, related_name="concern")
    desk = models.CharField(max_length=16, choices=Desk.choices, default=Desk.CCI)
    opened_at = models.DateTimeField()
    acknowledgement_due = models.DateField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    feedback_due = models.DateField()
    closed_at = models.DateTimeField(null=True, blank=True)
    feedback_given_at = models.DateTimeField(null=True, blank=True)
    assessment_sealed = models.BinaryField(editable=False, default=b"")
    assessed_at = models.DateTimeField(null=True, blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=24, choices=ConcernOutcome.choices, blank=True)
    outcome_reasons_sealed = models.BinaryField(editable=False, default=b"")

    class Meta:
        ordering = ["-opened_at"]
        indexes = [models.Index(fields=["desk", "closed_at", "feedback_due"])]
        constraints = [
            # Existing concerns closed with one click before outcomes were recorded keep an empty outcome.
            models.CheckConstraint(condition=models.Q(outcome="") | models.Q(closed_at__isnull=False), name="concern_outcome_when_closed"),
        ]

    def __str__(self):
        return f"retaliation concern {self.pk}"


class RetaliationMeasure(models.Model):
    """A measure taken for a reporter who met retaliation (or against its author), dated, per concern."""

    class Kind(models.TextChoices):
        REVERSED = "reversed", _("Decision reversed or position restored")
        PROTECTION = "protection", _("Protection at work (other manager, team or post)")
        SUPPORT = "support", _("Support offered (counselling, coaching, legal advice)")
        AGAINST_AUTHOR = "against_author", _("Measure against the person who retaliated")
        OTHER = "other", _("Other measure")

    concern = models.ForeignKey(RetaliationConcern, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("measure"), max_length=24, choices=Kind.choices)
    taken_on = models.DateField(_("taken on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["taken_on", "recorded_at"]

    def __str__(self):
        return f"{self.kind} {self.taken_on}"


class ReportStatistic(models.Model):
    """The anonymous figures of one report, written when its case closes (cases.report_statistics).

    No reference, no text, no post (only its region and kind), no person: what the annual figures
    count and nothing more. Retention never deletes these rows, so published figures do not move
    when the report and its case are crypto-shredded. The link to the case lives only as long as the
    case does (SET_NULL): it lets a reopened case take its figures back until it closes again.
    """

    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    counts_case = models.BooleanField(default=False, help_text="The first report of its case carries the case's figures.")
    desk = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField(help_text="Year the report was received.")
    category_code = models.CharField(max_length=48, help_text="Confirmed category (the desk's), else the reporter's.")
    rijk_category_code = models.CharField(max_length=48)
    channel = models.CharField(max_length=16)
    region_code = models.CharField(max_length=32, blank=True)
    post_kind = models.CharField(max_length=32, blank=True)
    language = models.CharField(max_length=8, blank=True, help_text="The language the report was written in.")
    instrument = models.CharField(max_length=24, blank=True)
    investigation_year = models.PositiveSmallIntegerField(null=True, blank=True)
    acknowledged_in_time = models.BooleanField(null=True, blank=True)
    feedback_in_time = models.BooleanField(null=True, blank=True)
    days_to_feedback = models.PositiveIntegerField(null=True, blank=True, help_text="Days from receipt to feedback.")

    class Meta:
        indexes = [models.Index(fields=["year", "desk"])]

    def __str__(self):
        return f"{self.year} {self.desk} {self.category_code}"


class ExampleOutcome(models.Model):
    """An anonymised example of what happened after a report, for the staff transparency page
    ("a manager who made racist remarks to locally hired staff was reprimanded and moved"). Written
    by the CCI coordinator without names, places or dates that point to anyone; shown only once
    approved. Published text by design, so not sealed; translated per reporter language."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("example"), max_length=600)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "written_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(approved_at__isnull=True, approved_by__isnull=True)
                | models.Q(approved_at__isnull=False, approved_by__isnull=False),
                name="example_outcome_approved_by_someone",
            ),
        ]

    def __str__(self):
        return f"example {self.year}"


# --- persons concerned and their outcomes (issue 15 point 2) ----------------------------------------------


class PersonConcerned(SealedChild):
    """Someone a case is about, with their own finding. Name and role are sealed under the case's
    key; the desk refers to them by number ("person 2") wherever the name is not needed."""

    sealed_owner_field = "case"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="persons")
    number = models.PositiveSmallIntegerField(_("number"))
    name_sealed = models.BinaryField(editable=False, default=b"")
    role_sealed = models.BinaryField(editable=False, default=b"")
    finding = models.CharField(_("finding"), max_length=24, choices=Finding.choices, blank=True)
    finding_on = models.DateField(_("finding dated"), null=True, blank=True)
    added_at = models.DateTimeField()
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    SEALED_FIELDS = ("name", "role")

    class Meta:
        ordering = ["case", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="person_concerned_number_once"),
            models.CheckConstraint(
                condition=models.Q(finding="", finding_on__isnull=True) | (~models.Q(finding="") & models.Q(finding_on__isnull=False)),
                name="person_concerned_finding_dated",
            ),
        ]

    def __str__(self):
        return f"{self.case_id} person {self.number}"


class PersonMeasure(models.Model):
    """A measure taken for one person concerned, in the Rijk categories, with its date."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(PersonConcerned, on_delete=models.CASCADE, related_name="measures")
    measure = models.CharField(_("measure"), max_length=16, choices=Measure.choices)
    taken_on = models.DateField(_("measure dated"))
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["taken_on", "recorded_at"]
        constraints = [models.UniqueConstraint(fields=["person", "measure"], name="person_measure_once")]

    def __str__(self):
        return f"{self.measure} {self.taken_on}"


class OutcomeStatistic(models.Model):
    """The anonymous figures of one finding or one measure of one person concerned, written when the
    case closes beside its ReportStatistic rows (cases.report_statistics) and, like them, never
    deleted by retention. No person, no case text: kind, value, year, desk and category."""

    class Kind(models.TextChoices):
        FINDING = "finding", _("Finding")
        MEASURE = "measure", _("Measure")

    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    desk = models.CharField(max_length=16)
    category_code = models.CharField(max_length=48)
    rijk_category_code = models.CharField(max_length=48)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    value = models.CharField(max_length=24)
    year = models.PositiveSmallIntegerField(help_text="Year of the finding or measure.")

    class Meta:
        indexes = [models.Index(fields=["year", "desk", "kind"])]

    def __str__(self):
        return f"{self.year} {self.kind} {self.value}"


class ConcernStatistic(models.Model):
    """The anonymous figures of one retaliation concern, written when it is closed (cases.report_statistics)
    and, like ReportStatistic, never deleted by retention: the concern goes with its report, its figures
    stay. No person, no text, no reference: desk, the year it was raised, the category of the report it
    is about, whether it was assessed, its outcome, how many measures were taken for the reporter (each
    also a ConcernMeasureStatistic row), the days it took, the clocks, and whether the reporter was told.
    No kind of retaliation is recorded on a concern, so none is kept here."""

    concern = models.OneToOneField(RetaliationConcern, null=True, blank=True, on_delete=models.SET_NULL, related_name="statistic")
    desk = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField(help_text="Year the concern was raised.")
    category_code = models.CharField(max_length=48, help_text="Category of the report the concern is about (the desk's, else the reporter's).")
    rijk_category_code = models.CharField(max_length=48)
    assessed = models.BooleanField(default=False)
    outcome = models.CharField(max_length=24, blank=True, help_text="Empty: closed before outcomes were recorded.")
    measures_taken = models.PositiveSmallIntegerField(default=0)
    days_to_close = models.PositiveIntegerField(null=True, blank=True)
    acknowledged_in_time = models.BooleanField(null=True, blank=True)
    feedback_in_time = models.BooleanField(null=True, blank=True)
    reporter_informed = models.BooleanField(default=False, help_text="The reporter was told the outcome in the mailbox.")

    class Meta:
        indexes = [models.Index(fields=["year", "desk"])]

    def __str__(self):
        return f"{self.year} {self.desk} concern {self.outcome}"


class ConcernMeasureStatistic(models.Model):
    """One measure taken for a reporter who met retaliation, by kind and the year it was taken."""

    statistic = models.ForeignKey(ConcernStatistic, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(max_length=24)
    year = models.PositiveSmallIntegerField(help_text="Year the measure was taken.")

    class Meta:
        indexes = [models.Index(fields=["year", "kind"])]

    def __str__(self):
        return f"{self.year} {self.kind}"


class AftercareStatistic(models.Model):
    """One answer to an aftercare check-in, written when the reporter answers and never deleted by
    retention (the check-in goes with its report): desk, year answered, answer and the report's category."""

    checkin = models.OneToOneField("intake.AftercareCheckIn", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    desk = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField(help_text="Year the reporter answered.")
    answer = models.CharField(max_length=8)
    category_code = models.CharField(max_length=48)

    class Meta:
        indexes = [models.Index(fields=["year", "desk"])]

    def __str__(self):
        return f"{self.year} {self.desk} aftercare {self.answer}"


class AdviceQuestionStatistic(models.Model):
    """A question to the advice point that retention deleted: the year it was asked and its language,
    so that year's count of questions does not move. Questions still kept are counted from their rows."""

    year = models.PositiveSmallIntegerField(help_text="Year the question was asked.")
    language = models.CharField(max_length=8)

    class Meta:
        indexes = [models.Index(fields=["year"])]

    def __str__(self):
        return f"{self.year} advice question {self.language}"


# --- what each instrument recorded (issue 15 point 1) ----------------------------------------------------


class InstrumentEntry(SealedChild):
    """One entry in the record of the case's instrument: with whom a conversation was held and what
    was agreed, a mediation session, an investigation's terms of reference, protocol steps, interviews
    and the hearing of a person concerned with their response (hoor en wederhoor), a referral's
    addressee and what was handed over. Free text sealed under the case's key; entries are appended,
    never edited (a correction is a new entry). Which entries each instrument needs before the
    decision is in cases/workflow.py (INSTRUMENT_RECORDS)."""

    class Kind(models.TextChoices):
        WITH_WHOM = "with_whom", _("Conversation: with whom")
        FOLLOW_UP = "follow_up", _("Conversation: agreed follow-up")
        MEDIATOR = "mediator", _("Mediation: mediator")
        SESSION = "session", _("Mediation: session")
        MEDIATION_OUTCOME = "mediation_outcome", _("Mediation: outcome")
        INVESTIGATOR = "investigator", _("Investigation: investigator")
        TERMS_OF_REFERENCE = "terms_of_reference", _("Investigation: terms of reference")
        PROTOCOL_STEP = "protocol_step", _("Investigation: protocol step")
        INTERVIEW = "interview", _("Investigation: interview")
        HEARING = "hearing", _("Investigation: hearing of a person concerned")
        INVESTIGATION_REPORT = "investigation_report", _("Investigation: report")
        CONCLUSION = "conclusion", _("Investigation: conclusion")
        REFERRED_TO = "referred_to", _("Referral: to whom")
        REFERRAL_REASONS = "referral_reasons", _("Referral: why")
        HANDED_OVER = "handed_over", _("Referral: what was handed over")
        REPORTER_CONSENT = "reporter_consent", _("Referral: the reporter's consent to pass on their identity")

    class Detail(models.TextChoices):
        INTERNAL = "internal", _("Internal investigator")
        EXTERNAL = "external", _("External investigator")
        WITH_IDENTITY = "with_identity", _("The reporter's identity goes along")
        WITHOUT_IDENTITY = "without_identity", _("Without the reporter's identity")

    sealed_owner_field = "case"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="instrument_entries")
    instrument = models.CharField(_("instrument"), max_length=24, choices=Instrument.choices)
    kind = models.CharField(_("entry"), max_length=24, choices=Kind.choices)
    on = models.DateField(_("date"), null=True, blank=True)
    person = models.ForeignKey(
        PersonConcerned, verbose_name=_("person concerned"), null=True, blank=True, on_delete=models.RESTRICT, related_name="+"
    )
    detail = models.CharField(_("detail"), max_length=16, choices=Detail.choices, blank=True)
    text_sealed = models.BinaryField(editable=False, default=b"")
    response_sealed = models.BinaryField(editable=False, default=b"")
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    SEALED_FIELDS = ("text", "response")

    class Meta:
        ordering = ["recorded_at"]
        indexes = [models.Index(fields=["case", "instrument", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="hearing") | models.Q(person__isnull=False, on__isnull=False),
                name="instrument_entry_hearing_of_someone",
            ),
        ]

    def __str__(self):
        return f"{self.case_id} {self.kind}"


class LessonLearned(SealedRecord):
    """What the organisation should change, written by the handler at closure (ISO 37002 "conclude";
    optional). Written without personal data and sealed with its own key, so it outlives the case's
    crypto-shredding: the coordinator lists them per year with the category and instrument only, no
    reference, no names, no author."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    desk = models.CharField(max_length=16, choices=Desk.choices)
    year = models.PositiveSmallIntegerField(help_text="Year the case closed.")
    rijk_category_code = models.CharField(max_length=48, blank=True)
    instrument = models.CharField(max_length=24, choices=Instrument.choices, blank=True)
    text_sealed = models.BinaryField(editable=False, default=b"")
    written_at = models.DateTimeField()

    SEALED_FIELDS = ("text",)

    class Meta:
        ordering = ["-year", "written_at"]
        indexes = [models.Index(fields=["desk", "year"])]

    def __str__(self):
        return f"lesson {self.year} {self.desk}"
from .translating.models import TranslationRequest  # noqa: E402, F401  (issue 14; its own module)
