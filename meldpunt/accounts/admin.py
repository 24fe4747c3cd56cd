from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import User


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "role", "post", "is_active"]
    list_filter = ["role", "is_active", "post__region"]
    fieldsets = UserAdmin.fieldsets + (("Role", {"fields": ("role", "post", "preferred_language")}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Role", {"fields": ("email", "role", "post")}),)

    actions = ["send_enrolment_link"]

    @admin.action(description=_("Email a new one-time enrolment link (replaces password and second factor)"))
    def send_enrolment_link(self, request, queryset):
        sent = 0
        for user in queryset.filter(is_active=True).exclude(email=""):
            services.invitation_send(user=user, actor=request.user)
            sent += 1
        self.message_user(request, _("Enrolment links emailed: %(count)d.") % {"count": sent}, messages.SUCCESS)
