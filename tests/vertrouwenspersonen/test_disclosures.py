"""A diverse pool, by choice: a counsellor may show their age range, education, disability experience,
faith or life view and sexual orientation or gender identity experience; each only with explicit,
recorded consent (GDPR art. 9), withdrawable at once, which removes it everywhere. Staff filter on it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from vertrouwenspersonen import services
from vertrouwenspersonen.models import CounsellorDisclosure


def choose(client, **data):
    return client.post(reverse("counsellors:own-disclosures"), data, HTTP_ACCEPT_LANGUAGE="en")


def directory(client, **query):
    return client.get(reverse("vertrouwenspersonen:directory"), query, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_counsellor_shows_age_and_faith_with_consent_and_staff_find_them(profile, counsellor_user, client_for, client):
    response = choose(client_for(counsellor_user), age_range="30_44", consent_age_range="on", faith="muslim",
                      consent_faith="on", sogi="")
    assert response.status_code == 302
    assert set(CounsellorDisclosure.objects.values_list("field", "value")) == {("age_range", "30_44"), ("faith", "muslim")}
    assert all(row.consented_at for row in CounsellorDisclosure.objects.all())

    html = client.get(reverse("vertrouwenspersonen:profile", args=[profile.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Age range: 30 to 44" in html and "Faith or life view: Muslim" in html
    assert "Amira Haddad" in directory(client, faith="muslim")
    assert "Amira Haddad" not in directory(client, faith="christian")
    assert "Amira Haddad" in directory(client, age_range="30_44", faith="muslim")

    # The audit trail records the consent per field, never what was shown.
    events = AuditEvent.objects.filter(action="counsellor.disclosure_consented")
    assert sorted(e.detail["field"] for e in events) == ["age_range", "faith"]
    assert not any("muslim" in str(e.detail) for e in AuditEvent.objects.all())


def test_nothing_is_shown_without_the_consent_box_and_the_form_keeps_the_choice(profile, counsellor_user, client_for):
    response = choose(client_for(counsellor_user), disability="lived")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tick the box to agree that this is shown" in html
    assert '<option value="lived" selected>' in html
    assert not CounsellorDisclosure.objects.exists()


def test_withdrawing_removes_it_at_once_everywhere(profile, counsellor_user, client_for, client):
    signed = client_for(counsellor_user)
    choose(signed, sogi="lgbtiq", consent_sogi="on", education="higher", consent_education="on")
    assert "Amira Haddad" in directory(client, sogi="lgbtiq")

    response = choose(signed, sogi="", education="higher", consent_education="on")
    assert response.status_code == 302
    assert list(CounsellorDisclosure.objects.values_list("field", flat=True)) == ["education"]
    assert "Amira Haddad" not in directory(client, sogi="lgbtiq")
    html = client.get(reverse("vertrouwenspersonen:profile", args=[profile.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "LGBTIQ" not in html and "Education: Higher professional education or university" in html
    assert AuditEvent.objects.filter(action="counsellor.disclosure_withdrawn", detail__field="sogi").exists()
    # Unticking the consent withdraws too; changing to another value asks for consent again.
    response = choose(signed, education="vocational")
    assert response.status_code == 400 and CounsellorDisclosure.objects.get(field="education").value == "higher"
    response = choose(signed, education="higher")
    assert response.status_code == 302 and not CounsellorDisclosure.objects.exists()


def test_nobody_else_can_choose_for_the_counsellor(profile, coordinator, other_counsellor_user):
    for actor in (coordinator, other_counsellor_user):
        with pytest.raises(PermissionDenied):
            services.counsellor_disclosures_set(
                actor=actor, counsellor=profile, choices={"faith": "jewish"}, consents=["faith"]
            )
    assert not CounsellorDisclosure.objects.exists()


def test_an_unknown_value_is_refused(profile, counsellor_user, client_for):
    response = choose(client_for(counsellor_user), faith="pastafarian", consent_faith="on")
    assert response.status_code == 400 and not CounsellorDisclosure.objects.exists()
