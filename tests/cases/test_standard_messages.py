"""Standard messages: in every reporter language, prefilled in the report's language, edited by the
handler before sending; acknowledging and giving feedback start and stop the legal clocks."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.utils import timezone

from cases import deadlines, services
from cases.models import StandardMessage
from meldpunt.intake.models import MailboxMessage, PublicStatus, Report

from .conftest import reporter_client

KINDS = [k for k in StandardMessage.Kind.values]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_standard_message_exists_in_every_reporter_language(db, kind, language):
    text = services.standard_message_text(kind=kind, language=language)
    assert len(text) > 25  # a whole message, also in Chinese (no additions beyond the source)
    if language != "en":
        assert text != services.standard_message_text(kind=kind, language="en")


def test_the_acknowledgement_opens_prefilled_in_the_reports_language(report_factory, team, client_for):
    report = report_factory(language="fr", narrative="Mon chef fait des remarques racistes.").report
    client = client_for(team["handler"])
    page = client.get(f"/staff/desk/reports/{report.pk}/message/acknowledgement/").content.decode()
    assert "Merci pour votre signalement" in page and 'lang="fr"' in page


def test_acknowledging_records_it_and_restarts_the_feedback_clock(report_factory, team, client_for):
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        report = report_factory(language="es").report
    client = client_for(team["handler"])
    url = f"/staff/desk/reports/{report.pk}/message/acknowledgement/"
    form = client.get(url).context["form"]
    body = form.initial["body"] + "\n\nUn saludo, Sanne"
    response = client.post(url, {"body": body, "form_token": form.initial["form_token"]})
    assert response.status_code == 302
    report.refresh_from_db()
    today = timezone.localdate()
    assert timezone.localdate(report.acknowledged_at) == today
    assert report.feedback_due == deadlines.add_months(today, 3)
    assert report.feedback_due < deadlines.feedback_due(received=timezone.localdate(report.received_at), acknowledged=None)
    assert report.status == PublicStatus.ACKNOWLEDGED
    mailbox = reporter_client(report).get("/mailbox/").content.decode()
    assert "Gracias por su denuncia" in mailbox and "Un saludo, Sanne" in mailbox
    # A second acknowledgement is refused with the reason, and sends nothing.
    form = client.get(url)
    response = client.post(url, {"body": body, "form_token": "f" * 32})
    assert "already acknowledged" in response.content.decode()
    assert report.messages.filter(kind="acknowledgement").count() == 1


def test_a_double_click_sends_once(report_factory, team, client_for):
    report = report_factory().report
    client = client_for(team["handler"])
    url = f"/staff/desk/reports/{report.pk}/message/closure/"
    form = client.get(url).context["form"]
    data = {"body": form.initial["body"], "form_token": form.initial["form_token"]}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert report.messages.filter(kind="closure").count() == 1


def test_the_handler_must_fill_in_the_open_part(report_factory, team, client_for):
    report = report_factory(language="ar").report
    client = client_for(team["handler"])
    url = f"/staff/desk/reports/{report.pk}/message/more_information/"
    form = client.get(url).context["form"]
    response = client.post(url, {"body": form.initial["body"], "form_token": form.initial["form_token"]})
    assert response.status_code == 400
    assert "Replace [...]" in response.content.decode()
    assert "شكرًا لك على بلاغك" in response.content.decode()  # the text is kept as it was
    assert not report.messages.exists()


@pytest.mark.parametrize("body", ["", "   ", "x" * (settings.REPORT_TEXT_MAX_CHARS + 1)])
def test_empty_or_huge_messages_are_refused_and_kept(body, report_factory, team, client_for):
    report = report_factory().report
    client = client_for(team["handler"])
    url = f"/staff/desk/reports/{report.pk}/message/feedback/"
    response = client.post(url, {"body": body, "form_token": "a" * 32})
    assert response.status_code == 400
    assert not report.messages.exists()
    assert Report.objects.get(pk=report.pk).feedback_given_at is None


def test_an_unknown_kind_is_not_found(report_factory, team, client_for):
    report = report_factory().report
    assert client_for(team["handler"]).get(f"/staff/desk/reports/{report.pk}/message/minutes_ready/").status_code == 404


def test_feedback_is_dated_once_and_reaches_the_reporter(report_factory, team):
    report = report_factory(language="zh-hans").report
    body = services.standard_message_text(kind="feedback", language="zh-hans").replace("[...]", "我们已与相关经理谈话。")
    services.report_message_send(report=report, actor=team["handler"], kind="feedback", body=body)
    first = Report.objects.get(pk=report.pk).feedback_given_at
    services.report_message_send(report=report, actor=team["handler"], kind="feedback", body="Follow-up feedback.")
    assert Report.objects.get(pk=report.pk).feedback_given_at == first
    assert "我们已与相关经理谈话" in reporter_client(report).get("/mailbox/").content.decode()


def test_no_report_text_ever_goes_out_by_email(report_factory, team):
    secret = "Het geheime verhaal over de ambassadeur"
    report = report_factory(narrative=secret, reporter_name="Fatima", reporter_contact="fatima@example.org",
                            is_anonymous=False, wants_email_nudge=True).report
    services.report_message_send(report=report, actor=team["handler"], kind="closure", body="Ons antwoord: " + secret)
    for message in mail.outbox:
        assert secret not in message.subject + message.body


def test_administrators_edit_the_texts_in_the_admin(db, staff_factory, client_for):
    from meldpunt.content.models import ContentUnit

    admin = staff_factory("administrator", "eva")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = client_for(admin)
    units = ContentUnit.objects.filter(key="standard-message/closure/body")
    assert sorted(units.values_list("language", flat=True)) == sorted(code for code, _name in settings.LANGUAGES)
    page = client.get(f"/admin/content/contentunit/{units.get(language='fr').pk}/change/")
    assert page.status_code == 200 and 'name="text"' in page.content.decode()
    assert client.get("/admin/content/contentunit/?q=standard-message").status_code == 200


def test_every_message_kind_is_stored_on_the_mailbox_message(report_factory, team):
    report = report_factory().report
    services.report_message_send(report=report, actor=team["handler"], kind="closure", body="Closed.")
    assert MailboxMessage.objects.get(report=report).kind == "closure"
