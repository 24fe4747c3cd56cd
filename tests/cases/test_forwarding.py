"""The external desk passes a report to the CCI only with the reporter's consent, recorded in the mailbox."""

import pytest

from cases import services
from meldpunt.intake.models import ForwardingConsent, PublicStatus, Report

from .conftest import reporter_client

WHY = "Your report concerns a matter inside the ministry that the CCI can investigate."


def ask_consent(client, report):
    url = f"/staff/desk/reports/{report.pk}/message/forwarding_consent/"
    form = client.get(url).context["form"]
    body = form.initial["body"].replace("[...]", WHY)
    return client.post(url, {"body": body, "form_token": form.initial["form_token"]})


@pytest.fixture
def external_report(report_factory):
    return report_factory(
        channel="external", language="pt", narrative="O meu chefe humilha-me à frente de todos.",
        is_anonymous=False, reporter_name="Joana Silva", reporter_contact="joana@example.org",
    ).report


def test_forwarding_without_identity(external_report, team, client_for):
    desk = client_for(team["external_handler"])
    assert ask_consent(desk, external_report).status_code == 302
    reporter = reporter_client(external_report)
    mailbox = reporter.get("/mailbox/").content.decode()
    assert WHY in mailbox and "consent" in mailbox
    consent = ForwardingConsent.objects.get(report=external_report)
    # Without consent nothing moves.
    response = desk.post(f"/staff/desk/reports/{external_report.pk}/forward/", follow=True)
    assert "has not given consent" in response.content.decode()
    assert Report.objects.get(pk=external_report.pk).desk == "external"
    # The reporter agrees, without their identity.
    response = reporter.post(f"/mailbox/consent/{consent.pk}/", {"answer": "without_identity"})
    assert response.status_code == 302
    assert "Pass the report to the CCI" in desk.get(f"/staff/desk/reports/{external_report.pk}/").content.decode()
    response = desk.post(f"/staff/desk/reports/{external_report.pk}/forward/")
    assert response.status_code == 302
    report = Report.objects.get(pk=external_report.pk)
    assert (report.desk, report.channel, report.status) == ("cci", "external", PublicStatus.FORWARDED)
    assert report.is_anonymous and report.unseal("reporter_name") == "" and report.unseal("reporter_contact") == ""
    assert report.unseal("narrative") == "O meu chefe humilha-me à frente de todos."
    # The external desk no longer sees it; the CCI does, without the name.
    assert desk.get(f"/staff/desk/reports/{report.pk}/").status_code == 404
    page = client_for(team["handler"]).get(f"/staff/desk/reports/{report.pk}/").content.decode()
    assert "Joana" not in page and "O meu chefe" in page
    # The same consent does not serve twice.
    assert ForwardingConsent.objects.get(pk=consent.pk).used_at is not None


def test_forwarding_with_identity_keeps_it(external_report, team, client_for):
    desk = client_for(team["external_coordinator"])
    ask_consent(desk, external_report)
    consent = ForwardingConsent.objects.get(report=external_report)
    reporter_client(external_report).post(f"/mailbox/consent/{consent.pk}/", {"answer": "with_identity"})
    services.report_forward_to_cci(report=external_report, actor=team["external_coordinator"])
    report = Report.objects.get(pk=external_report.pk)
    assert report.desk == "cci" and not report.is_anonymous and report.unseal("reporter_name") == "Joana Silva"


def test_a_refusal_keeps_the_report_at_the_external_desk(external_report, team, client_for):
    desk = client_for(team["external_handler"])
    ask_consent(desk, external_report)
    consent = ForwardingConsent.objects.get(report=external_report)
    reporter = reporter_client(external_report)
    reporter.post(f"/mailbox/consent/{consent.pk}/", {"answer": "refused"})
    reporter.post(f"/mailbox/consent/{consent.pk}/", {"answer": "with_identity"})  # a second answer does not count
    assert ForwardingConsent.objects.get(pk=consent.pk).answer == "refused"
    with pytest.raises(services.ActionRefused):
        services.report_forward_to_cci(report=external_report, actor=team["external_handler"])
    assert Report.objects.get(pk=external_report.pk).desk == "external"


def test_consent_questions_and_forwarding_belong_to_the_external_desk(report_factory, team, client_for, external_report):
    cci_report = report_factory().report
    with pytest.raises(services.ActionRefused):
        services.report_message_send(report=cci_report, actor=team["handler"], kind="forwarding_consent", body="May we?")
    assert client_for(team["handler"]).post(f"/staff/desk/reports/{cci_report.pk}/forward/").status_code == 403
    ask_consent(client_for(team["external_handler"]), external_report)
    with pytest.raises(services.ActionRefused):  # one open question at a time
        services.report_message_send(report=external_report, actor=team["external_handler"], kind="forwarding_consent", body="Again?")


def test_the_reporter_must_choose_an_answer(external_report, team, client_for):
    ask_consent(client_for(team["external_handler"]), external_report)
    consent = ForwardingConsent.objects.get(report=external_report)
    response = reporter_client(external_report).post(f"/mailbox/consent/{consent.pk}/", {"answer": "maybe"})
    assert response.status_code == 400
    assert ForwardingConsent.objects.get(pk=consent.pk).answer == "pending"


def test_a_forwarded_report_leaves_its_external_case(external_report, team, client_for):
    case = services.case_open(report=external_report, actor=team["external_handler"])
    ask_consent(client_for(team["external_handler"]), external_report)
    consent = ForwardingConsent.objects.get(report=external_report)
    reporter_client(external_report).post(f"/mailbox/consent/{consent.pk}/", {"answer": "with_identity"})
    services.report_forward_to_cci(report=external_report, actor=team["external_handler"])
    assert not case.report_links.exists()
    assert client_for(team["handler"]).get(f"/staff/desk/reports/{external_report.pk}/").status_code == 200
    services.case_open(report=Report.objects.get(pk=external_report.pk), actor=team["handler"])
