"""The manager's overview and the advice list cost the same number of queries for 2 items or 30."""

import uuid

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meldpunt.channels import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock_held_still():
    """A staff session records the last request at most twice a minute: on a slow run the counted page
    would pay for that write too, so the clock stands still."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


def fill(manager, handler, category, post, n):
    for _ in range(n):
        draft = services.manager_draft_save(
            manager=manager, draft_id=uuid.uuid4(),
            data=services.DraftInput(category=category, post=post, narrative="Iets wat een medewerker vertelde."),
        )
        services.manager_draft_save(
            manager=manager, draft_id=uuid.uuid4(), data=services.DraftInput(category=category, narrative="Nog bezig")
        )
        services.manager_draft_forward(manager=manager, draft_id=draft.pk, language="nl")
        advice = services.advice_request_ask(
            manager=manager, request_id=uuid.uuid4(), category=category, post=post, question="Wat nu?", language="nl"
        )
        services.advice_request_answer(user=handler, advice_id=advice.pk, answer="Zo.")
        services.advice_request_convert(user=handler, advice_id=advice.pk)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["manager:home", "cases:advice-list"])
def test_lists_cost_a_constant_number_of_queries(page, staff_factory, client_for, category, post):
    manager, handler = staff_factory("manager", post=post), staff_factory("cci_handler")
    viewer = client_for(manager if page.startswith("manager") else handler)
    fill(manager, handler, category, post, 2)
    few = queries(viewer, reverse(page))
    fill(manager, handler, category, post, 28)
    assert queries(viewer, reverse(page)) == few


def test_a_draft_s_page_costs_the_same_with_its_category_and_post_filled_in(staff_factory, client_for, category, post):
    manager = staff_factory("manager", post=post)
    empty = services.manager_draft_save(manager=manager, draft_id=uuid.uuid4(), data=services.DraftInput(narrative="Nog bezig"))
    filled = services.manager_draft_save(
        manager=manager, draft_id=uuid.uuid4(), data=services.DraftInput(category=category, post=post, narrative="Nog bezig")
    )
    viewer = client_for(manager)
    assert queries(viewer, reverse("manager:draft", args=[filled.pk])) == queries(viewer, reverse("manager:draft", args=[empty.pk]))
