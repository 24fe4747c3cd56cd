"""In a real browser at 360 px: a reporter files a formal complaint with the complaints committee, in
Arabic (right to left) and in Polish (left to right), chosen from the channel guide; the committee's
secretary sees it and the CCI does not. Then a CCI handler proposes to move a report to the committee,
and the reporter accepts in the mailbox: the report moves, and the reporter's status says so."""

import re

import pytest

from meldpunt.intake.models import Category, Report
from tests.conftest import make_staff

from .conftest import file_report, fits, staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"(\d{4} ){5}\d{4}")
PHONE = {"width": 360, "height": 740}


def fill_complaint(page, category, post, narrative):
    # A formal complaint is made with a name; the CCI's form offers anonymity and keeps its default.
    page.wait_for_load_state("domcontentloaded")  # the whole form is there before its fields are counted
    named = page.locator("input[name=reporter_name]").count() and not page.locator("input[name=identity]").count()
    file_report(page, category, post, narrative, name="Amina Haddad" if named else "")


@pytest.mark.parametrize(("locale", "direction", "narrative"), [
    ("ar", "rtl", "مديري يهينني أمام زملائي في كل اجتماع منذ أشهر."),
    ("pl", "ltr", "Mój kierownik od miesięcy poniża mnie na każdym zebraniu."),
])
def test_a_complaint_filed_at_phone_width_reaches_the_committee_alone(new_page, post, category, locale, direction, narrative):
    bullying = Category.objects.get(code="bullying")
    reporter = new_page(locale=locale)
    reporter.set_viewport_size(PHONE)
    reporter.goto("/guide/")
    assert reporter.locator("html").get_attribute("dir") == direction
    assert reporter.locator("section#complaints, section[aria-labelledby=complaints]").count() == 1 and fits(reporter)
    reporter.click("section[aria-labelledby=complaints] a[href='/report/complaint/']")
    assert reporter.url.endswith("/report/complaint/") and fits(reporter)
    assert reporter.locator("main .promise#who-reads-this").count() == 1

    fill_complaint(reporter, bullying, post, narrative)
    assert CODE.fullmatch(reporter.inner_text("#receipt-code")) and fits(reporter)
    report = Report.objects.get()
    assert (report.channel, report.desk, report.language) == ("complaints", "complaints", locale)

    cci = new_page(locale="nl")
    staff_sign_in(cci, make_staff("cci_coordinator", username="marieke"))
    assert report.reference not in cci.inner_text("main")
    secretary = new_page(locale="nl")
    staff_sign_in(secretary, make_staff("complaints_secretary", username="lotte"))
    assert report.reference in secretary.inner_text("main")


def test_a_move_proposed_by_the_cci_is_accepted_in_the_mailbox(new_page, post, category):
    reporter = new_page(locale="fr")
    reporter.set_viewport_size(PHONE)
    reporter.goto("/report/")
    fill_complaint(reporter, category, post, "Ma cheffe m'humilie devant l'équipe depuis des mois.")
    code = reporter.inner_text("#receipt-code")
    report = Report.objects.get()
    assert report.desk == "cci"

    handler = new_page(locale="nl")
    staff_sign_in(handler, make_staff("cci_handler", username="sanne"))
    handler.click(f"text={report.reference}")
    handler.select_option("select[name=to_desk]", "complaints")
    handler.fill("textarea[name=reasons]", "Votre signalement concerne un comportement inapproprié envers vous : la commission des plaintes en est chargée.")
    handler.click("form[action$='/move/'] button[type=submit]")
    assert handler.locator(".flash, .messages").count() >= 1

    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", code)
    reporter.click("main button[type=submit]")
    assert "la commission des plaintes en est chargée" in reporter.inner_text("main")
    assert reporter.locator("#consent-heading").count() == 1 and fits(reporter)
    reporter.check("input[name=answer][value=with_identity]")
    reporter.click("form[action*='/mailbox/consent/'] button[type=submit]")
    assert "Commission des plaintes" in reporter.inner_text("main .status-explained") and fits(reporter)

    report.refresh_from_db()
    assert (report.desk, report.moved_from_desk) == ("complaints", "cci")
    secretary = new_page(locale="nl")
    staff_sign_in(secretary, make_staff("complaints_secretary", username="lotte"))
    assert report.reference in secretary.inner_text("main")
    handler.goto("/staff/desk/")
    assert report.reference not in handler.inner_text("main")
