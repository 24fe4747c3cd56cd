"""Staff at posts are often on slow or metered connections: every reporter page weighs under 50 KB as
it travels (HTML, CSS and JS, compressed), and only pages that carry no secret are compressed."""

import gzip
import re
import uuid

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from meldpunt.channels.models import ProcedurePage

LIMIT = 50 * 1024
PUBLIC = ["/", "/report/", "/report/external/", "/guide/", "/procedure/", "/counsellors/",
          "/mailbox/lost-code/", "/transparency/"]


def assets_of(page: str) -> list[str]:
    return re.findall(r'(?:href|src)="/static/([^"?]+\.(?:css|js))', page)


def weight(response) -> int:
    """What travels: the HTML as sent, plus each stylesheet and script gzipped (as WhiteNoise serves them)."""
    page = gzip.decompress(response.content).decode() if response.get("Content-Encoding") == "gzip" else response.content.decode()
    total = len(response.content)
    for asset in set(assets_of(page)):
        path = finders.find(asset)
        assert path, f"{asset} not found"
        total += len(gzip.compress(open(path, "rb").read(), 9))
    return total


@pytest.mark.parametrize("language", ["en", "ar", "ru"])
def test_every_public_reporter_page_is_compressed_and_under_50_kb(db, category, post, language):
    pages = PUBLIC + [f"/procedure/{slug}/" for slug in ProcedurePage.objects.values_list("slug", flat=True)[:3]]
    for url in pages:
        response = Client(HTTP_ACCEPT_LANGUAGE=language, HTTP_ACCEPT_ENCODING="gzip, br").get(url)
        assert response.status_code == 200, url
        assert response.get("Content-Encoding") == "gzip", f"{url} is not compressed"
        assert weight(response) < LIMIT, f"{url} in {language}: {weight(response)} bytes"


@pytest.mark.parametrize("language", ["en", "ar", "ru"])
def test_the_mailbox_sign_in_travels_uncompressed_and_still_under_50_kb(db, language):
    """The mailbox's door carries a CSRF token (and, after a closed mailbox, what the reporter wrote):
    like the mailbox, it is never compressed, and it stays light without it."""
    reporter = Client(HTTP_ACCEPT_LANGUAGE=language, HTTP_ACCEPT_ENCODING="gzip, br")
    door = reporter.get("/mailbox/sign-in/")
    assert door.status_code == 200 and "csrfmiddlewaretoken" in door.content.decode()
    assert "Content-Encoding" not in door
    assert weight(door) < LIMIT, f"the sign-in in {language}: {weight(door)} bytes"


def test_pages_with_a_secret_are_never_compressed(db, category, post):
    reporter = Client(HTTP_ACCEPT_ENCODING="gzip")
    sent = reporter.post("/report/", {"category": category.pk, "post": post.pk, "identity": "anonymous",
                                      "narrative": "Mijn chef schold mij uit.", "submission_token": uuid.uuid4().hex}, follow=True)
    assert sent.status_code == 200 and "Content-Encoding" not in sent  # the receipt code page
    assert weight(sent) < LIMIT
    mailbox = reporter.get("/mailbox/")
    assert "Content-Encoding" not in mailbox
    # A form sent back with what was typed: not compressed either.
    refused = reporter.post("/report/", {"narrative": "Mijn chef schold mij uit.", "submission_token": uuid.uuid4().hex})
    assert refused.status_code == 400 and "Content-Encoding" not in refused
