"""A refused step tells the handler exactly what it still needs: every missing part named, for every person
concerned and every report of the case, so the handler can put it right without guessing."""

from types import SimpleNamespace

import pytest

from cases import services, workflow
from cases.models import CaseState, Finding, Instrument, InstrumentEntry, Measure
from meldpunt.intake.models import Report

from .conftest import assess, give_feedback, person_with_outcome, record_instrument

K = InstrumentEntry.Kind


def refused(**step) -> list[str]:
    with pytest.raises(services.TransitionRefused) as refusal:
        services.case_transition(**step)
    return refusal.value.reasons


def test_choosing_an_instrument_before_the_assessment_names_each_part_of_the_assessment(case_in, team, category):
    coordinator = team["coordinator"]
    case = case_in(CaseState.TRIAGE)
    assert refused(case=case, transition="choose_instrument", actor=coordinator, instrument="", instrument_reasons="") == [
        "Record the assessment first; missing: category, seriousness, risk of retaliation, urgency, considerations.",
        "Choose an instrument.",
    ]
    case = assess(case, coordinator, category)
    # Assessed: only the choice is left, and mediation needs no reasons.
    assert refused(case=case, transition="choose_instrument", actor=coordinator, instrument="", instrument_reasons="") == [
        "Choose an instrument.",
    ]
    case = services.case_transition(case=case, transition="choose_instrument", actor=coordinator, instrument=Instrument.MEDIATION)
    assert case.state == CaseState.ADDRESSING


def test_a_step_from_the_wrong_state_names_the_state_it_is_possible_from(case_in, team):
    assert refused(case=case_in(CaseState.TRIAGE), transition="close", actor=team["coordinator"]) == [
        "“Close the case” is not possible while the case is “In triage”; it is possible from: Decision taken.",
    ]


def test_a_decision_names_what_is_missing_for_each_person_and_the_reasons(case_in, team):
    coordinator = team["coordinator"]
    case = record_instrument(case_in(CaseState.ADDRESSING), coordinator)
    assert refused(case=case, transition="decide", actor=coordinator, decision_reasons=" ", reporter_message="") == [
        "The decision is incomplete; missing: at least one person concerned (where nobody is known, record the role "
        "only), the reasons for the decision.",
        "Write the message to the reporter: they read it in the mailbox, in their language.",
    ]
    services.person_concerned_add(case=case, actor=coordinator, name="", role="Consul")
    person_with_outcome(case, coordinator, role="Head of section")
    assert refused(case=case, transition="decide", actor=coordinator, decision_reasons="Two witnesses.", reporter_message="[...]") == [
        "The decision is incomplete; missing: the finding and its date for person 1, a measure (or “No measure”) and "
        "its date for person 1.",
        "Replace [...] in the message to the reporter with your own text.",
    ]


def test_an_investigation_names_each_person_whose_breach_was_not_put_to_them(case_in, team, category):
    coordinator = team["coordinator"]
    case = assess(case_in(CaseState.TRIAGE), coordinator, category)
    case = services.case_transition(case=case, transition="choose_instrument", actor=coordinator, instrument=Instrument.INVESTIGATION)
    person_with_outcome(case, coordinator, role="Consul", finding=Finding.NOT_ESTABLISHED, measures=(Measure.NONE,))
    person_with_outcome(case, coordinator, role="Head of section", finding=Finding.PARTLY_ESTABLISHED)
    for kind in (K.INVESTIGATOR, K.TERMS_OF_REFERENCE, K.PROTOCOL_STEP, K.INVESTIGATION_REPORT):
        services.instrument_entry_add(case=case, actor=coordinator, kind=kind, text="Recorded.", on=case.opened_at.date(),
                                      detail=InstrumentEntry.Detail.EXTERNAL if kind == K.INVESTIGATOR else "")
    reasons = refused(case=case, transition="decide", actor=coordinator, decision_reasons="Heard.", reporter_message="Decided.")
    # The first person's breach was not established: only the second must have been heard.
    assert reasons == [
        "The record of the instrument (Person-focused investigation) is incomplete; missing: Investigation: conclusion; "
        "the hearing of person 2 and their response (their finding is a breach).",
    ]


def test_a_referral_with_the_reporters_identity_needs_their_consent_on_the_record(case_in, team, category):
    coordinator = team["coordinator"]
    case = assess(case_in(CaseState.TRIAGE), coordinator, category)
    case = services.case_transition(case=case, transition="choose_instrument", actor=coordinator,
                                    instrument=Instrument.REFERRAL_OTHER, instrument_reasons="A matter for the police.")
    person_with_outcome(case, coordinator)
    today = case.opened_at.date()
    services.instrument_entry_add(case=case, actor=coordinator, kind=K.REFERRED_TO, text="The police.")
    services.instrument_entry_add(case=case, actor=coordinator, kind=K.REFERRAL_REASONS, text="A crime.")
    services.instrument_entry_add(case=case, actor=coordinator, kind=K.HANDED_OVER, text="The report.", on=today,
                                  detail=InstrumentEntry.Detail.WITH_IDENTITY)
    step = {"case": case, "transition": "decide", "actor": coordinator, "decision_reasons": "Referred.", "reporter_message": "Referred."}
    assert refused(**step) == [
        "The record of the instrument (Referral to another body) is incomplete; missing: the reporter's consent, as their "
        "identity goes along.",
    ]
    services.instrument_entry_add(case=case, actor=coordinator, kind=K.REPORTER_CONSENT, text="They agreed.", on=today)
    assert services.case_transition(**step).state == CaseState.DECIDED


