"""A reporter keeps the receipt code: it stays on the receipt page through reloads and language
switches until they confirm they saved it; they can copy, download or print it; the server never
holds it readable. Whoever hands a slip over sees the code only until the hand-over."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases.reminders import reminders_scan
from meldpunt.channels.models import ManagerDraft
from meldpunt.intake import tasks
from tests.channels.test_manager_channel import draft_data, new_draft_url
from tests.meldpunt.test_reporting_journey import report_form_data, submit

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(r"(\d{4} ){5}\d{4}")


def code_on(response) -> str | None:
    match = CODE_PATTERN.search(response.content.decode())
    return match.group(0) if match else None


def switch_language(client, language: str) -> None:
    client.post(reverse("set_language"), {"language": language, "next": reverse("intake:receipt")})


def test_the_code_survives_a_reload_and_a_language_switch_until_the_reporter_confirms(category, post):
    reporter = Client(HTTP_ACCEPT_LANGUAGE="ar")
    code = code_on(submit(reporter, report_form_data(category, post)))
    assert code
    assert code_on(reporter.get(reverse("intake:receipt"))) == code  # a reload
    switch_language(reporter, "zh-hans")
    page = reporter.get(reverse("intake:receipt"))
    assert code_on(page) == code and 'lang="zh-hans"' in page.content.decode()

    confirmed = reporter.post(reverse("intake:receipt"), follow=True)
    assert code_on(confirmed) is None
    assert reverse("intake:mailbox-sign-in") in confirmed.content.decode()
    assert reporter.get(reverse("intake:receipt-slip"))["Location"] == reverse("intake:receipt")

    # The code still opens the mailbox: confirming only stops showing it.
    mailbox = reporter.post(reverse("intake:mailbox-sign-in"), {"code": code})
    assert mailbox["Location"] == reverse("intake:mailbox")


def test_the_session_table_never_holds_a_readable_code(category, post):
    reporter = Client()
    code = code_on(submit(reporter, report_form_data(category, post))).replace(" ", "")
    reporter.get(reverse("intake:receipt"))
    stored = [str(s.get_decoded()) + s.session_data for s in Session.objects.all()]
    assert stored and not any(code[8:] in text or code[:8] in text for text in stored)


def test_without_the_browsers_key_the_held_code_cannot_be_read(category, post):
    reporter = Client()
    code = code_on(submit(reporter, report_form_data(category, post)))
    # Someone with the session (a copied session cookie, a database dump) but not the key cookie:
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = reporter.cookies[settings.SESSION_COOKIE_NAME].value
    assert code_on(other.get(reverse("intake:receipt"))) is None
    # The key cookie is short-lived, HttpOnly, strict, and sent to the receipt pages only.
    key_cookie = next(c for name, c in reporter.cookies.items() if name.startswith("hold-"))
    assert key_cookie["httponly"] and key_cookie["samesite"] == "Strict"
    assert key_cookie["path"] == reverse("intake:receipt")
    assert int(key_cookie["max-age"]) == settings.RECEIPT_HOLD_SECONDS
    assert code_on(reporter.get(reverse("intake:receipt"))) == code


def test_the_page_offers_copy_download_and_print_and_works_without_javascript(category, post):
    reporter = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    page = submit(reporter, report_form_data(category, post)).content.decode()
    # Copy and print are buttons that the script shows; without it the download link and the hint stay.
    assert re.search(r'<button type="button"[^>]*data-copy="receipt-code"[^>]*hidden', page)
    assert re.search(r'<button type="button"[^>]*data-print[^>]*hidden', page)
    assert f'href="{reverse("intake:receipt-slip")}" download' in page
    assert "js/receipt-tools.js" in page


def test_the_downloaded_slip_is_in_the_reporters_language_with_the_real_address(category, post):
    reporter = Client(HTTP_ACCEPT_LANGUAGE="ar", HTTP_HOST="127.0.0.1:8213")
    code = code_on(submit(reporter, report_form_data(category, post)))
    slip = reporter.get(reverse("intake:receipt-slip"))
    assert slip["Content-Type"] == "text/plain; charset=utf-8"
    assert "attachment" in slip["Content-Disposition"]
    text = slip.content.decode()
    assert code in text
    assert "http://127.0.0.1:8213/mailbox/sign-in/" in text and ":8000" not in text
    assert "رمز" in text  # Arabic: "code"


def test_the_manager_hands_over_an_arabic_slip_and_cannot_see_the_code_afterwards(
    staff_factory, client_for, category, post
):
    manager = client_for(staff_factory("manager", username="karim", post=post))
    url = new_draft_url(manager)
    forwarded = manager.post(url, draft_data(category, post, slip_language="ar", action="forward"))
    slip_url = forwarded["Location"]
    page = manager.get(slip_url, HTTP_HOST="127.0.0.1:8213").content.decode()
    code = CODE_PATTERN.search(page).group(0)
    assert 'lang="ar" dir="rtl"' in page
    # The address is absolute, from the request, and isolated so Arabic text does not move its slash.
    assert '<bdi dir="ltr" class="address">http://127.0.0.1:8213/mailbox/sign-in/</bdi>' in page
    assert "/http://" not in page and ":8000" not in page
    # Print only: no copy button and no file, so no copy stays with the manager.
    assert "data-print" in page and "data-copy" not in page and "slip.txt" not in page
    # A reload (a failed print) keeps it; the confirmed hand-over ends it.
    assert code in manager.get(slip_url).content.decode()
    manager.post(slip_url)
    assert code not in manager.get(slip_url).content.decode()
    assert not [s for s in Session.objects.all() if code.replace(" ", "")[8:] in str(s.get_decoded())]


def test_the_counsellors_slip_is_in_the_reports_language(staff_factory, client_for, category, post):
    from vertrouwenspersonen import services as counsellor_services

    counsellor = staff_factory("counsellor", username="amira", post=post)
    client = client_for(counsellor)
    session = counsellor_services.advice_session_log(
        actor=counsellor, held_on=timezone.localdate(), channel="in_person", topic=category, post=post,
        advice="Persoon wil melden.", follow_up="none",
    )
    page = client.get(reverse("counsellors:session-forward", args=[session.pk]))
    response = client.post(reverse("counsellors:session-forward", args=[session.pk]), {
        "consent": "on", "identity": "anonymous", "reporter_name": "", "reporter_contact": "",
        "category": category.pk, "post": post.pk, "narrative": "Een collega scheldt mij uit.", "occurred_when": "",
        "involved": "", "witnesses": "", "language": "zh-hans",
        "submission_token": page.context["form"].initial["submission_token"],
    })
    slip = client.get(response["Location"]).content.decode()
    assert 'lang="zh-hans"' in slip and CODE_PATTERN.search(slip)
    assert "http://testserver/mailbox/sign-in/" in slip


def test_the_overdue_draft_alert_names_the_manager_and_the_post(staff_factory, post):
    staff_factory("cci_coordinator", username="coordinator")
    manager = staff_factory("manager", username="els", post=post)
    manager.first_name, manager.last_name = "Els", "de Vries"
    manager.save()
    started = timezone.now() - timedelta(hours=settings.MANAGER_DRAFT_ALERT_HOURS + 1)
    draft = ManagerDraft(manager=manager, post=post, created_at=started, updated_at=started)
    draft.seal("narrative", "Concepttekst die nooit in een mail mag staan.")
    draft.save()
    mail.outbox.clear()
    reminders_scan()
    alert = next(m for m in mail.outbox if m.to == ["coordinator@example.org"])
    assert "Els de Vries" in alert.body and str(post) in alert.body
    assert "Concepttekst" not in alert.body


def test_expired_sessions_are_deleted_every_night():
    entry = next(e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "meldpunt.intake.tasks.sessions_clear")
    assert entry["schedule"]
    old = Session.objects.create(session_key="x" * 32, session_data="{}", expire_date=timezone.now() - timedelta(seconds=1))
    fresh = Session.objects.create(session_key="y" * 32, session_data="{}", expire_date=timezone.now() + timedelta(hours=1))
    tasks.sessions_clear()
    assert not Session.objects.filter(pk=old.pk).exists() and Session.objects.filter(pk=fresh.pk).exists()
