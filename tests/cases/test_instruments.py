"""Each instrument keeps its own record (issue 15 point 1): what the decision needs is in the one
workflow table, a decision without it is refused with the reasons, and the reporter reads in plain
words how the report is being dealt with."""

import pytest
from django.conf import settings
from django.utils import timezone, translation

from cases import services, workflow
from cases.models import Case, CaseState, Finding, Instrument, InstrumentEntry, Measure
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import PublicInstrument, Report
from meldpunt.intake.status import INSTRUMENT_EXPLANATIONS

from .conftest import assess, person_with_outcome, record_instrument, reporter_client, step_inputs


def choose(case, actor, instrument, reasons=""):
    return services.case_transition(case=case, transition="choose_instrument", actor=actor, instrument=instrument,
                                    instrument_reasons=reasons)


def test_an_investigation_needs_its_record_and_a_hearing_of_each_person_found_in_breach(case_in, team, category, client_for):
    handler = team["coordinator"]
    client = client_for(handler)
    case = assess(case_in(CaseState.TRIAGE, language="fr"), handler, category)
    case = choose(case, handler, Instrument.INVESTIGATION)
    report = Report.objects.get(case_link__case=case)
    assert report.public_instrument == PublicInstrument.INVESTIGATION
    accused = person_with_outcome(case, handler, role="Head of mission", measures=(Measure.REPRIMAND,))
    person_with_outcome(case, handler, role="Deputy", finding=Finding.NOT_ESTABLISHED, measures=(Measure.NONE,))

    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=Case.objects.get(pk=case.pk), transition="decide", actor=handler, **step_inputs("decide"))
    reasons = refused.value.reasons[0]
    for kind in ("investigator", "terms of reference", "protocol step", "Investigation: report", "conclusion"):
        assert kind in reasons
    assert "hearing of person 1" in reasons and "person 2" not in reasons

    url = f"/staff/desk/cases/{case.pk}/instrument/"
    today = timezone.localdate().isoformat()
    page = client.get(url)
    assert page.status_code == 200 and "hearing of person 1" in page.content.decode()
    # A hearing without the response of the person heard is refused; what was typed stays.
    response = client.post(url, {"kind": "hearing", "on": today, "person": str(accused.pk), "text": "The findings were put to him.",
                                 "response": ""})
    assert response.status_code == 400
    assert "Record their response" in response.content.decode() and "The findings were put to him." in response.content.decode()
    # An entry of another instrument does not belong here.
    response = client.post(url, {"kind": "mediator", "text": "Someone"})
    assert response.status_code == 400
    # The investigator must be internal or external.
    response = client.post(url, {"kind": "investigator", "text": "Bureau Integriteit", "detail": ""})
    assert response.status_code == 400 and "Internal investigator" in response.content.decode()

    for data in (
        {"kind": "investigator", "text": "Bureau Integriteit (extern)", "detail": "external"},
        {"kind": "terms_of_reference", "text": "Did the head of mission make racist remarks to locally hired staff?"},
        {"kind": "protocol_step", "on": today, "text": "Start letter sent to the person concerned."},
        {"kind": "interview", "on": today, "text": "Interview with two colleagues."},
        {"kind": "hearing", "on": today, "person": str(accused.pk), "text": "The draft findings were put to him.",
         "response": "He denies the remarks were meant as racist."},
        {"kind": "investigation_report", "on": today, "text": "Report delivered."},
        {"kind": "conclusion", "on": today, "text": "The remarks were made; breach established."},
    ):
        assert client.post(url, data).status_code == 302, data
    hearing = InstrumentEntry.objects.get(case=case, kind="hearing")
    assert b"denies" not in bytes(hearing.response_sealed) and hearing.unseal("response").startswith("He denies")
    page = client.get(url).content.decode()
    assert "He denies the remarks" in page and "The record has what the decision needs." in page
    assert AuditEvent.objects.filter(action="case.instrument_record_read", target_id=str(case.pk)).exists()
    assert AuditEvent.objects.filter(action="case.instrument_entry_added", target_id=str(case.pk)).count() == 7

    case = services.case_transition(case=Case.objects.get(pk=case.pk), transition="decide", actor=handler, **step_inputs("decide"))
    assert case.state == CaseState.DECIDED

    # The reporter reads how the report is dealt with, in their language, nothing about whom.
    mailbox = reporter_client(report)
    with translation.override("fr"):
        expected = str(INSTRUMENT_EXPLANATIONS[PublicInstrument.INVESTIGATION])
    page = mailbox.get("/mailbox/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert expected in page and "Head of mission" not in page and "Bureau Integriteit" not in page


@pytest.mark.parametrize("instrument", [Instrument.CONVERSATION, Instrument.MEDIATION, Instrument.REFERRAL_OTHER])
def test_every_instrument_needs_its_record_before_the_decision(instrument, case_in, team, category):
    handler = team["coordinator"]
    case = choose(assess(case_in(CaseState.TRIAGE), handler, category), handler, instrument, reasons="Another body is competent.")
    person_with_outcome(case, handler)
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=Case.objects.get(pk=case.pk), transition="decide", actor=handler, **step_inputs("decide"))
    for kind in workflow.INSTRUMENT_RECORDS[instrument]:
        assert str(InstrumentEntry.Kind(kind).label) in refused.value.reasons[0]
    case = record_instrument(case, handler)
    assert services.case_transition(case=case, transition="decide", actor=handler, **step_inputs("decide")).state == CaseState.DECIDED


