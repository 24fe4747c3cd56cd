from modeltranslation.translator import TranslationOptions, register

from .models import Counsellor


@register(Counsellor)
class CounsellorTranslation(TranslationOptions):
    """Introductions and availability are written in several languages, Dutch first."""

    fields = ("introduction", "availability")
