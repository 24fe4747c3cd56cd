"""The counsellor area as people use it, in Debian's chromium.

1. A locally hired staff member in Rabat, without an account, reading Arabic, finds an Arabic-speaking
   counsellor who covers their region.
2. A counsellor logs an advice session and, at the person's request, files a report with the CCI;
   the CCI sees it in its inbox and the person opens the ordinary mailbox with their own code.
"""

import importlib
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from meldpunt.accounts.models import Role
from meldpunt.intake.models import Category, Report
from meldpunt.organisation.models import Post, Region
from tests.conftest import make_staff
from vertrouwenspersonen import services
from vertrouwenspersonen.models import AdviceSession

from .conftest import staff_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def categories_present():
    """The categories come from a data migration, which a transactional test's flush removes; put them
    back. (serialized_rollback does not restore them reliably once the live server has served a page
    on the in-memory SQLite database.)"""
    from django.apps import apps

    migration = importlib.import_module("meldpunt.intake.migrations.0002_rijk_categories")
    migration.add_categories(apps, None)
    importlib.import_module("meldpunt.intake.migrations.0013_category_names_twelve_languages").fill(apps, None)


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture
def world():
    categories_present()
    mena = Region.objects.create(code="mena", name="Midden-Oosten", name_en="Middle East and North Africa",
                                 name_ar="الشرق الأوسط وشمال أفريقيا")
    europe = Region.objects.create(code="europe", name="Europa", name_en="Europe", name_ar="أوروبا")
    rabat = Post.objects.create(code="rabat", name="Ambassade Rabat", name_en="Embassy Rabat", name_ar="السفارة في الرباط",
                                kind="embassy", city="Rabat", country_code="MA", region=mena, languages="ar,fr,nl")
    cairo = Post.objects.create(code="cairo", name="Ambassade Caïro", name_en="Embassy Cairo", name_ar="السفارة في القاهرة",
                                kind="embassy", city="Cairo", country_code="EG", region=mena, languages="ar,en,nl")
    paris = Post.objects.create(code="paris", name="Ambassade Parijs", name_en="Embassy Paris", name_ar="السفارة في باريس",
                                kind="embassy", city="Paris", country_code="FR", region=europe, languages="fr,nl,en")
    coordinator = make_staff(Role.COUNSELLOR_COORDINATOR, username="coordinator")
    counsellor_user = make_staff(Role.COUNSELLOR, username="amira", post=cairo)

    def add(name, **changes):
        return services.counsellor_create(actor=coordinator, changes={"name": name, "is_published": True, **changes})

    add("Amira Haddad", user=counsellor_user, languages=["ar", "fr", "en"], posts=[cairo], gender="woman",
        introduction_nl="Ik luister.", introduction_ar="أنا هنا لأستمع إليك، بسرية تامة.", phone="+20 2 2739 5500")
    add("Layla Mansour", kind="external", organisation="Bureau Extern", languages=["ar", "en"], regions=[mena],
        specialisms=["sexual_harassment"], introduction_en="External counsellor.")
    add("Camille Laurent", languages=["fr", "nl"], regions=[mena])
    add("Rania Khoury", languages=["ar", "fr"], posts=[paris])
    add("Not Yet Shown", languages=["ar"], regions=[mena], is_published=False)
    return {"mena": mena, "rabat": rabat, "cairo": cairo, "counsellor": counsellor_user}


def test_a_staff_member_finds_an_arabic_speaking_counsellor_covering_their_region(new_page, world):
    page = new_page(locale="ar")
    page.goto("/counsellors/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "مستشارو الثقة"
    assert not serious_violations(page)

    # No JavaScript needed: a plain GET form.
    page.select_option("select[name=region]", str(world["mena"].pk))
    page.select_option("select[name=language]", "ar")
    page.click("form[role=search] button[type=submit]")
    assert re.search(r"language=ar", page.url)
    names = page.locator(".counsellor-card h2 a").all_inner_texts()
    assert names == ["Amira Haddad", "Layla Mansour"]  # covering a post in the region, or the whole region
    assert page.locator("select[name=language]").input_value() == "ar"  # the choice is kept

    # Narrowed to their own post, Rabat: the regional counsellor (Amira covers Cairo, not Rabat).
    page.select_option("select[name=region]", "")
    page.select_option("select[name=post]", str(world["rabat"].pk))
    page.click("form[role=search] button[type=submit]")
    assert page.locator(".counsellor-card h2 a").all_inner_texts() == ["Layla Mansour"]

    page.select_option("select[name=post]", "")
    page.select_option("select[name=region]", str(world["mena"].pk))
    page.click("form[role=search] button[type=submit]")
    page.click("text=Amira Haddad")
    assert page.locator("h1").inner_text() == "Amira Haddad"
    intro = page.locator("p.intro")
    assert intro.get_attribute("lang") == "ar" and "بسرية تامة" in intro.inner_text()
    assert page.locator("a[href^='tel:']").inner_text() == "+20 2 2739 5500"
    assert not serious_violations(page)


def test_a_counsellor_logs_a_session_and_forwards_a_report_the_cci_then_sees(new_page, world):
    counsellor = world["counsellor"]
    page = new_page(locale="en")
    staff_sign_in(page, counsellor)
    assert page.url.endswith("/staff/counsellors/sessions/")  # a counsellor starts at their log

    page.click("text=Record a session")
    page.fill("input[name=held_on]", "2026-02-10")
    page.check("input[name=channel][value=in_person]")
    page.select_option("select[name=where]", f"post:{world['cairo'].pk}")
    topic = Category.objects.get(code="racism_discrimination")
    page.select_option("select[name=topic]", str(topic.pk))
    page.fill("textarea[name=advice]", "Explained the routes; the person wants to report to the CCI anonymously.")
    page.check("input[name=follow_up][value=cci]")
    assert not serious_violations(page)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/staff/counsellors/sessions/[0-9a-f-]{36}/$"))
    assert "the person wants to report" in page.locator("main").inner_text()

    page.click("text=File a report for this person")
    page.fill("textarea[name=narrative]", "A colleague has been making remarks about my origin in every team meeting since January.")
    page.fill("input[name=occurred_when]", "Since January")
    page.select_option("select[name=language]", "en")
    page.check("input[name=consent]")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/forwarded/$"))
    code = page.locator("#receipt-code").inner_text()
    assert len(re.sub(r"\D", "", code)) == 24
    report = Report.objects.get()
    assert report.channel == "counsellor" and report.is_anonymous and report.recorded_by == counsellor
    assert AdviceSession.objects.get().forwarded_report == report
    page.reload()
    assert page.locator("#receipt-code").inner_text() == code  # a reload (a failed print) keeps it
    page.click("text=The slip is printed and handed over")
    assert page.locator("#receipt-code").count() == 0  # after the hand-over, never again

    # The CCI finds it in its inbox.
    cci = new_page(locale="en")
    staff_sign_in(cci, make_staff(Role.CCI_HANDLER, username="cci"))
    cci.goto("/staff/desk/")
    assert report.reference in cci.locator("main").inner_text()
    cci.click(f"text={report.reference}")
    assert "remarks about my origin" in cci.locator("main").inner_text()
    assert "Explained the routes" not in cci.content()  # the counsellor's own notes stay in the log

    # The person follows it up in the ordinary mailbox, with their own code.
    person = new_page(locale="en")
    person.goto("/mailbox/sign-in/")
    person.fill("input[name=code]", code)
    person.click("main button[type=submit]")
    person.wait_for_url(re.compile(r"/mailbox/$"))
