"""The transparency page: any staff member, without signing in, reads in their own language what
happened with reports this year and last, with the same (suppressed) numbers as the coordinator's
export, and the example outcomes the CCI coordinator wrote and approved."""

import re

import pytest
from django.conf import settings

from cases.models import ExampleOutcome
from meldpunt.audit.models import AuditEvent

from .test_figures import at, rows_of, value, year_of_cases  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

SHOWN = [("reports", ""), ("acknowledgement", "outcome"), ("feedback", "outcome"), ("investigations", ""),
         ("findings", "finding"), ("measures", "measure"), ("retaliation_concerns", "outcome"),
         ("retaliation_measures", "retaliation_measure"), ("willingness_report_again", "willingness"), ("willingness_felt_safe", "willingness")]


def page_cells(html):
    """(figure, breakdown, key) -> (this year, last year) as shown on the page."""
    found = {}
    for figure, breakdown, key, this, last in re.findall(
        r'<tr data-figure="([^"]*)" data-breakdown="([^"]*)" data-key="([^"]*)">.*?<td class="count">(.*?)</td>\s*<td class="count">(.*?)</td>',
        html, re.S,
    ):
        found[(figure, breakdown, key)] = (this, last)
    return found


def test_the_page_shows_the_same_numbers_as_the_export(year_of_cases, team, client_for, client):  # noqa: F811
    with at(6, 1):
        export = rows_of(client_for(team["coordinator"]).get("/staff/desk/figures/csv/?year=2025&scope=all"))
        page = client.get("/transparency/", HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    shown = page_cells(page.content.decode())
    assert shown[("reports", "", "")] == ("10", "0")
    assert shown[("measures", "measure", "reprimand")][0] == "5"
    assert shown[("findings", "finding", "established")][0] == "5"
    compared = 0
    for (figure, breakdown, key), (this, last) in shown.items():
        assert (figure, breakdown) in SHOWN
        expected_this = value(export, figure, breakdown, key)
        expected_last = value(export, figure, breakdown, key, column="previous_year")
        norm = {"not shown (would reveal a small number)": "not shown"}
        assert (this, last) == (norm.get(expected_this, expected_this), norm.get(expected_last, expected_last)), (figure, key)
        compared += 1
    assert compared >= 15
    for secret in ("Jansen", "Amal", "Caïro", "Rabat", year_of_cases["racism"][0].reference):
        assert secret not in page.content.decode()


def test_every_reporter_language_and_the_home_page_link(client):
    assert 'href="/transparency/"' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for code, _name in settings.LANGUAGES:
        page = client.get("/transparency/", HTTP_ACCEPT_LANGUAGE=code)
        assert page.status_code == 200
        assert f'lang="{code}"' in page.content.decode() or code == "zh-hans"


def test_only_approved_examples_are_shown(team, client_for, client):
    coordinator = client_for(team["coordinator"])
    text = "A manager who made racist remarks to locally hired staff was reprimanded and moved."
    bad = coordinator.post("/staff/desk/transparency/", {"year": "2025", "text_nl": "", "text_en": text})
    assert bad.status_code == 400 and text in bad.content.decode()  # the form keeps what was typed
    coordinator.post("/staff/desk/transparency/", {
        "year": "2025", "text_nl": "Een leidinggevende die racistische opmerkingen maakte, kreeg een berisping en werd overgeplaatst.",
        "text_en": text,
    })
    example = ExampleOutcome.objects.get()
    with at(6, 1):
        assert text not in client.get("/transparency/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert coordinator.post(f"/staff/desk/transparency/{example.pk}/approve/").status_code == 302
        assert ExampleOutcome.objects.get().approved_at is not None
        assert text in client.get("/transparency/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert text in client.get("/transparency/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()  # falls back to English
        assert "berisping" in client.get("/transparency/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert AuditEvent.objects.filter(action="transparency.example_approved", actor=team["coordinator"]).exists()
    assert client_for(team["external_coordinator"]).get("/staff/desk/transparency/").status_code == 403
