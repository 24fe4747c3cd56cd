"""The workflow table, walked whole: every allowed step does what it says, every other step is refused
with its reason, and a refused step leaves nothing behind."""

import pytest
from django.utils import timezone

from cases import services, workflow
from cases.models import Case, CaseState, CaseStatusChange, Instrument, Measure
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import PublicStatus, Report

from .conftest import PATH_TO, assess, give_feedback, person_with_outcome, record_instrument, step_inputs

ALLOWED = [(name, source) for name, step in workflow.TRANSITIONS.items() for source in sorted(step.sources)]
NOT_ALLOWED = [
    (name, state) for name, step in workflow.TRANSITIONS.items() for state in CaseState.values if state not in step.sources
]


def test_the_table_is_whole():
    states = set(CaseState.values)
    for step in workflow.TRANSITIONS.values():
        assert step.sources <= states and step.target in states
        assert set(step.requires) <= set(workflow.REQUIREMENTS)
    # Every state can be left, and every state but the first can be reached.
    assert {s for step in workflow.TRANSITIONS.values() for s in step.sources} == states
    assert {step.target for step in workflow.TRANSITIONS.values()} == states - {CaseState.RECEIVED}
    assert set(workflow.PUBLIC_STATUS) == states


@pytest.mark.parametrize(("name", "source"), ALLOWED)
def test_every_allowed_step(name, source, case_in, team, category):
    handler = team["coordinator"]
    case = case_in(source)
    if "assessment" in workflow.TRANSITIONS[name].requires and not case.assessed_at:
        case = assess(case, handler, category)
    if "feedback_given" in workflow.TRANSITIONS[name].requires:
        give_feedback(case, handler)
        case.refresh_from_db()
    if "decision" in workflow.TRANSITIONS[name].requires and not case.persons.exists():
        person_with_outcome(case, handler)
        case = record_instrument(case, handler)
    version = case.version
    history_before = case.history.count()

    result = services.case_transition(
        case=case, transition=name, actor=handler, expected_version=version, reason="Why, in the handler's words.",
        **step_inputs(name),
    )

    step = workflow.TRANSITIONS[name]
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == step.target == result.state
    assert stored.version == version + 1
    change = stored.history.order_by("-at").first()
    assert stored.history.count() == history_before + 1
    assert (change.transition, change.from_state, change.to_state, change.by) == (name, source, step.target, handler)
    assert change.unseal("reason") == "Why, in the handler's words."
    event = AuditEvent.objects.filter(action="case.transition", target_id=str(case.pk)).last()
    assert event.detail["transition"] == name and event.detail["to_state"] == step.target
    assert "Why" not in str(event.detail)  # reasons are sealed, never copied into the trail
    public = workflow.PUBLIC_STATUS[step.target]
    for report in Report.objects.filter(case_link__case=case):
        assert report.status == (public or report.status)
    assert (stored.closed_at is not None) == (step.target == CaseState.CLOSED)


@pytest.mark.parametrize(("name", "state"), NOT_ALLOWED)
def test_every_step_not_allowed_is_refused_with_the_reason(name, state, case_in, team):
    case = case_in(state)
    history_before, version = case.history.count(), case.version
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=case, transition=name, actor=team["coordinator"], reason="x", **step_inputs(name))
    message = refused.value.reasons[0]
    assert str(workflow.TRANSITIONS[name].label) in message and str(CaseState(state).label) in message
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.version, stored.history.count()) == (state, version, history_before)


def test_a_case_walks_from_receipt_to_closure_and_reopens(case_in, team, category):
    coordinator = team["coordinator"]
    case = case_in(CaseState.RECEIVED)
    report = Report.objects.get(case_link__case=case)
    assert report.status == PublicStatus.RECEIVED
    case = services.case_transition(case=case, transition="start_triage", actor=coordinator)
    assert Report.objects.get(pk=report.pk).status == PublicStatus.ASSESSING
    case = assess(case, coordinator, category)
    case = services.case_transition(case=case, transition="choose_instrument", actor=coordinator, **step_inputs("choose_instrument"))
    assert Report.objects.get(pk=report.pk).status == PublicStatus.ADDRESSING
    person_with_outcome(case, coordinator)
    case = record_instrument(case, coordinator)
    case = services.case_transition(case=case, transition="decide", actor=coordinator, **step_inputs("decide"))
    assert Report.objects.get(pk=report.pk).status == PublicStatus.DECIDED
    give_feedback(case, coordinator)
    case = services.case_transition(case=case, transition="close", actor=coordinator, **step_inputs("close"))
    assert Report.objects.get(pk=report.pk).status == PublicStatus.CLOSED
    assert case.next_deadline is None
    case = services.case_transition(case=case, transition="reopen", actor=coordinator, reason="New facts came to light.")
    assert case.state == CaseState.TRIAGE and case.closed_at is None
    assert Report.objects.get(pk=report.pk).status == PublicStatus.ASSESSING
    assert [c.to_state for c in case.history.order_by("at")] == [
        "received", "triage", "addressing", "decided", "closed", "triage",
    ]


