"""Confidential counsellors: their public profiles, their advice-session log, training attended.

The directory is public: a profile says only what the counsellor (or the coordinator on their behalf)
chose to publish. Advice sessions carry no names, their advice text is sealed under the session's
own data key, and only the counsellor who logged a session ever reads it (see selectors.py).
"""

import uuid

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.sealed import SealedRecord

from .languages import SPOKEN_LANGUAGES


class Kind(models.TextChoices):
    INTERNAL = "internal", _("Internal (ministry staff)")
    EXTERNAL = "external", _("External (independent of the ministry)")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")


class Specialism(models.TextChoices):
    RACISM_DISCRIMINATION = "racism_discrimination", _("Racism and discrimination")
    SEXUAL_HARASSMENT = "sexual_harassment", _("Sexual harassment")
    BULLYING = "bullying", _("Bullying")
    AGGRESSION = "aggression", _("Aggression and violence")
    LGBTIQ = "lgbtiq", _("LGBTIQ+ inclusion")
    INTEGRITY_DILEMMAS = "integrity_dilemmas", _("Integrity dilemmas (fraud, conflicts of interest)")
    LOCALLY_HIRED = "locally_hired", _("Locally hired staff at posts")


class EditableGroup(models.TextChoices):
    """Parts of a profile the coordinator can let the counsellor edit themselves."""

    INTRODUCTION = "introduction", _("Introduction")
    AVAILABILITY = "availability", _("Availability")
    CONTACT = "contact", _("How to reach them")
    LANGUAGES = "languages", _("Languages")
    SPECIALISMS = "specialisms", _("Specialisms")
    COVERAGE = "coverage", _("Posts and regions covered")
    GENDER = "gender", _("Gender")
    PHOTO = "photo", _("Photo")


DEFAULT_EDITABLE_GROUPS = [
    EditableGroup.INTRODUCTION, EditableGroup.AVAILABILITY, EditableGroup.CONTACT,
    EditableGroup.LANGUAGES, EditableGroup.GENDER, EditableGroup.PHOTO,
]


def default_editable_groups() -> list[str]:
    return [str(group) for group in DEFAULT_EDITABLE_GROUPS]


def validate_editable_groups(value) -> None:
    from django.core.exceptions import ValidationError

    if not isinstance(value, list) or any(item not in EditableGroup.values for item in value):
        raise ValidationError(_("Choose parts of the profile from the list."))


