"""A reporter who does not trust internal handling files at the external point and follows it up."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.intake.models import Report

pytestmark = pytest.mark.django_db

CODE_PATTERN = re.compile(r"(\d{4} ){5}\d{4}")
NARRATIVE = "Mijn directeur dreigt iedereen die klaagt niet te verlengen. Ik vertrouw de interne lijn niet."


def external_form(category_, post_, **overrides):
    data = {
        "category": category_.pk, "post": post_.pk, "narrative": NARRATIVE, "occurred_when": "Dit jaar",
        "involved": "De directeur", "witnesses": "", "identity": "anonymous", "submission_token": uuid.uuid4().hex,
    }
    data.update(overrides)
    return data


def test_a_report_at_the_external_point_goes_to_the_external_desk_only(category, post, staff_factory, client_for):
    reporter = Client(HTTP_ACCEPT_LANGUAGE="en")
    form_page = reporter.get(reverse("intake:report-external")).content.decode()
    assert "Only the handlers of the external reporting point read this report" in form_page
    assert "Nothing goes to the CCI without your consent" in form_page

    response = reporter.post(reverse("intake:report-external"), external_form(category, post), follow=True)
    code = CODE_PATTERN.search(response.content.decode()).group(0)
    report = Report.objects.get()
    assert (report.channel, report.desk, report.recorded_by) == ("external", "external", None)

    # The CCI does not see it; the external desk does, and answers.
    cci = client_for(staff_factory("cci_coordinator"))
    assert report.reference not in cci.get(reverse("cases:inbox")).content.decode()
    assert cci.get(reverse("cases:report-detail", args=[report.pk])).status_code == 404
    external = client_for(staff_factory("external_handler"))
    assert report.reference in external.get(reverse("cases:inbox")).content.decode()
    external.post(reverse("cases:report-detail", args=[report.pk]), {"body": "We have received your report."})

    # The reporter follows it up with the receipt code, in the same mailbox as every other report.
    mailbox = reporter.post(reverse("intake:mailbox-sign-in"), {"code": code}, follow=True).content.decode()
    assert "We have received your report." in mailbox


def test_a_double_submit_at_the_external_point_stores_one_report(category, post):
    reporter = Client()
    data = external_form(category, post)
    reporter.post(reverse("intake:report-external"), data)
    response = reporter.post(reverse("intake:report-external"), data, follow=True)
    assert Report.objects.count() == 1 and CODE_PATTERN.search(response.content.decode())


@pytest.mark.parametrize(("overrides", "field"), [({"narrative": ""}, "narrative"), ({"post": "x"}, "post")])
def test_bad_input_at_the_external_point_keeps_what_was_typed(category, post, overrides, field):
    response = Client(HTTP_ACCEPT_LANGUAGE="pt").post(reverse("intake:report-external"), external_form(category, post, **overrides))
    assert response.status_code == 400 and field in response.context["form"].errors
    page = response.content.decode()
    assert "De directeur" in page and 'lang="pt"' in page
    assert 'class="promise" id="who-reads-this"' in page, "the page still says who reads it"
    assert Report.objects.count() == 0
