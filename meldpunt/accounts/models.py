from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from meldpunt.sealed import SealedRecord


class Role(models.TextChoices):
    CCI_HANDLER = "cci_handler", _("CCI handler")
    CCI_COORDINATOR = "cci_coordinator", _("CCI coordinator")
    EXTERNAL_HANDLER = "external_handler", _("External desk handler")
    EXTERNAL_COORDINATOR = "external_coordinator", _("External desk coordinator")
    # The complaints committee's desk (klachtencommissie, issue 15 point 7): its secretary handles the
    # formal complaints about undesirable conduct; its chair coordinates, like a desk coordinator.
    COMPLAINTS_SECRETARY = "complaints_secretary", _("Complaints committee secretary")
    COMPLAINTS_CHAIR = "complaints_chair", _("Complaints committee chair")
    MANAGER = "manager", _("Manager")
    # Translators: Legal meaning, translate exactly and say no more than the English; the identity is kept confidential and disclosed only with consent or by legal duty, after telling the person why (EU 2019/1937 art. 16); 'in confidence' is never 'total' or 'absolute' confidentiality: counsellors have no legal privilege. Terms: locale/glossary.tsv.
    COUNSELLOR = "counsellor", _("Confidential counsellor")
    COUNSELLOR_COORDINATOR = "counsellor_coordinator", _("Counsellor coordinator")
    ADMINISTRATOR = "administrator", _("Administrator")
    TRANSLATOR = "translator", _("Translator")


class Desk(models.TextChoices):
    """The desks that handle reports; none sees another's."""

    CCI = "cci", _("Central reporting and advice point (CCI)")
    EXTERNAL = "external", _("External reporting point")
    # Formal complaints about undesirable conduct under the complaints procedure (klachtenregeling).
    COMPLAINTS = "complaints", _("Complaints committee")


DESK_OF_ROLE = {
    Role.CCI_HANDLER: Desk.CCI,
    Role.CCI_COORDINATOR: Desk.CCI,
    Role.EXTERNAL_HANDLER: Desk.EXTERNAL,
    Role.EXTERNAL_COORDINATOR: Desk.EXTERNAL,
    Role.COMPLAINTS_SECRETARY: Desk.COMPLAINTS,
    Role.COMPLAINTS_CHAIR: Desk.COMPLAINTS,
}
COORDINATOR_ROLES = {Role.CCI_COORDINATOR, Role.EXTERNAL_COORDINATOR, Role.COMPLAINTS_CHAIR}
# Every role that works at a desk, and those that coordinate one, in the Role order (for role_required).
DESK_ROLES = tuple(role for role in Role if role in DESK_OF_ROLE)
DESK_COORDINATOR_ROLES = tuple(role for role in Role if role in COORDINATOR_ROLES)


class User(AbstractUser):
    """A staff member. Reporters have no account: they hold a receipt code."""

    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    post = models.ForeignKey(
        "organisation.Post", verbose_name=_("post or directorate"), null=True, blank=True, on_delete=models.PROTECT
    )
    preferred_language = models.CharField(_("preferred language"), max_length=8, default="nl")

    REQUIRED_FIELDS = ["email", "role"]

    class Meta:
        constraints = [models.CheckConstraint(condition=~models.Q(role=""), name="user_has_role")]

    @property
    def desk(self) -> str | None:
        return DESK_OF_ROLE.get(self.role)

    @property
    def is_desk_staff(self) -> bool:
        return self.desk is not None

    @property
    def is_desk_coordinator(self) -> bool:
        return self.role in COORDINATOR_ROLES


