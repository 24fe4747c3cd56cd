"""In a real browser, one journey per channel: the central point, the external point followed up with
its code, a manager's draft saved then forwarded (the CCI sees it, the manager sees its status), and an
advice request answered by the CCI. Plus accessibility of the guide and procedure pages."""

import re

import pytest

from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Report
from tests.channels.content import ensure_procedure_content
from tests.conftest import make_staff
from tests.pages import catalogue_languages

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"(\d{4} ){5}\d{4}")


def fill_report(page, category, post, narrative):
    page.select_option("select[name=category]", str(category.pk))
    page.select_option("select[name=post]", str(post.pk))
    page.fill("textarea[name=narrative]", narrative)
    page.click("main button[type=submit]")


def test_central_point_chosen_from_the_guide(new_page, post, category):
    ensure_procedure_content()
    reporter = new_page(locale="es")
    reporter.goto("/")
    reporter.click("main a[href='/guide/']")
    assert reporter.locator("html").get_attribute("lang") == "es"
    reporter.click("main table a[href='/report/']")
    fill_report(reporter, category, post, "Mi jefe hace comentarios racistas en las reuniones.")
    assert CODE.fullmatch(reporter.inner_text("#receipt-code"))
    report = Report.objects.get()
    assert (report.channel, report.desk, report.language) == ("central", "cci", "es")


def test_external_point_report_followed_up_with_its_code(new_page, post, category):
    reporter = new_page(locale="fr")
    reporter.goto("/")
    reporter.click("main a[href='/report/external/']")
    assert reporter.url.endswith("/report/external/")
    assert reporter.locator("main .promise#who-reads-this").count() == 1
    fill_report(reporter, category, post, "Mon directeur menace ceux qui se plaignent. Je n'ai pas confiance en la voie interne.")
    code = reporter.inner_text("#receipt-code")
    report = Report.objects.get()
    assert (report.channel, report.desk) == ("external", "external")

    cci = new_page(locale="nl")
    staff_sign_in(cci, make_staff("cci_handler", username="sanne"))
    assert report.reference not in cci.inner_text("main")

    desk = new_page(locale="nl")
    staff_sign_in(desk, make_staff("external_handler", username="peter"))
    desk.click(f"text={report.reference}")
    desk.fill("textarea[name=body]", "Nous avons bien reçu votre signalement.")
    desk.select_option("select[name=written_language]", "fr")  # written in the reporter's language: sent at once
    desk.click("main button[type=submit]")

    reporter.goto("/mailbox/sign-in/")
    reporter.fill("input[name=code]", code)
    reporter.click("main button[type=submit]")
    assert "Nous avons bien reçu votre signalement." in reporter.inner_text("main")


def test_a_manager_saves_a_draft_forwards_it_and_follows_its_status(new_page, post, category):
    manager_user = make_staff("manager", username="karim", post=post)
    manager = new_page(locale="en")  # the assertions below read English status words
    staff_sign_in(manager, manager_user)
    assert manager.url.endswith("/staff/manager/")

    manager.click("main a[href='/staff/manager/drafts/new/']")
    narrative = "Een medewerker vertelde dat het afdelingshoofd haar bij herhaling uitscheldt om haar afkomst."
    manager.fill("textarea[name=narrative]", narrative)
    manager.click("main button[value=save]")
    assert manager.locator(".flash").count() == 1
    assert manager.input_value("textarea[name=narrative]") == narrative, "the saved draft comes back as typed"

    manager.goto("/staff/manager/")
    assert "Not forwarded yet" in manager.inner_text("main")
    manager.click("main table a[href^='/staff/manager/drafts/']")
    manager.select_option("select[name=category]", str(category.pk))
    manager.select_option("select[name=post]", str(post.pk))
    manager.check("input[name=identity][value=anonymous]")
    manager.select_option("select[name=slip_language]", "ar")
    manager.click("main button[value=forward]")
    code = manager.inner_text("#receipt-code")
    assert CODE.fullmatch(code)
    assert manager.locator(".receipt-slip").get_attribute("lang") == "ar"
    report = Report.objects.get()
    assert (report.channel, report.desk, report.recorded_by_id) == ("manager", "cci", manager_user.pk)

    cci = new_page(locale="nl")
    staff_sign_in(cci, make_staff("cci_handler", username="sanne"))
    cci.click(f"text={report.reference}")
    assert narrative in cci.inner_text("main")
    intake_services.report_status_set(report=report, status="assessing", actor=None)

    manager.goto("/staff/manager/")
    main = manager.inner_text("main")
    assert report.reference in main and "Being assessed" in main and narrative not in main
    assert "Not forwarded yet" not in main

    # The staff member follows it up with the code from the slip.
    staff_member = new_page(locale="ar")
    staff_member.goto("/mailbox/sign-in/")
    staff_member.fill("input[name=code]", code)
    staff_member.click("main button[type=submit]")
    assert staff_member.url.endswith("/mailbox/")


