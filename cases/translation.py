from modeltranslation.translator import TranslationOptions, register

from .models import StandardMessage


@register(StandardMessage)
class StandardMessageTranslation(TranslationOptions):
    fields = ("body",)
    required_languages = ("nl", "en", "fr", "es", "pt", "ar", "ru", "zh-hans")
