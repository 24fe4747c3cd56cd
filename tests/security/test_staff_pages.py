"""Staff pages that show sealed text: kept out of every cache (M7), features off (Permissions-Policy),
and the revise-decision page's read of the sealed reasons on the record (L6)."""

import pytest
from django.test import Client
from django.urls import reverse

from cases.models import CaseState
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Report


def test_a_report_and_its_case_are_never_stored_by_the_browser(case_in, team, client_for):
    """Before: /staff/desk/reports/<id>/ and /staff/desk/cases/<id>/ had no Cache-Control: no-store, and
    the narrative was found in Chromium's disk cache after sign-out."""
    case = case_in()
    report = Report.objects.get(case_link__case=case)
    client = client_for(team["handler"])
    for url in (
        reverse("cases:report-detail", args=[report.pk]),
        reverse("cases:case-detail", args=[case.pk]),
        reverse("staff-home"),
    ):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert "no-store" in response["Cache-Control"], url


def test_every_page_switches_off_unused_browser_features(db):
    for url in ("/", reverse("accounts:login")):
        policy = Client().get(url)["Permissions-Policy"]
        assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy


def test_opening_the_revise_decision_page_is_a_recorded_read_of_the_sealed_reasons(case_in, team, client_for):
    """Before: GET .../step/revise_decision/ showed the sealed decision reasons with no audit event."""
    case = case_in(CaseState.DECIDED)
    client = client_for(team["coordinator"])
    response = client.get(reverse("cases:case-step", args=[case.pk, "revise_decision"]))
    assert response.status_code == 200
    assert "confirmed by two witnesses" in response.content.decode()
    event = AuditEvent.objects.filter(actor=team["coordinator"], target_id=str(case.pk)).order_by("id").last()
    assert event.action == "case.sealed_inputs_read"
    assert event.detail["fields"] == ["decision_reasons"]


@pytest.mark.parametrize("step", ["start_triage"])
def test_a_step_page_without_sealed_text_writes_no_read(step, case_in, team, client_for):
    case = case_in()
    client_for(team["coordinator"]).get(reverse("cases:case-step", args=[case.pk, step]))
    assert not AuditEvent.objects.filter(action="case.sealed_inputs_read").exists()
