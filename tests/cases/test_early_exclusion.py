"""Early exclusion: a reporter marks that someone at the desk is involved; the report is the
coordinator's alone until the persons concerned are kept out; staff named in a report are excluded
at the assessment at the latest, with the coordinators alerted."""

import pytest
from django.core import mail
from django.urls import reverse

from cases import exclusion, selectors, services
from meldpunt.intake.models import Report

from .conftest import assess

pytestmark = pytest.mark.django_db


def test_the_form_offers_the_mark_in_the_reporters_language(client):
    page = client.get(reverse("intake:report"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'name="desk_involved"' in page


def test_a_report_naming_the_desk_is_the_coordinators_alone_until_the_persons_concerned_are_out(
    team, report_factory, client_for, django_capture_on_commit_callbacks,
):
    coordinator, handler, colleague = team["coordinator"], team["handler"], team["colleague"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report = report_factory(narrative="A handler at the desk covers for my manager.", desk_involved=True).report
    assert [m.to for m in mail.outbox] == [[coordinator.email]]  # only the coordinator hears of it
    for who in (handler, colleague):
        assert not selectors.reports_visible_to(who).filter(pk=report.pk).exists()
        assert client_for(who).get(reverse("cases:report-detail", kwargs={"report_id": report.pk})).status_code == 404
    coordinator_client = client_for(coordinator)
    page = coordinator_client.get(reverse("cases:report-detail", kwargs={"report_id": report.pk})).content.decode()
    assert "desk-involved" in page
    clear = reverse("cases:desk-involvement-clear", kwargs={"report_id": report.pk})
    coordinator_client.post(clear)  # refused: no case yet, so nobody could have been excluded
    assert Report.objects.get(pk=report.pk).desk_involvement_cleared_at is None
    case = services.case_open(report=report, actor=coordinator)
    assert not selectors.cases_visible_to(handler).filter(pk=case.pk).exists()
    services.case_exclude(case=case, user=colleague, actor=coordinator, reason="named_in_report")
    with pytest.raises(services.ActionRefused):
        exclusion.report_desk_involvement_clear(report=report, actor=handler)
    assert coordinator_client.post(clear).status_code == 302
    assert selectors.reports_visible_to(handler).filter(pk=report.pk).exists()
    assert selectors.cases_visible_to(handler).filter(pk=case.pk).exists()
    assert not selectors.reports_visible_to(colleague).filter(pk=report.pk).exists()


def test_staff_named_in_a_report_are_excluded_at_the_assessment_and_the_coordinator_alerted(
    team, report_factory, category, django_capture_on_commit_callbacks,
):
    coordinator, colleague = team["coordinator"], team["colleague"]
    colleague.first_name, colleague.last_name = "Youssef", "Bakker"
    colleague.save()
    report = report_factory(narrative="Mijn klacht ging naar youssef  bakker en daarna hoorde ik niets.").report
    case = services.case_open(report=report, actor=coordinator)
    assert selectors.cases_visible_to(colleague).filter(pk=case.pk).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assess(case, coordinator, category)
    assert case.exclusions.get().user == colleague
    assert not selectors.cases_visible_to(colleague).filter(pk=case.pk).exists()
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "Bakker" not in mail.outbox[0].body
    # A second assessment does not exclude twice.
    assess(case, coordinator, category)
    assert case.exclusions.count() == 1


def test_when_the_coordinator_is_involved_the_reporter_sends_the_report_to_another_desk(category, post, staff_factory, client_for):
    """Issue 15 point 6: the reporter's own choice on the form sends the report past the desk whose
    coordinator is involved; that desk never sees it, the chosen desk does, on the record."""
    import uuid

    from django.test import Client
    from django.urls import reverse

    from meldpunt.audit.models import AuditEvent
    from meldpunt.intake.models import Report

    reporter = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = reporter.get(reverse("intake:report")).content.decode()
    assert "Is the coordinator of this reporting point involved" in page
    assert 'value="external"' in page and 'value="complaints"' in page and 'name="other_desk" value="cci"' not in page
    data = {
        "category": category.pk, "post": post.pk, "narrative": "De coördinator zelf speelt een rol in wat ik meld.",
        "identity": "anonymous", "submission_token": uuid.uuid4().hex, "other_desk": "external", "desk_involved": "on",
    }
    reporter.post(reverse("intake:report"), data, follow=True)
    report = Report.objects.get()
    assert (report.channel, report.desk, report.moved_from_desk) == ("central", "external", "cci")
    assert AuditEvent.objects.get(action="report.submitted").detail["chosen_instead_of"] == "cci"
    cci_coordinator = client_for(staff_factory("cci_coordinator", "cci-co"))
    assert report.reference not in cci_coordinator.get(reverse("cases:inbox")).content.decode()
    assert cci_coordinator.get(reverse("cases:report-detail", args=[report.pk])).status_code == 404
    external_coordinator = client_for(staff_factory("external_coordinator", "ext-co"))
    assert report.reference in external_coordinator.get(reverse("cases:inbox")).content.decode()

    # From the complaints committee's form, the reporter may choose the CCI instead.
    complaint = {**data, "submission_token": uuid.uuid4().hex, "other_desk": "cci", "desk_involved": "", "reporter_name": "Amina Haddad"}
    Client().post(reverse("intake:report-complaint"), complaint)
    second = Report.objects.exclude(pk=report.pk).get()
    assert (second.channel, second.desk, second.moved_from_desk) == ("complaints", "cci", "complaints")
