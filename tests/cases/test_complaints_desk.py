"""The complaints committee's desk (issue 15 point 7): a third desk beside the CCI and the external
reporting point, for formal complaints about undesirable conduct. A reporter files a complaint
through its own channel; only the committee's secretary and chair see it, and they see nothing of
the other desks: not in the lists, not by address, not in the figures or the deadline overviews."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from cases import services
from cases.figures import ALL_DESKS, desks_for_figures
from meldpunt.accounts.models import DESK_OF_ROLE, Desk, Role
from meldpunt.intake.models import Category, Report

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(r"(\d{4} ){5}\d{4}")


def complaint_form(category, post, **overrides):
    data = {
        "category": category.pk, "post": post.pk, "narrative": "Mijn teamleider scheldt mij uit en vernedert mij in vergaderingen.",
        "occurred_when": "Sinds maart", "involved": "Mijn teamleider", "witnesses": "", "identity": "anonymous",
        "submission_token": uuid.uuid4().hex,
    }
    data.update(overrides)
    return data


@pytest.fixture
def desks(staff_factory, client_for):
    """One client per desk role, and one report at each desk."""
    return {role: client_for(staff_factory(role)) for role in DESK_OF_ROLE}


def test_a_complaint_goes_to_the_complaints_committee_alone(category, post, report_factory, desks):
    bullying = Category.objects.get(code="bullying")
    reporter = Client(HTTP_ACCEPT_LANGUAGE="en")
    form_page = reporter.get(reverse("intake:report-complaint")).content.decode()
    assert "File a complaint with the complaints committee" in form_page
    assert "Only the complaints committee's staff read it" in form_page

    response = reporter.post(
        reverse("intake:report-complaint"), complaint_form(bullying, post, reporter_name="Amina Haddad"), follow=True
    )
    code = CODE_PATTERN.search(response.content.decode()).group(0)
    complaint = Report.objects.get()
    assert (complaint.channel, complaint.desk) == ("complaints", "complaints")
    cci_report = report_factory(narrative="Fraude met declaraties.").report
    external_report = report_factory(narrative="Aan het externe meldpunt.", channel="external").report

    # Each desk's inbox lists its own report and none of another desk's.
    own = {Desk.CCI: cci_report, Desk.EXTERNAL: external_report, Desk.COMPLAINTS: complaint}
    for role, client in desks.items():
        inbox = client.get(reverse("cases:inbox")).content.decode()
        for desk, report in own.items():
            seen = report.reference in inbox
            assert seen == (desk == DESK_OF_ROLE[role]), (role, desk)
            status = client.get(reverse("cases:report-detail", args=[report.pk])).status_code
            assert (status == 200) == (desk == DESK_OF_ROLE[role]), (role, desk, status)
            evidence = client.get(reverse("cases:evidence", args=[report.pk])).status_code
            assert (evidence == 200) == (desk == DESK_OF_ROLE[role]), (role, desk, evidence)

    # The secretary answers; the reporter reads it in the same mailbox as every other report.
    desks[Role.COMPLAINTS_SECRETARY].post(reverse("cases:report-detail", args=[complaint.pk]), {"body": "The committee received your complaint."})
    mailbox = reporter.post(reverse("intake:mailbox-sign-in"), {"code": code}, follow=True).content.decode()
    assert "The committee received your complaint." in mailbox


def test_the_committees_cases_and_clocks_are_its_own(report_factory, staff_factory, desks):
    chair, cci_coordinator = staff_factory(Role.COMPLAINTS_CHAIR, "chair"), staff_factory(Role.CCI_COORDINATOR, "cci-co")
    complaint = report_factory(narrative="Intimidatie door een collega.", channel="complaints").report
    cci_report = report_factory(narrative="Belangenverstrengeling bij een aanbesteding.").report
    complaint_case = services.case_open(report=complaint, actor=chair)
    cci_case = services.case_open(report=cci_report, actor=cci_coordinator)
    assert complaint_case.desk == "complaints"

    for role, client in desks.items():
        mine = DESK_OF_ROLE[role] == Desk.COMPLAINTS
        for url in (reverse("cases:worklist"), reverse("cases:deadlines"), reverse("cases:desk-cases")):
            page = client.get(url)
            if page.status_code != 200:
                continue  # the overviews are the coordinators'
            text = page.content.decode()
            assert complaint_case.reference not in text or mine, (role, url)
            assert complaint.reference not in text or mine, (role, url)
            assert cci_case.reference not in text or DESK_OF_ROLE[role] == Desk.CCI, (role, url)
        status = client.get(reverse("cases:case-detail", args=[complaint_case.pk])).status_code
        assert (status == 200) == mine, (role, status)

    chair_cases = desks[Role.COMPLAINTS_CHAIR].get(reverse("cases:desk-cases") + "?show=all").content.decode()
    assert complaint_case.reference in chair_cases and cci_case.reference not in chair_cases


def test_figures_of_the_committee_are_its_chairs_and_the_integrity_line_stays_apart(staff_factory):
    chair, cci, external = (staff_factory(role) for role in (Role.COMPLAINTS_CHAIR, Role.CCI_COORDINATOR, Role.EXTERNAL_COORDINATOR))
    assert desks_for_figures(user=chair, scope="") == ("complaints",)
    assert desks_for_figures(user=chair, scope=ALL_DESKS) is None
    assert "complaints" not in desks_for_figures(user=cci, scope=ALL_DESKS)
    assert desks_for_figures(user=external, scope=ALL_DESKS) is None
    assert desks_for_figures(user=staff_factory(Role.COMPLAINTS_SECRETARY), scope="") is None


def test_the_channel_guide_says_when_to_choose_the_committee():
    page = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse("channels:guide")).content.decode()
    section = page.split('id="complaints"')[1].split("</section>")[0]
    assert "formal complaint about undesirable conduct towards you" in section
    assert "hears both you and the person you complain about" in section
    assert "The employer decides." in section
    assert "integrity violation, also one that concerns others" in section
    assert reverse("intake:report-complaint") in section
    home = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse("intake:home")).content.decode()
    assert reverse("intake:report-complaint") in home


def test_bad_input_on_the_complaint_form_keeps_what_was_typed(category, post):
    response = Client(HTTP_ACCEPT_LANGUAGE="ar").post(reverse("intake:report-complaint"), complaint_form(category, post, narrative=""))
    assert response.status_code == 400 and "narrative" in response.context["form"].errors
    page = response.content.decode()
    assert "Mijn teamleider" in page and 'dir="rtl"' in page and 'id="who-reads-this"' in page
    assert Report.objects.count() == 0


def test_every_desk_role_starts_at_its_desks_inbox(settings, staff_factory, client_for):
    for role in DESK_OF_ROLE:
        assert settings.STAFF_HOME_BY_ROLE[role] == "cases:inbox", role
    response = client_for(staff_factory(Role.COMPLAINTS_CHAIR)).get(reverse("staff-home"))
    assert response["Location"] == reverse("cases:inbox")


def test_a_formal_complaint_is_made_with_a_name_and_the_portal_says_so_before_anything_is_typed(category, post):
    """The committee hears both sides, so the person complained about learns who complains: the
    complaint route must not offer anonymity, and the guide must not promise it."""
    guide = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse("channels:guide")).content.decode()
    row = guide.split(reverse("intake:report-complaint"))[0].rsplit("<tr>", 1)[1]
    assert "Anonymous" not in row
    assert "the person you complain about is told of the complaint and who made it" in row

    reporter = Client(HTTP_ACCEPT_LANGUAGE="en")
    form_page = reporter.get(reverse("intake:report-complaint")).content.decode()
    assert 'value="anonymous"' not in form_page
    assert "To stay anonymous, choose the central reporting and advice point or a confidential counsellor instead." in form_page

    # Sent without a name, even with "anonymous" forced into the post: refused, everything kept.
    response = reporter.post(reverse("intake:report-complaint"), complaint_form(category, post))
    assert response.status_code == 400
    assert response.context["form"].errors["reporter_name"] == ["A formal complaint needs your name."]
    assert "Mijn teamleider scheldt mij uit" in response.content.decode()
    assert Report.objects.count() == 0

    # In Arabic the same message, in Arabic.
    arabic = Client(HTTP_ACCEPT_LANGUAGE="ar").post(reverse("intake:report-complaint"), complaint_form(category, post))
    assert arabic.context["form"].errors["reporter_name"] != ["A formal complaint needs your name."]

    named = complaint_form(category, post, reporter_name="Amina Haddad", reporter_contact="amina@example.org")
    reporter.post(reverse("intake:report-complaint"), named, follow=True)
    complaint = Report.objects.get()
    assert complaint.desk == "complaints" and not complaint.is_anonymous


def test_the_integrity_routes_still_offer_anonymity(category, post):
    for route in ("intake:report", "intake:report-external"):
        page = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse(route)).content.decode()
        assert 'value="anonymous"' in page, route
