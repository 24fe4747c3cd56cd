"""The coordinator's management pages, rule by rule: the coverage overview (which active posts, regions and
work locations have a counsellor, which languages none of them speaks, who is trained), the counsellor
and work-location lists in a fixed order, and each read in a fixed number of queries."""

import datetime

import pytest
from django.utils import translation

from meldpunt.organisation.models import Post, Region
from vertrouwenspersonen import selectors
from vertrouwenspersonen.models import TrainingEvent, TrainingKind, WorkLocation

TODAY = datetime.date(2026, 11, 15)


@pytest.fixture
def places(post, cairo, paris, region):
    """Rabat is made before Cairo (both in the Middle East), Paris in Europe; Tunis is closed; Asia has no post."""
    asia = Region.objects.create(code="asia", name="Azië", name_en="Asia")
    tunis = Post.objects.create(
        code="tunis", name="Ambassade Tunis", name_en="Embassy Tunis", kind=Post.Kind.EMBASSY, city="Tunis",
        country_code="TN", region=region, languages="ar", is_active=False,
    )
    return {"rabat": post, "cairo": cairo, "paris": paris, "tunis": tunis, "asia": asia}


@pytest.fixture
def staffed(places, make_counsellor, region, coordinator):
    nadia = make_counsellor("Nadia Bennani", posts=[places["rabat"]], languages=["ar", "fr"])
    omar = make_counsellor("Omar Alaoui", regions=[region], languages=["nl"])
    pieter = make_counsellor("Pieter Jansen", languages=["en"])
    make_counsellor("Hidden Counsellor", posts=[places["paris"]], languages=["fr"], is_published=False)
    trained = TrainingEvent.objects.create(kind=TrainingKind.TRAINING, title="Basics", held_on=datetime.date(2026, 3, 1), recorded_by=coordinator)
    trained.attendees.set([nadia])
    # Omar is signed in as attending a training that has not been held yet: not trained.
    coming = TrainingEvent.objects.create(
        kind=TrainingKind.TRAINING, title="Basics again", held_on=TODAY + datetime.timedelta(days=10), recorded_by=coordinator
    )
    coming.attendees.set([omar])
    locations = {
        "rabat_residence": WorkLocation.objects.create(post=places["rabat"], name="Residence", languages="ar,en"),
        "rabat_garage": WorkLocation.objects.create(post=places["rabat"], name="Garage", languages="ar"),
        "cairo_residence": WorkLocation.objects.create(post=places["cairo"], name="Residence", languages="ar"),
        "paris_residence": WorkLocation.objects.create(post=places["paris"], name="Residence", languages="fr"),
    }
    WorkLocation.objects.create(post=places["rabat"], name="Old garage", languages="ar", is_active=False)
    WorkLocation.objects.create(post=places["tunis"], name="Residence", languages="ar")
    locations["rabat_residence"].counsellors.set([pieter])
    return {"nadia": nadia, "omar": omar, "pieter": pieter, **locations}


