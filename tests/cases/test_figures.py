"""The annual figures: the coordinator's page and CSV for their desk, organisation-wide for the CCI
coordinator, the racism and discrimination report; counts only, small counts suppressed before they
leave the selector, and closed work counted from statistics that retention never deletes."""

import csv
import importlib
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps

from cases import services
from cases.figures import SMALL, _suppress, annual_figures
from cases.models import Instrument, ReportStatistic
from meldpunt.accounts.models import Desk
from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Category, Channel
from meldpunt.organisation.models import Post

from .conftest import CaseState, walk

AMS = ZoneInfo("Europe/Amsterdam")


def at(month, day, year=2025):
    return time_machine.travel(datetime(year, month, day, 10, 0, tzinfo=AMS), tick=False)


@pytest.fixture
def year_of_cases(team, report_factory, region, category):
    """2025: six racism reports through managers (five closed with a reprimand, one of them first
    filed as bullying), two thefts at Cairo, one aggression through a counsellor; one external report."""
    coordinator = team["coordinator"]
    cairo = Post.objects.create(code="cairo", name="Ambassade Caïro", kind="consulate", city="Cairo", country_code="EG", region=region)
    fraud = Category.objects.get(code="financial")
    bullying = Category.objects.get(code="bullying")
    with at(1, 6):
        racism = [report_factory(narrative="Racist remarks by Mr Jansen at the embassy.", channel=Channel.MANAGER, reporter_name="Amal",
                                 reporter_contact="amal@example.org", is_anonymous=False).report]
        racism += [report_factory(narrative="Racist remarks again.", channel=Channel.MANAGER,
                                  category=bullying if i == 0 else category).report for i in range(5)]
        thefts = [report_factory(narrative="Petty cash disappears.", post=cairo, category=fraud).report for _ in range(2)]
        report_factory(narrative="Nobody answered me.", channel=Channel.COUNSELLOR, category=Category.objects.get(code="aggression"))
        report_factory(narrative="At the external point.", channel=Channel.EXTERNAL)
    with at(1, 8):
        cases = []
        for report in racism[:5]:
            services.report_message_send(report=report, actor=coordinator, kind="acknowledgement", body="Received.")
            cases.append(services.case_open(report=report, actor=coordinator))
    with at(3, 3):
        cases = [walk(case, ["start_triage", "choose_instrument", "decide", "close"], coordinator, category) for case in cases]
    return {"racism": racism, "thefts": thefts, "cases": cases}


