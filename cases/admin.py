from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import StandardMessage


@admin.register(StandardMessage)
class StandardMessageAdmin(TranslationAdmin):
    """Administrators keep the standard texts to reporters current, in every reporter language.
    The set of kinds is fixed by the code, so there is no add or delete."""

    list_display = ["kind"]
    readonly_fields = ["kind"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
