from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from .models import ExternalAuthority, ProcedurePage


@admin.register(ProcedurePage)
class ProcedurePageAdmin(TranslationAdmin):
    """The written-out procedure in every reporter language (Dutch first). Bodies are plain text:
    an empty line starts a new paragraph. Managers' drafts and advice requests are not here: they
    are read only through their own pages, where every read is audited."""

    list_display = ["title", "slug", "position", "published", "updated_at"]
    list_editable = ["position", "published"]
    list_filter = ["published"]
    search_fields = ["title", "slug"]


@admin.register(ExternalAuthority)
class ExternalAuthorityAdmin(TranslationAdmin):
    """Authorities outside the ministry, as the channel guide lists them."""

    list_display = ["name", "code", "website", "position", "published"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_editable = ["position", "published"]
    list_filter = ["published"]
