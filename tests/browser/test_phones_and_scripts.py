"""Issue 10, points 7-9, walked on a phone (390 px) in Arabic and in Chinese, and (issue 13) in Persian
and in Japanese: a report filed and read
back in the mailbox without sideways scroll, text boxes that follow the script typed, labels with the
script's punctuation, dates as the language writes them, a visible focus ring, the guide as cards,
error pages in the reporter's language with the way back, and back arrows that point back."""

import re

import pytest
from babel.dates import format_date
from django.utils import timezone
from django.utils.translation import to_locale

from meldpunt.intake.models import Report
from tests.conftest import make_staff

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
NARRATIVE = {
    "ar": "قال مديري كلمات عنصرية عن زملائي المحليين أمام الفريق كله.",
    "zh-hans": "我的经理在全体会议上对本地同事说了种族歧视的话。",
    "fa": "مدیرم در جلسهٔ تیم دربارهٔ همکاران محلی حرف‌های نژادپرستانه زد.",
    "ja": "上司がチーム全員の前で現地採用の同僚について人種差別的な発言をしました。",
}
RIGHT_TO_LEFT = {"ar", "fa", "ur"}
LATIN = "My manager said it again in English at the meeting."


def phone(browser, live_server, language):
    context = browser.new_context(viewport=PHONE, locale=language, base_url=live_server.url,
                                  extra_http_headers={"Accept-Language": language})
    context.set_default_timeout(15_000)
    return context.new_page()


def fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def direction(page, selector) -> str:
    return page.evaluate(f"() => document.querySelector('{selector}').matches(':dir(rtl)') ? 'rtl' : 'ltr'")


def no_serious_axe_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("language", ["ar", "zh-hans", "fa", "ja"])
def test_a_reporter_on_a_phone_files_and_reads_back_in_their_script(language, browser, live_server, post, category):
    page = phone(browser, live_server, language)
    page.goto("/report/")
    assert fits(page)
    labels = page.locator("main label, main legend").all_inner_texts()
    assert labels and not [text for text in labels if re.search(r"[?؟？:：]\s*[:：]\s*$", text)]
    # The narrative box follows what is typed: Latin text runs left to right even on an Arabic page.
    page.fill("textarea[name=narrative]", LATIN)
    assert direction(page, "textarea[name=narrative]") == "ltr"
    page.fill("textarea[name=narrative]", NARRATIVE[language])
    assert direction(page, "textarea[name=narrative]") == ("rtl" if language in RIGHT_TO_LEFT else "ltr")
    # The focus ring is dark on the white form (3:1 or more; the old yellow had 1.76:1).
    page.focus("textarea[name=narrative]")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineColor")
    assert ring == "rgb(27, 27, 27)", ring
    page.select_option("select[name=category]", str(category.pk))
    page.select_option("select[name=post]", str(post.pk))
    page.click("main button[type=submit]")
    code = page.inner_text("#receipt-code")
    assert re.fullmatch(r"(\d{4} ){5}\d{4}", code) and fits(page)

    page.goto("/mailbox/sign-in/")
    assert page.get_attribute("input[name=code]", "dir") == "ltr"
    page.fill("input[name=code]", code)
    page.click("main button[type=submit]")
    assert fits(page), "the mailbox's status block scrolls sideways"
    report = Report.objects.get()
    received = format_date(timezone.localtime(report.received_at).date(), "long", locale=to_locale(language))
    assert received in page.inner_text("dl.facts")
    page.fill("textarea[name=body]", LATIN)
    assert direction(page, "textarea[name=body]") == "ltr"
    page.click("main form[action='/mailbox/'] button[type=submit]")
    assert LATIN in page.inner_text("main") and fits(page)
    assert not no_serious_axe_violations(page)
    page.context.close()


@pytest.mark.parametrize("language", ["ar", "zh-hans", "fa", "ur", "ja"])
def test_the_guide_and_the_error_pages_on_a_phone(language, browser, live_server):
    page = phone(browser, live_server, language)
    page.goto("/guide/")
    assert fits(page), "the guide's table of routes scrolls sideways"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.routes-table tr')).display") == "block"
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("main a[href='/']").count() == 1  # the way back
    assert "Not Found" not in page.inner_text("body") and fits(page)
    assert not no_serious_axe_violations(page)
    page.context.close()


def test_back_arrows_point_back_in_arabic(browser, live_server, post):
    manager = make_staff("manager", username="manager-ar", post=post)
    page = phone(browser, live_server, "ar")
    staff_sign_in(page, manager)
    page.goto("/staff/manager/advice/new/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    transform = page.evaluate("() => getComputedStyle(document.querySelector('.back-arrow')).transform")
    assert transform == "matrix(-1, 0, 0, 1, 0, 0)", transform
    assert fits(page)
    page.context.close()
