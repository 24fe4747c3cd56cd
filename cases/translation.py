from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import ExampleOutcome, StandardMessage


@register(StandardMessage)
class StandardMessageTranslation(TranslationOptions):
    fields = ("body",)
    required_languages = tuple(code for code, _name in settings.LANGUAGES)  # every offered language


@register(ExampleOutcome)
class ExampleOutcomeTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("nl", "en")  # the other languages fall back to English
