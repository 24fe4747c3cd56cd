"""A reporter reads back what they reported in the mailbox and adds information later; the desk sees
the addition marked as one, sealed like the narrative, and every read is on the record."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import ReportAddition
from tests.intake.test_keep_the_code import code_on
from tests.meldpunt.test_reporting_journey import report_form_data, submit

pytestmark = pytest.mark.django_db


def open_mailbox(client, code):
    response = client.post(reverse("intake:mailbox-sign-in"), {"code": code})
    assert response["Location"] == reverse("intake:mailbox")
    return client.get(reverse("intake:mailbox")).content.decode()


def test_the_reporter_reads_back_their_report_and_adds_to_it(category, post, staff_factory, client_for):
    reporter = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    data = report_form_data(category, post, narrative="我的上司在会议上多次嘲笑我的口音。", witnesses="两位同事")
    code = code_on(submit(reporter, data))
    mailbox = open_mailbox(reporter, code)
    for told in (data["narrative"], data["occurred_when"], data["involved"], "两位同事", str(post)):
        assert told in mailbox
    assert str(category) in mailbox or category.name in mailbox

    # Bad input keeps the page and says why, in the reporter's language.
    empty = reporter.post(reverse("intake:mailbox-addition"), {"addition": "   "})
    assert empty.status_code == 400 and "own-report" in empty.content.decode()
    assert not ReportAddition.objects.exists()

    sent = reporter.post(reverse("intake:mailbox-addition"), {"addition": "还有一位证人：门卫。"}, follow=True)
    assert sent.status_code == 200 and "还有一位证人：门卫。" in sent.content.decode()
    addition = ReportAddition.objects.get()
    assert addition.language == "zh-hans" and addition.unseal("body") == "还有一位证人：门卫。"
    assert AuditEvent.objects.filter(action="report.addition_added").count() == 1

    # Sealed at rest like the narrative.
    with connection.cursor() as cursor:
        cursor.execute("SELECT body_sealed FROM intake_reportaddition")
        (raw,) = cursor.fetchone()
    assert "门卫".encode() not in bytes(raw)

    # The desk sees it marked as an addition; the read is audited.
    report = addition.report
    desk = client_for(staff_factory("cci_handler"))
    reads_before = AuditEvent.objects.filter(action="report.read").count()
    page = desk.get(reverse("cases:report-detail", args=[report.pk])).content.decode()
    assert "还有一位证人：门卫。" in page and 'id="additions"' in page
    assert AuditEvent.objects.filter(action="report.read").count() == reads_before + 1


def test_an_addition_needs_an_open_mailbox_and_is_carried_through_sign_in(category, post):
    response = Client().post(reverse("intake:mailbox-addition"), {"addition": "Iets meer."})
    assert response.status_code == 403  # the sign-in page, with what was typed still in it
    assert "Iets meer." in response.content.decode()
    assert not ReportAddition.objects.exists()
