from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import SOURCE_LANGUAGE, ContentUnit, NameTranslation


class ContentUnitForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("language"), choices=lambda: list(settings.LANGUAGES))

    class Meta:
        model = ContentUnit
        fields = ["key", "language", "text", "status"]


@admin.register(ContentUnit)
class ContentUnitAdmin(admin.ModelAdmin):
    """Ministry content, one row per unit and language. Editing the Dutch makes the translations made
    from the old Dutch outdated: reporters then read the current English (or Dutch) with a notice until
    a translator brings the unit up to date and saves it as current."""

    form = ContentUnitForm
    list_display = ["key", "language", "status", "edited_by", "edited_at", "updated_at"]
    list_filter = ["status", "language"]
    search_fields = ["key", "text"]
    readonly_fields = ["dutch_source", "source_hash", "edited_by", "edited_at"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "key", "language"] if obj else self.readonly_fields

    @admin.display(description=_("Dutch source"))
    def dutch_source(self, obj):
        if obj is None or obj.language == SOURCE_LANGUAGE:
            return "—"
        source = ContentUnit.objects.filter(key=obj.key, language=SOURCE_LANGUAGE).first()
        return source.text if source else "—"

    def save_model(self, request, obj, form, change):
        saved = services.unit_edit(
            key=obj.key, language=obj.language, text=form.cleaned_data["text"], actor=request.user,
            status=form.cleaned_data.get("status") or ContentUnit.Status.CURRENT,
        )
        obj.pk = saved.pk

    def has_delete_permission(self, request, obj=None):
        return False  # a unit is corrected or marked, not removed: pages would lose their text


class NamesOutdatedAdminMixin:
    """For a TranslationAdmin of short names (categories, regions, posts): a changed Dutch name makes
    the translations not changed with it outdated, so readers get the English or Dutch name instead."""

    def save_model(self, request, obj, form, change):
        services.names_translation_check(instance=obj, before=services.names_before(obj), actor=request.user)
        super().save_model(request, obj, form, change)


@admin.register(NameTranslation)
class NameTranslationAdmin(admin.ModelAdmin):
    """Which short names are translated from today's Dutch name, and which wait for a translator."""

    list_display = ["model", "object_id", "field", "language", "status", "outdated_text", "edited_by", "edited_at"]
    list_filter = ["status", "language", "model"]
    search_fields = ["object_id", "outdated_text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