class Invitation(models.Model):
    """A one-time link that lets a staff member set their password and bind their second factor.

    Only the SHA-256 of the link's token is stored, so a database dump holds no usable link. A link
    works once, until `expires_at`, and only while it is the newest one issued for that user.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The administrator who issued it; empty when issued on the server's command line.",
    )

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(expires_at__gt=models.F("created_at")), name="invitation_expires_after_creation")]

    def __str__(self):
        return f"invitation for {self.user} ({self.created_at:%Y-%m-%d %H:%M})"


# Roles whose grant a second administrator must confirm (four eyes, security H2): they open reports,
# advice sessions or the whole staff administration.
FOUR_EYES_ROLES = frozenset({
    Role.CCI_HANDLER, Role.CCI_COORDINATOR, Role.EXTERNAL_HANDLER, Role.EXTERNAL_COORDINATOR,
    Role.COMPLAINTS_SECRETARY, Role.COMPLAINTS_CHAIR, Role.COUNSELLOR, Role.COUNSELLOR_COORDINATOR, Role.ADMINISTRATOR, Role.TRANSLATOR,
})


class StaffChangeRequest(models.Model):
    """A change to a staff account that one administrator asked for and a second must confirm: a role
    that opens sealed text, a new email address (where enrolment links go), or (re)activation."""

    class Field(models.TextChoices):
        ROLE = "role", _("role")
        EMAIL = "email", _("email address")
        ACTIVATE = "activate", _("activation")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("waiting for a second administrator")
        CONFIRMED = "confirmed", _("confirmed")
        REFUSED = "refused", _("refused")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="change_requests")
    field = models.CharField(max_length=16, choices=Field.choices)
    value = models.CharField(max_length=254, blank=True)
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.PENDING)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(decided_by=models.F("requested_by")), name="four_eyes_not_the_requester"),
            models.CheckConstraint(condition=~models.Q(decided_by=models.F("user")), name="four_eyes_not_for_oneself"),
            models.CheckConstraint(condition=~models.Q(requested_by=models.F("user")), name="no_request_for_oneself"),
        ]

    def __str__(self):
        return f"{self.get_field_display()} of {self.user} → {self.value} ({self.get_outcome_display()})"


class TranslatorProfile(models.Model):
    """A translator: an internal language officer or a sworn external translator. Desks assign them
    single texts (cases.translating); none is assigned before a signed confidentiality statement is
    recorded here, with its date and the version of the statement signed."""

    class Kind(models.TextChoices):
        LANGUAGE_OFFICER = "language_officer", _("Internal language officer")
        SWORN_EXTERNAL = "sworn_external", _("Sworn external translator")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="translator_profile")
    kind = models.CharField(_("kind of translator"), max_length=20, choices=Kind.choices)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True,
        help_text=_("Language codes the translator works from and into, separated by commas (e.g. ar,fr,nl,en)."),
    )
    # Translators: Legal meaning, translate exactly and say no more than the English; consent, identity and retaliation keep their legal sense. Terms: locale/glossary.tsv.
    statement_signed_on = models.DateField(_("confidentiality statement signed on"), null=True, blank=True)
    statement_version = models.CharField(_("version of the statement signed"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(statement_signed_on__isnull=True, statement_version="")
                | (models.Q(statement_signed_on__isnull=False) & ~models.Q(statement_version="")),
                name="translator_statement_dated_and_versioned",
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_kind_display()})"

    @property
    def has_signed(self) -> bool:
        return self.statement_signed_on is not None

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


# --- authenticator apps: the TOTP seed sealed at rest (security L8) --------------------------------

# What django-otp's own key column holds once the seed is sealed. Not hexadecimal, so django-otp's
# unsealed TOTPDevice cannot turn it into a key: any code path that bypasses SealedTOTPDevice fails
# instead of checking codes against a known (empty) key.
SEALED_SEED_MARK = "sealed"


class SeedMissing(LookupError):
    """An authenticator without a sealed seed (made outside services.totp_device_create)."""


class TOTPSeed(SealedRecord):
    """The seed of one authenticator app, sealed under its own data key (wrapped by the KEK), so a
    database dump yields no usable seed. The associated data names the device and its owner: a seed
    copied onto another device row, or a device moved to another account, no longer opens."""

    device = models.OneToOneField(TOTPDevice, on_delete=models.CASCADE, primary_key=True, related_name="sealed_seed")
    seed_sealed = models.BinaryField()

    def _aad(self, field: str) -> str:
        # The data migration 0004_totp_seeds seals existing seeds with this same associated data.
        return f"{super()._aad(field)}:{self.device.user_id}"


class SealedTOTPDevice(TOTPDevice):
    """django-otp's TOTPDevice, its seed read from the sealed TOTPSeed instead of the key column.
    Verification is django-otp's own (drift, replay refusal through last_t, throttling)."""

    class Meta:
        proxy = True
        verbose_name = "authenticator app"

    @property
    def bin_key(self) -> bytes:
        try:
            seed = self.sealed_seed
        except TOTPSeed.DoesNotExist:
            raise SeedMissing(f"authenticator {self.pk} has no sealed seed") from None
        return bytes.fromhex(seed.unseal("seed"))
