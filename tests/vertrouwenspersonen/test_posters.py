"""Posters and leaflets per post: the coordinator makes them for one post or a whole region, prints them
from the browser, and sees when a sheet on the wall is out of date."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.organisation.models import Post
from vertrouwenspersonen import posters, services
from vertrouwenspersonen.models import PosterPrint


@pytest.fixture
def rabat_team(post, region, paris, make_counsellor):
    """Rabat (ar, fr, nl): Amira named for Rabat; Layla covers the whole region; Camille only Paris."""
    post.name_ar = "السفارة في الرباط"
    post.save()
    amira = make_counsellor(
        "Amira Haddad", languages=["ar", "fr"], posts=[post], phone="+212 5 37 00 00 00",
        introduction_en="I listen.", introduction_ar="أنا أستمع.",
    )
    layla = make_counsellor("Layla Mansour", languages=["ar", "ber"], regions=[region], email="layla@example.org")
    make_counsellor("Camille Laurent", languages=["fr"], posts=[paris])
    return {"amira": amira, "layla": layla}


def make(client, **data):
    return client.post(reverse("counsellors:posters"), data, HTTP_ACCEPT_LANGUAGE="en")


def test_coordinator_prints_a_poster_for_rabat_in_its_languages_with_a_qr_code(rabat_team, coordinator, client_for, post):
    client = client_for(coordinator)
    response = make(client, post=post.pk, kind="poster", paper="a3")
    assert response.status_code == 302
    sheet = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    html = sheet.content.decode()
    assert sheet.status_code == 200
    # The counsellors covering Rabat (named for it, or for its region), not Paris's.
    assert "Amira Haddad" in html and "Layla Mansour" in html and "Camille Laurent" not in html
    # In Rabat's languages the portal offers (ar, fr, nl), Arabic first and right to left.
    assert 'class="sheet poster sheet-a3" lang="ar" dir="rtl"' in html
    for code in ("ar", "fr", "nl"):
        assert f'<section lang="{code}"' in html
    assert "السفارة في الرباط" in html  # the post's name in Arabic
    # The spoken languages named in themselves where the portal speaks them.
    assert "العربية" in html and "Français" in html
    # A QR code made on this server, inline: no script, no image from elsewhere.
    assert re.search(r'<div class="qr"[^>]*><svg [^>]*viewBox=', html)
    assert "<script" not in html and "http://" not in html.split("<body")[0].replace("http://www.w3.org", "")
    assert PosterPrint.objects.get(post=post).paper == "a3"
    assert AuditEvent.objects.filter(action="poster.made", actor=coordinator).exists()


def test_the_qr_code_opens_the_portal_in_the_posts_first_language(client, post):
    sheet = posters.build_sheets([post], kind="poster", paper="a4")[0]
    assert sheet.portal_link.endswith("/counsellors/open/ar/")
    response = client.get("/counsellors/open/ar/")
    assert response.status_code == 302 and response["Location"] == reverse("intake:home")
    home = client.get(response["Location"])
    assert home.content.decode().startswith("<!doctype html>") and '<html lang="ar" dir="rtl">' in home.content.decode()
    assert client.get("/counsellors/open/xx/").status_code == 404


def test_a_post_whose_languages_the_portal_does_not_offer_gets_an_english_sheet(region):
    post = Post.objects.create(code="seoul", name="Ambassade Seoul", kind="embassy", city="Seoul", country_code="KR",
                               region=region, languages="ko")
    assert posters.sheet_languages(post) == ["en"]


def test_a_post_in_tokyo_gets_a_japanese_sheet_now_that_the_portal_offers_japanese(region):
    post = Post.objects.create(code="tokyo", name="Ambassade Tokio", kind="embassy", city="Tokyo", country_code="JP",
                               region=region, languages="ja,nl,en")
    assert posters.sheet_languages(post) == ["ja", "nl", "en"]


def test_a_whole_region_at_once_one_sheet_per_post(rabat_team, coordinator, client_for, post, cairo, paris, region):
    client = client_for(coordinator)
    response = make(client, region=region.pk, kind="leaflet", paper="a4")
    html = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert set(PosterPrint.objects.values_list("post__code", flat=True)) == {"rabat", "cairo"}
    # A leaflet is a page per language: Rabat ar fr nl, Cairo ar en nl.
    assert html.count('<article class="sheet leaflet') == 6
    assert "أنا أستمع." in html  # Amira's own Arabic introduction on the Arabic page


def test_bad_choices_are_explained_and_nothing_is_made(coordinator, client_for, post, region):
    client = client_for(coordinator)
    response = make(client, kind="leaflet", paper="a3", post=post.pk)
    assert response.status_code == 400
    assert "A leaflet is printed on A4." in response.content.decode()
    response = make(client, kind="poster", paper="a4")
    assert "Choose a post, or a region to print for all its posts." in response.content.decode()
    response = make(client, kind="poster", paper="a4", post=post.pk, region=region.pk)
    assert "Choose either a post or a region, not both." in response.content.decode()
    assert not PosterPrint.objects.exists()


def test_the_overview_says_when_a_sheet_is_out_of_date(rabat_team, coordinator, client_for, post, make_counsellor):
    client = client_for(coordinator)
    make(client, post=post.pk, kind="poster", paper="a4")
    row = next(r for r in posters.print_overview() if r.post == post)
    assert row.poster is not None and not row.poster_staleness.out_of_date and row.leaflet is None

    # Layla leaves the directory, a new counsellor joins, and Rabat now also speaks English.
    services.counsellor_update(actor=coordinator, counsellor=rabat_team["layla"], changes={"is_published": False})
    make_counsellor("Nadia Idrissi", languages=["ar"], posts=[post])
    post.languages = "ar,fr,nl,en"
    post.save()
    row = next(r for r in posters.print_overview() if r.post == post)
    assert row.poster_staleness.left == ["Layla Mansour"]
    assert row.poster_staleness.joined == ["Nadia Idrissi"]
    assert row.poster_staleness.languages_added == ["English"]
    html = client.get(reverse("counsellors:posters"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "out of date" in html and "Layla Mansour" in html
    # Reopening the old print run warns before printing it again.
    batch = PosterPrint.objects.get(post=post).batch
    html = client.get(reverse("counsellors:poster-batch", args=[batch]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "is out of date" in html and "Make a new one before you print." in html


def test_the_overview_costs_the_same_queries_for_many_posts(rabat_team, coordinator, region):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            posters.print_overview()
        return len(captured)

    services.poster_prints_make(actor=coordinator, posts=Post.objects.all(), kind="poster", paper="a4")
    few = queries()
    for number in range(10):
        Post.objects.create(code=f"p{number}", name=f"Post {number}", kind="embassy", city="X", country_code="MA",
                            region=region, languages="ar")
    services.poster_prints_make(actor=coordinator, posts=Post.objects.all(), kind="poster", paper="a4")
    assert queries() == few


def test_only_the_coordinator_makes_sheets(counsellor_user, post):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.poster_prints_make(actor=counsellor_user, posts=[post], kind="poster", paper="a4")


def test_a_counsellor_named_for_the_residence_is_on_the_posts_poster(rabat_team, coordinator, post, make_counsellor):
    hamid = make_counsellor("Hamid Ouali", languages=["ber"])
    services.work_location_save(actor=coordinator, post=post, name="Residence", staff_groups=["residence_staff"],
                                languages=["ber"], counsellors=[hamid])
    sheet = posters.build_sheets([post], kind="poster", paper="a4")[0]
    assert "Hamid Ouali" in [item.counsellor.name for item in sheet.counsellors]
