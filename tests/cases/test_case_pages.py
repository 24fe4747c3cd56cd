"""Triage as a handler does it in the browser's pages: open a case, link reports, assess, take steps,
keep internal notes."""

import pytest
from django.conf import settings

from cases.models import Case, CaseNote, CaseState, Instrument
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import PublicStatus, Report

from .conftest import reporter_client


def open_case(client, report, reference=""):
    return client.post(f"/staff/desk/reports/{report.pk}/case/", {"reference": reference})


def test_a_handler_opens_a_case_and_links_a_second_report(report_factory, team, client_for):
    client = client_for(team["handler"])
    first = report_factory(narrative="The head of mission mocks my accent.").report
    second = report_factory(narrative="Same head of mission, same jokes, another colleague.", language="fr").report
    response = open_case(client, first)
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/desk/cases/{case.pk}/"
    assert case.desk == "cci" and case.state == CaseState.RECEIVED and case.reference.startswith("Z-")
    response = open_case(client, second, reference=case.reference.lower())
    assert response.status_code == 302
    assert set(Report.objects.filter(case_link__case=case)) == {first, second}
    page = client.get(f"/staff/desk/cases/{case.pk}/").content.decode()
    assert first.reference in page and second.reference in page
    # A report belongs to one case: opening another for it is refused with the reason.
    response = open_case(client, first)
    assert response.status_code == 302
    assert Case.objects.count() == 1


def test_linking_to_an_unknown_or_closed_case_is_refused(case_in, report_factory, team, client_for):
    client = client_for(team["coordinator"])
    report = report_factory().report
    response = open_case(client, report, reference="Z-1999-00001")
    assert response.status_code == 400 and "No open case" in response.content.decode()
    assert 'value="Z-1999-00001"' in response.content.decode()
    closed = case_in(CaseState.CLOSED)
    response = client.post(f"/staff/desk/reports/{report.pk}/case/", {"reference": closed.reference}, follow=True)
    assert "closed; reopen it first" in response.content.decode()
    assert not hasattr(Report.objects.get(pk=report.pk), "case_link") or Report.objects.get(pk=report.pk).case_link is None


def test_a_report_joining_a_case_shows_the_cases_status_to_its_reporter(case_in, report_factory, team):
    from cases import services

    case = case_in(CaseState.ADDRESSING)
    report = report_factory().report
    services.case_link_report(case=case, report=report, actor=team["coordinator"])
    assert Report.objects.get(pk=report.pk).status == PublicStatus.ADDRESSING


def test_the_assessment_is_recorded_with_the_category_confirmed_or_changed(case_in, team, client_for):
    from meldpunt.intake.models import Category

    case = case_in(CaseState.TRIAGE)
    client = client_for(team["coordinator"])
    url = f"/staff/desk/cases/{case.pk}/assessment/"
    form = client.get(url).context["form"]
    assert form.initial["category"] == Report.objects.get(case_link__case=case).category_id
    bullying = Category.objects.get(code="bullying")
    data = {
        "version": case.version, "category": bullying.pk, "seriousness": "serious", "retaliation_risk": "high",
        "urgency": "urgent", "considerations": "The reporter works under the person reported; protect them first.",
    }
    assert client.post(url, data).status_code == 302
    case.refresh_from_db()
    assert (case.category, case.seriousness, case.retaliation_risk, case.urgency) == (bullying, "serious", "high", "urgent")
    assert case.unseal("considerations").startswith("The reporter works under")
    assert b"protect them first" not in bytes(case.considerations_sealed)
    event = AuditEvent.objects.get(action="case.assessed")
    assert "protect" not in str(event.detail)


@pytest.mark.parametrize(
    "change",
    [{"considerations": ""}, {"considerations": "x" * (settings.REPORT_TEXT_MAX_CHARS + 1)}, {"seriousness": "apocalyptic"},
     {"category": "not-a-number"}, {"version": "abc"}],
)
def test_bad_assessment_input_is_refused_and_kept(change, case_in, team, client_for, category):
    case = case_in(CaseState.TRIAGE)
    client = client_for(team["coordinator"])
    data = {
        "version": case.version, "category": category.pk, "seriousness": "serious", "retaliation_risk": "high",
        "urgency": "urgent", "considerations": "Typed with care.", **change,
    }
    response = client.post(f"/staff/desk/cases/{case.pk}/assessment/", data)
    assert response.status_code == 400
    if change.get("considerations") != "" and "x" * 100 not in str(change.get("considerations")):
        assert "Typed with care." in response.content.decode()
    assert Case.objects.get(pk=case.pk).assessed_at is None


