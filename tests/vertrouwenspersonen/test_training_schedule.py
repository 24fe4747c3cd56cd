"""Training and intervision: the coordinator schedules sessions (date, place or video, language),
counsellors sign up, the coordinator records who attended, and the coverage overview flags counsellors,
posts, work locations and languages without a training in the last 12 months."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meldpunt.audit.models import AuditEvent
from vertrouwenspersonen import selectors, services
from vertrouwenspersonen.models import TrainingEvent, TrainingSignup


@pytest.fixture
def today():
    return timezone.localdate()


def schedule(client, **data):
    return client.post(reverse("counsellors:training-schedule"), data, HTTP_ACCEPT_LANGUAGE="en")


def test_a_session_is_scheduled_signed_up_for_attended_and_counts_as_training(
    profile, coordinator, counsellor_user, client_for, today, region, post
):
    coordinator_client = client_for(coordinator)
    assert [c.name for c in selectors.coverage_overview().untrained_counsellors] == ["Amira Haddad"]
    assert [row.post for row in selectors.coverage_overview().posts_without_trained_counsellor] == [post]

    next_month = today + datetime.timedelta(days=30)
    response = schedule(coordinator_client, kind="training", title="Training on sexual harassment", held_on=next_month.isoformat(),
                        region=region.pk, language="ar", video_link="https://video.example.org/mena")
    assert response.status_code == 302
    event = TrainingEvent.objects.get(title="Training on sexual harassment")
    assert (event.language, event.video_link, event.region) == ("ar", "https://video.example.org/mena", region)

    # Amira sees it and signs up (twice is once), cancels, and signs up again.
    counsellor_client = client_for(counsellor_user)
    html = counsellor_client.get(reverse("counsellors:my-training"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Training on sexual harassment" in html and "Sign up" in html
    for _twice in range(2):
        counsellor_client.post(reverse("counsellors:my-training-sign-up", args=[event.pk]))
    assert TrainingSignup.objects.filter(event=event).count() == 1
    counsellor_client.post(reverse("counsellors:my-training-cancel", args=[event.pk]))
    assert not TrainingSignup.objects.exists()
    counsellor_client.post(reverse("counsellors:my-training-sign-up", args=[event.pk]))
    html = counsellor_client.get(reverse("counsellors:my-training"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "You are signed up." in html
    html = coordinator_client.get(reverse("counsellors:training"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Training on sexual harassment" in html

    # Attendance is recorded after the session: before, it is refused and nothing changes.
    response = coordinator_client.post(reverse("counsellors:training-attendance", args=[event.pk]),
                                       {"attendees": [profile.pk]}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "once the session has taken place" in response.content.decode()
    TrainingEvent.objects.filter(pk=event.pk).update(held_on=today - datetime.timedelta(days=1))
    page = coordinator_client.get(reverse("counsellors:training-attendance", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert f'value="{profile.pk}" id="id_attendees_0" checked' in page.content.decode()  # signed up: ticked
    response = coordinator_client.post(reverse("counsellors:training-attendance", args=[event.pk]),
                                       {"attendees": [profile.pk]}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert list(event.attendees.all()) == [profile]
    assert not selectors.coverage_overview().untrained_counsellors
    assert not selectors.coverage_overview().posts_without_trained_counsellor
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"training.scheduled", "training.signed_up", "training.sign_up_cancelled", "training.attendance_recorded"} <= actions


def test_a_training_counts_for_twelve_months_and_intervision_alone_does_not(profile, coordinator, today, post):
    services.training_event_record(actor=coordinator, kind="intervision", title="Intervision", held_on=today, attendees=[profile])
    assert selectors.coverage_overview(today=today).untrained_counsellors == [profile]
    services.training_event_record(actor=coordinator, kind="training", title="Training", held_on=today, attendees=[profile])
    assert not selectors.coverage_overview(today=today).untrained_counsellors
    a_year_on = today + datetime.timedelta(days=365)
    coverage = selectors.coverage_overview(today=a_year_on)
    assert coverage.untrained_counsellors == [profile]
    rabat = next(row for row in coverage.posts if row.post == post)
    assert [code for code, _name in rabat.missing_trained_languages] == ["ar", "fr", "nl"]
    assert not rabat.missing_languages


def test_scheduling_needs_a_place_or_video_and_a_date_to_come(coordinator, client_for, today):
    client = client_for(coordinator)
    response = schedule(client, kind="intervision", title="Intervision Africa", held_on=today.isoformat(), language="fr")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give a place, a video link, or both." in html and 'value="Intervision Africa"' in html
    yesterday = today - datetime.timedelta(days=1)
    response = schedule(client, kind="intervision", title="Intervision Africa", held_on=yesterday.isoformat(),
                        language="fr", place="Nairobi")
    assert "Schedule a session for today or later." in response.content.decode()
    response = schedule(client, kind="intervision", title="Intervision Africa", held_on=today.isoformat(),
                        language="fr", video_link="http://insecure.example.org/")
    assert response.status_code == 400
    assert not TrainingEvent.objects.exists()


def test_a_counsellor_cannot_sign_up_for_a_past_session(profile, coordinator, counsellor_user, client_for, today):
    event = services.training_event_record(actor=coordinator, kind="training", title="Past", held_on=today - datetime.timedelta(days=3),
                                           attendees=[profile])
    response = client_for(counsellor_user).post(reverse("counsellors:my-training-sign-up", args=[event.pk]), follow=True,
                                                 HTTP_ACCEPT_LANGUAGE="en")
    assert "This session has already taken place." in response.content.decode()
    assert not TrainingSignup.objects.exists()


def test_a_counsellor_without_a_profile_cannot_sign_up(other_counsellor_user, coordinator, client_for, today):
    event = services.training_session_schedule(actor=coordinator, kind="training", title="T", held_on=today, language="en",
                                               place="Den Haag")
    response = client_for(other_counsellor_user).post(reverse("counsellors:my-training-sign-up", args=[event.pk]))
    assert response.status_code == 404 and not TrainingSignup.objects.exists()
