"""The CCI's advice inbox: what is still waiting comes first, the newest on top, and a request's page
costs no more queries once it has been answered and turned into a report."""

import re
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meldpunt.channels import services
from meldpunt.channels.models import AdviceRequest

pytestmark = pytest.mark.django_db


def ask(manager, category, post, *, days_ago: int) -> AdviceRequest:
    advice = services.advice_request_ask(
        manager=manager, request_id=uuid.uuid4(), category=category, post=post, question="Wat nu?", language="nl"
    )
    AdviceRequest.objects.filter(pk=advice.pk).update(asked_at=timezone.now() - timedelta(days=days_ago))
    return advice


def listed(page: str) -> list[str]:
    """The advice requests in the order the list shows them (their detail links)."""
    return re.findall(r'href="/staff/desk/advice/([0-9a-f-]{36})/"', page)


def test_the_advice_inbox_shows_what_is_still_waiting_first_newest_first(staff_factory, client_for, category, post):
    manager, handler = staff_factory("manager", post=post), staff_factory("cci_handler")
    # Asked in this order, oldest first; two of them answered since.
    waiting_longest = ask(manager, category, post, days_ago=9)
    answered_long_ago = ask(manager, category, post, days_ago=7)
    answered_recently = ask(manager, category, post, days_ago=5)
    waiting_since_yesterday = ask(manager, category, post, days_ago=1)
    for advice in (answered_long_ago, answered_recently):
        services.advice_request_answer(user=handler, advice_id=advice.pk, answer="Zo.")

    page = client_for(handler).get(reverse("cases:advice-list")).content.decode()
    # A request asked yesterday and still waiting comes before one answered though asked earlier.
    assert listed(page) == [
        str(advice.pk) for advice in (waiting_since_yesterday, waiting_longest, answered_recently, answered_long_ago)
    ]


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_an_answered_request_turned_into_a_report_costs_no_more_queries_than_a_waiting_one(
    staff_factory, client_for, category, post, django_assert_num_queries
):
    manager, handler = staff_factory("manager", post=post), staff_factory("cci_handler")
    waiting, done = ask(manager, category, post, days_ago=2), ask(manager, category, post, days_ago=1)
    services.advice_request_answer(user=handler, advice_id=done.pk, answer="Zo.")
    services.advice_request_convert(user=handler, advice_id=done.pk)
    desk = client_for(handler)
    # The clock stands still: the session's own write (at most twice a minute) must not be counted.
    with time_machine.travel(timezone.now(), tick=False):
        few = queries(desk, reverse("cases:advice-detail", args=[waiting.pk]))
        # Who answered and the report's reference come with the request itself, not one query each.
        with django_assert_num_queries(few):
            page = desk.get(reverse("cases:advice-detail", args=[done.pk])).content.decode()
    done.refresh_from_db()
    assert f"by {handler.get_username()}" in page and done.report.reference in page
