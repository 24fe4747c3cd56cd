"""When everyone at a post opens the portal at once: the public pages, once rendered in a language, are
served from what each process keeps, with no query at all, and the security headers stay exactly
what the settings say. (Query counts only: tests never time anything.)"""

import gzip
import re

import pytest
from csp.utils import build_policy
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from meldpunt.intake.models import Category
from meldpunt.public_cache import content_version

PAGES = ["/", "/guide/", "/report/", "/report/external/", "/procedure/", "/mailbox/sign-in/", "/mailbox/lost-code/",
         "/counsellors/"]


@pytest.fixture
def database_cache(db):
    """The shared cache as a default installation has it: a table in the database (each read a query)."""
    shared = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "meldpunt_cache_test"}
    # The content version is read again once a second (PUBLIC_CACHE_VERSION_SECONDS): on a busy machine a
    # test can take longer than that, and the read is by design. Counted here: everything else.
    with override_settings(CACHES={**settings.CACHES, "default": shared}, PUBLIC_CACHE_VERSION_SECONDS=3600):
        call_command("createcachetable", verbosity=0)
        yield


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_second_visitor_costs_no_query_on_any_public_page(database_cache, category, post, region, language):
    first, second = Client(HTTP_ACCEPT_LANGUAGE=language), Client(HTTP_ACCEPT_LANGUAGE=language)
    filtered = f"/counsellors/?region={region.pk}&language=ar"
    for url in PAGES + [filtered]:
        assert first.get(url).status_code == 200, url
    for url in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = second.get(url)
        assert response.status_code == 200, url
        assert len(queries) == 0, f"{url} in {language}: {[q['sql'] for q in queries.captured_queries]}"
    # With filters, the chosen region is read to check it: one query, whatever the directory holds.
    with CaptureQueriesContext(connection) as queries:
        assert second.get(filtered).status_code == 200
    assert len(queries) == 1 and "organisation_region" in queries.captured_queries[0]["sql"]


def test_an_edit_shows_at_once_in_the_process_that_made_it(db, category, post):
    reader = Client(HTTP_ACCEPT_LANGUAGE="en")
    before = content_version()
    assert category.name_en in reader.get("/report/").content.decode()
    Category.objects.filter(pk=category.pk).update(name_en="Racism at work")  # no signal: still the old text
    assert "Racism at work" not in reader.get("/report/").content.decode()
    category.refresh_from_db()
    category.save()  # an administrator's save: the content version moves on
    assert content_version() != before
    assert "Racism at work" in reader.get("/report/").content.decode()


def test_every_public_page_carries_the_policy_the_settings_give(db, category, post):
    visitor = Client()
    for url in PAGES:
        response = visitor.get(url)
        assert response["Content-Security-Policy"] == build_policy(), url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY" and response["Permissions-Policy"]


def test_a_changed_policy_is_sent_from_the_next_page_on(db):
    visitor = Client()
    assert "report-uri" not in visitor.get("/").headers["Content-Security-Policy"]
    changed = {"DIRECTIVES": {"default-src": ["'self'"], "report-uri": "/csp-reports/"}}
    with override_settings(CONTENT_SECURITY_POLICY=changed, CONTENT_SECURITY_POLICY_REPORT_ONLY=changed):
        response = visitor.get("/")
        assert response["Content-Security-Policy"] == "default-src 'self'; report-uri /csp-reports/"
        assert response["Content-Security-Policy-Report-Only"] == "default-src 'self'; report-uri /csp-reports/"
    after = visitor.get("/")
    assert after["Content-Security-Policy"] == build_policy() and "Content-Security-Policy-Report-Only" not in after


def test_the_report_form_keeps_its_own_token_and_csrf_token_for_each_visitor(db, category, post):
    pages = [Client().get("/report/").content.decode() for _ in range(2)]
    tokens = [page.split('name="submission_token" value="', 1)[1].split('"', 1)[0] for page in pages]
    csrf = [page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0] for page in pages]
    assert tokens[0] != tokens[1] and csrf[0] != csrf[1]


def test_a_compressed_public_page_reads_the_same_and_keeps_its_random_padding(db, category, post):
    plain = Client().get("/guide/")
    packed = Client(HTTP_ACCEPT_ENCODING="gzip").get("/guide/")
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
    assert packed.content[3] & gzip.FNAME  # a name of random length, as Django pads against BREACH
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", gzip.decompress(packed.content).decode()) == strip.sub("", plain.content.decode())
