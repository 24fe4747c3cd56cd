"""A staff member, signed in or not, looks for a counsellor they trust."""

import html
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.organisation.models import Post

DIRECTORY = reverse("vertrouwenspersonen:directory")


def names_in(response) -> set[str]:
    """The names on the cards the visitor sees (the rendered results may come from the public cache)."""
    cards = re.findall(r'<li class="counsellor-card">.*?<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode(), re.S)
    return {html.unescape(name) for name in cards}


@pytest.fixture
def directory(make_counsellor, region, europe, post, paris, cairo):
    """Counsellors around the Middle East and Europe, as a staff member in Rabat would find them."""
    return {
        "regional_ar": make_counsellor("Layla Mansour", languages=["ar", "en"], regions=[region], gender="woman",
                                       kind="external", organisation="Bureau Extern", specialisms=["sexual_harassment"]),
        "cairo_ar": make_counsellor("Youssef Benali", languages=["ar", "fr"], posts=[cairo], gender="man",
                                    shows_bicultural_background=True),
        "regional_fr": make_counsellor("Camille Laurent", languages=["fr", "nl"], regions=[region], gender="woman"),
        "paris_ar": make_counsellor("Rania Khoury", languages=["ar", "fr"], posts=[paris], gender="woman",
                                    shows_lived_experience=True, specialisms=["racism_discrimination"]),
        "hidden_ar": make_counsellor("Not Shown", languages=["ar"], regions=[region], is_published=False),
    }


def test_staff_member_finds_arabic_speaking_counsellors_covering_their_region(directory, region):
    response = Client().get(DIRECTORY, {"region": region.pk, "language": "ar"})
    assert response.status_code == 200
    # Covering the region as a whole, or a post in it; the unpublished profile never shows.
    assert names_in(response) == {"Layla Mansour", "Youssef Benali"}
    assert "Not Shown" not in response.content.decode()


def test_a_post_is_covered_by_its_own_counsellors_and_by_its_regions(directory, cairo, post):
    assert names_in(Client().get(DIRECTORY, {"post": cairo.pk})) == {"Layla Mansour", "Youssef Benali", "Camille Laurent"}
    # Rabat has nobody of its own: the regional counsellors cover it.
    assert names_in(Client().get(DIRECTORY, {"post": post.pk})) == {"Layla Mansour", "Camille Laurent"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"gender": "man"}, {"Youssef Benali"}),
        ({"specialism": "racism_discrimination"}, {"Rania Khoury"}),
        ({"kind": "external"}, {"Layla Mansour"}),
        ({"kind": "internal", "language": "ar"}, {"Youssef Benali", "Rania Khoury"}),
        ({"bicultural": "on"}, {"Youssef Benali"}),
        ({"lived_experience": "on"}, {"Rania Khoury"}),
        ({"q": "laurent"}, {"Camille Laurent"}),
        ({"q": "bureau"}, {"Layla Mansour"}),
        ({}, {"Layla Mansour", "Youssef Benali", "Camille Laurent", "Rania Khoury"}),
    ],
)
def test_each_filter(directory, filters, expected):
    assert names_in(Client().get(DIRECTORY, filters)) == expected


def test_filters_are_a_plain_get_form_that_works_without_javascript(directory):
    html = Client().get(DIRECTORY).content.decode()
    assert 'method="get"' in html
    assert "<script" not in html
    for name in ("post", "region", "language", "gender", "specialism", "kind", "bicultural", "lived_experience"):
        assert f'name="{name}"' in html


def test_wrong_filter_values_are_reported_and_the_others_still_apply(directory):
    response = Client().get(DIRECTORY, {"post": "not-a-post", "language": "xx", "gender": "woman", "q": "x" * 500})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some choices could not be used" in html
    assert names_in(response) == {"Layla Mansour", "Camille Laurent", "Rania Khoury"}
    assert 'value="woman" selected' in html  # what was chosen stays chosen


def test_a_page_number_out_of_range_shows_the_last_page(directory):
    response = Client().get(DIRECTORY, {"page": "999"})
    assert response.status_code == 200
    response = Client().get(DIRECTORY, {"page": "abc"})
    assert response.status_code == 200


def test_pages_keep_the_filters(make_counsellor, region):
    for number in range(25):
        make_counsellor(f"Counsellor {number:02d}", languages=["ar"], regions=[region])
    response = Client().get(DIRECTORY, {"language": "ar"})
    html = response.content.decode()
    assert "language=ar&amp;page=2" in html
    second = Client().get(DIRECTORY, {"language": "ar", "page": 2})
    assert len(names_in(second)) == 5


