"""In a real browser (issue 14): an Arabic report reaches a handler who reads no Arabic. The handler
asks for a translation; a translator signs in with password and authenticator code and provides it;
the handler answers in Dutch, the answer is held, translated, approved and sent; the reporter reads it
in Arabic in the mailbox. Selectors use form actions and field names, not words."""

import pytest

from cases.models import TranslationRequest
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Report
from tests.cases.conftest import restore_migrated_data
from tests.conftest import make_staff, make_translator

from .conftest import file_report, staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARRATIVE = "مديري في السفارة يوجه تعليقات عنصرية إلى الموظفين المحليين في كل اجتماع."
DUTCH_TRANSLATION = "Mijn leidinggevende op de ambassade maakt in elke vergadering racistische opmerkingen tegen lokale medewerkers."
DUTCH_REPLY = "Dank u voor uw melding. Wij willen graag met u spreken; wanneer schikt het u?"
ARABIC_REPLY = "شكرا لك على بلاغك. نود التحدث معك؛ متى يناسبك ذلك؟"


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    restore_migrated_data()


def test_an_arabic_report_is_understood_and_answered_in_arabic(new_page, post, category):
    handler_user = make_staff("cci_handler", username="sanne", post=post)
    translator_user = make_translator("amal")

    # The reporter writes in Arabic; the form proposes Arabic as the language written in.
    reporter = new_page(locale="ar")
    reporter.goto("/report/")
    assert reporter.input_value("select[name=written_language]") == "ar"
    file_report(reporter, category, post, NARRATIVE)
    code = reporter.inner_text("#receipt-code")
    report = Report.objects.get()
    assert report.written_language == "ar"

    # The handler, who reads Dutch, sees that the report is in Arabic and asks for a Dutch translation.
    handler = new_page(locale="nl")
    staff_sign_in(handler, handler_user)
    handler.click(f"main a:text('{report.reference}')")
    assert "Arabisch" in handler.inner_text("dl.facts")
    handler.click("a[href$='/translations/new/?text=narrative']")
    handler.select_option("select[name=translator]", str(translator_user.pk))
    handler.select_option("select[name=target_language]", "nl")
    handler.click("form[action$='/translations/new/'] button[type=submit]")
    assert TranslationRequest.objects.get().state == "open"

    # The translator signs in (password and authenticator code), sees only the text, and translates it.
    translator = new_page(locale="nl")
    staff_sign_in(translator, translator_user)
    assert translator.url.endswith("/staff/translate/")
    assert report.reference not in translator.content()
    translator.click("main a[href^='/staff/translate/']")
    assert NARRATIVE in translator.inner_text("main")
    assert report.reference not in translator.content() and str(post) not in translator.content()
    translator.fill("textarea[name=translation]", DUTCH_TRANSLATION)
    translator.click("main form button[type=submit]")
    assert "/staff/translate/" in translator.url and not translator.query_selector("main a[href^='/staff/translate/']")

    # The handler reads the translation beside the report, with who translated it.
    handler.goto(f"/staff/desk/reports/{report.pk}/")
    translations = handler.inner_text("#translations")
    assert DUTCH_TRANSLATION in translations and "amal" in translations

    # The handler answers in Dutch: the answer is held for translation, not sent.
    handler.fill("textarea[name=body]", DUTCH_REPLY)
    assert handler.input_value("select[name=written_language]") == "nl"
    handler.select_option(f"form[action='/staff/desk/reports/{report.pk}/'] select[name=translator]", str(translator_user.pk))
    handler.click(f"form[action='/staff/desk/reports/{report.pk}/'] button[type=submit]")
    assert not report.messages.exists()

    translator.goto("/staff/translate/")
    translator.click("main a[href^='/staff/translate/']")
    assert DUTCH_REPLY in translator.inner_text("main")
    translator.fill("textarea[name=translation]", ARABIC_REPLY)
    translator.click("main form button[type=submit]")

    # The handler checks the translation beside the Dutch original and approves it: it is sent.
    handler.goto(f"/staff/desk/reports/{report.pk}/")
    held = TranslationRequest.objects.get(source_kind="outgoing")
    handler.click(f"a[href='/staff/desk/translations/{held.pk}/']")
    assert DUTCH_REPLY in handler.inner_text("main") and ARABIC_REPLY in handler.inner_text("main")
    handler.click("button[value=approve]")
    message = report.messages.get()
    assert message.written_language == "ar"

    # The reporter reads the answer in Arabic in the mailbox.
    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", code)
    reporter.click("main button[type=submit]")
    mailbox = reporter.inner_text("main")
    assert ARABIC_REPLY in mailbox and DUTCH_REPLY not in mailbox
    assert AuditEvent.objects.filter(action="translation.source_read", actor=translator_user).count() == 2
    assert AuditEvent.objects.filter(action="translation.approved", actor=handler_user).count() == 1