def rows_of(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def value(rows, figure, breakdown="", key="", column="count"):
    matches = [r for r in rows if (r["figure"], r["breakdown"], r["key"]) == (figure, breakdown, key)]
    assert len(matches) == 1, (figure, breakdown, key, matches)
    return matches[0][column]


def test_small_counts_are_hidden_and_so_is_the_cell_that_would_give_one_away():
    assert _suppress({"a": 10, "b": 0, "c": 7}) == {}
    assert _suppress({"a": 10, "b": 3, "c": 0}) == {"b": "small", "a": "complementary"}
    assert _suppress({"a": 10, "b": 3, "c": 6}) == {"b": "small", "c": "complementary"}
    assert _suppress({"a": 10, "b": 3, "c": 2}) == {"b": "small", "c": "small"}
    # Hidden cells that can only be all 1 (or all 4) give themselves away: hide the next one too.
    assert _suppress({"a": 8, "b": 1, "c": 1, "d": 1}) == {"b": "small", "c": "small", "d": "small", "a": "complementary"}
    assert _suppress({"a": 8, "b": 4, "c": 4}) == {"b": "small", "c": "small", "a": "complementary"}
    # Nothing shown is left to hide: the total goes.
    assert _suppress({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1})[""] == "complementary"
    assert SMALL == 5


def test_the_coordinator_exports_the_figures_of_a_year(year_of_cases, team, client_for):
    with at(6, 1):
        response = client_for(team["coordinator"]).get("/staff/desk/figures/csv/?year=2025")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "figures-cci-2025.csv" in response["Content-Disposition"]
    rows = rows_of(response)
    assert {r["year"] for r in rows} == {"2025"} and {r["desks"] for r in rows} == {"cci"}
    assert value(rows, "reports") == "9"
    assert value(rows, "reports", column="previous_year") == "0"
    assert value(rows, "reports", "channel", "manager") == "6"
    # Two and one: both below five; neither can be worked out from the others.
    assert value(rows, "reports", "channel", "central") == "fewer than 5"
    assert value(rows, "reports", "channel", "counsellor") == "fewer than 5"
    assert value(rows, "reports", "channel", "external") == "0"
    # The desk's confirmed category counts: the report first filed as bullying is racism now.
    assert value(rows, "reports", "category", "racism_discrimination") == "6"
    assert value(rows, "reports", "category", "bullying") == "0"
    assert value(rows, "reports", "category", "financial") == "fewer than 5"
    assert value(rows, "reports", "category", "aggression") == "fewer than 5"
    # 6 racism + 1 aggression = 7 beside 2 financial: the 7 would give the 2 away.
    assert value(rows, "reports", "rijk_category", "undesirable_conduct") == "not shown (would reveal a small number)"
    # One hidden cell (2 at a consulate) would follow from 9 - 7: the 7 is hidden too.
    assert value(rows, "reports", "post_kind", "consulate") == "fewer than 5"
    assert value(rows, "reports", "post_kind", "embassy") == "not shown (would reveal a small number)"
    assert value(rows, "reports", "region", "mena") == "9"
    assert value(rows, "reports", "language", "nl") == "9"
    assert value(rows, "cases_by_instrument", "instrument", Instrument.CONVERSATION) == "5"
    assert value(rows, "findings", "finding", "established") == "5"
    assert value(rows, "measures", "measure", "reprimand") == "5"
    # Five in time, four never acknowledged: the five would give the four away.
    assert value(rows, "acknowledgement", "outcome", "late") == "fewer than 5"
    assert value(rows, "acknowledgement", "outcome", "in_time") == "not shown (would reveal a small number)"
    assert value(rows, "feedback", "outcome", "late") == "fewer than 5"
    assert value(rows, "feedback", "outcome", "pending") == "0"
    assert value(rows, "median_days_to_feedback") == "56"
    text = response.content.decode()
    for secret in ("Jansen", "Amal", "amal@example.org", "Petty cash", "Caïro", "cairo", "Rabat",
                   year_of_cases["racism"][0].reference, year_of_cases["cases"][0].reference, str(year_of_cases["cases"][0].pk), "marieke"):
        assert secret not in text
    assert AuditEvent.objects.filter(action="figures.exported", actor=team["coordinator"]).exists()


def test_complementary_suppression_in_the_export(year_of_cases):
    with at(6, 1):
        figures = annual_figures(desks=[Desk.CCI], year=2025)
    kinds = {c.key: c for c in figures.cells if (c.figure, c.breakdown) == ("reports", "post_kind")}
    assert kinds["consulate"].suppressed == "small"
    assert kinds["embassy"].count is None and kinds["embassy"].suppressed == "complementary"
    assert kinds["embassy"].display == "not shown (would reveal a small number)"


def test_the_central_coordinator_sees_all_desks_the_external_one_only_its_own(year_of_cases, team, client_for):
    with at(6, 1):
        everything = rows_of(client_for(team["coordinator"]).get("/staff/desk/figures/csv/?year=2025&scope=all"))
        external = client_for(team["external_coordinator"])
        own = rows_of(external.get("/staff/desk/figures/csv/?year=2025"))
        assert external.get("/staff/desk/figures/csv/?year=2025&scope=all").status_code == 403
        assert external.get("/staff/desk/figures/?year=2025&scope=all").status_code == 403
    assert value(everything, "reports") == "10" and {r["desks"] for r in everything} == {"cci+external"}
    assert value(own, "reports") == "fewer than 5"


def test_the_figures_page_draws_its_charts_on_the_server(year_of_cases, team, client_for):
    client = client_for(team["coordinator"])
    with at(6, 1):
        page = client.get("/staff/desk/figures/?year=2025")
    body = page.content.decode()
    assert page.status_code == 200 and "Reports received" in body and "<svg" in body and "<script" not in body
    assert "fewer than 5" in body and "Jansen" not in body
    assert "/staff/desk/transparency/" in body
    for bad in ("", "abc", "1850", "99999"):
        assert client.get(f"/staff/desk/figures/?year={bad}").status_code == 400
        assert client.get(f"/staff/desk/figures/csv/?year={bad}").status_code == 400
    assert client_for(team["handler"]).get("/staff/desk/figures/csv/?year=2025").status_code == 403


def test_the_racism_report_counts_only_racism_and_discrimination(year_of_cases, team, client_for):
    with at(6, 1):
        client = client_for(team["coordinator"])
        response = client.get("/staff/desk/figures/racism/csv/?year=2025")
        assert "Racism and discrimination report" in client.get("/staff/desk/figures/racism/?year=2025").content.decode()
    assert "racism-figures-cci-2025.csv" in response["Content-Disposition"]
    rows = rows_of(response)
    assert value(rows, "reports") == "6"
    assert value(rows, "reports", "category", "financial") == "0"
    assert value(rows, "measures", "measure", "reprimand") == "5"


def test_a_reopened_case_takes_its_statistics_back_until_it_closes_again(year_of_cases, team, category):
    case = year_of_cases["cases"][0]
    assert ReportStatistic.objects.filter(case_id=case.pk).count() == 1
    with at(4, 1):
        case = services.case_transition(case=case, transition="reopen", actor=team["coordinator"], reason="New facts.")
    assert not ReportStatistic.objects.filter(case_id=case.pk).exists()
    with at(6, 1):
        assert annual_figures(desks=[Desk.CCI], year=2025).get("reports").count == 9  # counted live meanwhile
    assert case.state == CaseState.TRIAGE


def test_backfill_writes_statistics_for_cases_closed_before_the_migration(year_of_cases):
    ReportStatistic.objects.all().delete()
    migration = importlib.import_module("cases.migrations.0006_backfill_report_statistics")
    migration.backfill_closed_cases(apps)
    assert ReportStatistic.objects.count() == 5
    assert ReportStatistic.objects.filter(counts_case=True, category_code="racism_discrimination", instrument="conversation").count() == 5
    assert not ReportStatistic.objects.filter(region_code="").exists()


def test_open_reports_count_their_deadlines_from_live_data(year_of_cases, team):
    """An open report acknowledged in time counts as in time; one never acknowledged counts as late once overdue."""
    from meldpunt.intake.models import Report

    with at(1, 9):
        early = annual_figures(desks=[Desk.CCI], year=2025)
    with at(1, 10):
        for report in Report.objects.filter(desk=Desk.CCI, acknowledged_at__isnull=True):
            services.report_message_send(report=report, actor=team["coordinator"], kind="acknowledgement", body="Received.")
    with at(6, 1):
        figures = annual_figures(desks=[Desk.CCI], year=2025)
    assert early.get("acknowledgement", "outcome", "pending").suppressed == "small"  # four not yet due on 9 January
    assert early.get("acknowledgement", "outcome", "late").count == 0
    assert figures.get("acknowledgement", "outcome", "in_time").count == 9
    assert figures.get("acknowledgement", "outcome", "late").count == 0


def test_a_total_hidden_to_protect_small_cells_is_not_given_away_by_another_breakdown(team, report_factory):
    """Five reports in five languages, all through the central point: each language is 1, so the total
    is hidden, and then the channel count (5) must go too."""
    with at(2, 1):
        for language in ("nl", "en", "fr", "es", "pt"):
            report_factory(narrative="Something happened.", language=language)
        figures = annual_figures(desks=[Desk.CCI], year=2025)
    assert figures.get("reports").count is None
    assert figures.get("reports", "channel", "central").count is None
    assert {c.count for c in figures.cells if (c.figure, c.breakdown) == ("reports", "language")} == {None}
