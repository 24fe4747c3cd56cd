"""A manager asks the advice point about an incident in their team; the CCI answers in the portal;
either of them can turn the request into a report."""

import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.channels.models import AdviceRequest
from meldpunt.intake.models import Report

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(r"(\d{4} ){5}\d{4}")
QUESTION = "Twee teamleden negeren een lokaal aangenomen collega structureel. Hoe pak ik dit aan?"
ANSWER = "Ga eerst apart in gesprek met de collega en vraag wat zij wil. Bel ons gerust."


@pytest.fixture
def manager(staff_factory, post):
    return staff_factory("manager", username="karim", post=post)


def ask(client, category_, post_, **overrides):
    data = {"request_id": str(uuid.uuid4()), "category": category_.pk, "post": post_.pk, "question": QUESTION}
    data.update(overrides)
    return client.post(reverse("manager:advice-new"), data)


def test_a_manager_asks_the_cci_answers_and_the_manager_reads_it(
    manager, category, post, client_for, staff_factory, django_capture_on_commit_callbacks
):
    handler_user = staff_factory("cci_handler")
    staff_factory("external_handler")
    desk_manager, handler = client_for(manager), client_for(handler_user)

    form = desk_manager.get(reverse("manager:advice-new"))
    assert form.context["form"]["post"].value() == post.pk, "the manager's own post is the default"
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(desk_manager, category, post)
    advice = AdviceRequest.objects.get()
    assert response["Location"] == reverse("manager:advice", args=[advice.pk])
    assert advice.unseal("question") == QUESTION and advice.manager == manager
    # The CCI, and only the CCI, hears of it; the email says nothing of the question.
    assert [m.to for m in mail.outbox] == [[handler_user.email]]
    assert "Twee teamleden" not in mail.outbox[0].body and "/staff/desk/advice/" in mail.outbox[0].body

    listing = handler.get(reverse("cases:advice-list")).content.decode()
    assert reverse("cases:advice-detail", args=[advice.pk]) in listing and "Waiting for an answer" in listing
    detail = handler.get(reverse("cases:advice-detail", args=[advice.pk])).content.decode()
    assert QUESTION in detail
    assert AuditEvent.objects.filter(action="advice_request.read", actor=handler_user).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = handler.post(reverse("cases:advice-detail", args=[advice.pk]), {"answer": ANSWER})
    assert response.status_code == 302
    assert mail.outbox[-1].to == [manager.email] and "Bel ons" not in mail.outbox[-1].body

    page = desk_manager.get(reverse("manager:advice", args=[advice.pk])).content.decode()
    assert QUESTION in page and ANSWER in page
    assert "Answered" in desk_manager.get(reverse("manager:home")).content.decode()


def test_the_cci_turns_an_advice_request_into_a_report_and_the_link_is_kept(
    manager, category, post, client_for, staff_factory
):
    ask(client_for(manager), category, post)
    advice = AdviceRequest.objects.get()
    handler = client_for(staff_factory("cci_handler"))
    response = handler.post(reverse("cases:advice-convert", args=[advice.pk]), follow=True)
    report = Report.objects.get()
    assert (report.channel, report.desk, report.recorded_by) == ("manager", "cci", manager)
    assert report.unseal("narrative") == QUESTION and report.is_anonymous
    advice.refresh_from_db()
    assert advice.report == report and advice.converted_by.role == "cci_handler"
    assert report.reference in response.content.decode()
    # The desk must not hold the reporter's key to the mailbox: no code is shown to the CCI.
    assert not CODE_PATTERN.search(response.content.decode())
    # A second click changes nothing.
    handler.post(reverse("cases:advice-convert", args=[advice.pk]))
    assert Report.objects.count() == 1
    # The manager sees the link and the status of the report.
    desk_manager = client_for(manager)
    assert report.reference in desk_manager.get(reverse("manager:advice", args=[advice.pk])).content.decode()
    assert report.reference in desk_manager.get(reverse("manager:home")).content.decode()