def test_an_instrument_needs_the_assessment_first(case_in, team):
    case = case_in(CaseState.TRIAGE)
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=case, transition="choose_instrument", actor=team["coordinator"], instrument=Instrument.MEDIATION)
    assert "assessment" in refused.value.reasons[0]
    assert Case.objects.get(pk=case.pk).instrument == ""  # nothing half-written


def test_no_further_action_needs_its_reasons(case_in, team, category):
    case = assess(case_in(CaseState.TRIAGE), team["coordinator"], category)
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(
            case=case, transition="choose_instrument", actor=team["coordinator"], instrument=Instrument.NO_FURTHER_ACTION,
            instrument_reasons="  ",
        )
    assert "reasons" in refused.value.reasons[0]
    case = services.case_transition(
        case=case, transition="choose_instrument", actor=team["coordinator"], instrument=Instrument.NO_FURTHER_ACTION,
        instrument_reasons="The reported conduct took place outside the ministry.",
    )
    assert case.unseal("instrument_reasons") == "The reported conduct took place outside the ministry."


def test_a_decision_without_reasons_is_refused_and_nothing_is_kept(case_in, team):
    case = case_in(CaseState.ADDRESSING)
    person_with_outcome(case, team["coordinator"], measures=(Measure.DISMISSAL,))
    case = record_instrument(case, team["coordinator"])
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=case, transition="decide", actor=team["coordinator"], decision_reasons="")
    assert "reasons for the decision" in refused.value.reasons[0]
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.unseal("decision_reasons")) == (CaseState.ADDRESSING, "")


def test_closing_without_feedback_to_every_reporter_is_refused(case_in, team, report_factory):
    coordinator = team["coordinator"]
    case = case_in(CaseState.DECIDED)
    second = report_factory(narrative="The same manager, again.").report
    services.case_link_report(case=case, report=second, actor=coordinator)
    give_feedback(case, coordinator)  # both reports get feedback ...
    Report.objects.filter(pk=second.pk).update(feedback_given_at=None)  # ... but pretend the second did not
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=case, transition="close", actor=coordinator)
    assert second.reference in refused.value.reasons[0]
    assert Case.objects.get(pk=case.pk).state == CaseState.DECIDED


def test_the_database_refuses_a_closed_case_without_a_decision(case_in):
    from django.db import IntegrityError, transaction

    case = case_in(CaseState.TRIAGE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(state=CaseState.CLOSED, closed_at=timezone.now())


def test_a_step_unknown_to_the_table_is_refused(case_in, team):
    with pytest.raises(services.TransitionRefused):
        services.case_transition(case=case_in(), transition="skip_to_the_end", actor=team["coordinator"])
    with pytest.raises(services.TransitionRefused):
        services.case_transition(case=case_in(), transition="start_triage", actor=team["coordinator"], finding="established")


def test_history_is_appended_never_rewritten(case_in, team):
    case = case_in(CaseState.ADDRESSING)
    first_ids = list(CaseStatusChange.objects.filter(case=case).order_by("at").values_list("pk", flat=True))
    services.case_transition(case=case, transition="return_to_triage", actor=team["coordinator"], reason="The facts are unclear.")
    ids = list(CaseStatusChange.objects.filter(case=case).order_by("at").values_list("pk", flat=True))
    assert ids[: len(first_ids)] == first_ids and len(ids) == len(first_ids) + 1


def test_every_state_is_reachable_the_way_handlers_go(case_in):
    for state, path in PATH_TO.items():
        assert case_in(state).state == state, path
