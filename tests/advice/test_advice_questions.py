"""Advice for everyone: any employee asks the advice point a question without signing in, keeps a
receipt code like a report's, reads the answer and writes back in the mailbox, and can turn the
question into a report in one step of their own. The desk never can."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from meldpunt.advice.models import AdviceMessage, AdviceQuestion, AdviceReceipt
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import ReceiptCode, Report

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(r"(\d{4} ){5}\d{4}")
QUESTION = "Een collega maakt steeds grappen over mijn afkomst. Is dat iets om te melden?"
ANSWER = "Dat hoeft u niet te accepteren. U kunt er een melding van maken; wij denken mee."


def ask(client, *, question=QUESTION, contact="", token="0" * 32, language="nl"):
    return client.post(
        reverse("advice:ask"), {"narrative": question, "contact": contact, "submission_token": token},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def receipt_code(client) -> str:
    page = client.get(reverse("intake:receipt")).content.decode()
    return CODE_PATTERN.search(page).group(0)


def sign_in(client, code):
    return client.post(reverse("intake:mailbox-sign-in"), {"code": code})


@pytest.fixture
def cci(staff_factory):
    return staff_factory("cci_handler")


def test_an_employee_asks_anonymously_the_desk_answers_and_the_asker_reads_and_writes_back(
    client, cci, client_for, staff_factory, django_capture_on_commit_callbacks
):
    staff_factory("external_handler")
    home = client.get(reverse("intake:home")).content.decode()
    assert reverse("advice:ask") in home, "the home page links to the advice point"
    assert reverse("advice:ask") in client.get(reverse("channels:guide")).content.decode()
    assert reverse("advice:ask") in client.get(reverse("intake:report")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client)
    assert response["Location"] == reverse("intake:receipt")
    question = AdviceQuestion.objects.get()
    assert question.unseal("question") == QUESTION and question.awaiting_reply_since is not None
    assert QUESTION.encode() not in bytes(question.question_sealed)
    # The CCI hears of it, without its content; the external desk does not.
    assert [m.to for m in mail.outbox] == [[cci.email]]
    assert "afkomst" not in mail.outbox[0].body

    receipt_page = client.get(reverse("intake:receipt")).content.decode()
    assert "Your question has been received" in receipt_page
    code = receipt_code(client)
    assert client.get(reverse("intake:receipt-slip")).status_code == 200

    desk = client_for(cci)
    listing = desk.get(reverse("cases:advice-questions")).content.decode()
    assert reverse("cases:advice-question", args=[question.pk]) in listing and "Answer due by" in listing
    detail = desk.get(reverse("cases:advice-question", args=[question.pk]))
    assert QUESTION in detail.content.decode()
    assert AuditEvent.objects.filter(action="advice_question.read", actor=cci).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(reverse("cases:advice-question", args=[question.pk]), {"body": ANSWER})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.awaiting_reply_since is None and question.answered_at is not None
    assert len(mail.outbox) == 1, "an anonymous asker left no address: no email"

    asker = type(client)()
    response = sign_in(asker, code)
    assert response["Location"] == reverse("advice:mailbox")
    mailbox = asker.get(reverse("advice:mailbox")).content.decode()
    assert QUESTION in mailbox and ANSWER in mailbox
    response = asker.post(reverse("advice:mailbox"), {"body": "Dank u. Wat gebeurt er als ik meld?"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.awaiting_reply_since is not None, "the asker's message starts the reply clock again"
    assert AdviceMessage.objects.filter(direction="from_asker").count() == 1


def test_an_empty_question_is_refused_with_what_was_typed_kept(client):
    response = ask(client, question="   ", contact="not-an-address", language="en")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please write your question." in page and "not-an-address" in page
    assert not AdviceQuestion.objects.exists()


def test_an_asker_who_gave_an_address_gets_a_content_free_email(client, cci, client_for, django_capture_on_commit_callbacks):
    ask(client, contact="asker@example.org")
    question = AdviceQuestion.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(cci).post(reverse("cases:advice-question", args=[question.pk]), {"body": ANSWER})
    assert mail.outbox[-1].to == ["asker@example.org"]
    assert "accepteren" not in mail.outbox[-1].body and "/mailbox/" in mail.outbox[-1].body


def test_the_asker_turns_the_question_into_a_report_and_keeps_one_code(
    client, cci, client_for, category, post
):
    ask(client)
    code = receipt_code(client)
    question = AdviceQuestion.objects.get()
    client_for(cci).post(
        reverse("cases:advice-question", args=[question.pk]), {"body": ANSWER, "suggest_report": "on"}
    )
    sign_in(client, code)
    mailbox = client.get(reverse("advice:mailbox")).content.decode()
    assert "The advice point suggests that you make a report" in mailbox
    assert not Report.objects.exists(), "the desk's suggestion makes no report"

    form = client.get(reverse("advice:to-report"))
    assert form.context["form"]["narrative"].value() == QUESTION, "the question's text is carried over"
    unconfirmed = client.post(reverse("advice:to-report"), {"category": category.pk, "post": post.pk, "narrative": QUESTION})
    assert unconfirmed.status_code == 400 and not Report.objects.exists()
    assert QUESTION in unconfirmed.content.decode()

    response = client.post(
        reverse("advice:to-report"),
        {"category": category.pk, "post": post.pk, "narrative": QUESTION + " Het gebeurt elke week.", "confirm": "on"},
    )
    assert response["Location"] == reverse("intake:mailbox") + "?done=reported"
    report = Report.objects.get()
    assert report.unseal("narrative").endswith("Het gebeurt elke week.") and report.is_anonymous
    question.refresh_from_db()
    assert question.report == report
    assert not AdviceReceipt.objects.exists() and ReceiptCode.objects.filter(report=report).count() == 1
    assert "Your question is now a report" in client.get(response["Location"]).content.decode()

    # The one code the asker kept now opens the report's mailbox.
    later = type(client)()
    assert sign_in(later, code)["Location"] == reverse("intake:mailbox")
    # A second try (the browser's back button) makes no second report: the question's mailbox is gone.
    again = client.post(reverse("advice:to-report"), {"category": category.pk, "post": post.pk, "narrative": "x", "confirm": "on"})
    assert again.status_code == 403 and Report.objects.count() == 1


def test_the_desk_cannot_turn_a_question_into_a_report_nor_see_it_from_another_desk(client, staff_factory, client_for):
    ask(client)
    question = AdviceQuestion.objects.get()
    for role in ("external_handler", "external_coordinator", "manager", "counsellor"):
        response = client_for(staff_factory(role)).get(reverse("cases:advice-question", args=[question.pk]))
        assert response.status_code in (403, 404), role
    assert not any(name for name in dir(__import__("meldpunt.advice.services", fromlist=["x"])) if "convert" in name)


def test_a_message_written_after_the_mailbox_closed_is_sent_once_the_code_is_entered(client):
    ask(client)
    code = receipt_code(client)
    question = AdviceQuestion.objects.get()
    asker = type(client)()
    closed = asker.post(reverse("advice:mailbox"), {"body": "Wat ik schreef terwijl de box sloot."})
    assert closed.status_code == 403 and "Wat ik schreef" in closed.content.decode()
    sent = asker.post(
        reverse("intake:mailbox-sign-in"),
        {"code": code, "carry-to": reverse("advice:mailbox"), "carry-body": "Wat ik schreef terwijl de box sloot."},
    )
    assert sent.status_code == 302
    assert question.messages.get().unseal("body") == "Wat ik schreef terwijl de box sloot."


def test_a_wrong_code_opens_nothing_and_says_so(client):
    ask(client)
    code = receipt_code(client)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    response = client.post(reverse("intake:mailbox-sign-in"), {"code": wrong}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "does not open a mailbox" in response.content.decode()
    assert "mailbox_advice" not in client.session


def test_a_report_made_after_a_question_in_the_same_browser_gets_a_report_receipt(client, category, post):
    ask(client, language="en")
    assert "Your question has been received" in client.get(reverse("intake:receipt"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    form = client.get(reverse("intake:report"))
    data = {
        "category": category.pk, "post": post.pk, "narrative": "Het gebeurde gisteren.", "identity": "anonymous",
        "submission_token": form.context["form"]["submission_token"].value(),
    }
    client.post(reverse("intake:report"), data)
    page = client.get(reverse("intake:receipt"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Your report has been received" in page and "Your question has been received" not in page
