"""Ministry content as data: one row per text unit and language.

A unit is one translatable text (the body of a procedure page, the description of an external
authority, a standard message to reporters). Dutch is the source language; every translation records
the SHA-256 of the Dutch text it was translated from, so a changed Dutch text makes its translations
outdated instead of leaving a stale promise on the page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SOURCE_LANGUAGE = "nl"


class ContentUnit(models.Model):
    class Status(models.TextChoices):
        CURRENT = "current", _("current")
        OUTDATED = "outdated", _("outdated: the Dutch text changed")
        IN_REVIEW = "in_review", _("in review")

    key = models.CharField(
        _("unit"), max_length=160, help_text=_("Where the text is used, e.g. procedure/after-a-report/body.")
    )
    language = models.CharField(_("language"), max_length=16)
    text = models.TextField(
        _("text"), blank=True, help_text=_(
            "Plain text, no HTML. Leave an empty line between paragraphs. A paragraph that starts with \"## \" is a "
            "heading; lines that start with \"- \" form a list."
        )
    )
    source_hash = models.CharField(
        _("Dutch source (SHA-256)"), max_length=64, help_text=_("The hash of the Dutch text this text was translated from.")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CURRENT, db_index=True)
    # The hash of the text as last loaded from content/*.po: a different text hash means someone edited
    # the unit here, and load_content will not overwrite it without --force.
    shipped_hash = models.CharField(max_length=64, blank=True, editable=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("edited by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["key", "language"]
        verbose_name = _("content unit")
        verbose_name_plural = _("content units")
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="content_unit_one_per_language")]

    def __str__(self):
        return f"{self.key} [{self.language}]"

    @property
    def is_edited(self) -> bool:
        """Changed here since it was last loaded from the shipped files (or never loaded from them)."""
        from .services import text_hash

        return self.shipped_hash != text_hash(self.text)


class NameTranslation(models.Model):
    """Short names stay in django-modeltranslation columns (categories, regions, posts); this row
    records, per name and language, the Dutch name the translation was made from. When the Dutch
    name changes and a translation does not, that translation is outdated: it is moved here out of
    sight, and readers get the English or Dutch name until a translator enters it again."""

    Status = ContentUnit.Status

    model = models.CharField(_("kind"), max_length=64)
    object_id = models.CharField(_("object"), max_length=64)
    field = models.CharField(_("field"), max_length=32)
    language = models.CharField(_("language"), max_length=16)
    source_hash = models.CharField(_("Dutch source (SHA-256)"), max_length=64)
    status = models.CharField(_("status"), max_length=16, choices=ContentUnit.Status.choices, db_index=True)
    outdated_text = models.CharField(_("outdated translation"), max_length=300, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("edited by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    edited_at = models.DateTimeField(_("edited"), auto_now=True)

    class Meta:
        ordering = ["model", "object_id", "field", "language"]
        verbose_name = _("translated name")
        verbose_name_plural = _("translated names")
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id", "field", "language"], name="name_translation_one_per_language")
        ]

    def __str__(self):
        return f"{self.model} {self.object_id} {self.field} [{self.language}]"
