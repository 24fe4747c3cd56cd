from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from meldpunt.content.admin import NamesOutdatedAdminMixin

from .models import Category


@admin.register(Category)
class CategoryAdmin(NamesOutdatedAdminMixin, TranslationAdmin):
    """Categories and their names in every reporter language. Reports are not in the admin: they are
    read only through the desks' pages, where every read is audited."""

    list_display = ["name", "code", "parent", "position", "is_active"]
    list_filter = ["is_active", "parent"]
    ordering = ["position"]
