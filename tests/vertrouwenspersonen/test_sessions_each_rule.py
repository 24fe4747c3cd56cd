"""A counsellor's own sessions and profile, rule by rule: only their own, the latest first (the one logged
last first on the same day), the sealed advice never read for the list, and each page in a fixed number
of queries whatever the number of sessions."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from meldpunt.accounts.models import Role
from vertrouwenspersonen import selectors
from vertrouwenspersonen.models import AdviceSession


def test_a_counsellor_sees_their_sessions_latest_first_and_the_last_logged_first_on_one_day(
    profile, counsellor_user, other_counsellor_user, log_session
):
    first = log_session(counsellor_user, held_on=datetime.date(2026, 2, 10))
    earlier_day_logged_later = log_session(counsellor_user, held_on=datetime.date(2026, 1, 5))
    same_day_logged_last = log_session(counsellor_user, held_on=datetime.date(2026, 2, 10))
    log_session(other_counsellor_user, held_on=datetime.date(2026, 3, 1))

    assert list(selectors.advice_session_list(counsellor_user)) == [same_day_logged_last, first, earlier_day_logged_later]
    # The moment of logging decides between two sessions of one day, whatever order the rows are stored in.
    AdviceSession.objects.filter(pk=first.pk).update(created_at=same_day_logged_last.created_at + datetime.timedelta(minutes=1))
    assert list(selectors.advice_session_list(counsellor_user)) == [first, same_day_logged_last, earlier_day_logged_later]


def test_the_session_list_never_reads_the_sealed_advice(profile, counsellor_user, log_session):
    log_session(counsellor_user)
    (session,) = selectors.advice_session_list(counsellor_user)
    assert {"advice_sealed", "wrapped_key"} <= session.get_deferred_fields()


def test_the_session_list_shows_post_region_topic_and_forwarded_report_in_one_query(
    profile, counsellor_user, log_session, report_factory, django_assert_num_queries
):
    forwarded = log_session(counsellor_user, held_on=datetime.date(2026, 2, 10))
    log_session(counsellor_user, held_on=datetime.date(2026, 2, 11))
    report = report_factory().report
    AdviceSession.objects.filter(pk=forwarded.pk).update(
        forwarded_report=report, forward_consent_at=timezone.now(), forwarded_anonymously=True
    )
    with django_assert_num_queries(1):
        shown = [
            (s.post.name, s.region.name, s.topic.code, s.forwarded_report and s.forwarded_report.reference)
            for s in selectors.advice_session_list(counsellor_user)
        ]
    assert shown == [
        ("Embassy Rabat", "Middle East and North Africa", "racism_discrimination", None),
        ("Embassy Rabat", "Middle East and North Africa", "racism_discrimination", report.reference),
    ]


def test_one_session_is_opened_with_post_region_topic_and_forwarded_report_in_one_query(
    profile, counsellor_user, log_session, report_factory, django_assert_num_queries
):
    session = log_session(counsellor_user)
    report = report_factory().report
    AdviceSession.objects.filter(pk=session.pk).update(
        forwarded_report=report, forward_consent_at=timezone.now(), forwarded_anonymously=True
    )
    with django_assert_num_queries(1):
        found = selectors.advice_session_of(counsellor_user, session.pk)
        assert (found.post.name, found.region.name, found.topic.code, found.forwarded_report.reference) == (
            "Embassy Rabat", "Middle East and North Africa", "racism_discrimination", report.reference,
        )


def test_a_counsellor_cannot_open_a_session_of_another_counsellor(
    profile, counsellor_user, other_counsellor_user, log_session
):
    theirs = log_session(other_counsellor_user)
    assert selectors.advice_session_of(counsellor_user, theirs.pk) is None
    assert selectors.advice_session_of(other_counsellor_user, theirs.pk) == theirs


def test_a_counsellor_reads_their_own_profile_with_languages_specialisms_posts_and_regions_in_five_queries(
    make_counsellor, counsellor_user, post, europe, django_assert_num_queries
):
    make_counsellor(
        "Amira Haddad", user=counsellor_user, languages=["ar", "fr"], specialisms=["racism_discrimination"], posts=[post],
        regions=[europe],
    )
    with django_assert_num_queries(5):
        own = selectors.own_profile(counsellor_user)
    with django_assert_num_queries(0):
        assert (
            own.name, [row.code for row in own.language_rows.all()], [row.code for row in own.specialism_rows.all()],
            [p.code for p in own.posts.all()], [r.code for r in own.regions.all()],
        ) == ("Amira Haddad", ["ar", "fr"], ["racism_discrimination"], ["rabat"], ["europe"])


def test_an_account_that_is_no_longer_a_counsellor_has_no_own_profile(profile, counsellor_user):
    assert selectors.own_profile(counsellor_user) == profile
    counsellor_user.role = Role.CCI_HANDLER
    counsellor_user.save()
    assert selectors.own_profile(counsellor_user) is None
    assert selectors.own_profile(AnonymousUser()) is None
