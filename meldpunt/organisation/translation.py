from modeltranslation.translator import TranslationOptions, register

from .models import Post, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("name",)
