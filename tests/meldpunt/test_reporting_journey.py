"""A reporter files a report at the central point and follows it up in the mailbox."""

import re
import uuid

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from meldpunt.intake.models import MailboxMessage, ReceiptCode, Report

CODE_PATTERN = re.compile(r"(\d{4} ){5}\d{4}")


def report_form_data(category_, post_, **overrides):
    data = {
        "category": category_.pk,
        "post": post_.pk,
        "narrative": "Op de post maakte mijn chef racistische grappen over collega's.",
        "occurred_when": "Maart 2026, meerdere keren",
        "involved": "Het hoofd van de afdeling",
        "witnesses": "Twee collega's",
        "identity": "anonymous",
        "submission_token": uuid.uuid4().hex,
    }
    data.update(overrides)
    return data


def submit(client, data):
    return client.post(reverse("intake:report"), data, follow=True)


def receipt_code_from(response) -> str:
    match = CODE_PATTERN.search(response.content.decode())
    assert match, "no receipt code on the page"
    return match.group(0)


@pytest.mark.django_db
def test_reporter_files_a_report_and_reads_the_desks_reply(category, post, staff_factory, client_for):
    reporter = Client(HTTP_ACCEPT_LANGUAGE="fr")
    response = submit(reporter, report_form_data(category, post))
    assert response.status_code == 200
    code = receipt_code_from(response)
    report = Report.objects.get()
    assert report.language == "fr"
    assert report.channel == "central" and report.desk == "cci"
    assert report.acknowledgement_due is not None and report.feedback_due is not None

    # The code stays through a reload until the reporter confirms they saved it; then it is gone.
    assert code in reporter.get(reverse("intake:receipt")).content.decode()
    reporter.post(reverse("intake:receipt"))
    assert not CODE_PATTERN.search(reporter.get(reverse("intake:receipt")).content.decode())

    handler = staff_factory("cci_handler")
    desk = client_for(handler)
    inbox = desk.get(reverse("cases:inbox"))
    assert report.reference in inbox.content.decode()
    detail = desk.get(reverse("cases:report-detail", args=[report.pk]))
    assert "racistische grappen" in detail.content.decode()
    desk.post(reverse("cases:report-detail", args=[report.pk]), {"body": "Merci, nous examinons votre signalement."})

    response = reporter.post(reverse("intake:mailbox-sign-in"), {"code": code}, follow=True)
    page = response.content.decode()
    assert "Merci, nous examinons votre signalement." in page
    reporter.post(reverse("intake:mailbox"), {"body": "Merci. J'ai encore une question."})
    assert MailboxMessage.objects.filter(report=report).count() == 2


@pytest.mark.django_db
def test_a_new_report_notifies_the_desk_without_content(category, post, staff_factory, django_capture_on_commit_callbacks):
    staff_factory("cci_handler")
    staff_factory("external_handler")
    with django_capture_on_commit_callbacks(execute=True):
        submit(Client(), report_form_data(category, post))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to[0].startswith("cci_handler")
    assert "racistische" not in message.body + message.subject
    assert "/staff/desk/reports/" in message.body


@pytest.mark.django_db
def test_double_submit_stores_one_report_and_still_shows_the_code(category, post):
    reporter = Client()
    data = report_form_data(category, post)
    reporter.post(reverse("intake:report"), data)
    response = reporter.post(reverse("intake:report"), data, follow=True)
    assert Report.objects.count() == 1
    assert CODE_PATTERN.search(response.content.decode()), "the code is shown on the page the reporter ends on"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"narrative": ""}, "narrative"),
        ({"narrative": "   "}, "narrative"),
        ({"narrative": "x" * 20_001}, "narrative"),
        ({"category": "not-a-number"}, "category"),
        ({"post": "999999"}, "post"),
        ({"identity": "named", "reporter_name": ""}, "reporter_name"),
        ({"identity": "sideways"}, "identity"),
        ({"submission_token": "forged"}, "submission_token"),
    ],
)
def test_bad_input_keeps_what_was_typed(category, post, overrides, field):
    data = report_form_data(category, post, **overrides)
    response = Client(HTTP_ACCEPT_LANGUAGE="es").post(reverse("intake:report"), data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    page = response.content.decode()
    assert "Het hoofd van de afdeling" in page
    assert 'lang="es"' in page
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_named_report_keeps_identity_sealed(category, post, staff_factory, client_for):
    data = report_form_data(
        category, post, identity="named", reporter_name="Fatima Zahra", reporter_contact="fatima@example.org",
        wants_email_nudge="on",
    )
    submit(Client(), data)
    report = Report.objects.get()
    assert not report.is_anonymous and report.wants_email_nudge
    assert report.unseal("reporter_name") == "Fatima Zahra"


@pytest.mark.django_db
def test_wrong_receipt_code_gets_a_clear_message_in_the_reporters_language(category, post):
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(reverse("intake:mailbox-sign-in"), {"code": "1234"})
    assert response.status_code == 400
    assert "does not open a mailbox" in response.content.decode()
    assert 'value="1234"' in response.content.decode()


@pytest.mark.django_db
def test_mailbox_without_code_sends_to_sign_in():
    response = Client().get(reverse("intake:mailbox"))
    assert response.status_code == 302 and response["Location"] == reverse("intake:mailbox-sign-in")


@pytest.mark.django_db
def test_no_reporter_ip_address_is_stored_anywhere(category, post):
    reporter = Client(REMOTE_ADDR="203.0.113.77", HTTP_X_FORWARDED_FOR="198.51.100.23")
    code = receipt_code_from(submit(reporter, report_form_data(category, post)))
    reporter.post(reverse("intake:mailbox-sign-in"), {"code": code})
    reporter.post(reverse("intake:mailbox"), {"body": "Nog een vraag"})
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                assert "203.0.113.77" not in text and "198.51.100.23" not in text, f"IP address found in {table}"


@pytest.mark.django_db
def test_receipt_code_secret_is_stored_only_as_argon2id(category, post):
    code = receipt_code_from(submit(Client(), report_form_data(category, post))).replace(" ", "")
    receipt = ReceiptCode.objects.get()
    assert receipt.lookup == code[:8]
    assert receipt.secret_hash.startswith("$argon2id$")
    assert code[8:] not in receipt.secret_hash


@pytest.mark.django_db
def test_reporter_pages_need_no_javascript_and_load_nothing_from_elsewhere(category, post):
    client = Client()
    for name in ("intake:home", "intake:report", "intake:mailbox-sign-in"):
        page = client.get(reverse(name)).content.decode()
        # Scripts only as an enhancement from our own static files: never inline, never from elsewhere.
        for script in re.findall(r"<script[^>]*>", page):
            assert re.fullmatch(r'<script src="/static/[^"]+" defer>', script), script
        assert not re.search(r"""(src|href)=["']https?://""", page)
    response = client.get(reverse("intake:home"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
