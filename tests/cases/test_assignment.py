"""Coordinators assign and reassign; handlers work from their worklist, overdue first; staff named in a
report or with a conflict of interest are kept out; the desks never see each other's cases."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cases import selectors, services
from cases.models import Case, CaseState
from meldpunt.intake.models import Report

from .conftest import assess


def test_the_coordinator_assigns_and_the_handler_finds_it_in_the_worklist(
    case_in, team, client_for, django_capture_on_commit_callbacks
):
    case = case_in()
    coordinator, handler = team["coordinator"], team["handler"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(f"/staff/desk/cases/{case.pk}/assign/", {"handler": handler.pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.handler == handler and case.assigned_at is not None
    worklist = client_for(handler).get("/staff/desk/worklist/").content.decode()
    assert case.reference in worklist
    assert [m.to for m in mail.outbox] == [[handler.email]]  # the handler is told, without content
    narrative = Report.objects.get(case_link__case=case).unseal("narrative")
    assert all(narrative not in m.body for m in mail.outbox)


def test_an_assigned_case_is_hidden_from_other_handlers_of_the_desk(case_in, team, client_for):
    case = case_in()
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    report = Report.objects.get(case_link__case=case)
    colleague = client_for(team["colleague"])
    assert colleague.get(f"/staff/desk/cases/{case.pk}/").status_code == 404
    assert colleague.get(f"/staff/desk/reports/{report.pk}/").status_code == 404
    assert report.reference not in colleague.get("/staff/desk/").content.decode()
    # Reassigned, it moves from one worklist to the other.
    services.case_assign(case=case, handler=team["colleague"], actor=team["coordinator"])
    assert colleague.get(f"/staff/desk/cases/{case.pk}/").status_code == 200
    assert client_for(team["handler"]).get(f"/staff/desk/cases/{case.pk}/").status_code == 404


def test_only_a_coordinator_assigns(case_in, team, client_for):
    case = case_in()
    response = client_for(team["handler"]).post(f"/staff/desk/cases/{case.pk}/assign/", {"handler": team["handler"].pk})
    assert response.status_code == 403
    with pytest.raises(services.ActionRefused):
        services.case_assign(case=case, handler=team["handler"], actor=team["handler"])
    with pytest.raises(services.ActionRefused):  # not to the other desk
        services.case_assign(case=case, handler=team["external_handler"], actor=team["coordinator"])
    assert Case.objects.get(pk=case.pk).handler is None


def test_the_worklist_puts_overdue_deadlines_first(team, report_factory, client_for):
    handler, coordinator = team["handler"], team["coordinator"]
    cases = {}
    for name, days_ago in [("fresh", 0), ("overdue", 12), ("due_soon", 5)]:
        report = report_factory(narrative=f"Report {name}").report
        received = timezone.now() - timedelta(days=days_ago)
        Report.objects.filter(pk=report.pk).update(
            received_at=received, acknowledgement_due=timezone.localdate(received) + timedelta(days=7)
        )
        case = services.case_open(report=report, actor=coordinator)
        cases[name] = services.case_assign(case=case, handler=handler, actor=coordinator)
    listed = list(selectors.handler_worklist(handler))
    assert [c.reference for c in listed] == [cases[n].reference for n in ("overdue", "due_soon", "fresh")]
    page = client_for(handler).get("/staff/desk/worklist/").content.decode()
    assert page.index(cases["overdue"].reference) < page.index(cases["fresh"].reference)
    assert "overdue" in page
    # Acknowledging moves the case to its feedback deadline, months away.
    report = Report.objects.get(case_link__case=cases["overdue"])
    services.report_message_send(report=report, actor=handler, kind="acknowledgement", body="Received.")
    assert selectors.handler_worklist(handler).last().reference == cases["overdue"].reference
    assert selectors.handler_worklist(handler).last().next_deadline_kind == "feedback"


def test_the_coordinator_sees_every_case_of_the_desk(case_in, team, client_for):
    mine = case_in()
    theirs = case_in()
    services.case_assign(case=theirs, handler=team["colleague"], actor=team["coordinator"])
    page = client_for(team["coordinator"]).get("/staff/desk/cases/").content.decode()
    assert mine.reference in page and theirs.reference in page
    unassigned = client_for(team["coordinator"]).get("/staff/desk/cases/?show=unassigned").content.decode()
    assert mine.reference in unassigned and theirs.reference not in unassigned
    assert client_for(team["handler"]).get("/staff/desk/cases/").status_code == 403


def test_a_handler_named_in_a_report_is_excluded_and_sees_nothing_of_it(case_in, team, client_for, staff_factory):
    case = case_in()
    services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    report = Report.objects.get(case_link__case=case)
    response = client_for(team["coordinator"]).post(
        f"/staff/desk/cases/{case.pk}/exclude/", {"user": team["handler"].pk, "reason": "named_in_report"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.handler is None  # the excluded handler no longer handles it
    excluded = client_for(team["handler"])
    assert excluded.get(f"/staff/desk/cases/{case.pk}/").status_code == 404
    assert excluded.get(f"/staff/desk/reports/{report.pk}/").status_code == 404
    assert report.reference not in excluded.get("/staff/desk/").content.decode()
    assert case.reference not in excluded.get("/staff/desk/worklist/").content.decode()
    assert not selectors.reports_visible_to(team["handler"]).filter(pk=report.pk).exists()
    with pytest.raises(services.ActionRefused):
        services.case_assign(case=case, handler=team["handler"], actor=team["coordinator"])
    with pytest.raises(services.ActionRefused):
        services.report_message_send(report=report, actor=team["handler"], body="Let me explain.")
    # A coordinator named in a report is excluded by another coordinator the same way.
    second = staff_factory("cci_coordinator", "second-coordinator")
    services.case_exclude(case=case, user=team["coordinator"], actor=second, reason="named_in_report")
    assert client_for(team["coordinator"]).get(f"/staff/desk/cases/{case.pk}/").status_code == 404
    assert case.reference not in client_for(team["coordinator"]).get("/staff/desk/cases/").content.decode()
    assert client_for(second).get(f"/staff/desk/cases/{case.pk}/").status_code == 200


def test_a_handler_declares_their_own_conflict_of_interest(case_in, team, client_for):
    case = case_in()
    client = client_for(team["colleague"])
    response = client.post(f"/staff/desk/cases/{case.pk}/exclude/", {"user": team["colleague"].pk, "reason": "conflict_of_interest"})
    assert response.status_code == 302 and response["Location"] == "/staff/desk/"
    assert client.get(f"/staff/desk/cases/{case.pk}/").status_code == 404
    # ... but cannot exclude someone else.
    response = client_for(team["handler"]).post(
        f"/staff/desk/cases/{case.pk}/exclude/", {"user": team["coordinator"].pk, "reason": "conflict_of_interest"}
    )
    assert not case.exclusions.filter(user=team["coordinator"]).exists()


def test_the_desks_never_see_each_others_cases(case_in, team, report_factory, client_for):
    cci_case = case_in()
    external_report = report_factory(channel="external").report
    external_case = services.case_open(report=external_report, actor=team["external_handler"])
    assert external_case.desk == "external"
    external = client_for(team["external_coordinator"])
    assert external.get(f"/staff/desk/cases/{cci_case.pk}/").status_code == 404
    assert cci_case.reference not in external.get("/staff/desk/cases/?show=all").content.decode()
    cci = client_for(team["coordinator"])
    assert cci.get(f"/staff/desk/cases/{external_case.pk}/").status_code == 404
    assert cci.get(f"/staff/desk/reports/{external_report.pk}/").status_code == 404
    assert external_report.reference not in cci.get("/staff/desk/").content.decode()
    with pytest.raises(services.ActionRefused):
        services.case_link_report(case=cci_case, report=external_report, actor=team["coordinator"])


def test_unassigned_cases_are_open_to_the_desks_handlers(case_in, team, category):
    case = case_in(CaseState.TRIAGE)
    assert selectors.cases_visible_to(team["colleague"]).filter(pk=case.pk).exists()
    assess(case, team["colleague"], category)
