from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Region(models.Model):
    code = models.SlugField(pgettext_lazy("short identifier of a record", "code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")

    def __str__(self):
        return self.name


class Post(models.Model):
    """A place people work: a directorate in Den Haag or a post abroad."""

    class Kind(models.TextChoices):
        DIRECTORATE = "directorate", _("Directorate (Den Haag)")
        EMBASSY = "embassy", _("Embassy")
        CONSULATE = "consulate", _("Consulate-general")
        PERMANENT_REPRESENTATION = "permanent_representation", _("Permanent representation")

    code = models.SlugField(pgettext_lazy("short identifier of a record", "code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    city = models.CharField(_("city"), max_length=120)
    country_code = models.CharField(_("country code"), max_length=2, help_text="ISO 3166-1 alpha-2")
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="posts")
    languages = models.CharField(
        _("languages spoken"), max_length=120, blank=True, help_text=_("Language codes, separated by commas, e.g. ar,fr,en")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("post or directorate")
        verbose_name_plural = _("posts and directorates")

    def __str__(self):
        return self.name

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]