def test_the_manager_turns_it_into_a_report_and_hands_the_code_over_once(manager, category, post, client_for):
    desk_manager = client_for(manager)
    ask(desk_manager, category, post)
    advice = AdviceRequest.objects.get()
    response = desk_manager.post(reverse("manager:advice-convert", args=[advice.pk]), {"slip_language": "ar"}, follow=True)
    page = response.content.decode()
    assert CODE_PATTERN.search(page) and 'lang="ar" dir="rtl"' in page
    report = Report.objects.get()
    assert report.channel == "manager" and report.desk == "cci" and report.recorded_by == manager
    assert AdviceRequest.objects.get().report == report
    slip = reverse("manager:receipt", args=[report.pk])
    assert CODE_PATTERN.search(desk_manager.get(slip).content.decode())  # until the hand-over is confirmed
    desk_manager.post(slip)
    assert not CODE_PATTERN.search(desk_manager.get(slip).content.decode())


def test_the_external_desk_and_other_managers_cannot_see_advice_requests(manager, category, post, client_for, staff_factory):
    ask(client_for(manager), category, post)
    advice = AdviceRequest.objects.get()
    external = client_for(staff_factory("external_coordinator"))
    assert external.get(reverse("cases:advice-list")).status_code == 403
    assert external.get(reverse("cases:advice-detail", args=[advice.pk])).status_code == 403
    other_manager = client_for(staff_factory("manager"))
    assert other_manager.get(reverse("manager:advice", args=[advice.pk])).status_code == 404
    assert other_manager.post(reverse("manager:advice-convert", args=[advice.pk])).status_code == 404
    assert Report.objects.count() == 0

    from meldpunt.channels import selectors

    assert not selectors.advice_requests_for_desk(staff_factory("external_handler")).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"question": ""}, "question"),
        ({"question": "   "}, "question"),
        ({"question": "x" * 20_001}, "question"),
        ({"category": "not-a-number"}, "category"),
        ({"post": "999999"}, "post"),
        ({"request_id": "forged"}, "request_id"),
    ],
)
def test_bad_input_keeps_the_question(manager, category, post, client_for, overrides, field):
    response = ask(client_for(manager), category, post, **overrides)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    if "question" not in overrides:
        assert "lokaal aangenomen" in response.content.decode()
    assert AdviceRequest.objects.count() == 0


def test_a_double_submit_stores_one_request(manager, category, post, client_for):
    desk_manager = client_for(manager)
    request_id = str(uuid.uuid4())
    ask(desk_manager, category, post, request_id=request_id)
    ask(desk_manager, category, post, request_id=request_id)
    assert AdviceRequest.objects.count() == 1


def test_an_answer_typed_while_a_colleague_answered_first_is_shown_back(manager, category, post, client_for, staff_factory):
    ask(client_for(manager), category, post)
    advice = AdviceRequest.objects.get()
    first, second = client_for(staff_factory("cci_handler")), client_for(staff_factory("cci_coordinator"))
    first.post(reverse("cases:advice-detail", args=[advice.pk]), {"answer": ANSWER})
    response = second.post(reverse("cases:advice-detail", args=[advice.pk]), {"answer": "Mijn eigen advies"})
    assert response.status_code == 409
    assert "Mijn eigen advies" in response.content.decode()
    assert AdviceRequest.objects.get().unseal("answer") == ANSWER


def test_an_empty_answer_is_refused_and_nothing_is_sent(manager, category, post, client_for, staff_factory):
    ask(client_for(manager), category, post)
    advice = AdviceRequest.objects.get()
    handler = client_for(staff_factory("cci_handler"))
    response = handler.post(reverse("cases:advice-detail", args=[advice.pk]), {"answer": "  "})
    assert response.status_code == 400 and "answer" in response.context["form"].errors
    assert not AdviceRequest.objects.get().is_answered