def test_the_coverage_overview_shows_every_active_post_region_and_work_location(staffed, places):
    nadia, omar, pieter = staffed["nadia"], staffed["omar"], staffed["pieter"]
    with translation.override("en"):
        coverage = selectors.coverage_overview(today=TODAY)

        posts = [
            (row.post.code, row.counsellors, row.missing_languages, row.trained, row.missing_trained_languages)
            for row in coverage.posts
        ]
        assert posts == [
            ("paris", [], [("fr", "French"), ("nl", "Dutch"), ("en", "English")], [],
             [("fr", "French"), ("nl", "Dutch"), ("en", "English")]),
            ("cairo", [omar], [("ar", "Arabic"), ("en", "English")], [],
             [("ar", "Arabic"), ("en", "English"), ("nl", "Dutch")]),
            ("rabat", [nadia, omar], [], [nadia], [("nl", "Dutch")]),
        ]
        regions = [
            (row.region.code, row.regional_counsellors, row.posts_total, row.posts_covered) for row in coverage.regions
        ]
        assert regions == [("asia", 0, 0, 0), ("europe", 0, 1, 0), ("mena", 1, 2, 2)]
        locations = [
            (row.location.post.code, row.location.name, row.counsellors, row.missing_languages, row.trained)
            for row in coverage.locations
        ]
        assert locations == [
            ("paris", "Residence", [], [("fr", "French")], []),
            ("cairo", "Residence", [], [("ar", "Arabic")], []),
            ("rabat", "Garage", [nadia], [], [nadia]),
            # Named for the residence, or for its post; not Omar, who covers the whole region.
            ("rabat", "Residence", [pieter, nadia], [], [nadia]),
        ]
        assert coverage.untrained_counsellors == [omar, pieter]
        assert [row.post.code for row in coverage.posts_without_counsellor] == ["paris"]
        assert [row.post.code for row in coverage.posts_without_trained_counsellor] == ["cairo"]
        assert [row.region.code for row in coverage.regions_without_counsellor] == ["asia", "europe"]


def test_the_coverage_overview_takes_the_same_number_of_queries_whatever_it_shows(staffed, django_assert_num_queries):
    with django_assert_num_queries(9):
        coverage = selectors.coverage_overview(today=TODAY)
        [(row.post.name, row.post.region.name) for row in coverage.posts]
        [(row.location.post.name, row.location.post.region.name) for row in coverage.locations]


@pytest.fixture
def two_counsellors(make_counsellor, counsellor_user, other_counsellor_user, post, europe):
    zora = make_counsellor("Zora Amrani", user=counsellor_user, languages=["ar"], specialisms=["bullying"], posts=[post], regions=[europe])
    anna = make_counsellor("Anna Berg", user=other_counsellor_user, languages=["nl", "en"], posts=[post])
    return zora, anna


def test_the_counsellor_list_is_by_name_with_account_languages_and_places_in_four_queries(
    two_counsellors, django_assert_num_queries
):
    with django_assert_num_queries(4):
        rows = [
            (c.name, c.user.username, [r.code for r in c.language_rows.all()], [p.code for p in c.posts.all()],
             [r.code for r in c.regions.all()])
            for c in selectors.counsellors_for_management()
        ]
    assert rows == [
        ("Anna Berg", "karim", ["nl", "en"], ["rabat"], []),
        ("Zora Amrani", "amira", ["ar"], ["rabat"], ["europe"]),
    ]


def test_one_counsellor_is_opened_with_account_languages_specialisms_and_places_in_five_queries(
    two_counsellors, django_assert_num_queries
):
    zora, _anna = two_counsellors
    with django_assert_num_queries(5):
        found = selectors.counsellor_for_management(counsellor_id=zora.pk)
    with django_assert_num_queries(0):
        assert (
            found.user.username, [r.code for r in found.language_rows.all()], [r.code for r in found.specialism_rows.all()],
            [p.code for p in found.posts.all()], [r.code for r in found.regions.all()], found.photo_digest,
        ) == ("amira", ["ar"], ["bullying"], ["rabat"], ["europe"], None)


def test_work_locations_are_listed_by_region_post_and_name_with_their_counsellors_in_two_queries(
    staffed, django_assert_num_queries
):
    with translation.override("en"), django_assert_num_queries(2):
        rows = [
            (w.post.code, w.post.region.code, w.name, [c.name for c in w.counsellors.all()])
            for w in selectors.work_locations_for_management()
        ]
    assert rows == [
        ("paris", "europe", "Residence", []),
        ("cairo", "mena", "Residence", []),
        ("rabat", "mena", "Garage", []),
        ("rabat", "mena", "Old garage", []),
        ("rabat", "mena", "Residence", ["Pieter Jansen"]),
        ("tunis", "mena", "Residence", []),
    ]
    found = selectors.work_location_for_management(location_id=staffed["rabat_residence"].pk)
    assert (found.name, found.post.code) == ("Residence", "rabat")
