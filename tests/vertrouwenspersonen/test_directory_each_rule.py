"""The public directory, rule by rule, as a visitor uses it: who covers a post or a region, what a
counsellor chose to show, results by name, each card's languages, specialisms, places and introduction in
the reader's language, and each photo served for its own counsellor only."""

import pytest
from django.utils import timezone, translation

from tests.vertrouwenspersonen.conftest import image_bytes
from vertrouwenspersonen import photos, selectors
from vertrouwenspersonen.models import CounsellorDisclosure, CounsellorSpecialism
from vertrouwenspersonen.selectors import DirectoryFilters, LocalisedText


def names(counsellors):
    return [c.name for c in counsellors]


@pytest.fixture
def pool(make_counsellor, post, europe, paris, region):
    """Nadia is named for Rabat, Omar covers Rabat's whole region, Pieter covers Europe, Quinn Paris."""
    return {
        "quinn": make_counsellor("Quinn de Vries", posts=[paris]),
        "pieter": make_counsellor("Pieter Jansen", regions=[europe]),
        "omar": make_counsellor("Omar Alaoui", regions=[region]),
        "nadia": make_counsellor("Nadia Bennani", posts=[post]),
    }


def test_a_visitor_looking_for_a_post_finds_those_named_for_it_and_those_covering_its_region(pool, post, paris):
    assert names(selectors.directory_search(DirectoryFilters(post=post))) == ["Nadia Bennani", "Omar Alaoui"]
    assert names(selectors.directory_search(DirectoryFilters(post=paris))) == ["Pieter Jansen", "Quinn de Vries"]


def test_a_visitor_looking_for_a_region_finds_those_covering_it_or_one_of_its_posts(pool, region, europe):
    assert names(selectors.directory_search(DirectoryFilters(region=region))) == ["Nadia Bennani", "Omar Alaoui"]
    assert names(selectors.directory_search(DirectoryFilters(region=europe))) == ["Pieter Jansen", "Quinn de Vries"]


def test_results_are_listed_by_name_whatever_order_they_were_added_in(pool):
    assert names(selectors.directory_search(DirectoryFilters())) == [
        "Nadia Bennani", "Omar Alaoui", "Pieter Jansen", "Quinn de Vries",
    ]


def test_a_visitor_finds_only_the_counsellor_who_chose_to_show_that_value(pool):
    CounsellorDisclosure.objects.create(
        counsellor=pool["omar"], field="faith", value="muslim", consented_at=timezone.now()
    )
    CounsellorDisclosure.objects.create(
        counsellor=pool["nadia"], field="disability", value="lived", consented_at=timezone.now()
    )
    assert names(selectors.directory_search(DirectoryFilters(disclosures=(("faith", "muslim"),)))) == ["Omar Alaoui"]
    # A value counts under its own field only.
    assert names(selectors.directory_search(DirectoryFilters(disclosures=(("faith", "lived"),)))) == []
    assert names(selectors.directory_search(DirectoryFilters(disclosures=(("disability", "lived"),)))) == ["Nadia Bennani"]


def test_each_counsellor_s_photo_is_their_own(make_counsellor):
    red = make_counsellor("Amira Haddad", photo=photos.photo_from_bytes(image_bytes(colour=(200, 30, 30))))
    blue = make_counsellor("Karim Bennani", photo=photos.photo_from_bytes(image_bytes(colour=(30, 30, 200))))
    assert red.photo.digest != blue.photo.digest
    assert selectors.directory_photo(counsellor_id=blue.pk).digest == blue.photo.digest
    assert selectors.directory_photo(counsellor_id=red.pk).digest == red.photo.digest
    hidden = make_counsellor("Hidden", is_published=False, photo=photos.photo_from_bytes(image_bytes()))
    assert selectors.directory_photo(counsellor_id=hidden.pk) is None


def test_a_directory_card_shows_languages_specialisms_places_disclosures_and_introduction(
    make_counsellor, post, europe
):
    counsellor = make_counsellor(
        "Amira Haddad", languages=["ar", "fr"], specialisms=["racism_discrimination", "bullying"], posts=[post],
        regions=[europe], introduction_nl="Ik luister.", introduction_en="I listen.",
    )
    # A specialism no longer offered is shown by its code, not hidden and not "None".
    CounsellorSpecialism.objects.create(counsellor=counsellor, code="retired_topic")
    CounsellorDisclosure.objects.create(counsellor=counsellor, field="faith", value="muslim", consented_at=timezone.now())
    with translation.override("en"):
        (card,) = selectors.directory_cards(selectors.directory_search(DirectoryFilters()))
        assert card.counsellor == counsellor
        assert card.languages == ["Arabic", "French"]
        assert card.specialisms == ["Racism and discrimination", "Bullying", "retired_topic"]
        assert card.covers == ["Europe", "Embassy Rabat"]
        assert card.introduction == LocalisedText(text="I listen.", language="en")
        assert card.disclosures == ["Faith or life view: Muslim"]
    with translation.override("nl"):
        (card,) = selectors.directory_cards(selectors.directory_search(DirectoryFilters()))
        assert card.introduction == LocalisedText(text="Ik luister.", language="nl")


def test_a_card_without_any_introduction_shows_none(make_counsellor):
    make_counsellor("Karim Bennani")
    with translation.override("en"):
        (card,) = selectors.directory_cards(selectors.directory_search(DirectoryFilters()))
    assert card.introduction is None and card.languages == [] and card.disclosures == []


def test_a_reader_in_a_language_the_portal_does_not_speak_reads_english_then_dutch_then_any(make_counsellor):
    both = make_counsellor("Amira Haddad", introduction_nl="Ik luister.", introduction_en="I listen.")
    dutch_only = make_counsellor("Karim Bennani", introduction_nl="Ik help.")
    arabic_only = make_counsellor("Omar Alaoui", introduction_ar="أنا أستمع.")
    # Amharic, spoken at a post, is not a language of the portal: English first.
    assert selectors.localised(both, "introduction", "am") == LocalisedText("I listen.", "en")
    assert selectors.localised(dutch_only, "introduction", "am") == LocalisedText("Ik help.", "nl")
    assert selectors.localised(arabic_only, "introduction", "AM") == LocalisedText("أنا أستمع.", "ar")
    assert selectors.localised(both, "introduction", "NL") == LocalisedText("Ik luister.", "nl")
    assert selectors.localised(dutch_only, "availability", "nl") is None

