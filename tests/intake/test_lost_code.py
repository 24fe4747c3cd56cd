"""A reporter who lost the receipt code comes back: a new report that names the old one, joined by the
desk after checking; or, for a named reporter, a new code through a one-time link to their address."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import MailboxJoin, ReceiptReissue, Report
from tests.intake.test_keep_the_code import code_on
from tests.meldpunt.test_reporting_journey import report_form_data, submit

pytestmark = pytest.mark.django_db

REPORTER_LANGUAGES = settings.REPORTER_LANGUAGES


def opens(code) -> bool:
    response = Client().post(reverse("intake:mailbox-sign-in"), {"code": code})
    return response.status_code == 302 and response["Location"] == reverse("intake:mailbox")


def mailbox_of(code) -> str:
    client = Client()
    client.post(reverse("intake:mailbox-sign-in"), {"code": code})
    return client.get(reverse("intake:mailbox")).content.decode()


@pytest.mark.parametrize("language", REPORTER_LANGUAGES)
def test_the_lost_code_page_speaks_every_reporter_language_and_is_linked(language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    page = client.get(reverse("intake:lost-code"))
    assert page.status_code == 200 and f'lang="{language}"' in page.content.decode()
    assert f'{reverse("intake:report")}?follows=1' in page.content.decode()
    assert reverse("intake:lost-code") in client.get(reverse("intake:mailbox-sign-in")).content.decode()
    assert reverse("intake:lost-code") in client.get(reverse("intake:receipt")).content.decode()


@pytest.mark.parametrize("by", ["reference", "digits"])
def test_the_desk_joins_a_new_report_to_the_one_whose_code_was_lost(by, category, post, staff_factory, client_for):
    first = code_on(submit(Client(), report_form_data(category, post, narrative="Mijn chef scheldt mij uit.")))
    earlier = Report.objects.get()
    desk = client_for(staff_factory("cci_handler"))
    desk.post(reverse("cases:report-detail", args=[earlier.pk]), {"body": "Wij hebben uw melding ontvangen.", "form_token": "a" * 32})

    # The code is lost. A new report, from the "Lost your code?" route, names the earlier one.
    reporter = Client(HTTP_ACCEPT_LANGUAGE="ar")
    form = reporter.get(f'{reverse("intake:report")}?follows=1').content.decode()
    assert 'name="follows"' in form
    named = earlier.reference if by == "reference" else first[:9]  # "1234 5678" as written on the slip
    data = report_form_data(category, post, narrative="لقد فقدت رمزي. هذا متابعة لبلاغي السابق.", follows=named)
    second = code_on(reporter.post(f'{reverse("intake:report")}?follows=1', data, follow=True))
    later = Report.objects.exclude(pk=earlier.pk).get()
    assert later.unseal("follows_claim") == named
    assert AuditEvent.objects.get(action="report.submitted", target_id=str(later.pk)).detail["follows_earlier"] is True

    # The desk sees the claim and the report it names; a join without a reason is refused.
    page = desk.get(reverse("cases:report-detail", args=[later.pk])).content.decode()
    assert named in page and reverse("cases:report-detail", args=[earlier.pk]) in page
    refused = desk.post(reverse("cases:report-join", args=[later.pk]), {"earlier": earlier.reference, "reason": ""})
    assert refused.status_code == 400 and not MailboxJoin.objects.exists()

    joined = desk.post(reverse("cases:report-join", args=[later.pk]), {
        "earlier": earlier.reference, "reason": "Melder noemde in de nieuwe berichtenbox de datum van het eerste gesprek.",
    })
    assert joined["Location"] == reverse("cases:report-detail", args=[earlier.pk])
    join = MailboxJoin.objects.get()
    assert join.unseal("reason").startswith("Melder noemde") and b"Melder" not in bytes(join.reason_sealed)
    assert {"mailbox.joined", "mailbox.joined_into"} <= set(AuditEvent.objects.values_list("action", flat=True))

    # The old code stops working; the new one opens the earlier thread, with the reporter's own report.
    assert not opens(first)
    mailbox = mailbox_of(second)
    assert "Wij hebben uw melding ontvangen." in mailbox and "Mijn chef scheldt mij uit." in mailbox


def test_another_desk_cannot_join_a_report_it_may_not_see(category, post, staff_factory, client_for):
    submit(Client(), report_form_data(category, post))
    earlier = Report.objects.get()
    Client().post(reverse("intake:report-external"), report_form_data(category, post, follows=earlier.reference))
    later = Report.objects.get(desk="external")
    external = client_for(staff_factory("external_handler"))
    page = external.get(reverse("cases:report-detail", args=[later.pk])).content.decode()
    assert reverse("cases:report-detail", args=[earlier.pk]) not in page
    response = external.post(reverse("cases:report-join", args=[later.pk]), {"earlier": earlier.reference, "reason": "zeker"})
    assert response.status_code == 400 and not MailboxJoin.objects.exists()


def test_a_named_reporter_gets_a_new_code_through_a_one_time_link(
    category, post, staff_factory, client_for, django_capture_on_commit_callbacks
):
    data = report_form_data(category, post, identity="named", reporter_name="Amira", reporter_contact="amira@example.org")
    old = code_on(submit(Client(), data))
    report = Report.objects.get()
    handler = staff_factory("cci_handler")
    reporter = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")

    # The answer is the same whether or not the details match; only a match is recorded for the desk.
    wrong = reporter.post(reverse("intake:lost-code"), {"earlier": report.reference, "contact": "someone@example.org"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        right = reporter.post(reverse("intake:lost-code"), {"earlier": report.reference, "contact": "Amira@Example.org "})
    assert wrong["Location"] == right["Location"]
    assert ReceiptReissue.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[handler.email]]  # the desk is told, without content

    desk = client_for(handler)
    page = desk.get(reverse("cases:report-detail", args=[report.pk])).content.decode()
    assert 'id="new-code-request"' in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(reverse("cases:report-reissue", args=[report.pk]))
    (email,) = mail.outbox
    assert email.to == ["amira@example.org"]
    link = re.search(r"/mailbox/new-code/[^/\s]+/", email.body).group(0)
    assert report.reference not in email.body

    # Opening the link changes nothing (mail scanners open links); the button shows the new code once.
    assert reporter.get(link).status_code == 200 and opens(old)
    shown = reporter.post(link, follow=True)
    new = code_on(shown)
    assert new and new != old
    assert not opens(old) and opens(new)
    assert code_on(reporter.get(reverse("intake:receipt"))) == new  # kept on screen like any new code
    assert reporter.post(link).status_code == 400  # once only
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"receipt.reissue_asked", "receipt.reissue_sent", "receipt.reissued"} <= actions
    assert settings.RECEIPT_REISSUE_LINK_HOURS == 72


def test_an_anonymous_report_never_gets_a_code_by_email(category, post):
    submit(Client(), report_form_data(category, post))
    report = Report.objects.get()
    Client().post(reverse("intake:lost-code"), {"earlier": report.reference, "contact": "a@example.org"})
    assert not ReceiptReissue.objects.exists()