def test_steps_from_the_case_page(case_in, team, client_for):
    case = case_in(CaseState.TRIAGE)
    from cases import services
    from tests.cases.conftest import assess

    assess(case, team["coordinator"], case.category or Report.objects.get(case_link__case=case).category)
    case.refresh_from_db()
    client = client_for(team["coordinator"])
    page = client.get(f"/staff/desk/cases/{case.pk}/").content.decode()
    assert "Choose an instrument" in page and "Record the decision" not in page
    url = f"/staff/desk/cases/{case.pk}/step/choose_instrument/"
    response = client.post(url, {"version": case.version, "instrument": Instrument.NO_FURTHER_ACTION, "instrument_reasons": ""})
    assert response.status_code == 400 and "reasons" in response.content.decode()
    response = client.post(
        url, {"version": case.version, "instrument": Instrument.NO_FURTHER_ACTION, "instrument_reasons": "Outside our remit."}
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).state == CaseState.ADDRESSING
    # Closing from here is refused with the reason, on the page itself.
    page = client.get(f"/staff/desk/cases/{case.pk}/step/close/").content.decode()
    assert "not possible while the case is" in page
    case.refresh_from_db()
    url = f"/staff/desk/cases/{case.pk}/step/decide/"
    # Deciding needs the persons concerned, each with a finding and a measure (or none).
    response = client.post(url, {"version": case.version, "decision_reasons": "Nothing to assess."})
    assert response.status_code == 400 and "at least one person concerned" in response.content.decode()
    response = client.post(f"/staff/desk/cases/{case.pk}/persons/", {
        "name": "", "role": "Head of section", "finding": "cannot_be_assessed", "finding_on": "2999-01-02",
    })
    assert response.status_code == 400 and "future" in response.content.decode()
    client.post(f"/staff/desk/cases/{case.pk}/persons/", {
        "name": "", "role": "Head of section", "finding": "cannot_be_assessed", "finding_on": "2020-01-02",
    })
    person = case.persons.get()
    client.post(f"/staff/desk/cases/{case.pk}/persons/{person.pk}/", {"action": "add_measure", "measure": "none", "taken_on": "2020-01-02"})
    case.refresh_from_db()
    response = client.post(url, {"version": case.version, "decision_reasons": ""})
    assert response.status_code == 400 and "reasons for the decision" in response.content.decode()
    decision = {"version": case.version, "decision_reasons": "Nothing to assess."}
    # A decision without a message to the reporter is refused; the form offers the feedback text prefilled.
    prefilled = client.get(url).context["form"].initial["reporter_message"]
    assert "[...]" in prefilled
    response = client.post(url, decision)
    assert response.status_code == 400 and "Write the message to the reporter" in response.content.decode()
    response = client.post(url, {**decision, "reporter_message": prefilled})
    assert response.status_code == 400 and "Replace [...]" in response.content.decode()
    response = client.post(url, {**decision, "reporter_message": prefilled.replace("[...]", "We could not assess it.")})
    assert response.status_code == 302
    case.refresh_from_db()
    response = client.post(f"/staff/desk/cases/{case.pk}/step/close/", {"version": case.version, "reason": ""})
    assert response.status_code == 400 and "Send the closure message to the reporter" in response.content.decode()
    closure = client.get(f"/staff/desk/cases/{case.pk}/step/close/").context["form"].initial["reporter_message"]
    response = client.post(f"/staff/desk/cases/{case.pk}/step/close/", {"version": case.version, "reason": "Done.",
                                                                         "reporter_message": closure})
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).state == CaseState.CLOSED
    assert client.get(f"/staff/desk/cases/{case.pk}/step/no_such_step/").status_code == 404
    assert services  # imported for the helpers above


def test_internal_notes_are_sealed_for_the_team_and_never_reach_the_reporter(case_in, team, client_for):
    case = case_in()
    client = client_for(team["coordinator"])
    note = "The manager concerned is a friend of the deputy head of mission."
    page = client.get(f"/staff/desk/cases/{case.pk}/")
    token = page.context["note_form"].initial["form_token"]
    for _click in range(2):  # a double click saves one note
        response = client.post(f"/staff/desk/cases/{case.pk}/notes/", {"body": note, "form_token": token})
        assert response.status_code == 302
    stored = CaseNote.objects.get(case=case)
    assert note.encode() not in bytes(stored.body_sealed) and stored.unseal("body") == note
    assert note in client.get(f"/staff/desk/cases/{case.pk}/").content.decode()
    assert AuditEvent.objects.filter(action="case.notes_read", target_id=str(case.pk)).exists()
    report = Report.objects.get(case_link__case=case)
    assert note not in reporter_client(report).get("/mailbox/").content.decode()
    response = client.post(f"/staff/desk/cases/{case.pk}/notes/", {"body": "  ", "form_token": "b" * 32})
    assert response.status_code == 400 and CaseNote.objects.count() == 1


def test_every_read_of_a_case_or_report_is_on_the_record(case_in, team, client_for):
    case = case_in()
    report = Report.objects.get(case_link__case=case)
    client = client_for(team["handler"])
    client.get(f"/staff/desk/cases/{case.pk}/")
    client.get(f"/staff/desk/reports/{report.pk}/")
    actions = set(AuditEvent.objects.filter(actor=team["handler"]).values_list("action", flat=True))
    assert {"case.read", "report.read"} <= actions
