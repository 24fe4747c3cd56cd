"""Residences and other work locations of a post: residence staff, drivers, guards and domestic staff
have counsellors they know, and the coverage overview shows the gaps per location and language."""

import re

import pytest
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from vertrouwenspersonen import selectors
from vertrouwenspersonen.models import WorkLocation


@pytest.fixture
def rabat(post, region, make_counsellor):
    """Amira is named for Rabat (ar, fr); Layla covers the whole region (ar, ber)."""
    return {
        "amira": make_counsellor("Amira Haddad", languages=["ar", "fr"], posts=[post]),
        "layla": make_counsellor("Layla Mansour", languages=["ar", "ber"], regions=[region]),
        "hamid": make_counsellor("Hamid Ouali", languages=["ber"]),
    }


def add(client, post, **data):
    data = {"post": post.pk, "name": "Residence", "is_active": "on", **data}
    return client.post(reverse("counsellors:location-new"), data, HTTP_ACCEPT_LANGUAGE="en")


def test_coordinator_adds_the_residence_and_the_coverage_shows_its_language_gap(rabat, coordinator, client_for, post):
    client = client_for(coordinator)
    response = add(client, post, staff_groups=["residence_staff", "domestic_staff"], languages=["ar", "ber"])
    assert response.status_code == 302
    residence = WorkLocation.objects.get(post=post)
    assert residence.staff_groups == ["residence_staff", "domestic_staff"] and residence.language_codes == ["ar", "ber"]
    assert AuditEvent.objects.filter(action="work_location.created", actor=coordinator).exists()

    # Amira, named for the post, covers its residence; Berber is spoken there and she does not speak it.
    # Layla speaks it, but a region-wide counsellor is not someone the residence staff know.
    row = selectors.coverage_overview().locations[0]
    assert [c.name for c in row.counsellors] == ["Amira Haddad"]
    assert [code for code, _name in row.missing_languages] == ["ber"]
    html = client.get(reverse("counsellors:coverage"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Residences and other work locations" in html and "Residence staff, Domestic staff" in html

    # Hamid, who speaks Berber, is named for the residence: the gap closes.
    response = client.post(
        reverse("counsellors:location-edit", args=[residence.pk]),
        {"post": post.pk, "name": "Residence", "is_active": "on", "staff_groups": ["residence_staff"],
         "languages": ["ar", "ber"], "counsellors": [rabat["hamid"].pk]},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    row = selectors.coverage_overview().locations[0]
    assert {c.name for c in row.counsellors} == {"Amira Haddad", "Hamid Ouali"} and not row.missing_languages


def test_a_location_of_a_post_without_counsellors_is_a_gap(region, coordinator, client_for, cairo):
    add(client_for(coordinator), cairo, name="Garage", staff_groups=["drivers", "guards"], languages=["ar"])
    coverage = selectors.coverage_overview()
    assert [row.location.name for row in coverage.locations_without_counsellor] == ["Garage"]


def test_a_second_location_with_the_same_name_is_refused_and_the_form_keeps_what_was_typed(coordinator, client_for, post):
    client = client_for(coordinator)
    add(client, post)
    response = add(client, post, staff_groups=["guards"])
    assert response.status_code == 400
    html = response.content.decode()
    assert "This post already has a work location with this name." in html
    assert re.search(r'value="guards"[^>]*checked', html)  # what was typed is still there
    assert WorkLocation.objects.count() == 1


def test_an_empty_name_is_explained(coordinator, client_for, post):
    response = add(client_for(coordinator), post, name="   ")
    assert response.status_code == 400
    assert not WorkLocation.objects.exists()
