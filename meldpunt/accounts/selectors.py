"""Reads about staff accounts."""

from __future__ import annotations

from django.conf import settings

from .models import User


def staff_language(user: User | None) -> str:
    """The language of a staff member's emails and staff pages: Dutch or English, as they chose.

    A preference for another language (set before staff mail was limited to the two staff languages)
    reads English sooner than Dutch; no preference at all is Dutch, the ministry's language.
    """
    preference = (getattr(user, "preferred_language", "") or "").lower()
    if preference in settings.STAFF_LANGUAGES:
        return preference
    return "en" if preference else settings.STAFF_LANGUAGES[0]


def staff_language_for_email(email: str) -> str | None:
    """The staff language of the active staff member with this address; None if there is none."""
    user = User.objects.filter(email__iexact=email, is_active=True).only("preferred_language").first()
    return staff_language(user) if user is not None else None
