"""Issue 10 points 1, 4 and 5 in a real browser, in Arabic and in Chinese, on a 390 px wide phone: the
receipt code survives a reload and a language switch and can be copied, downloaded and printed; the
mailbox reads the report back and takes an addition; a reporter who lost the code finds the way back.
No page scrolls sideways, and axe finds no serious violation."""

import re

import pytest

from meldpunt.intake.models import ReportAddition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
TEXT = {
    "ar": ("قال مديري كلمات عنصرية عن زملائي المحليين أمام الفريق كله.", "تذكرت شاهداً آخر: موظف الاستقبال."),
    "zh-hans": ("我的上司在全组面前对本地同事说了种族歧视的话。", "我想起了另一位证人：前台接待员。"),
}


def phone(new_page, language):
    page = new_page(locale=language)
    page.set_viewport_size(PHONE)
    return page


def assert_no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def assert_no_serious_axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, (page.url, serious)


def file_report(page, category, post, narrative, path="/report/"):
    """Fill the report form and send it; path=None uses the form already open (e.g. with ?follows=1)."""
    if path:
        page.goto(path)
    page.select_option("select[name=category]", str(category.pk))
    page.select_option("select[name=post]", str(post.pk))
    page.fill("textarea[name=narrative]", narrative)
    page.click("main form button.primary[type=submit]")
    page.wait_for_url(re.compile(r"/report/received/$"))
    return page.inner_text("#receipt-code")


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_keep_the_code_read_back_and_lost_code_on_a_phone(new_page, live_server, post, category, language):
    narrative, addition = TEXT[language]
    reporter = phone(new_page, language)
    reporter.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)

    # 1. The code stays through a reload and a language switch.
    code = file_report(reporter, category, post, narrative)
    assert re.fullmatch(r"(\d{4} ){5}\d{4}", code)
    assert_no_sideways_scroll(reporter)
    assert_no_serious_axe_violations(reporter)
    reporter.reload()
    assert reporter.inner_text("#receipt-code") == code
    other = "zh-hans" if language == "ar" else "ar"
    reporter.click(".language-switch summary")
    reporter.click(f".language-switch button[value='{other}']")
    assert reporter.locator("html").get_attribute("lang") == other
    assert reporter.inner_text("#receipt-code") == code
    reporter.click(".language-switch summary")
    reporter.click(f".language-switch button[value='{language}']")
    assert reporter.inner_text("#receipt-code") == code
    assert_no_sideways_scroll(reporter)

    # Copy (shown by the script), download (a text slip in this language), print (a button).
    reporter.click("button[data-copy]")
    reporter.wait_for_selector(".copy-status:not(:empty)")
    assert reporter.evaluate("navigator.clipboard.readText()") == code.replace(" ", "")
    assert reporter.locator("button[data-print]").is_visible()
    with reporter.expect_download() as download:
        reporter.click("a[href='/report/received/slip.txt']")
    slip = open(download.value.path(), encoding="utf-8").read()
    assert code in slip and f"{live_server.url}/mailbox/sign-in/" in slip

    reporter.click("main form[action='/report/received/'] button[type=submit]")
    assert reporter.locator("#receipt-code").count() == 0

    # 5. The mailbox reads the report back and takes an addition.
    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", code)
    reporter.click("main form button.primary[type=submit]")
    reporter.wait_for_url(re.compile(r"/mailbox/$"))
    reporter.click("#own-report summary")
    assert narrative in reporter.inner_text("#own-report")
    assert_no_sideways_scroll(reporter)
    reporter.fill("textarea[name=addition]", addition)
    reporter.click("#own-report button[type=submit]")
    assert addition in reporter.inner_text("#own-report")
    assert ReportAddition.objects.count() == 1
    assert_no_sideways_scroll(reporter)
    assert_no_serious_axe_violations(reporter)

    # 4. Someone who lost the code finds the way back from the sign-in page.
    lost = phone(new_page, language)
    lost.goto("/mailbox/sign-in/")
    lost.click("main a[href='/mailbox/lost-code/']")
    lost.wait_for_url(re.compile(r"/mailbox/lost-code/$"))
    assert lost.locator("html").get_attribute("lang") == language
    assert_no_sideways_scroll(lost)
    assert_no_serious_axe_violations(lost)
    lost.click("main a[href='/report/?follows=1']")
    lost.fill("input[name=follows]", code[:9])
    new_code = file_report(lost, category, post, narrative, path=None)
    assert new_code != code
    assert_no_sideways_scroll(lost)