def test_a_referral_that_takes_the_reporters_identity_along_needs_their_consent(case_in, team, category):
    handler = team["coordinator"]
    case = choose(assess(case_in(CaseState.TRIAGE), handler, category), handler, Instrument.REFERRAL_COMPLAINTS,
                  reasons="A formal complaint under the klachtenregeling.")
    person_with_outcome(case, handler, finding=Finding.CANNOT_BE_ASSESSED, measures=(Measure.NONE,))
    today = timezone.localdate()
    for kind, detail in (("referred_to", ""), ("referral_reasons", ""), ("handed_over", "with_identity")):
        services.instrument_entry_add(case=case, actor=handler, kind=kind, text="Complaints committee; the report.", detail=detail, on=today)
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(case=Case.objects.get(pk=case.pk), transition="decide", actor=handler, **step_inputs("decide"))
    assert "consent" in refused.value.reasons[0]
    services.instrument_entry_add(case=case, actor=handler, kind="reporter_consent", text="Consent given in the mailbox.", on=today)
    case = services.case_transition(case=Case.objects.get(pk=case.pk), transition="decide", actor=handler, **step_inputs("decide"))
    assert Report.objects.get(case_link__case=case).public_instrument == PublicInstrument.REFERRAL


def test_the_reporter_reads_the_instrument_until_the_case_returns_to_triage(case_in, team):
    handler = team["coordinator"]
    case = case_in(CaseState.CLOSED)
    report = Report.objects.get(case_link__case=case)
    assert report.public_instrument == PublicInstrument.CONVERSATION
    services.case_transition(case=case, transition="reopen", actor=handler, reason="New facts.")
    assert Report.objects.get(pk=report.pk).public_instrument == ""


@pytest.mark.parametrize("language", settings.REPORTER_LANGUAGES)
def test_every_instrument_status_reads_in_every_reporter_language(language):
    for value in PublicInstrument.values:
        with translation.override(language):
            label, text = str(PublicInstrument(value).label), str(INSTRUMENT_EXPLANATIONS[value])
        with translation.override("en"):
            english = str(INSTRUMENT_EXPLANATIONS[value])
        assert label and text
        assert language == "en" or text != english, (language, value)


def test_removing_a_case_removes_its_persons_and_its_record_with_it(case_in, team):
    """Retention removes whole cases: a hearing's link to its person does not hold the case back."""
    case = case_in(CaseState.ADDRESSING)
    Case.objects.filter(pk=case.pk).update(instrument=Instrument.INVESTIGATION)
    case = Case.objects.get(pk=case.pk)
    person = person_with_outcome(case, team["coordinator"])
    services.instrument_entry_add(case=case, actor=team["coordinator"], kind="hearing", on=timezone.localdate(),
                                  person_id=person.pk, text="Heard.", response="Denies.")
    Case.objects.filter(pk=case.pk).delete()
    assert not InstrumentEntry.objects.exists() and not person.__class__.objects.exists()