def test_the_search_costs_the_same_number_of_queries_for_many_counsellors(make_counsellor, region, post):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(DIRECTORY, {"region": region.pk, "language": "ar"}).status_code == 200
        return len(captured)

    for number in range(3):
        make_counsellor(f"A {number}", languages=["ar", "fr"], regions=[region], posts=[post], specialisms=["bullying"])
    few = queries()
    for number in range(30):
        make_counsellor(f"B {number}", languages=["ar", "fr"], regions=[region], posts=[post], specialisms=["bullying"])
    assert queries() == few


def test_a_profile_shows_what_the_counsellor_published(make_counsellor, region, cairo):
    counsellor = make_counsellor(
        "Amira Haddad", languages=["ar", "nl"], regions=[region], posts=[cairo], phone="+31 70 348 6100",
        email="amira@minbuza.example", video_link="https://video.example/amira", specialisms=["racism_discrimination"],
        introduction_nl="Ik luister naar je.", introduction_en="I listen to you.", introduction_ar="أنا أستمع إليك.",
        availability_nl="Dinsdag", availability_en="Tuesdays",
    )
    response = Client().get(reverse("vertrouwenspersonen:profile", args=[counsellor.pk]), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "I listen to you." in html and "Ik luister" not in html
    assert 'href="tel:+31703486100"' in html
    assert 'href="mailto:amira@minbuza.example"' in html
    assert 'href="https://video.example/amira"' in html
    assert "Embassy Cairo" in html and "Middle East and North Africa" in html
    assert "Tuesdays" in html


def test_an_introduction_is_shown_in_the_readers_language_or_marked_as_another(make_counsellor):
    counsellor = make_counsellor("Li Na", introduction_nl="Ik ben er voor Beijing.", introduction_en="I am here for Beijing.",
                                 introduction_ar="أنا هنا من أجل بكين.")
    url = reverse("vertrouwenspersonen:profile", args=[counsellor.pk])
    arabic = Client().get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<p class="intro" lang="ar" dir="rtl">أنا هنا من أجل بكين.</p>' in arabic
    # No Russian introduction: the English one is shown, marked as English for screen readers.
    russian = Client().get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<p class="intro" lang="en" dir="ltr">I am here for Beijing.</p>' in russian
    # Only Dutch written: Dutch is shown.
    dutch_only = make_counsellor("Sander Mulder", introduction_nl="Alleen Nederlands.")
    page = Client().get(reverse("vertrouwenspersonen:profile", args=[dutch_only.pk]), HTTP_ACCEPT_LANGUAGE="fr")
    assert 'lang="nl" dir="ltr">Alleen Nederlands.' in page.content.decode()


def test_an_unpublished_or_unknown_profile_is_not_found(make_counsellor):
    hidden = make_counsellor("Hidden", is_published=False)
    assert Client().get(reverse("vertrouwenspersonen:profile", args=[hidden.pk])).status_code == 404
    assert Client().get(reverse("vertrouwenspersonen:profile", args=[99999])).status_code == 404


def test_the_directory_says_what_a_counsellor_does_and_does_not_do(db):
    html = Client().get(DIRECTORY, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "listens and advises" in html
    assert "takes no action themselves" in html
    assert "Only when you ask" in html


@pytest.mark.parametrize(
    ("language", "heading", "direction"),
    [
        ("nl", "Vertrouwenspersonen", "ltr"),
        ("en", "Confidential counsellors", "ltr"),
        ("fr", "Personnes de confiance", "ltr"),
        ("es", "Personas de confianza", "ltr"),
        ("pt", "Pessoas de confiança", "ltr"),
        ("ar", "مستشارو الثقة", "rtl"),
        ("ru", "Доверенные консультанты", "ltr"),
        ("zh-hans", "信任顾问", "ltr"),
    ],
)
def test_the_directory_in_every_reporter_language(make_counsellor, region, language, heading, direction):
    make_counsellor("Amira Haddad", languages=["ar"], regions=[region], specialisms=["sexual_harassment"], gender="woman")
    response = Client().get(DIRECTORY, HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'dir="{direction}"' in html


def test_the_home_page_leads_to_the_directory(db):
    assert DIRECTORY in Client().get(reverse("intake:home")).content.decode()


def test_inactive_posts_are_not_offered(directory, region):
    Post.objects.create(code="closed", name="Gesloten post", name_en="Closed post", kind=Post.Kind.EMBASSY,
                        city="X", country_code="XX", region=region, is_active=False)
    assert "Closed post" not in Client().get(DIRECTORY, HTTP_ACCEPT_LANGUAGE="en").content.decode()
