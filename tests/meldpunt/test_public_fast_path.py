"""Everyone at a post opens the portal at once. A visitor with no session gets a public page as last
rendered, with CSRF and form tokens of their own, the same headers, and a page that differs from a full
rendering in nothing but those tokens. Anything that could differ per visitor goes through the whole
stack. (Tests never time anything.)"""

import gzip
import re
import zlib

import pytest
from django.conf import settings
from django.test import Client, override_settings

from meldpunt import public_fast_path
from meldpunt.intake.models import Report
from tests.meldpunt.test_public_speed import PAGES

pytestmark = pytest.mark.django_db

TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|submission_token)" value=")[^"]+(")')
PER_RESPONSE = {"Content-Length", "Expires"}


def text_of(response) -> str:
    content = response.content
    return (gzip.decompress(content) if response.get("Content-Encoding") == "gzip" else content).decode()


def without_tokens(html: str) -> str:
    return TOKENS.sub(r"\1…\2", html)


def visitor(language: str = "en", **extra) -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE=language, HTTP_ACCEPT_ENCODING="gzip, br", **extra)


def served_fast(response) -> bool:
    kept = getattr(response, "served_kept", False)
    assert kept == (response.templates == [] and response.status_code == 200)  # no template rendered for it
    return kept


def warm(url: str, language: str = "en") -> None:
    """Two visitors see the page rendered in full; the process then keeps it."""
    for _ in range(2):
        assert not served_fast(visitor(language).get(url))


@pytest.mark.parametrize("language", ["en", "ar", "ru"])
def test_every_public_page_served_fast_is_the_full_page_with_tokens_of_its_own(category, post, language):
    for url in PAGES:
        warm(url, language)
        fast = visitor(language).get(url)
        assert served_fast(fast), url
        with override_settings(PUBLIC_FAST_PATH=False):
            full = visitor(language).get(url)
        assert not served_fast(full)
        assert fast.status_code == full.status_code == 200
        assert without_tokens(text_of(fast)) == without_tokens(text_of(full)), url
        fast_headers = {k: v for k, v in fast.headers.items() if k not in PER_RESPONSE}
        full_headers = {k: v for k, v in full.headers.items() if k not in PER_RESPONSE}
        assert fast_headers == full_headers, url
        assert ("Expires" in fast.headers) == ("Expires" in full.headers)
        assert fast.cookies[settings.CSRF_COOKIE_NAME].value  # a first visit gets its CSRF cookie, as always


def test_the_compressed_page_is_one_valid_gzip_member_with_its_tokens_uncompressed():
    warm("/report/")
    response = visitor().get("/report/")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    token = re.search(r'name="submission_token" value="([0-9a-f]{32})"', html).group(1)
    assert token.encode() in response.content  # stored as it is: never compressed beside the page's text
    inflated = zlib.decompressobj(16 + zlib.MAX_WBITS)
    assert inflated.decompress(response.content) == html.encode() and inflated.eof and not inflated.unused_data


def test_two_visitors_never_share_a_token():
    warm("/report/")
    first, second = visitor().get("/report/"), visitor().get("/report/")
    assert served_fast(first) and served_fast(second)
    tokens = [re.findall(r'name="(?:csrfmiddlewaretoken|submission_token)" value="([^"]+)"', text_of(r)) for r in (first, second)]
    assert tokens[0] and not set(tokens[0]) & set(tokens[1])
    assert first.cookies[settings.CSRF_COOKIE_NAME].value != second.cookies[settings.CSRF_COOKIE_NAME].value


def test_a_report_sent_from_a_page_served_fast_is_filed_once(category, post):
    warm("/report/")
    reporter = visitor(enforce_csrf_checks=True)
    form = reporter.get("/report/")
    assert served_fast(form)
    html = text_of(form)
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|submission_token)" value="([^"]+)"', html))
    data = {**fields, "category": category.pk, "post": post.pk, "identity": "anonymous",
            "narrative": "My manager made remarks about my origin in every meeting."}
    sent = reporter.post("/report/", data)
    again = reporter.post("/report/", data)  # a double click
    assert sent.status_code == 302 and again.status_code == 302
    assert Report.objects.count() == 1


def test_a_visitor_with_a_session_or_other_cookies_always_gets_the_full_page(report_factory):
    warm("/")
    from tests.conftest import open_mailbox

    reporter = open_mailbox(visitor(), report_factory().report)
    assert not served_fast(reporter.get("/"))
    with_messages = visitor()
    with_messages.cookies["messages"] = "anything"
    assert not served_fast(with_messages.get("/"))
    assert served_fast(visitor().get("/"))


def test_the_mailbox_door_is_kept_but_never_compressed():
    warm("/mailbox/sign-in/")
    door = visitor().get("/mailbox/sign-in/")
    assert served_fast(door)
    assert "Content-Encoding" not in door.headers and b'name="csrfmiddlewaretoken"' in door.content


def test_pages_with_secrets_are_never_kept():
    for url in ["/mailbox/", "/report/received/"]:
        for _ in range(4):
            assert not served_fast(visitor().get(url)), url


def test_not_a_get_or_plain_http_with_the_redirect_on_goes_through_the_whole_stack():
    warm("/")
    assert not served_fast(visitor().head("/"))
    with override_settings(SECURE_SSL_REDIRECT=True):
        assert visitor().get("/").status_code == 301  # the redirect to HTTPS, as always
        assert visitor().get("/", secure=True).status_code == 200


def test_an_edit_to_what_the_pages_show_is_served_at_once(category, post):
    warm("/report/")
    assert served_fast(visitor().get("/report/"))
    category.name_en = "Racism and discrimination at work"
    category.save()  # an administrator's edit: the content version moves on
    page = visitor().get("/report/")
    assert not served_fast(page)
    assert "Racism and discrimination at work" in text_of(page)


def test_a_page_that_differs_between_visitors_beyond_its_tokens_is_never_kept(rf):
    from django.http import HttpResponse

    served = []

    def view(request):
        served.append(1)
        response = HttpResponse(f"<p>visitor {len(served)}</p>" * 20)
        response.public_page = True
        return response

    middleware = public_fast_path.PublicFastPathMiddleware(view)
    for _ in range(5):
        request = rf.get("/", secure=True)
        assert b"visitor" in middleware(request).content
    assert len(served) == 5  # rendered for every visitor, never kept


def test_switched_off_every_request_goes_through_the_whole_stack():
    with override_settings(PUBLIC_FAST_PATH=False):
        for _ in range(4):
            assert not served_fast(visitor().get("/"))
