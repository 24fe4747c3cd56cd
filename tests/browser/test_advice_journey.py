"""The advice point for everyone, as people take it: an employee asks anonymously in Arabic on a phone,
keeps the receipt code, the CCI answers and suggests a report, the asker reads the answer in the
mailbox and turns the question into a report in one step of their own."""

import re

import pytest

from meldpunt.advice.models import AdviceQuestion
from meldpunt.intake.models import Report

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
QUESTION = "زميلي يسخر من لهجتي أمام الفريق كل أسبوع. هل هذا شيء يمكنني الإبلاغ عنه؟"
ANSWER = "Dit hoeft u niet te accepteren. U kunt er een melding van maken; alleen u kunt dat doen."


def fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_an_anonymous_asker_asks_in_arabic_the_desk_answers_and_the_asker_makes_it_a_report(
    browser, live_server, staff_factory, category, post
):
    handler = staff_factory("cci_handler")
    asker = browser.new_context(viewport=PHONE, locale="ar", base_url=live_server.url, extra_http_headers={"Accept-Language": "ar"})
    asker.set_default_timeout(15_000)
    page = asker.new_page()

    page.goto("/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.click("a[href='/advice/ask/']")
    assert fits(page)
    page.fill("textarea[name=narrative]", QUESTION)
    page.click("main button[type=submit]")
    page.wait_for_url("**/report/received/")
    assert "تم استلام سؤالك" in page.inner_text("h1")
    assert fits(page)
    code = re.search(r"(\d{4} ){5}\d{4}", page.inner_text("main")).group(0)
    page.click("form[action='/report/received/'] button[type=submit]")  # "I have saved my code"

    question = AdviceQuestion.objects.get()
    assert question.language == "ar" and question.unseal("question") == QUESTION

    desk = browser.new_context(base_url=live_server.url, locale="nl").new_page()
    staff_sign_in(desk, handler)
    desk.goto("/staff/desk/advice-questions/")
    desk.click(f"a[href='/staff/desk/advice-questions/{question.pk}/']")
    assert QUESTION in desk.inner_text("main")
    desk.fill("textarea[name=body]", ANSWER)
    desk.check("input[name=suggest_report]")
    desk.click("main form button[type=submit]")
    desk.wait_for_url(f"**/staff/desk/advice-questions/{question.pk}/")
    assert not Report.objects.exists(), "the desk's suggestion makes no report"

    page.goto("/mailbox/sign-in/")
    page.fill("input[name=code]", code)
    page.click("main button[type=submit]")
    page.wait_for_url("**/advice/mailbox/question/")
    assert ANSWER in page.inner_text("main") and QUESTION in page.inner_text("main")
    assert fits(page)

    page.click("a[href='/advice/mailbox/question/report/']")
    assert page.input_value("textarea[name=narrative]") == QUESTION, "the question's text is carried over"
    assert fits(page)
    page.select_option("select[name=category]", str(category.pk))
    page.select_option("select[name=post]", str(post.pk))
    page.check("input[name=confirm]")
    page.click("main button[type=submit]")
    page.wait_for_url("**/mailbox/?done=reported")
    assert fits(page)

    report = Report.objects.get()
    assert report.unseal("narrative") == QUESTION and report.is_anonymous and report.language == "ar"
    question.refresh_from_db()
    assert question.report == report

    # The same code opens the report's mailbox from now on.
    later = browser.new_context(viewport=PHONE, locale="ar", base_url=live_server.url).new_page()
    later.goto("/mailbox/sign-in/")
    later.fill("input[name=code]", code)
    later.click("main button[type=submit]")
    later.wait_for_url("**/mailbox/")
    desk.goto(f"/staff/desk/advice-questions/{question.pk}/")
    assert report.reference in desk.inner_text("main")
    asker.close()