def test_an_advice_request_answered_by_the_cci(new_page, post, category):
    manager_user = make_staff("manager", username="karim", post=post)
    manager = new_page(locale="en")
    staff_sign_in(manager, manager_user)
    manager.click("main a[href='/staff/manager/advice/new/']")
    manager.select_option("select[name=category]", str(category.pk))
    question = "Two team members keep ignoring a locally hired colleague. How do I address this?"
    manager.fill("textarea[name=question]", question)
    manager.click("main button[type=submit]")
    assert question in manager.inner_text("main")

    cci = new_page(locale="en")
    staff_sign_in(cci, make_staff("cci_handler", username="sanne"))
    cci.click("nav a[href='/staff/desk/advice/']")
    cci.click("main table a")
    assert question in cci.inner_text("main")
    answer = "Talk to the colleague first, privately, and ask what she wants. Call us if you like."
    cci.fill("textarea[name=answer]", answer)
    cci.click("main button[type=submit]")
    assert answer in cci.inner_text("main")

    manager.reload()
    assert answer in manager.inner_text("main")


@pytest.mark.parametrize("language", catalogue_languages())
def test_guide_and_procedure_pages_have_no_serious_accessibility_violations(new_page, language, languages_with_catalogues,
                                                                            post, category):
    from axe_playwright_python.sync_playwright import Axe

    ensure_procedure_content()
    page = new_page(locale=language)
    axe = Axe()
    problems = {}
    for path in ("/guide/", "/procedure/", "/procedure/after-a-report/", "/procedure/managers-toolkit/", "/report/external/"):
        page.goto(path)
        results = axe.run(page)
        serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    assert not problems, problems


def test_manager_pages_have_no_serious_accessibility_violations(new_page, post, category):
    from axe_playwright_python.sync_playwright import Axe

    manager = new_page(locale="nl")
    staff_sign_in(manager, make_staff("manager", username="karim", post=post))
    axe = Axe()
    problems = {}
    for path in ("/staff/manager/", "/staff/manager/drafts/new/", "/staff/manager/advice/new/"):
        manager.goto(path)
        serious = [v["id"] for v in axe.run(manager).response["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            problems[path] = serious
    assert not problems, problems


KNOWLEDGE = ["sexual-harassment", "racism-and-discrimination", "codes-of-conduct", "moral-deliberation",
             "managers-toolkit", "complaints-procedure"]


@pytest.mark.parametrize("language", ["ar", "en", "zh-hans"])
def test_knowledge_pages_fit_a_phone_in_both_directions(browser, live_server, language):
    """A reader on a phone opens each knowledge page from the procedure index and never scrolls sideways,
    also on a page whose translation is being updated (the English beside a right-to-left layout)."""
    from django.conf import settings as django_settings

    from meldpunt.content.models import ContentUnit
    from meldpunt.content.services import unit_edit

    from .test_phone_width import PHONE, too_wide

    ensure_procedure_content()
    context = browser.new_context(viewport=PHONE, base_url=live_server.url)
    context.add_cookies([{"name": django_settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    page = context.new_page()
    page.goto("/procedure/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    links = [page.locator(f"section[aria-labelledby=knowledge] a[href='/procedure/{slug}/']").count() for slug in KNOWLEDGE]
    assert links == [1] * len(KNOWLEDGE)
    problems = [problem for slug in KNOWLEDGE if (problem := too_wide(page, f"/procedure/{slug}/"))]
    # The Dutch changes: this page now shows the current Dutch, left to right inside the page, with a notice.
    admin = make_staff("administrator", username=f"admin-{language}")
    source = ContentUnit.objects.get(key="knowledge/moral-deliberation/body", language="nl")
    unit_edit(key=source.key, language="nl", text=source.text + "\n\nNieuwe alinea.", actor=admin)
    if problem := too_wide(page, "/procedure/moral-deliberation/"):
        problems.append(problem)
    if language != "nl":
        assert page.locator(".content-fallback").count() == 1
        assert page.locator("article.procedure").get_attribute("dir") == "ltr"
    context.close()
    assert not problems, problems
