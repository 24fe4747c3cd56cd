"""Public pages are rendered once per language and filters and kept until what they show changes:
the next visitor gets the same page faster, an edit shows at once, and no visitor ever receives
another visitor's form token or CSRF token."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .test_directory import DIRECTORY, names_in


def test_the_directory_is_rendered_once_and_an_edit_shows_at_once(make_counsellor, region, coordinator):
    from vertrouwenspersonen import services

    amira = make_counsellor("Amira Haddad", languages=["ar"], regions=[region])
    with CaptureQueriesContext(connection) as first:
        assert names_in(Client().get(DIRECTORY, {"language": "ar"})) == {"Amira Haddad"}
    with CaptureQueriesContext(connection) as second:
        assert names_in(Client().get(DIRECTORY, {"language": "ar"})) == {"Amira Haddad"}
    assert len(second) < len(first)  # the search and the cards were not run again
    # Another language, other filters: rendered for themselves.
    assert names_in(Client(HTTP_ACCEPT_LANGUAGE="fr").get(DIRECTORY, {"language": "ar"})) == {"Amira Haddad"}
    assert names_in(Client().get(DIRECTORY, {"language": "fr"})) == set()
    # The coordinator adds a counsellor and unpublishes another: the next visitor sees both changes.
    make_counsellor("Bilal Amrani", languages=["ar"], regions=[region])
    services.counsellor_update(actor=coordinator, counsellor=amira, changes={"is_published": False})
    assert names_in(Client().get(DIRECTORY, {"language": "ar"})) == {"Bilal Amrani"}


def tokens(response) -> tuple[str, str]:
    page = response.content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    one_time = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    return csrf, one_time


def test_two_visitors_of_the_report_form_share_the_fields_but_never_a_token(category, post):
    first, second = Client(), Client()
    one, two = first.get("/report/"), second.get("/report/")
    assert 'name="narrative"' in two.content.decode() and post.name in two.content.decode()
    assert tokens(one)[0] != tokens(two)[0] and tokens(one)[1] != tokens(two)[1]
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_form_with_typed_text_or_errors_is_never_taken_from_the_cache(category, post):
    visitor = Client()
    visitor.get("/report/")  # the empty fields are kept
    refused = visitor.post("/report/", {"narrative": "Mijn chef schold mij uit.", "category": "", "post": post.pk,
                                        "identity": "anonymous", "submission_token": "0" * 32})
    page = refused.content.decode()
    assert refused.status_code == 400 and "Mijn chef schold mij uit." in page
    assert visitor.get("/report/").content.decode().count("Mijn chef schold mij uit.") == 0
