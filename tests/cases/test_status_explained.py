"""Understand every status: each public status is explained with what happens next and its dates, in
every reporter language; a decision or a closure goes with a message to the reporter, or is refused."""

import pytest
from django.conf import settings
from django.utils import translation

from cases import services, workflow
from cases.models import CaseState, StandardMessage
from meldpunt.intake.models import MailboxMessage, PublicStatus, Report
from meldpunt.intake.status import EXPLANATIONS, status_explained
from meldpunt.local_dates import local_date

from .conftest import give_feedback, person_with_outcome, record_instrument, reporter_client, step_inputs

pytestmark = pytest.mark.django_db

TRANSLATED = [code for code in settings.REPORTER_LANGUAGES if code != "en"]


@pytest.mark.parametrize("status", PublicStatus.values)
def test_every_public_status_is_explained_in_every_reporter_language(status):
    with translation.override("en"):
        english = str(EXPLANATIONS[status])
    assert english
    for language in TRANSLATED:
        with translation.override(language):
            assert str(EXPLANATIONS[status]) != english, (status, language)


def test_a_new_report_says_when_receipt_is_confirmed_and_when_feedback_comes(report_factory):
    report = report_factory(language="fr").report
    report.refresh_from_db()
    page = reporter_client(report).get("/mailbox/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    with translation.override("fr"):
        explained = status_explained(report)
        ack, feedback = (local_date(d) for d in (report.acknowledgement_due, report.feedback_due))
    assert explained.explanation in page and "Ce qui se passe ensuite" in page
    assert f"au plus tard le {ack}" in page and f"au plus tard le {feedback}" in page


@pytest.mark.parametrize("state", [CaseState.TRIAGE, CaseState.ADDRESSING, CaseState.DECIDED, CaseState.CLOSED])
def test_each_state_of_a_case_is_explained_to_its_reporter(state, case_in):
    case = case_in(state, language="ar")
    report = Report.objects.get(case_link__case=case)
    page = reporter_client(report).get("/mailbox/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    with translation.override("ar"):
        explained = status_explained(report)
        if state == CaseState.TRIAGE:
            assert report.feedback_due and local_date(report.feedback_due) in " ".join(explained.next_steps)
    assert explained.explanation in page
    assert all(step in page for step in explained.next_steps)


def test_after_feedback_the_next_step_says_when_it_was_given(case_in, team):
    case = case_in(CaseState.ADDRESSING, language="zh_Hans")
    give_feedback(case, team["coordinator"])
    report = Report.objects.get(case_link__case=case)
    with translation.override("zh-hans"):
        steps = status_explained(report).next_steps
        assert local_date(report.feedback_given_at) in steps[0]


def test_the_table_sends_a_message_with_every_decision_and_with_the_closure():
    for name in ("decide", "revise_decision", "close"):
        step = workflow.TRANSITIONS[name]
        assert workflow.REPORTER_MESSAGE in step.inputs, name
        assert {"reporter_message", "closure_message"} & set(step.requires), name


def test_a_decision_without_a_message_is_refused_and_with_one_reaches_every_reporter(case_in, team, report_factory):
    coordinator = team["coordinator"]
    case = case_in(CaseState.ADDRESSING)
    second = report_factory(language="ru").report
    services.case_link_report(case=case, report=second, actor=coordinator)
    person_with_outcome(case, coordinator)
    case = record_instrument(case, coordinator)
    decision = {k: v for k, v in step_inputs("decide").items() if k != "reporter_message"}
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=case, transition="decide", actor=coordinator, **decision)
    assert "message to the reporter" in " ".join(refused.value.reasons)
    with pytest.raises(services.TransitionRefused):
        services.case_transition(case=case, transition="decide", actor=coordinator, reporter_message="We decided: [...]", **decision)
    assert case.history.filter(to_state=CaseState.DECIDED).count() == 0

    case = services.case_transition(case=case, transition="decide", actor=coordinator, reporter_message="A measure was taken.", **decision)
    for report in Report.objects.filter(case_link__case=case):
        told = report.messages.get(kind=StandardMessage.Kind.FEEDBACK)
        assert told.unseal("body") == "A measure was taken." and told.direction == MailboxMessage.Direction.TO_REPORTER
        assert report.feedback_given_at is not None and report.status == PublicStatus.DECIDED


def test_closing_asks_for_the_closure_message_and_sends_it(case_in, team, client_for):
    coordinator = team["coordinator"]
    case = case_in(CaseState.DECIDED, language="es")
    report = Report.objects.get(case_link__case=case)
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=case, transition="close", actor=coordinator)
    assert report.reference in " ".join(refused.value.reasons)
    # The step form offers the standard closure text in the reporter's language.
    response = client_for(coordinator).get(f"/staff/desk/cases/{case.pk}/step/close/")
    prefilled = response.context["form"].initial["reporter_message"]
    assert prefilled == services.standard_message_text(kind=StandardMessage.Kind.CLOSURE, language="es")
    assert "Spanish" in response.content.decode() or "Español" in response.content.decode()
    case = services.case_transition(case=case, transition="close", actor=coordinator, reporter_message=prefilled)
    assert case.state == CaseState.CLOSED
    assert report.messages.get(kind=StandardMessage.Kind.CLOSURE).unseal("body") == prefilled


def test_a_closure_message_sent_before_closing_counts(case_in, team):
    coordinator = team["coordinator"]
    case = case_in(CaseState.DECIDED)
    report = Report.objects.get(case_link__case=case)
    services.report_message_send(report=report, actor=coordinator, kind=StandardMessage.Kind.CLOSURE, body="We closed your case.")
    assert services.transition_message_prefill(case=case, transition="close")[0] == ""  # nothing to send twice
    case = services.case_transition(case=case, transition="close", actor=coordinator)
    assert case.state == CaseState.CLOSED and report.messages.filter(kind=StandardMessage.Kind.CLOSURE).count() == 1
