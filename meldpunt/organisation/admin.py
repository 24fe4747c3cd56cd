from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from meldpunt.content.admin import NamesOutdatedAdminMixin

from .models import Post, Region
from .services import post_names_fill


@admin.register(Region)
class RegionAdmin(NamesOutdatedAdminMixin, TranslationAdmin):
    list_display = ["name", "code"]


@admin.register(Post)
class PostAdmin(NamesOutdatedAdminMixin, TranslationAdmin):
    list_display = ["name", "kind", "city", "country_code", "region", "languages", "is_active"]
    list_filter = ["kind", "region", "is_active"]
    search_fields = ["name", "city", "code"]

    def save_model(self, request, obj, form, change):
        post_names_fill(obj)  # languages left empty get the CLDR-built name ("Embassy in Namibia")
        super().save_model(request, obj, form, change)