def test_closing_names_every_report_still_waiting_for_feedback_or_the_closure_message(case_in, team, report_factory):
    coordinator = team["coordinator"]
    case = case_in(CaseState.DECIDED)
    second = report_factory(narrative="The same manager, again.").report
    services.case_link_report(case=case, report=second, actor=coordinator)
    references = sorted(Report.objects.filter(case_link__case=case).values_list("reference", flat=True))
    Report.objects.filter(case_link__case=case).update(feedback_given_at=None)
    assert refused(case=case, transition="close", actor=coordinator, reporter_message=" ")[0] in {
        f"Send feedback to the reporter first (report {', '.join(order)} has none yet)." for order in (references, references[::-1])
    }
    give_feedback(case, coordinator)
    reasons = refused(case=case, transition="close", actor=coordinator, reporter_message=" ")
    assert reasons[0] in {
        f"Send the closure message to the reporter (report {', '.join(order)} has none yet)." for order in (references, references[::-1])
    }
    assert len(reasons) == 1
    assert refused(case=case, transition="close", actor=coordinator, reporter_message="We finished [...].") == [
        "Replace [...] in the message to the reporter with your own text.",
    ]


def test_steps_that_need_a_reason_refuse_one_of_only_spaces(case_in, team):
    for state, step in ((CaseState.CLOSED, "reopen"), (CaseState.ADDRESSING, "return_to_triage")):
        assert refused(case=case_in(state), transition=step, actor=team["coordinator"], reason="   ") == [
            "Give the reason for this step.",
        ]


def test_the_case_page_offers_exactly_the_steps_the_table_allows_from_each_state():
    offered = {state: [step.name for step in workflow.allowed_from(state)] for state in CaseState.values}
    assert offered == {
        CaseState.RECEIVED: ["start_triage"],
        CaseState.TRIAGE: ["choose_instrument"],
        CaseState.ADDRESSING: ["change_instrument", "return_to_triage", "decide"],
        CaseState.DECIDED: ["revise_decision", "close"],
        CaseState.CLOSED: ["reopen"],
    }


def test_closing_without_a_message_is_fine_when_every_reporter_already_has_the_closure_message():
    # The table's own check, as case_transition hands it over when no message was typed at all.
    check = workflow.Check(case=None, reason="", texts={}, reports_without_feedback=[], reports_without_closure=[])
    assert workflow.REQUIREMENTS["closure_message"](check) is None
    waiting = workflow.Check(case=None, reason="", texts={}, reports_without_feedback=[], reports_without_closure=["M-2026-0001"])
    assert workflow.REQUIREMENTS["closure_message"](waiting) == (
        "Send the closure message to the reporter (report M-2026-0001 has none yet)."
    )


def test_a_step_possible_from_several_states_names_them_all():
    step = workflow.Transition("pause", "Pause", frozenset({CaseState.TRIAGE, CaseState.ADDRESSING}), CaseState.TRIAGE)
    assert workflow.refusal_for_state(step, CaseState.CLOSED) == (
        "“Pause” is not possible while the case is “Closed”; it is possible from: Instrument chosen, In triage."
    )


def test_the_decision_check_with_nothing_typed_names_the_reasons():
    check = workflow.Check(case=None, reason="", texts={}, reports_without_feedback=[])
    assert workflow.REQUIREMENTS["decision"](check) == (
        "The decision is incomplete; missing: at least one person concerned (where nobody is known, record the role "
        "only), the reasons for the decision."
    )


def test_the_record_of_a_referral_counts_only_what_this_referral_handed_over():
    facts = [
        (Instrument.REFERRAL_OTHER, K.REFERRED_TO, None, ""),
        (Instrument.REFERRAL_OTHER, K.REFERRAL_REASONS, None, ""),
        (Instrument.REFERRAL_OTHER, K.HANDED_OVER, None, InstrumentEntry.Detail.WITHOUT_IDENTITY),
    ]
    assert workflow.instrument_record_missing(Instrument.REFERRAL_OTHER, facts, []) == []
    # The identity went along with an earlier referral to the complaints committee: that one's record, not this one's.
    earlier = [(Instrument.REFERRAL_COMPLAINTS, K.HANDED_OVER, None, InstrumentEntry.Detail.WITH_IDENTITY)]
    assert workflow.instrument_record_missing(Instrument.REFERRAL_OTHER, earlier + facts, []) == []
    # No instrument chosen: no record to keep.
    assert workflow.instrument_record_missing("", facts, []) == []


def test_the_checks_name_what_is_missing_when_nothing_was_typed_at_all():
    # As case_transition hands them over for a step whose form had no such field filled in.
    chosen = SimpleNamespace(instrument=Instrument.NO_FURTHER_ACTION)
    nothing = workflow.Check(case=chosen, reason="", texts={}, reports_without_feedback=[])
    assert workflow.REQUIREMENTS["instrument_reasons"](nothing) == (
        "Give the reasons for this choice (no further action and referrals always need them)."
    )
    assert workflow.REQUIREMENTS["reporter_message"](nothing) == (
        "Write the message to the reporter: they read it in the mailbox, in their language."
    )
    mediation = workflow.Check(case=SimpleNamespace(instrument=Instrument.MEDIATION), reason="", texts={}, reports_without_feedback=[])
    assert workflow.REQUIREMENTS["instrument_reasons"](mediation) is None
