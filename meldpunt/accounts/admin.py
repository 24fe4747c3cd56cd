from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "role", "post", "is_active"]
    list_filter = ["role", "is_active", "post__region"]
    fieldsets = UserAdmin.fieldsets + (("Role", {"fields": ("role", "post", "preferred_language")}),)
    add_fieldsets = UserAdmin.add_fieldsets + (("Role", {"fields": ("email", "role", "post")}),)
