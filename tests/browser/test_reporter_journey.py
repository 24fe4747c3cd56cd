"""In a real browser: a reporter files in Arabic and reads the reply; a handler signs in with TOTP and answers."""

import re

import pytest

from meldpunt.intake.models import Report
from tests.conftest import make_staff
from tests.pages import catalogue_languages

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARRATIVE = "قال مديري كلمات عنصرية عن زملائي المحليين أمام الفريق كله."
REPLY = "شكراً لبلاغك. نحن ندرس ما حدث وسنكتب إليك هنا."


def test_a_reporter_in_arabic_and_a_handler_with_totp(new_page, post, category):
    reporter = new_page(locale="ar")
    reporter.goto("/")
    assert reporter.locator("html").get_attribute("dir") == "rtl"
    assert reporter.locator("html").get_attribute("lang") == "ar"
    reporter.click("main a[href='/report/']")
    reporter.select_option("select[name=category]", str(category.pk))
    reporter.select_option("select[name=post]", str(post.pk))
    reporter.fill("textarea[name=narrative]", NARRATIVE)
    reporter.click("main button[type=submit]")
    code = reporter.inner_text("#receipt-code")
    assert re.fullmatch(r"(\d{4} ){5}\d{4}", code)
    report = Report.objects.get()
    assert report.language == "ar"

    handler_user = make_staff("cci_handler", username="sanne")
    handler = new_page(locale="nl")
    staff_sign_in(handler, handler_user)
    assert "/staff/desk/" in handler.url
    handler.click(f"text={report.reference}")
    assert NARRATIVE in handler.inner_text("main")
    handler.fill("textarea[name=body]", REPLY)
    # This handler writes Arabic and says so: a reply in the reporter's language goes out at once.
    handler.select_option("select[name=written_language]", "ar")
    handler.click("main button[type=submit]")

    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", code)
    reporter.click("main button[type=submit]")
    assert REPLY in reporter.inner_text("main")
    reporter.fill("textarea[name=body]", "شكراً.")
    reporter.click("main form[action='/mailbox/'] button[type=submit]")
    assert "شكراً." in reporter.inner_text("main")


def test_a_wrong_code_is_refused_in_the_reporters_language(new_page):
    reporter = new_page(locale="ru")
    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", "1111 2222 3333 4444 5555 6666")
    reporter.click("main button[type=submit]")
    assert reporter.locator(".errorlist").count() == 1
    assert reporter.locator("html").get_attribute("lang") == "ru"


@pytest.mark.parametrize("language", catalogue_languages())
def test_reporter_pages_have_no_serious_accessibility_violations(new_page, language, languages_with_catalogues, post, category):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(locale=language)
    axe = Axe()
    problems = {}
    for path in ("/", "/report/", "/mailbox/sign-in/"):
        page.goto(path)
        results = axe.run(page)
        serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    assert not problems, problems
