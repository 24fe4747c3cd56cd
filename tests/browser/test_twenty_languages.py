"""Issue 13: a reporter on a phone files a report and reads the mailbox in Persian (right to left) and in
Japanese, the languages chosen by the browser: every step in the language, dates as the language
writes them (CLDR), the handler's reply read and answered, no sideways scroll, no serious axe
violation. A language still in review is tested as soon as its translator's catalogues are in the
tree; until then the test says so and skips."""

import re

import pytest
from babel.dates import format_date
from django.utils import translation
from django.utils.translation import gettext

from meldpunt import languages
from meldpunt.intake.models import Report
from tests.conftest import make_staff

from .conftest import fits, serious_axe_violations, staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
JOURNEY = {
    "fa": {
        "narrative": "مدیرم در جلسهٔ تیم دربارهٔ همکاران محلی حرف‌های نژادپرستانه زد.",
        "reply": "Dank voor uw melding. We kijken wat er is gebeurd en schrijven u hier.",
        "answer": "متشکرم. یک شاهد دیگر هم هست: مسئول پذیرش.",
    },
    "ja": {
        "narrative": "上司がチーム会議で現地採用の同僚について人種差別的な発言をしました。",
        "reply": "Thank you for your report. We are looking into what happened and will write to you here.",
        "answer": "ありがとうございます。受付の担当者も見ていました。",
    },
}


def with_catalogue(code: str):
    language = languages.get(code)
    return pytest.param(code, marks=pytest.mark.skipif(
        not language.has_catalogue(),
        reason=f"{language.english_name} ({code}) has no catalogue in the tree yet: it is in review and its "
               f"translator's catalogues ({language.catalogue('locale').relative_to(languages.ROOT)}) have not landed",
    ))


def translated(language: str, msgid: str) -> str:
    with translation.override(language):
        text = gettext(msgid)
    assert text != msgid, f"{msgid!r} is not translated into {language}"
    return text


@pytest.mark.parametrize("language", [with_catalogue("fa"), with_catalogue("ja")])
def test_a_reporter_files_and_reads_the_mailbox_in_persian_and_in_japanese(
    language, languages_with_catalogues, new_page, post, category
):
    words = JOURNEY[language]
    cldr = languages.cldr_locale(language)
    reporter = new_page(locale=language)
    reporter.set_viewport_size(PHONE)

    # The browser's language chooses the portal's; the page is written in it, in its direction.
    reporter.goto("/")
    assert reporter.locator("html").get_attribute("lang") == language
    assert reporter.locator("html").get_attribute("dir") == languages.direction(language)
    assert reporter.inner_text("h1") == translated(language, "Report an integrity violation safely")
    assert reporter.locator(".language-switch summary .current-language").inner_text() == languages.get(language).name
    assert fits(reporter) and not serious_axe_violations(reporter)

    # Filing: the form, the receipt code.
    reporter.click("main .actions a[href='/report/']")
    assert fits(reporter) and not serious_axe_violations(reporter)
    reporter.select_option("select[name=category]", str(category.pk))
    reporter.select_option("select[name=post]", str(post.pk))
    reporter.fill("textarea[name=narrative]", words["narrative"])
    reporter.click("main form button.primary[type=submit]")
    reporter.wait_for_url(re.compile(r"/report/received/$"))
    code = reporter.inner_text("#receipt-code")
    assert re.fullmatch(r"(\d{4} ){5}\d{4}", code)
    assert fits(reporter) and not serious_axe_violations(reporter)
    report = Report.objects.get()
    assert report.language == language

    # The mailbox: the status, and its dates as the language writes them.
    reporter.goto("/mailbox/sign-in/")
    assert fits(reporter) and not serious_axe_violations(reporter)
    reporter.fill("input[name=code]", code)
    reporter.click("main form button.primary[type=submit]")
    reporter.wait_for_url(re.compile(r"/mailbox/$"))
    main = reporter.inner_text("main")
    assert translated(language, "Your secure mailbox") in main
    assert format_date(report.acknowledgement_due, "long", locale=cldr) in main
    assert format_date(report.feedback_due, "long", locale=cldr) in main
    assert fits(reporter) and not serious_axe_violations(reporter)

    # A handler answers (in the staff's language); the reporter reads it and writes back.
    handler = new_page(locale="nl")
    staff_sign_in(handler, make_staff("cci_handler", username=f"handler-{language}"))
    handler.click(f"text={report.reference}")
    assert words["narrative"] in handler.inner_text("main")
    handler.fill("textarea[name=body]", words["reply"])
    handler.select_option("select[name=written_language]", language)  # written in the reporter's language: sent, not held
    handler.click("main button[type=submit]")

    reporter.reload()
    assert words["reply"] in reporter.inner_text("main")
    reporter.fill("textarea[name=body]", words["answer"])
    reporter.click("main form[action='/mailbox/'] button[type=submit]")
    main = reporter.inner_text("main")
    assert words["answer"] in main
    assert translated(language, "Your message has been sent to the reporting point.") in main
    assert reporter.locator("html").get_attribute("lang") == language
    assert fits(reporter) and not serious_axe_violations(reporter)
