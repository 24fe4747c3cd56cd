from django.contrib import admin
from django.db import models

from .models import ExternalAuthority, ProcedurePage


@admin.register(ProcedurePage)
class ProcedurePageAdmin(admin.ModelAdmin):
    """Which procedure and knowledge pages exist, in which order, and whether they are published. Their
    texts are content units (Ministry content > content units, key <section>/<slug>/...). Managers'
    drafts and advice requests are not here: they are read only through their own pages, where every
    read is audited."""

    list_display = ["slug", "section", "position", "published", "updated_at"]
    list_editable = ["position", "published"]
    list_filter = ["section", "published"]
    search_fields = ["slug"]


@admin.register(ExternalAuthority)
class ExternalAuthorityAdmin(admin.ModelAdmin):
    """Authorities outside the ministry, as the channel guide lists them; their names and descriptions
    are content units (authority/<code>/...)."""

    list_display = ["code", "website", "position", "published"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_editable = ["position", "published"]
    list_filter = ["published"]
