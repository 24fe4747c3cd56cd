from modeltranslation.translator import TranslationOptions, register

from .models import ExampleOutcome


@register(ExampleOutcome)
class ExampleOutcomeTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("nl", "en")  # the other languages fall back to English
