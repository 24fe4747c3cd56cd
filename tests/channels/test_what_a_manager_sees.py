"""What a manager's pages list: only their own things, only while they are a manager at work, only the
reports they recorded as a manager; and the procedure pages in the order the ministry gave them."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldpunt.accounts.models import Role
from meldpunt.channels import selectors, services
from meldpunt.channels.models import ProcedurePage
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Channel

pytestmark = pytest.mark.django_db


def things_of(user) -> list:
    return [
        *selectors.manager_drafts(user), *selectors.manager_reports(user), *selectors.manager_advice_requests(user),
    ]


def test_someone_who_is_no_longer_a_manager_at_work_reaches_none_of_their_old_drafts_reports_or_requests(
    staff_factory, category, post
):
    left, moved = staff_factory(Role.MANAGER, "left-the-post", post=post), staff_factory(Role.MANAGER, "now-cci", post=post)
    for manager in (left, moved):
        draft = services.manager_draft_save(
            manager=manager, draft_id=uuid.uuid4(), data=services.DraftInput(category=category, post=post, narrative="Iets.")
        )
        services.manager_draft_forward(manager=manager, draft_id=draft.pk, language="nl")
        services.manager_draft_save(manager=manager, draft_id=uuid.uuid4(), data=services.DraftInput(narrative="Nog bezig"))
        services.advice_request_ask(
            manager=manager, request_id=uuid.uuid4(), category=category, post=post, question="Wat nu?", language="nl"
        )
        assert len(things_of(manager)) == 4  # two drafts, the report, the request
    left.is_active = False
    left.save()
    moved.role = Role.CCI_HANDLER
    moved.save()
    assert things_of(left) == [] and things_of(moved) == []


def test_a_manager_s_reports_are_only_those_recorded_through_the_manager_channel(staff_factory, category, post):
    # A counsellor who later became a manager: the reports recorded as a counsellor stay off the manager's page.
    manager = staff_factory(Role.MANAGER, "once-a-counsellor", post=post)
    intake_services.report_submit(
        details=intake_services.ReportDetails(category=category, post=post, narrative="Wat een collega vertelde."),
        channel=Channel.COUNSELLOR, language="nl", submission_token=uuid.uuid4().hex, recorded_by=manager,
    )
    draft = services.manager_draft_save(
        manager=manager, draft_id=uuid.uuid4(), data=services.DraftInput(category=category, post=post, narrative="Iets.")
    )
    as_manager = services.manager_draft_forward(manager=manager, draft_id=draft.pk, language="nl").report
    assert list(selectors.manager_reports(manager)) == [as_manager]


def test_the_manager_s_advice_page_reads_the_post_with_the_request(staff_factory, client_for, category, post):
    manager = staff_factory(Role.MANAGER, post=post)
    advice = services.advice_request_ask(
        manager=manager, request_id=uuid.uuid4(), category=category, post=post, question="Wat nu?", language="nl"
    )
    viewer = client_for(manager)
    with CaptureQueriesContext(connection) as captured:
        page = viewer.get(reverse("manager:advice", args=[advice.pk])).content.decode()
    assert str(post) in page
    # The post comes with the request, not in a query of its own.
    assert not [q["sql"] for q in captured if 'FROM "organisation_post"' in q["sql"]]


def test_the_procedure_pages_come_in_the_order_the_ministry_gave_them_each_section_apart():
    # Added in an order that is neither their place nor their address's.
    for slug, position, section in (
        ("zz-the-first-step", 1, "procedure"), ("zz-b-next-step", 2, "procedure"), ("zz-a-next-step", 2, "procedure"),
        ("zz-good-to-know", 0, "knowledge"),
    ):
        ProcedurePage.objects.create(slug=slug, position=position, section=section)
    ProcedurePage.objects.create(slug="zz-withdrawn", position=0, published=False)

    def ours(pages):
        return [page.slug for page in pages if page.slug.startswith("zz-")]

    assert ours(selectors.procedure_pages(language="en")) == ["zz-the-first-step", "zz-a-next-step", "zz-b-next-step"]
    assert ours(selectors.procedure_pages(language="en", section=ProcedurePage.Section.KNOWLEDGE)) == ["zz-good-to-know"]