class Counsellor(models.Model):
    """One counsellor's entry in the directory. Not every counsellor has an account."""

    name = models.CharField(_("name"), max_length=160)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff account"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="counsellor_profile",
        help_text=_("The account the counsellor signs in with, if they have one."),
    )
    kind = models.CharField(_("internal or external"), max_length=16, choices=Kind.choices, default=Kind.INTERNAL)
    organisation = models.CharField(
        _("organisation"), max_length=160, blank=True, help_text=_("For an external counsellor: the organisation they work for.")
    )
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    # Shown only when the counsellor chooses to show it: nothing is stored when they do not.
    shows_bicultural_background = models.BooleanField(_("shows a bi-cultural background"), default=False)
    shows_lived_experience = models.BooleanField(_("shows lived experience of racism"), default=False)
    introduction = models.TextField(_("introduction"), max_length=2000, blank=True)
    availability = models.CharField(_("availability"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    video_link = models.URLField(
        _("video call link"), blank=True, validators=[URLValidator(schemes=["https"])],
        help_text=_("An https link to a video call room or booking page."),
    )
    posts = models.ManyToManyField("organisation.Post", verbose_name=_("posts covered"), blank=True, related_name="counsellors")
    regions = models.ManyToManyField(
        "organisation.Region", verbose_name=_("regions covered"), blank=True, related_name="counsellors"
    )
    is_published = models.BooleanField(_("shown in the directory"), default=True)
    self_editable = models.JSONField(
        _("parts the counsellor may edit"), default=default_editable_groups, blank=True,
        validators=[validate_editable_groups],
    )
    confirmed_current_at = models.DateTimeField(_("confirmed current"), null=True, blank=True)
    # The one-time token of the form that made this row: a double submit finds it instead of adding a twin.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        # Translators: Legal meaning, translate exactly and say no more than the English; the identity is kept confidential and disclosed only with consent or by legal duty, after telling the person why (EU 2019/1937 art. 16); 'in confidence' is never 'total' or 'absolute' confidentiality: counsellors have no legal privilege. Terms: locale/glossary.tsv.
        verbose_name = _("confidential counsellor")
        # Translators: Legal meaning, translate exactly and say no more than the English; the identity is kept confidential and disclosed only with consent or by legal duty, after telling the person why (EU 2019/1937 art. 16); 'in confidence' is never 'total' or 'absolute' confidentiality: counsellors have no legal privilege. Terms: locale/glossary.tsv.
        verbose_name_plural = _("confidential counsellors")
        indexes = [models.Index(fields=["is_published", "name", "id"], name="counsellor_directory_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=Kind.values), name="counsellor_kind_known"),
            models.CheckConstraint(
                condition=models.Q(gender__in=[*Gender.values, ""]), name="counsellor_gender_known"
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="counsellor_has_name"),
        ]

    def __str__(self):
        return self.name


class CounsellorLanguage(models.Model):
    counsellor = models.ForeignKey(Counsellor, on_delete=models.CASCADE, related_name="language_rows")
    code = models.CharField(_("language"), max_length=8, choices=SPOKEN_LANGUAGES)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["counsellor", "code"], name="counsellor_language_once")]
        indexes = [models.Index(fields=["code", "counsellor"], name="counsellor_language_code_idx")]

    def __str__(self):
        return self.code


class CounsellorSpecialism(models.Model):
    counsellor = models.ForeignKey(Counsellor, on_delete=models.CASCADE, related_name="specialism_rows")
    code = models.CharField(_("specialism"), max_length=32, choices=Specialism.choices)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["counsellor", "code"], name="counsellor_specialism_once")]
        indexes = [models.Index(fields=["code", "counsellor"], name="counsellor_specialism_code_idx")]

    def __str__(self):
        return self.code


class CounsellorPhoto(models.Model):
    """A re-encoded JPEG (no metadata, bounded size), kept apart so directory queries never load it."""

    counsellor = models.OneToOneField(Counsellor, on_delete=models.CASCADE, primary_key=True, related_name="photo")
    jpeg = models.BinaryField()
    digest = models.CharField(max_length=64, help_text="SHA-256 of the JPEG: versions the photo's URL.")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"photo {self.digest[:12]}"


class SessionChannel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video call")


class FollowUp(models.TextChoices):
    NONE = "none", _("None")
    MANAGER = "manager", _("Referred to the manager")
    CCI = "cci", _("Referred to the CCI")
    EXTERNAL_POINT = "external_point", _("Referred to the external reporting point")
    COMPANY_DOCTOR = "company_doctor", _("Referred to the company doctor")
    COMPLAINTS_COMMITTEE = "complaints_committee", _("Referred to the complaints committee")
    OTHER = "other", _("Other")


