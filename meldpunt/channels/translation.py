from modeltranslation.translator import TranslationOptions, register

from .models import ExternalAuthority, ProcedurePage


@register(ProcedurePage)
class ProcedurePageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("nl",)


@register(ExternalAuthority)
class ExternalAuthorityTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nl",)
