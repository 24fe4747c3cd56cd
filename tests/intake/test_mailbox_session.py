"""Never lose a message: the mailbox closes after a spell without activity (not a fixed time after
sign-in), says so, warns before it closes, and what a reporter sends after it closed is carried
through the sign-in form (never kept on the server, never in the browser's storage) and sent once the
code is typed again. Signing in renews the session key; the mailbox pages are never cached."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from meldpunt.intake.models import AftercareCheckIn, MailboxMessage, Meeting

pytestmark = pytest.mark.django_db

START = timezone.make_aware(timezone.datetime(2026, 3, 3, 9, 0))


@pytest.fixture(autouse=True)
def cheap_receipt_hashes(settings):
    settings.RECEIPT_HASH_TIME_COST = 1
    settings.RECEIPT_HASH_MEMORY_KIB = 8


@pytest.fixture
def filed(report_factory):
    submitted = report_factory(language="ar", narrative="مديري يهددني.")
    return submitted.report, submitted.receipt_code


def sign_in(client, code, **extra):
    return client.post("/mailbox/sign-in/", {"code": code, **extra})


def test_the_mailbox_stays_open_while_the_reporter_is_active_and_closes_after_the_idle_time(filed, settings):
    report, code = filed
    settings.MAILBOX_IDLE_SECONDS = 30 * 60
    with time_machine.travel(START, tick=False) as clock:
        client = Client()
        assert sign_in(client, code).status_code == 302
        # Active for an hour, a page every 20 minutes: it stays open (the old fixed 30 minutes closed it).
        for _ in range(3):
            clock.shift(timedelta(minutes=20))
            assert client.get("/mailbox/").status_code == 200
        # 31 minutes without anything: closed, and the session forgets the report.
        clock.shift(timedelta(minutes=31))
        response = client.get("/mailbox/")
        assert response.status_code == 302 and response["Location"] == "/mailbox/sign-in/?closed=1"
        assert "mailbox_report" not in client.session
        assert "closed after 30 minutes without activity" in client.get(response["Location"]).content.decode()


def test_the_page_says_when_it_closes_and_warns_before_without_script(filed, settings):
    report, code = filed
    settings.MAILBOX_IDLE_SECONDS, settings.MAILBOX_WARNING_SECONDS = 20 * 60, 3 * 60
    client = Client()
    sign_in(client, code)
    response = client.get("/mailbox/")
    page = response.content.decode()
    assert "closes after 20 minutes without activity" in page
    assert "will close in 3 minutes" in page
    # The warning appears after 17 minutes and the closing notice after 20, by CSS from a stylesheet of
    # its own (no inline style: a page the upload progress writes in place keeps the same policy).
    assert '<link rel="stylesheet" href="/mailbox/session.css">' in page and "<style" not in page
    assert "counted from this page's arrival" not in page  # the template's comment stays a comment
    css = client.get("/mailbox/session.css").content.decode()
    assert ".session-warning { animation-delay: 1020s; }" in css and ".session-closed { animation-delay: 1200s; }" in css
    assert "nonce" not in response["Content-Security-Policy"]


def test_a_message_typed_after_the_mailbox_closed_is_sent_once_the_code_is_typed_again(filed, settings):
    report, code = filed
    text = "رسالة كتبتها ببطء شديد. لا تضيعوها من فضلكم."
    with time_machine.travel(START, tick=False) as clock:
        client = Client()
        sign_in(client, code)
        client.get("/mailbox/")
        clock.shift(timedelta(seconds=settings.MAILBOX_IDLE_SECONDS + 60))
        response = client.post("/mailbox/", {"body": text})
        # Not sent yet, not stored: the sign-in page shows the text, ready to go.
        assert response.status_code == 403
        page = response.content.decode()
        assert text in page and 'name="carry-to" value="/mailbox/"' in page
        assert not MailboxMessage.objects.filter(report=report).exists()
        assert text not in str(dict(client.session.items()))  # nothing of it in the session
        # A wrong code keeps the text too.
        wrong = sign_in(client, "1" * 24, **{"carry-to": "/mailbox/", "carry-body": text})
        assert wrong.status_code == 400 and text in wrong.content.decode()
        # The right code opens the mailbox and sends it.
        response = sign_in(client, code, **{"carry-to": "/mailbox/", "carry-body": text})
        assert response.status_code == 302 and response["Location"] == "/mailbox/?sent=1"
    message = MailboxMessage.objects.get(report=report)
    assert message.unseal("body") == text and message.direction == MailboxMessage.Direction.FROM_REPORTER
    assert text.encode() not in bytes(message.body_sealed)


def test_other_answers_typed_after_closing_are_carried_too(filed):
    report, code = filed
    client = Client()  # never signed in on this browser
    response = client.post("/mailbox/meeting/", {"note": "بالهاتف من فضلكم"})
    assert response.status_code == 403 and "بالهاتف من فضلكم" in response.content.decode()
    response = sign_in(client, code, **{"carry-to": "/mailbox/meeting/", "carry-note": "بالهاتف من فضلكم"})
    assert response.status_code == 302 and "done=meeting" in response["Location"]
    assert Meeting.objects.get(report=report).unseal("request_note") == "بالهاتف من فضلكم"


def test_a_carried_form_with_an_error_comes_back_with_its_text(filed):
    report, code = filed
    checkin = AftercareCheckIn.objects.create(report=report, step="3m", asked_at=timezone.now())
    client = Client()
    path = f"/mailbox/aftercare/{checkin.pk}/"
    response = sign_in(client, code, **{"carry-to": path, "carry-note": "كلمات"})  # no yes/no chosen
    assert response.status_code == 400 and "كلمات" in response.content.decode()


def test_only_mailbox_actions_are_carried(filed):
    report, code = filed
    for target in ("/staff/desk/", "https://example.org/", "/mailbox/sign-out/", "/nowhere/"):
        client = Client()
        response = sign_in(client, code, **{"carry-to": target, "carry-body": "x"})
        assert response.status_code == 302 and response["Location"] == "/mailbox/"
    assert not MailboxMessage.objects.exists()


def test_signing_in_renews_the_session_key(filed):
    report, code = filed
    client = Client()
    client.get("/mailbox/sign-in/")
    session = client.session
    session["something"] = "before"
    session.save()
    before = session.session_key
    sign_in(client, code)
    assert client.session.session_key != before
    assert client.session["mailbox_report"] == str(report.pk)


def test_keeping_the_mailbox_open_from_the_warning(filed, settings):
    report, code = filed
    with time_machine.travel(START, tick=False) as clock:
        client = Client()
        sign_in(client, code)
        clock.shift(timedelta(seconds=settings.MAILBOX_IDLE_SECONDS - 60))
        assert client.post("/mailbox/still-here/").status_code == 204
        clock.shift(timedelta(seconds=settings.MAILBOX_IDLE_SECONDS - 60))
        assert client.get("/mailbox/").status_code == 200
        clock.shift(timedelta(seconds=settings.MAILBOX_IDLE_SECONDS + 1))
        assert client.post("/mailbox/still-here/").status_code == 403


@pytest.mark.parametrize("path", ["/mailbox/", "/mailbox/sign-in/"])
def test_mailbox_pages_are_never_cached(filed, path):
    report, code = filed
    client = Client()
    sign_in(client, code)
    response = client.get(path)
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "no-cache" in cache_control and "private" in cache_control


def test_carried_pages_are_never_cached(filed):
    response = Client().post("/mailbox/", {"body": "late words"})
    assert "no-store" in response["Cache-Control"]