class AdviceSession(SealedRecord):
    """One advice session, without names. Its advice text is sealed; only its counsellor reads it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("counsellor"), on_delete=models.PROTECT, related_name="advice_sessions"
    )
    held_on = models.DateField(_("date"))
    channel = models.CharField(_("how"), max_length=16, choices=SessionChannel.choices)
    post = models.ForeignKey(
        "organisation.Post", verbose_name=_("post"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey("organisation.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+")
    topic = models.ForeignKey("intake.Category", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+")
    follow_up = models.CharField(_("follow-up"), max_length=32, choices=FollowUp.choices, default=FollowUp.NONE)
    advice_sealed = models.BinaryField(editable=False)
    # The one-time token of the form that made this row: a double submit finds it instead of adding a twin.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Forwarding to the CCI, only at the person's request: their consent is recorded here.
    forwarded_report = models.OneToOneField(
        "intake.Report", null=True, blank=True, on_delete=models.PROTECT, related_name="advice_session", editable=False
    )
    # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
    forward_consent_at = models.DateTimeField(_("consent to forward recorded"), null=True, blank=True, editable=False)
    # Translators: Legal meaning, translate exactly and say no more than the English; anonymous means the name is not asked for or recorded; never promise that nobody can find out who reported (what is written can identify someone); who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
    forwarded_anonymously = models.BooleanField(_("forwarded anonymously"), null=True, blank=True, editable=False)

    SEALED_FIELDS = ("advice",)

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name = _("advice session")
        indexes = [
            models.Index(fields=["counsellor", "-held_on", "-created_at"], name="advice_session_owner_idx"),
            models.Index(fields=["held_on"], name="advice_session_held_on_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(channel__in=SessionChannel.values), name="advice_session_channel_known"),
            models.CheckConstraint(condition=models.Q(follow_up__in=FollowUp.values), name="advice_session_follow_up_known"),
            # A forwarded session always carries the consent and the choice of anonymity, and only then.
            models.CheckConstraint(
                condition=(
                    models.Q(forwarded_report__isnull=True, forward_consent_at__isnull=True, forwarded_anonymously__isnull=True)
                    | models.Q(forwarded_report__isnull=False, forward_consent_at__isnull=False, forwarded_anonymously__isnull=False)
                ),
                name="advice_session_forward_has_consent",
            ),
        ]

    def __str__(self):
        return f"{self.held_on} {self.get_channel_display()}"


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("Training")
    INTERVISION = "intervision", _("Intervision")


class TrainingEvent(models.Model):
    """A training or an intervision meeting (often of a regional network) and who attended it."""

    kind = models.CharField(_("kind"), max_length=16, choices=TrainingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    region = models.ForeignKey(
        "organisation.Region", verbose_name=_("regional network"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("Where it is held, if in person."))
    video_link = models.URLField(
        _("video call link"), blank=True, validators=[URLValidator(schemes=["https"])],
        help_text=_("An https link to the video call, if online."),
    )
    language = models.CharField(_("language"), max_length=8, choices=SPOKEN_LANGUAGES, blank=True)
    attendees = models.ManyToManyField(Counsellor, verbose_name=_("attended by"), related_name="training_events")
    signups = models.ManyToManyField(
        Counsellor, verbose_name=_("signed up"), through="TrainingSignup", related_name="training_signups"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The one-time token of the form that made this row: a double submit finds it instead of adding a twin.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("training or intervision")
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=TrainingKind.values), name="training_event_kind_known"),
            models.CheckConstraint(condition=~models.Q(title=""), name="training_event_has_title"),
        ]

    def __str__(self):
        return self.title


class TrainingSignup(models.Model):
    """A counsellor signed up for a scheduled training or intervision session."""

    event = models.ForeignKey(TrainingEvent, on_delete=models.CASCADE, related_name="signup_rows")
    counsellor = models.ForeignKey(Counsellor, on_delete=models.CASCADE, related_name="signup_rows")
    signed_up_at = models.DateTimeField(_("signed up"))

    class Meta:
        ordering = ["signed_up_at", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "counsellor"], name="training_signup_once")]

    def __str__(self):
        return f"{self.event_id}:{self.counsellor_id}"


class PrintKind(models.TextChoices):
    POSTER = "poster", _("Poster")
    LEAFLET = "leaflet", _("Leaflet")


class PaperSize(models.TextChoices):
    A4 = "a4", "A4"
    A3 = "a3", "A3"


class PosterPrint(models.Model):
    """One post's poster or leaflet as the coordinator made it: what it named, so that the overview
    can say when the paper on the wall is out of date (a counsellor left, a language was added).
    The sheets of one print run (one post, or a whole region at once) share a `batch`."""

    batch = models.UUIDField(db_index=True)
    post = models.ForeignKey("organisation.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=PrintKind.choices)
    paper = models.CharField(_("paper size"), max_length=4, choices=PaperSize.choices)
    made_at = models.DateTimeField(_("made"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    counsellor_ids = models.JSONField(default=list, help_text="The counsellors the sheet names, by id.")
    language_codes = models.JSONField(default=list, help_text="The languages the sheet is written in, in order.")

    class Meta:
        ordering = ["-made_at", "-id"]
        verbose_name = _("poster or leaflet made")
        indexes = [models.Index(fields=["post", "kind", "-made_at"], name="poster_print_latest_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=PrintKind.values), name="poster_print_kind_known"),
            models.CheckConstraint(condition=models.Q(paper__in=PaperSize.values), name="poster_print_paper_known"),
            # A leaflet is A4; a poster is A4 or A3.
            models.CheckConstraint(
                condition=~models.Q(kind=PrintKind.LEAFLET, paper=PaperSize.A3), name="poster_print_leaflet_a4"
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.post_id} {self.made_at:%Y-%m-%d}"


class StaffGroup(models.TextChoices):
    RESIDENCE_STAFF = "residence_staff", _("Residence staff")
    DRIVERS = "drivers", _("Drivers")
    GUARDS = "guards", _("Guards")
    DOMESTIC_STAFF = "domestic_staff", _("Domestic staff")
    OTHER = "other", _("Other staff")


def validate_staff_groups(value) -> None:
    from django.core.exceptions import ValidationError

    if not isinstance(value, list) or any(item not in StaffGroup.values for item in value):
        raise ValidationError(_("Choose staff groups from the list."))


class WorkLocation(models.Model):
    """A place of a post other than the chancery where people work: the residence, a garage, a guard
    post. Covered like the post: it has its own counsellors, and the coverage overview shows its gaps."""

    post = models.ForeignKey(
        "organisation.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="work_locations"
    )
    name = models.CharField(_("name"), max_length=160, help_text=_("For example: Residence, or Garage and drivers' room."))
    staff_groups = models.JSONField(
        _("who works there"), default=list, blank=True, validators=[validate_staff_groups]
    )
    languages = models.CharField(
        _("languages spoken"), max_length=120, blank=True, help_text=_("Language codes, separated by commas, e.g. ar,fr,en")
    )
    counsellors = models.ManyToManyField(
        Counsellor, verbose_name=_("counsellors"), blank=True, related_name="work_locations"
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["post__name", "name", "id"]
        verbose_name = _("work location")
        verbose_name_plural = _("work locations")
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="work_location_has_name"),
            models.UniqueConstraint(fields=["post", "name"], name="work_location_name_once_per_post"),
        ]

    def __str__(self):
        return self.name

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    def get_staff_groups_display(self) -> list[str]:
        names = dict(StaffGroup.choices)
        return [str(names.get(code, code)) for code in self.staff_groups]


class DisclosureField(models.TextChoices):
    """What a counsellor may choose to show to make the pool's diversity visible. Several are special
    categories of personal data (GDPR art. 9): shown only with the counsellor's explicit consent."""

    AGE_RANGE = "age_range", _("Age range")
    EDUCATION = "education", _("Education")
    DISABILITY = "disability", _("Physical ability or disability experience")
    FAITH = "faith", _("Faith or life view")
    # Translators: Legal meaning, translate exactly and say no more than the English; the identity is kept confidential and disclosed only with consent or by legal duty, after telling the person why (EU 2019/1937 art. 16); 'in confidence' is never 'total' or 'absolute' confidentiality: counsellors have no legal privilege. Terms: locale/glossary.tsv.
    SOGI = "sogi", _("Sexual orientation or gender identity experience")


