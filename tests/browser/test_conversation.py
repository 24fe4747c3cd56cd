"""Issue 10 in a real phone-sized browser (390 px), in Arabic and in Chinese: a message typed after the
mailbox closed is delivered once the code is typed again, and the status is explained with what
happens next. Selectors use form actions and field names, not words."""

import pytest

from meldpunt.intake.models import MailboxMessage
from tests.cases.conftest import restore_migrated_data
from tests.conftest import file_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LATE_MESSAGES = {
    "ar": "كتبت هذه الرسالة ببطء، وأُغلق الصندوق في أثناء ذلك.",
    "zh-hans": "我写这条消息写得很慢，信箱在这期间关闭了。",
}


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    restore_migrated_data()


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    return [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def open_mailbox(page, code):
    page.goto("/mailbox/sign-in/")
    page.fill("input[name=code]", code)
    page.click("main form[action$='/mailbox/sign-in/'] button[type=submit]")
    page.wait_for_url("**/mailbox/")


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_a_message_typed_after_the_mailbox_closed_is_delivered_after_the_code(language, new_page, category, post, settings):
    settings.MAILBOX_IDLE_SECONDS, settings.MAILBOX_WARNING_SECONDS = 6, 3
    filed = file_report(category=category, post=post, language=language)
    page = new_page(locale=language)
    page.set_viewport_size(PHONE)
    open_mailbox(page, filed.receipt_code)
    warning, closed = page.locator(".session-warning"), page.locator(".session-closed")
    assert not warning.is_visible() and not closed.is_visible()
    page.fill("form[action='/mailbox/'] textarea[name=body]", LATE_MESSAGES[language])
    warning.wait_for(state="visible", timeout=6_000)  # shown before the mailbox closes
    closed.wait_for(state="visible", timeout=8_000)
    assert no_sideways_scroll(page)
    page.click("form[action='/mailbox/'] button[type=submit]")

    # The sign-in page, in the reporter's language, holds the text; the browser stored nothing.
    carried = page.locator("textarea[name=carry-body]")
    assert carried.input_value() == LATE_MESSAGES[language]
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.locator("html").get_attribute("lang") == language
    assert no_sideways_scroll(page) and not serious_violations(page)
    assert not MailboxMessage.objects.filter(report=filed.report).exists()
    page.fill("input[name=code]", filed.receipt_code)
    page.click("main form[action$='/mailbox/sign-in/'] button[type=submit]")
    page.wait_for_url("**/mailbox/?sent=1")
    assert LATE_MESSAGES[language] in page.locator("ol.thread").inner_text()
    assert MailboxMessage.objects.get(report=filed.report).unseal("body") == LATE_MESSAGES[language]


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_the_status_is_explained_with_what_happens_next_and_its_dates(language, new_page, category, post):
    from django.utils import translation

    from cases import services
    from meldpunt.intake.status import status_explained
    from meldpunt.local_dates import local_date
    from tests.conftest import make_staff

    filed = file_report(category=category, post=post, language=language)
    coordinator = make_staff("cci_coordinator", username="marieke", post=post)
    case = services.case_open(report=filed.report, actor=coordinator)
    services.case_transition(case=case, transition="start_triage", actor=coordinator)
    report = type(filed.report).objects.get(pk=filed.report.pk)
    page = new_page(locale=language)
    page.set_viewport_size(PHONE)
    open_mailbox(page, filed.receipt_code)
    section = page.locator("section.status-explained")
    with translation.override(language):
        explained = status_explained(report)
        feedback_by = local_date(report.feedback_due)  # CLDR, as the status card writes it
    text = section.inner_text()
    assert explained.label in text and explained.explanation in text
    assert feedback_by in text  # what happens next, with the date
    assert section.is_visible() and no_sideways_scroll(page)
    assert not serious_violations(page)


def test_with_script_the_warning_keeps_the_mailbox_open_without_leaving_the_page(new_page, category, post, settings):
    from importlib import import_module

    settings.MAILBOX_IDLE_SECONDS, settings.MAILBOX_WARNING_SECONDS = 8, 6
    filed = file_report(category=category, post=post, language="ar")
    page = new_page(locale="ar")
    page.set_viewport_size(PHONE)
    open_mailbox(page, filed.receipt_code)

    def closes_at():
        key = next(c["value"] for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
        return import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)["mailbox_until"]

    page.fill("form[action='/mailbox/'] textarea[name=body]", "نص لم يُرسل بعد")
    first = closes_at()
    keep_open = page.locator(".session-warning form.still-here button")
    keep_open.wait_for(state="visible", timeout=6_000)
    keep_open.click()
    page.wait_for_function("!document.querySelector('.mailbox-session').classList.contains('renewed')")
    page.wait_for_timeout(500)
    assert closes_at() > first + 1  # the server moved the closing time on
    assert not page.locator(".session-warning").is_visible()  # the warning starts again from now
    assert page.url.endswith("/mailbox/")  # without leaving the page: what was typed is still there
    assert page.locator("form[action='/mailbox/'] textarea[name=body]").input_value() == "نص لم يُرسل بعد"
