"""Training and intervision as the coordinator and a counsellor see them, rule by rule: who attended what
up to today, the latest meetings first, the coming sessions soonest first with who signed up, and each
list read in a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from vertrouwenspersonen import selectors
from vertrouwenspersonen.models import TrainingEvent, TrainingKind, TrainingSignup

TODAY = datetime.date(2026, 11, 15)
TRAINING, INTERVISION = TrainingKind.TRAINING, TrainingKind.INTERVISION


@pytest.fixture
def event(coordinator):
    def make(held_on, kind=TRAINING, attendees=(), signups=(), region=None, title="Meeting"):
        made = TrainingEvent.objects.create(kind=kind, title=title, held_on=held_on, region=region, recorded_by=coordinator)
        made.attendees.set(attendees)
        for counsellor in signups:
            TrainingSignup.objects.create(event=made, counsellor=counsellor, signed_up_at=timezone.now())
        return made

    return make


@pytest.fixture
def zora_and_anna(make_counsellor):
    # Added in the opposite order of their names.
    return make_counsellor("Zora Amrani"), make_counsellor("Anna Berg")


def test_the_overview_counts_trainings_and_intervisions_attended_up_to_today(zora_and_anna, event):
    zora, anna = zora_and_anna
    event(datetime.date(2026, 3, 1), TRAINING, attendees=[zora, anna])
    event(datetime.date(2026, 6, 1), INTERVISION, attendees=[zora])
    event(TODAY + datetime.timedelta(days=10), TRAINING, attendees=[zora])  # not held yet
    event(TODAY + datetime.timedelta(days=20), INTERVISION, attendees=[anna])  # not held yet

    rows = [
        (c.name, c.trainings, c.intervisions, c.last_attended, c.last_training)
        for c in selectors.training_overview(today=TODAY)
    ]
    assert rows == [
        ("Anna Berg", 1, 0, datetime.date(2026, 3, 1), datetime.date(2026, 3, 1)),
        ("Zora Amrani", 1, 1, datetime.date(2026, 6, 1), datetime.date(2026, 3, 1)),
    ]


def test_a_counsellor_who_only_went_to_intervision_has_no_last_training(zora_and_anna, event):
    zora, _anna = zora_and_anna
    event(datetime.date(2026, 6, 1), INTERVISION, attendees=[zora])
    rows = {c.name: (c.last_attended, c.last_training) for c in selectors.training_overview(today=TODAY)}
    assert rows == {"Zora Amrani": (datetime.date(2026, 6, 1), None), "Anna Berg": (None, None)}


def test_recent_meetings_are_listed_latest_first_with_distinct_attendees_and_signups(
    zora_and_anna, make_counsellor, event, region, django_assert_num_queries
):
    zora, anna = zora_and_anna
    third = make_counsellor("Karim Bennani")
    june_first = event(datetime.date(2026, 6, 1), attendees=[zora, anna], signups=[zora, anna, third], region=region)
    march = event(datetime.date(2026, 3, 1), attendees=[zora], region=region)
    june_second = event(datetime.date(2026, 6, 1), region=region)
    event(TODAY + datetime.timedelta(days=1), attendees=[anna])  # not held yet

    with django_assert_num_queries(1):
        rows = [
            (e.pk, e.region.name, e.attendee_count, e.signup_count)
            for e in selectors.training_events_recent(today=TODAY)
        ]
    region_name = region.name
    assert rows == [
        (june_second.pk, region_name, 0, 0),
        (june_first.pk, region_name, 2, 3),
        (march.pk, region_name, 1, 0),
    ]


def test_the_recent_meetings_list_shows_the_last_fifty(coordinator):
    TrainingEvent.objects.bulk_create(
        TrainingEvent(kind=TRAINING, title=f"Meeting {n}", held_on=TODAY - datetime.timedelta(days=n), recorded_by=coordinator)
        for n in range(51)
    )
    recent = list(selectors.training_events_recent(today=TODAY))
    assert len(recent) == 50
    assert recent[0].held_on == TODAY and recent[-1].held_on == TODAY - datetime.timedelta(days=49)
    assert len(selectors.training_events_recent(3, today=TODAY)) == 3


def test_coming_sessions_soonest_first_with_signups_and_whether_this_counsellor_signed_up(
    zora_and_anna, event, region, django_assert_num_queries
):
    zora, anna = zora_and_anna
    later = event(TODAY + datetime.timedelta(days=10), signups=[zora], region=region)
    today = event(TODAY, region=region)
    soon = event(TODAY + datetime.timedelta(days=5), signups=[zora, anna], region=region)
    event(TODAY - datetime.timedelta(days=1), signups=[anna])  # already held

    with django_assert_num_queries(1):
        rows = [
            (e.pk, e.region.name, e.signup_count, e.signed_up)
            for e in selectors.training_sessions_upcoming(counsellor=anna, today=TODAY)
        ]
    assert rows == [(today.pk, region.name, 0, False), (soon.pk, region.name, 2, True), (later.pk, region.name, 1, False)]

    for_coordinator = list(selectors.training_sessions_upcoming(today=TODAY))
    assert [(e.pk, e.signup_count) for e in for_coordinator] == [(today.pk, 0), (soon.pk, 2), (later.pk, 1)]
    assert not any(hasattr(e, "signed_up") for e in for_coordinator)


def test_a_session_page_shows_region_signups_and_attendees_in_three_queries(
    zora_and_anna, event, region, django_assert_num_queries
):
    zora, anna = zora_and_anna
    made = event(TODAY, attendees=[zora], signups=[zora, anna], region=region)
    with django_assert_num_queries(3):
        found = selectors.training_session(event_id=made.pk)
    with django_assert_num_queries(0):
        assert (found.region.name, {c.name for c in found.signups.all()}, [c.name for c in found.attendees.all()]) == (
            region.name, {"Zora Amrani", "Anna Berg"}, ["Zora Amrani"],
        )
    assert selectors.training_session(event_id=made.pk + 1000) is None