DISCLOSURE_VALUES: dict[str, list[tuple[str, str]]] = {
    DisclosureField.AGE_RANGE: [
        ("under_30", _("Under 30")), ("30_44", _("30 to 44")), ("45_59", _("45 to 59")), ("60_plus", _("60 or older")),
    ],
    DisclosureField.EDUCATION: [
        ("secondary", _("Secondary education")), ("vocational", _("Vocational education")),
        ("higher", _("Higher professional education or university")),
    ],
    DisclosureField.DISABILITY: [
        ("lived", _("Lives with a disability or chronic illness")),
        ("close", _("Close experience of disability (family or partner)")),
    ],
    DisclosureField.FAITH: [
        ("christian", _("Christian")), ("muslim", _("Muslim")), ("jewish", _("Jewish")), ("hindu", _("Hindu")),
        ("buddhist", _("Buddhist")), ("humanist", _("Humanist or non-religious")), ("other", _("Another faith or life view")),
    ],
    DisclosureField.SOGI: [("lgbtiq", _("Lived experience as LGBTIQ+"))],
}


class CounsellorDisclosure(models.Model):
    """One thing a counsellor chose to show, with the moment they consented. Withdrawing deletes the
    row: from then on it is shown nowhere and kept nowhere (the audit trail records only the field)."""

    counsellor = models.ForeignKey(Counsellor, on_delete=models.CASCADE, related_name="disclosure_rows")
    field = models.CharField(max_length=16, choices=DisclosureField.choices)
    value = models.CharField(max_length=16)
    # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
    consented_at = models.DateTimeField(_("consent given"))

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["counsellor", "field"], name="counsellor_disclosure_once"),
            models.CheckConstraint(condition=models.Q(field__in=DisclosureField.values), name="counsellor_disclosure_field_known"),
        ]
        indexes = [models.Index(fields=["field", "value", "counsellor"], name="counsellor_disclosure_idx")]

    def __str__(self):
        return self.field

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.value not in dict(DISCLOSURE_VALUES.get(self.field, [])):
            raise ValidationError({"value": _("Choose from the list.")})

    @property
    def label(self) -> str:
        return f"{DisclosureField(self.field).label}: {dict(DISCLOSURE_VALUES[self.field])[self.value]}"


class ComplaintStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("Being handled")
    CONCLUDED = "concluded", _("Concluded")


class ComplaintOutcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
    NOT_UPHELD = "not_upheld", _("Not upheld")
    NOT_ASSESSABLE = "not_assessable", _("Could not be assessed")


COMPLAINT_ACKNOWLEDGE_DAYS = 7  # the reporter hears within a week that the coordinator has it
COMPLAINT_CONCLUDE_DAYS = 56  # and within eight weeks what came of it


class CounsellorComplaint(models.Model):
    """A report that a counsellor broke confidentiality or acted wrongly. It came in through intake
    (same form, same receipt code and mailbox) in a category routed to the counsellor coordinator; this
    is the coordinator's record of handling it, with its own deadlines. Never shown to counsellors."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.OneToOneField(
        "intake.Report", on_delete=models.PROTECT, related_name="counsellor_complaint", editable=False
    )
    counsellor = models.ForeignKey(
        Counsellor, verbose_name=_("counsellor concerned"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="complaints",
    )
    status = models.CharField(_("status"), max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.NEW)
    received_on = models.DateField(_("received"))
    acknowledge_due = models.DateField(_("acknowledgement due"))
    conclude_due = models.DateField(_("conclusion due"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    concluded_at = models.DateTimeField(_("concluded"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=ComplaintOutcome.choices, blank=True)

    class Meta:
        ordering = ["-received_on", "id"]
        verbose_name = _("complaint about a counsellor")
        indexes = [models.Index(fields=["status", "conclude_due"], name="complaint_worklist_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ComplaintStatus.values), name="complaint_status_known"),
            # Concluded, and only then, with an outcome and a moment.
            models.CheckConstraint(
                condition=(
                    models.Q(status=ComplaintStatus.CONCLUDED, concluded_at__isnull=False) & ~models.Q(outcome="")
                ) | (~models.Q(status=ComplaintStatus.CONCLUDED) & models.Q(concluded_at__isnull=True, outcome="")),
                name="complaint_concluded_with_outcome",
            ),
        ]

    def __str__(self):
        return f"complaint {self.report_id}"


class ComplaintNote(SealedRecord):
    """The coordinator's note on the record of a complaint: sealed, appended, never edited."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    complaint = models.ForeignKey(CounsellorComplaint, on_delete=models.CASCADE, related_name="notes")
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()
    text_sealed = models.BinaryField(editable=False)

    SEALED_FIELDS = ("text",)

    class Meta:
        ordering = ["written_at", "id"]

    def __str__(self):
        return f"note {self.pk}"
