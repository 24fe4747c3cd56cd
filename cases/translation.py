from modeltranslation.translator import TranslationOptions, register

from .models import ExampleOutcome, StandardMessage


@register(StandardMessage)
class StandardMessageTranslation(TranslationOptions):
    fields = ("body",)
    required_languages = ("nl", "en", "fr", "es", "pt", "ar", "ru", "zh-hans")


@register(ExampleOutcome)
class ExampleOutcomeTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("nl", "en")  # the other languages fall back to English
