"""At the person's request, a counsellor files a report with the CCI for them."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Report
from tests.conftest import make_staff, signed_in
from vertrouwenspersonen.models import AdviceSession

NARRATIVE = "Een collega maakt al maanden opmerkingen over mijn afkomst tijdens het teamoverleg."


@pytest.fixture
def session(counsellor_user, log_session):
    return log_session(counsellor_user, advice="Advies: opschrijven wat er gebeurt. Persoon wil melden bij de CCI.")


def forward_data(client, session, **overrides):
    page = client.get(reverse("counsellors:session-forward", args=[session.pk]))
    assert page.status_code == 200
    form = page.context["form"]
    data = {
        "consent": "on", "identity": "anonymous", "reporter_name": "", "reporter_contact": "",
        "category": str(form["category"].value()), "post": str(form["post"].value()), "narrative": NARRATIVE,
        "occurred_when": "Sinds januari", "involved": "Een teamgenoot", "witnesses": "", "language": "nl",
        "submission_token": form.initial["submission_token"],
    }
    data.update(overrides)
    return data


def test_an_anonymous_report_reaches_the_cci_and_the_person_gets_their_own_code(session, counsellor_user, client_for, category, post):
    client = client_for(counsellor_user)
    data = forward_data(client, session)
    # The form starts from the session's topic and post.
    assert data["category"] == str(category.pk) and data["post"] == str(post.pk)
    response = client.post(reverse("counsellors:session-forward", args=[session.pk]), data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.channel == "counsellor" and report.desk == "cci" and report.is_anonymous
    assert report.recorded_by == counsellor_user and report.language == "nl"
    assert report.unseal("narrative") == NARRATIVE and report.unseal("reporter_name") == ""
    session.refresh_from_db()
    assert session.forwarded_report == report and session.forward_consent_at is not None
    assert session.forwarded_anonymously is True

    # The code is on a slip to hand to the person, until the counsellor confirms the hand-over.
    receipt = client.get(response["Location"])
    code = receipt.context["code"]
    assert code and code in receipt.content.decode()
    assert "http://testserver" + reverse("intake:mailbox-sign-in") in receipt.content.decode()
    assert code in client.get(response["Location"]).content.decode()
    client.post(response["Location"])
    again = client.get(response["Location"])
    assert again.context.get("code") is None and code not in again.content.decode()

    # The person opens the ordinary mailbox with it.
    outcome, opened = intake_services.mailbox_open(typed_code=code)
    assert outcome == intake_services.MailboxAccess.OK and opened == report
    person = Client()
    assert person.post(reverse("intake:mailbox-sign-in"), {"code": code}).status_code == 302

    # The CCI sees it in its inbox; the external desk does not.
    cci = signed_in(make_staff(Role.CCI_HANDLER))
    assert report.reference in cci.get(reverse("cases:inbox")).content.decode()
    external = signed_in(make_staff(Role.EXTERNAL_HANDLER))
    assert report.reference not in external.get(reverse("cases:inbox")).content.decode()

    # The audit trail records the forwarding, and no content of either the session or the report.
    event = AuditEvent.objects.get(action="advice_session.forwarded")
    assert event.actor == counsellor_user and event.detail["report"] == str(report.pk)
    assert not any("afkomst" in str(e.detail) or "opschrijven" in str(e.detail) for e in AuditEvent.objects.all())
    # Nor does any email.
    for message in mail.outbox:
        assert "afkomst" not in message.body and "opschrijven" not in message.body


def test_a_report_with_the_persons_name(session, counsellor_user, client_for):
    client = client_for(counsellor_user)
    data = forward_data(client, session, identity="named", reporter_name="N. Person", reporter_contact="+33 6 12 34 56 78")
    client.post(reverse("counsellors:session-forward", args=[session.pk]), data)
    report = Report.objects.get()
    assert not report.is_anonymous
    assert report.unseal("reporter_name") == "N. Person" and report.unseal("reporter_contact") == "+33 6 12 34 56 78"
    session.refresh_from_db()
    assert session.forwarded_anonymously is False


def test_nothing_is_forwarded_without_recorded_consent(session, counsellor_user, client_for):
    client = client_for(counsellor_user)
    data = forward_data(client, session)
    del data["consent"]
    response = client.post(reverse("counsellors:session-forward", args=[session.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "only when the person asked for it" in html
    assert NARRATIVE in html  # what was typed is still there
    assert not Report.objects.exists()
    session.refresh_from_db()
    assert session.forwarded_report is None and session.forward_consent_at is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"narrative": "  "}, "narrative"),
        ({"narrative": "x" * 20_001}, "narrative"),
        ({"identity": "named", "reporter_name": ""}, "reporter_name"),
        ({"identity": "named", "reporter_name": "N. Person", "reporter_contact": ""}, "reporter_contact"),
        ({"post": ""}, "post"),
        ({"post": "abc"}, "post"),
        ({"category": "9999"}, "category"),
        ({"language": "tlh"}, "language"),
        ({"submission_token": "x"}, "submission_token"),
    ],
)
def test_bad_input_files_nothing(session, counsellor_user, client_for, overrides, field):
    client = client_for(counsellor_user)
    response = client.post(reverse("counsellors:session-forward", args=[session.pk]), forward_data(client, session, **overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Report.objects.exists()


def test_a_double_submit_files_one_report(session, counsellor_user, client_for):
    client = client_for(counsellor_user)
    data = forward_data(client, session)
    url = reverse("counsellors:session-forward", args=[session.pk])
    first = client.post(url, data)
    second = client.post(url, data)
    assert Report.objects.count() == 1
    assert first["Location"] == second["Location"] == reverse("counsellors:session-forwarded", args=[session.pk])
    # A session is forwarded once: the form is not offered again.
    assert client.get(url)["Location"] == reverse("counsellors:session-forwarded", args=[session.pk])
    detail = client.get(reverse("counsellors:session-detail", args=[session.pk])).content.decode()
    assert Report.objects.get().reference in detail


def test_a_session_not_yet_forwarded_has_no_receipt_page(session, counsellor_user, client_for):
    response = client_for(counsellor_user).get(reverse("counsellors:session-forwarded", args=[session.pk]))
    assert response["Location"] == reverse("counsellors:session-forward", args=[session.pk])


def test_the_cci_cannot_see_the_session_behind_the_report(session, counsellor_user, client_for):
    client = client_for(counsellor_user)
    client.post(reverse("counsellors:session-forward", args=[session.pk]), forward_data(client, session))
    report = Report.objects.get()
    cci = signed_in(make_staff(Role.CCI_HANDLER))
    page = cci.get(reverse("cases:report-detail", args=[report.pk])).content.decode()
    assert NARRATIVE in page
    assert "opschrijven" not in page  # the counsellor's own advice notes stay in the session
    assert AdviceSession.objects.get().forwarded_report == report
