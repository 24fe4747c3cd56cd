"""Counsellors keep their own profile within what the coordinator allows; the coordinator keeps the rest."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from tests.conftest import make_staff
from vertrouwenspersonen import services
from vertrouwenspersonen.models import Counsellor

OWN_PROFILE = reverse("counsellors:own-profile")


def form_data(response) -> dict:
    """What the browser would send back for the form as shown: every field with its current value."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False) or name in ("photo",):
            continue
        data[name] = [str(v.pk if hasattr(v, "pk") else v) for v in value] if isinstance(value, list) else value
        if value is True:
            data[name] = "on"
    return data


def test_a_counsellor_edits_the_parts_the_coordinator_allows(profile, counsellor_user, client_for):
    client = client_for(counsellor_user)
    page = client.get(OWN_PROFILE)
    assert page.status_code == 200
    fields = set(page.context["form"].fields)
    # By default: introduction, availability, contact, languages, gender, photo, and the self-disclosures.
    assert {"introduction_nl", "introduction_ar", "availability_en", "phone", "email", "video_link", "languages",
            "gender", "photo", "shows_bicultural_background", "shows_lived_experience"} <= fields
    assert not fields & {"name", "kind", "organisation", "user", "is_published", "self_editable", "specialisms", "posts", "regions"}

    data = form_data(page) | {
        "introduction_ar": "أنا هنا لأستمع إليك.", "languages": ["ar", "fr", "nl", "en"], "phone": "+20 2 2739 5500",
        "shows_bicultural_background": "on",
        # Not offered on the form: ignored, whatever a crafted request says.
        "name": "Someone Else", "is_published": "", "specialisms": ["bullying"],
    }
    response = client.post(OWN_PROFILE, data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.introduction_ar == "أنا هنا لأستمع إليك."
    assert profile.introduction_nl == "Ik luister."  # untouched fields stay as they were
    assert sorted(r.code for r in profile.language_rows.all()) == ["ar", "en", "fr", "nl"]
    assert profile.shows_bicultural_background is True
    assert profile.name == "Amira Haddad" and profile.is_published and not profile.specialism_rows.exists()
    assert AuditEvent.objects.filter(action="counsellor.self_updated", target_id=str(profile.pk)).exists()


def test_the_coordinator_decides_what_the_counsellor_may_edit(profile, counsellor_user, coordinator, client_for):
    services.counsellor_update(actor=coordinator, counsellor=profile, changes={"self_editable": ["specialisms", "coverage"]})
    fields = set(client_for(counsellor_user).get(OWN_PROFILE).context["form"].fields)
    assert {"specialisms", "posts", "regions", "shows_bicultural_background", "shows_lived_experience"} == fields
    # The service refuses what the coordinator did not allow, whatever the form does.
    with pytest.raises(PermissionDenied):
        services.counsellor_self_update(actor=counsellor_user, counsellor=profile, changes={"phone": "+1 555"})


def test_a_counsellor_cannot_change_another_counsellors_profile(profile, other_counsellor_user):
    with pytest.raises(PermissionDenied):
        services.counsellor_self_update(actor=other_counsellor_user, counsellor=profile, changes={"phone": "1"})
    with pytest.raises(PermissionDenied):
        services.counsellor_confirm_current(actor=other_counsellor_user, counsellor=profile)


def test_a_counsellor_confirms_the_profile_is_current(profile, counsellor_user, client_for):
    client = client_for(counsellor_user)
    assert "You have not confirmed it yet." in client.get(OWN_PROFILE).content.decode()
    response = client.post(reverse("counsellors:own-profile-confirm"))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.confirmed_current_at is not None
    assert "You last confirmed it on" in client.get(OWN_PROFILE).content.decode()
    assert AuditEvent.objects.filter(action="counsellor.confirmed_current").count() == 1
    assert client.get(reverse("counsellors:own-profile-confirm")).status_code == 405


def test_a_counsellor_without_a_profile_is_told_whom_to_ask(counsellor_user, client_for):
    response = client_for(counsellor_user).get(OWN_PROFILE)
    assert response.status_code == 200
    assert "Ask the counsellor coordinator" in response.content.decode()
    assert client_for(counsellor_user).post(reverse("counsellors:own-profile-confirm")).status_code == 404


def test_bad_input_on_the_own_profile_is_explained_and_kept(profile, counsellor_user, client_for):
    client = client_for(counsellor_user)
    data = form_data(client.get(OWN_PROFILE)) | {
        "email": "not an address", "video_link": "http://insecure.example/room", "introduction_en": "x" * 2001,
        "languages": ["ar", "klingon"], "introduction_fr": "Je garde ce texte.",
    }
    response = client.post(OWN_PROFILE, data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"email", "video_link", "introduction_en", "languages"} <= set(errors)
    assert "Je garde ce texte." in response.content.decode()
    profile.refresh_from_db()
    assert profile.introduction_fr in ("", None)


MANAGE_NEW = reverse("counsellors:manage-new")


def test_the_coordinator_adds_an_external_counsellor_with_introductions_in_several_languages(coordinator, client_for, region, post):
    client = client_for(coordinator)
    page = client.get(MANAGE_NEW)
    data = form_data(page) | {
        "name": "Layla Mansour", "kind": "external", "organisation": "Bureau Vertrouwd Extern",
        "introduction_nl": "Externe vertrouwenspersoon.", "introduction_en": "External counsellor.",
        "introduction_ar": "مستشارة خارجية.", "languages": ["ar", "en", "nl"], "specialisms": ["sexual_harassment"],
        "regions": [str(region.pk)], "posts": [str(post.pk)], "gender": "woman", "is_published": "on",
        "self_editable": ["introduction", "contact"],
    }
    response = client.post(MANAGE_NEW, data)
    assert response.status_code == 302
    counsellor = Counsellor.objects.get(name="Layla Mansour")
    assert counsellor.kind == "external" and counsellor.user is None
    assert counsellor.introduction_nl == "Externe vertrouwenspersoon." and counsellor.introduction_ar == "مستشارة خارجية."
    assert list(counsellor.regions.all()) == [region] and list(counsellor.posts.all()) == [post]
    assert counsellor.self_editable == ["introduction", "contact"]
    # A double click on "save" adds nobody twice.
    assert client.post(MANAGE_NEW, data).status_code == 302
    assert Counsellor.objects.filter(name="Layla Mansour").count() == 1
    assert AuditEvent.objects.filter(action="counsellor.created").count() == 1


def test_the_coordinator_links_an_account_only_of_a_counsellor(coordinator, client_for, counsellor_user, make_counsellor):
    counsellor = make_counsellor("Youssef Benali")
    manager = make_staff(Role.MANAGER)
    client = client_for(coordinator)
    url = reverse("counsellors:manage-edit", args=[counsellor.pk])
    data = form_data(client.get(url))
    response = client.post(url, data | {"user": str(manager.pk)})
    assert response.status_code == 400 and "user" in response.context["form"].errors
    assert client.post(url, data | {"user": str(counsellor_user.pk)}).status_code == 302
    counsellor.refresh_from_db()
    assert counsellor.user == counsellor_user
    # One account, one profile.
    other = make_counsellor("Someone Else")
    other_url = reverse("counsellors:manage-edit", args=[other.pk])
    response = client.post(other_url, form_data(client.get(other_url)) | {"user": str(counsellor_user.pk)})
    assert response.status_code == 400


def test_the_coordinator_sees_every_profile_and_when_it_was_confirmed(coordinator, client_for, make_counsellor, profile):
    make_counsellor("Not Shown Yet", is_published=False)
    html = client_for(coordinator).get(reverse("counsellors:manage")).content.decode()
    assert "Not Shown Yet" in html and "Amira Haddad" in html


def test_a_profile_without_a_name_is_refused(coordinator, client_for):
    client = client_for(coordinator)
    data = form_data(client.get(MANAGE_NEW)) | {"name": "   ", "introduction_nl": "Tekst die blijft."}
    response = client.post(MANAGE_NEW, data)
    assert response.status_code == 400
    assert "Tekst die blijft." in response.content.decode()
    assert not Counsellor.objects.exists()
