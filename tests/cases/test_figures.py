"""The coordinator's annual figures: counts per Rijk category, channel and post, and deadline
performance, as CSV; nothing that identifies anyone."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cases import services
from cases.models import Finding, Instrument, Measure
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Category
from meldpunt.organisation.models import Post

from .conftest import assess

AMS = ZoneInfo("Europe/Amsterdam")


def at(month, day):
    return time_machine.travel(datetime(2025, month, day, 10, 0, tzinfo=AMS), tick=False)


@pytest.fixture
def year_of_cases(team, report_factory, region, category):
    """2025 at the CCI: three reports, one investigated with a reprimand, one acknowledged late."""
    coordinator = team["coordinator"]
    cairo = Post.objects.create(code="cairo", name="Ambassade Caïro", kind="embassy", city="Cairo", country_code="EG", region=region)
    fraud = Category.objects.get(code="financial")
    with at(1, 6):
        racism = report_factory(narrative="Racist remarks by Mr Jansen at the embassy.", reporter_name="Amal",
                                reporter_contact="amal@example.org", is_anonymous=False).report
        theft = report_factory(narrative="Petty cash disappears.", post=cairo, category=fraud, channel="manager").report
        silent = report_factory(narrative="Nobody answered me.", channel="counsellor").report
    with at(1, 8):
        services.report_message_send(report=racism, actor=coordinator, kind="acknowledgement", body="Received.")
    with at(1, 20):
        services.report_message_send(report=theft, actor=coordinator, kind="acknowledgement", body="Received.")
    with at(2, 1):
        case = services.case_open(report=racism, actor=coordinator)
        services.case_transition(case=case, transition="start_triage", actor=coordinator)
        assess(case, coordinator, category)
        services.case_transition(case=case, transition="choose_instrument", actor=coordinator,
                                 instrument=Instrument.INVESTIGATION, instrument_reasons="")
    with at(3, 3):
        services.case_transition(case=case, transition="decide", actor=coordinator, finding=Finding.ESTABLISHED,
                                 finding_on=datetime(2025, 3, 3).date(), measure=Measure.REPRIMAND,
                                 measure_on=datetime(2025, 3, 3).date(), decision_reasons="Confirmed by witnesses.",
                                 reporter_message="A measure was taken.")
    return {"racism": racism, "theft": theft, "silent": silent, "case": case}


def rows_of(csv_text):
    return list(csv.DictReader(io.StringIO(csv_text)))


def count(rows, **where):
    matches = [r for r in rows if all(r[k] == v for k, v in where.items())]
    assert len(matches) == 1, (where, matches)
    return int(matches[0]["count"])


def test_the_coordinator_exports_the_figures_of_a_year(year_of_cases, team, client_for):
    with at(6, 1):
        response = client_for(team["coordinator"]).get("/staff/desk/figures/csv/?year=2025")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "figures-cci-2025.csv" in response["Content-Disposition"]
    text = response.content.decode()
    rows = rows_of(text)
    assert {r["year"] for r in rows} == {"2025"} and {r["desk"] for r in rows} == {"cci"}
    blank = {"rijk_category": "", "channel": "", "post": "", "measure": ""}
    assert count(rows, figure="reports", **blank) == 3
    undesirable = Category.objects.get(code="undesirable_conduct").name
    assert count(rows, figure="reports", rijk_category=undesirable, channel="", post="", measure="") == 2
    assert count(rows, figure="reports", rijk_category=Category.objects.get(code="financial").name, channel="", post="", measure="") == 1
    assert count(rows, figure="reports", post="Ambassade Caïro", rijk_category="", channel="", measure="") == 1
    assert count(rows, figure="reports", channel="Via a manager", rijk_category="", post="", measure="") == 1
    assert count(rows, figure="investigations", **blank) == 1
    assert count(rows, figure="investigations", rijk_category=undesirable, channel="", post="", measure="") == 1
    assert count(rows, figure="breaches_established", **blank) == 1
    assert count(rows, figure="measures", measure="Reprimand", rijk_category=undesirable, channel="", post="") == 1
    assert count(rows, figure="measures", measure="Dismissal", rijk_category="", channel="", post="") == 0
    assert count(rows, figure="deadline_acknowledged_in_time", **blank) == 1
    assert count(rows, figure="deadline_acknowledged_late", **blank) == 1
    assert count(rows, figure="deadline_acknowledgement_overdue", **blank) == 1
    assert count(rows, figure="deadline_feedback_in_time", **blank) == 1
    # The theft report (due 3 months after its acknowledgement) and the silent one (7 days + 3 months).
    assert count(rows, figure="deadline_feedback_overdue", **blank) == 2
    # No personal data: no names, references, text or identifiers.
    for secret in ("Jansen", "Amal", "amal@example.org", "Petty cash", year_of_cases["racism"].reference,
                   year_of_cases["case"].reference, str(year_of_cases["case"].pk), "marieke"):
        assert secret not in text
    assert AuditEvent.objects.filter(action="figures.exported", actor=team["coordinator"]).exists()


def test_another_year_and_the_other_desk_count_nothing_of_it(year_of_cases, team, client_for):
    rows = rows_of(client_for(team["coordinator"]).get("/staff/desk/figures/csv/?year=2024").content.decode())
    assert count(rows, figure="reports", rijk_category="", channel="", post="", measure="") == 0
    rows = rows_of(client_for(team["external_coordinator"]).get("/staff/desk/figures/csv/?year=2025").content.decode())
    assert count(rows, figure="reports", rijk_category="", channel="", post="", measure="") == 0


def test_the_figures_page_and_bad_years(year_of_cases, team, client_for):
    client = client_for(team["coordinator"])
    page = client.get("/staff/desk/figures/?year=2025")
    assert page.status_code == 200 and "Reports received" in page.content.decode()
    for bad in ("", "abc", "1850", "99999"):
        assert client.get(f"/staff/desk/figures/?year={bad}").status_code == 400
        assert client.get(f"/staff/desk/figures/csv/?year={bad}").status_code == 400
    assert client_for(team["handler"]).get("/staff/desk/figures/csv/?year=2025").status_code == 403
