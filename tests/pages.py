"""Every page of the portal as someone allowed to see it would get it, built from the permission
ladder's rows and objects, so a new page is checked as soon as it has a ladder row.

Used by the markup test (W3C Nu validator) and the phone-width browser test."""

from dataclasses import dataclass

from django.conf import settings
from django.test import Client
from django.urls import reverse

from meldpunt import languages as registry
from meldpunt.accounts.models import Role

from .ladder.core import ANONYMOUS, ASKER, REPORTER, UNVERIFIED

# Downloads, not pages (a photo; CSV files are recognised by their name).
NOT_HTML = {"vertrouwenspersonen:photo"}


@dataclass(frozen=True)
class Page:
    name: str  # the ladder row's key
    url: str
    audience: str  # who opens it: anonymous, the reporter, or a staff role

    @property
    def for_reporters(self) -> bool:
        return self.audience in (ANONYMOUS, REPORTER, ASKER)


def _audience(row) -> str | None:
    for audience in (ANONYMOUS, REPORTER, ASKER, UNVERIFIED, *[role.value for role in Role], *sorted(row.allowed)):
        if audience in row.allowed:
            return audience
    return None


def every_page(ctx: dict) -> list[Page]:
    from .test_permission_ladder import ALL_ROWS

    pages = []
    for row in ALL_ROWS:
        audience = _audience(row)
        if row.method != "get" or audience is None or row.name in NOT_HTML or row.name.endswith("csv"):
            continue
        url = reverse(row.name, kwargs=row.kwargs(ctx))
        if not url.endswith(".csv"):
            pages.append(Page(row.key, url, audience))
    return pages


def reporter_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def catalogue_languages() -> list[str]:
    """Every registry language a reporter could be shown: offered, or in review with its catalogues in
    the tree (English needs none). A translator's catalogues, once they land, are covered at once."""
    return [language.code for language in registry.REGISTRY if language.has_catalogue()]


def client_in(audience: str, ctx: dict, language: str) -> Client:
    from .test_permission_ladder import client_as

    client = client_as(audience, ctx)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client
