"""Staff administration with need-to-know (security H2).

Administrators see no TOTP key and set no password (a one-time enrolment link goes to the person
instead), cannot edit their own account, and a second administrator confirms every role that opens
sealed text, every new email address and every (re)activation. Every change is audited under the
administrator who made it (meldpunt.accounts.services)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from meldpunt.audit.admin import ReadOnlyAdmin

from . import services
from .models import StaffChangeRequest, TranslatorProfile, User

admin.site.unregister(Group)  # roles, not groups or per-user permissions, decide what staff may do
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)  # django-otp's own admin shows the secret key


class StaffUserAddForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "post", "preferred_language"]


class StaffUserChangeForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "post", "preferred_language", "is_active"]


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    form = StaffUserChangeForm
    add_form = StaffUserAddForm
    list_display = ["username", "first_name", "last_name", "email", "role", "post", "is_active"]
    list_filter = ["role", "is_active", "post__region"]
    fieldsets = (
        (None, {"fields": ("username",)}),
        (_("Person"), {"fields": ("first_name", "last_name", "email", "preferred_language")}),
        (_("Role"), {"fields": ("role", "post", "is_active")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"fields": ("username", "first_name", "last_name", "email", "role", "post", "preferred_language")}),)
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = []
    actions = ["send_enrolment_link"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.pk == request.user.pk:
            return [*self.readonly_fields, "username", "first_name", "last_name", "email", "role", "post",
                    "preferred_language", "is_active"]
        return self.readonly_fields

    def user_change_password(self, request, id, form_url=""):
        raise PermissionDenied  # passwords are set by their owner, through an enrolment link

    def save_model(self, request, obj, form, change):
        original = User.objects.get(pk=obj.pk) if change else None
        try:
            pending = services.staff_user_admin_save(actor=request.user, user=obj, original=original, changed=form.changed_data)
        except services.ChangeRefused as exc:
            raise PermissionDenied(str(exc)) from exc
        if pending:
            self.message_user(
                request, _("Waiting for a second administrator to confirm: %(changes)s.")
                % {"changes": ", ".join(str(p.get_field_display()) for p in pending)}, messages.WARNING,
            )

    def save_related(self, request, form, formsets, change):
        pass  # no groups or per-user permissions: the role decides

    def delete_model(self, request, obj):
        try:
            services.staff_user_admin_delete(actor=request.user, user=obj)
        except services.ChangeRefused as exc:
            raise PermissionDenied(str(exc)) from exc
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    @admin.action(description=_("Email a new one-time enrolment link (replaces password and second factor)"))
    def send_enrolment_link(self, request, queryset):
        sent = 0
        for user in queryset.filter(is_active=True).exclude(email="").exclude(pk=request.user.pk):
            services.invitation_send(user=user, actor=request.user)
            sent += 1
        self.message_user(request, _("Enrolment links emailed: %(count)d.") % {"count": sent}, messages.SUCCESS)


@admin.register(StaffChangeRequest)
class StaffChangeRequestAdmin(ReadOnlyAdmin):
    """Decided only through the actions below, by a second administrator."""

    list_display = ["user", "field", "value", "requested_by", "requested_at", "outcome", "decided_by"]
    list_filter = ["outcome", "field"]
    actions = ["confirm", "refuse"]

    def _decide(self, request, queryset, confirm: bool):
        for change in queryset:
            try:
                services.staff_change_decide(change=change, actor=request.user, confirm=confirm)
            except services.ChangeRefused as exc:
                self.message_user(request, f"{change}: {exc}", messages.ERROR)

    @admin.action(description=_("Confirm (as the second administrator)"))
    def confirm(self, request, queryset):
        self._decide(request, queryset, True)

    @admin.action(description=_("Refuse"))
    def refuse(self, request, queryset):
        self._decide(request, queryset, False)


class SecondFactorAdmin(admin.ModelAdmin):
    """Which second factors exist, never their keys; deleting one (a lost phone or key) is audited."""

    list_display = ["user", "name", "confirmed"]
    fields = ["user", "name", "confirmed"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        services.device_admin_delete(actor=request.user, device=obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(SecondFactorAdmin):
    pass


@admin.register(WebAuthnCredential)
class PasskeyAdmin(SecondFactorAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]


@admin.register(TranslatorProfile)
class TranslatorProfileAdmin(admin.ModelAdmin):
    """Administrators record the translator's kind, languages and signed confidentiality statement."""

    list_display = ("user", "kind", "languages", "statement_signed_on", "statement_version")
    list_filter = ("kind",)
    raw_id_fields = ("user",)
