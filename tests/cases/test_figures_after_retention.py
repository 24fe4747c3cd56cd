"""Figures that do not move, for everything the annual figures and the transparency page count: a
year's reports are closed, reporters answer the aftercare check-ins, concerns about retaliation are
concluded, the advice point answers questions; years later retention crypto-shreds and deletes the
reports, their check-ins and concerns, and the questions; that year's figures are what they were."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import retaliation
from cases.aftercare import aftercare_scan
from cases.figures import _tally, annual_figures
from cases.models import CaseState, RetaliationConcern
from cases.retention import retention_purge
from meldpunt.accounts.models import Desk
from meldpunt.intake.models import Channel, Report

from .conftest import reporter_client
from .test_figures import rows_of, value
from .test_transparency import page_cells

pytestmark = pytest.mark.django_db

CLOSED = timezone.make_aware(timezone.datetime(2026, 2, 10, 12, 0))
CHECKED_IN = CLOSED + timedelta(days=91)  # the 3-month aftercare check-in
CONCLUDED = CLOSED + timedelta(days=120)
RETAINED = CLOSED + timedelta(days=370)  # past the report's period below
LATER = CLOSED + timedelta(days=300)  # in the same year: the day the figures are read, before and after


@pytest.fixture(autouse=True)
def short_periods(settings):
    settings.RETENTION_DAYS = {"report": 365, "case": 400, "evidence": 365, "advice_session": 365, "audit": 365,
                               "manager_draft": 90, "manager_advice": 365, "complaint": 365, "advice_question": 365}


def closed_reports(case_in, n, **kwargs):
    with time_machine.travel(CLOSED, tick=False):
        return [Report.objects.get(case_link__case=case_in(CaseState.CLOSED, **kwargs)) for _ in range(n)]


def answer_aftercare(report, *, consequences: bool):
    checkin = report.aftercare_checkins.get()
    with time_machine.travel(CHECKED_IN + timedelta(days=1), tick=False):
        reporter_client(report).post(reverse("intake:mailbox-aftercare-answer", kwargs={"checkin_id": checkin.pk}),
                                     {"answer": "yes" if consequences else "no", "note": "Mijn contract werd niet verlengd."})
    return RetaliationConcern.objects.filter(report=report).first()


def conclude(concern, coordinator, *, outcome="substantiated", measure="reversed"):
    with time_machine.travel(CONCLUDED, tick=False):
        retaliation.concern_message(concern_id=concern.pk, actor=coordinator, body="We hebben uw zorg ontvangen.")
        if outcome != "withdrawn":
            retaliation.concern_assess(concern_id=concern.pk, actor=coordinator, assessment="Non-renewal after the report.")
        if measure:
            retaliation.concern_measure_add(concern_id=concern.pk, actor=coordinator, kind=measure, taken_on=timezone.localdate())
        retaliation.concern_close(concern_id=concern.pk, actor=coordinator, outcome=outcome,
                                  reasons="The non-renewal followed the report.", message="Uw contract wordt alsnog verlengd.")


def ask_and_answer_advice_questions(n, handler):
    from meldpunt.advice import services as advice

    with time_machine.travel(CLOSED, tick=False):
        for i in range(n):
            question = advice.advice_question_ask(question=f"Mag dit? {i}", contact="", language="nl", submission_token=f"q{i}").question
            advice.advice_message_to_asker(user=handler, question=question, body="Ja, dat mag.")


def investigated_case(case_in, team, category):
    """A case closed after a person-focused investigation (counted under investigations started)."""
    from cases import services
    from cases.models import Instrument

    from .conftest import assess, walk

    coordinator = team["coordinator"]
    with time_machine.travel(CLOSED, tick=False):
        case = assess(case_in(CaseState.TRIAGE), coordinator, category)
        case = services.case_transition(case=case, transition="choose_instrument", actor=coordinator, reason="Serious.",
                                        instrument=Instrument.INVESTIGATION, instrument_reasons="Several witnesses; a protocol is needed.")
        return walk(case, ["decide", "close"], coordinator, category)


def everything_else_of_the_year(team, staff_factory, post, category):
    """Advice sessions of a counsellor, and reporters' answers to the willingness question."""
    from meldpunt.accounts.models import Role
    from meldpunt.intake.willingness import willingness_answer_record
    from vertrouwenspersonen import services as counsellors

    counsellor = staff_factory(Role.COUNSELLOR, "amira", post=post)
    with time_machine.travel(CLOSED, tick=False):
        for i in range(6):
            counsellors.advice_session_log(actor=counsellor, held_on=timezone.localdate(), channel="in_person", topic=category,
                                           advice=f"Explained the routes {i}.", follow_up="none", post=post)
            willingness_answer_record(moment="after_closure", would_report_again="yes", felt_safe="yes" if i else "no", desk=Desk.CCI)


def every_figure(year):
    """Everything the annual figures, the racism report and the transparency page are made from."""
    desks = (Desk.CCI, Desk.EXTERNAL)
    return {
        "all": annual_figures(desks=desks, year=year),
        "cci": annual_figures(desks=(Desk.CCI,), year=year),
        "racism": annual_figures(desks=desks, year=year, only_category="racism_discrimination"),
        "tallies": _tally(desks=desks, year=year),
    }


def test_a_year_of_figures_is_the_same_after_retention_deleted_its_reports(case_in, team, staff_factory, post, category):
    coordinator = team["coordinator"]
    reports = closed_reports(case_in, 8)
    investigated_case(case_in, team, category)
    everything_else_of_the_year(team, staff_factory, post, category)
    with time_machine.travel(CHECKED_IN, tick=False):
        aftercare_scan()
    concerns = [answer_aftercare(report, consequences=True) for report in reports[:6]]
    for report in reports[6:]:
        answer_aftercare(report, consequences=False)
    for concern in concerns[:5]:
        conclude(concern, coordinator)
    # concerns[5] stays open: its report is open work and is held back from retention.
    ask_and_answer_advice_questions(6, team["handler"])

    with time_machine.travel(LATER, tick=False):
        before = every_figure(2026)
    tallies = before["tallies"][0]
    assert tallies["reports"][""][""] == 9 and tallies["investigations"][""][""] == 1
    assert tallies["retaliation_concerns"]["outcome"] == {"substantiated": 5, "open": 1}
    assert tallies["retaliation_measures"]["retaliation_measure"] == {"reversed": 5}
    assert tallies["aftercare_answers"]["answer"] == {"yes": 6, "no": 2}
    assert tallies["advice_questions"]["language"] == {"nl": 6}
    assert tallies["advice_requests"][""][""] == 6 and tallies["willingness_felt_safe"][""][""] == 6
    assert before["all"].median_days_to_feedback is not None
    assert before["racism"].get("retaliation_concerns").count == 6  # the test reports are about racism

    with time_machine.travel(RETAINED, tick=False):
        done = retention_purge(dry_run=False)
    assert done["report"] == 8 and done["advice_question"] == 6 and done["advice_session"] == 6
    assert done["held"] == 0
    assert list(Report.objects.all()) == [concerns[5].report]  # held back: its concern is still open
    assert RetaliationConcern.objects.count() == 1
    with time_machine.travel(LATER, tick=False):
        assert every_figure(2026) == before
    with time_machine.travel(CLOSED + timedelta(days=401), tick=False):
        assert retention_purge(dry_run=False)["case"] == 8  # the cases go too, but the one the open concern's report is in
    with time_machine.travel(LATER, tick=False):
        assert every_figure(2026) == before


def test_a_concluded_concern_stays_in_the_figures_the_export_and_the_transparency_page_after_retention(case_in, team, client_for, client):
    coordinator = team["coordinator"]
    reports = closed_reports(case_in, 5)
    with time_machine.travel(CHECKED_IN, tick=False):
        aftercare_scan()
    for report in reports:
        conclude(answer_aftercare(report, consequences=True), coordinator)
    from cases.models import ConcernStatistic

    assert ConcernStatistic.objects.filter(desk=Desk.CCI, year=2026, outcome="substantiated").count() == 5

    def shown():
        with time_machine.travel(LATER, tick=False):
            figures = annual_figures(desks=[Desk.CCI], year=2026)
            export = rows_of(client_for(coordinator).get("/staff/desk/figures/csv/?year=2026"))
            page = page_cells(client.get("/transparency/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
        return figures, export, page

    figures, export, page = shown()
    assert figures.get("retaliation_concerns", "outcome", "substantiated").count == 5
    assert figures.get("retaliation_measures", "retaliation_measure", "reversed").count == 5
    assert value(export, "retaliation_concerns", "outcome", "substantiated") == "5"
    assert page[("retaliation_concerns", "outcome", "substantiated")][0] == "5"
    assert page[("retaliation_measures", "retaliation_measure", "reversed")][0] == "5"

    with time_machine.travel(RETAINED, tick=False):
        assert retention_purge(dry_run=False)["report"] == 5
    assert not RetaliationConcern.objects.exists()
    figures_after, export_after, page_after = shown()
    assert figures_after.cells == figures.cells
    assert export_after == export
    assert page_after == page


def test_one_desks_figures_never_count_the_other_desks_concerns(case_in, team):
    reports = closed_reports(case_in, 5, actor=team["external_coordinator"], channel=Channel.EXTERNAL)
    with time_machine.travel(CHECKED_IN, tick=False):
        aftercare_scan()
    for report in reports:
        conclude(answer_aftercare(report, consequences=True), team["external_coordinator"], measure="support")
    with time_machine.travel(LATER, tick=False):
        external = annual_figures(desks=[Desk.EXTERNAL], year=2026)
        cci = annual_figures(desks=[Desk.CCI], year=2026)
    assert external.get("retaliation_concerns").count == 5
    assert external.get("retaliation_measures", "retaliation_measure", "support").count == 5
    assert cci.get("retaliation_concerns").count == 0
    assert cci.get("retaliation_measures").count == 0
    from cases.models import ConcernStatistic

    assert set(ConcernStatistic.objects.values_list("desk", flat=True)) == {Desk.EXTERNAL}


def test_concerns_closed_and_answers_given_before_the_statistics_existed_are_backfilled(case_in, team):
    import importlib

    from django.apps import apps

    from cases.models import AftercareStatistic, ConcernMeasureStatistic, ConcernStatistic

    reports = closed_reports(case_in, 3)
    with time_machine.travel(CHECKED_IN, tick=False):
        aftercare_scan()
    concluded = answer_aftercare(reports[0], consequences=True)
    conclude(concluded, team["coordinator"], measure="protection")
    answer_aftercare(reports[1], consequences=True)  # stays open
    answer_aftercare(reports[2], consequences=False)
    with time_machine.travel(LATER, tick=False):
        before = _tally(desks=(Desk.CCI,), year=2026)
    # As on a database migrated before these rows were written.
    ConcernStatistic.objects.all().delete()
    AftercareStatistic.objects.all().delete()
    importlib.import_module("cases.migrations.0020_backfill_concern_aftercare_statistics").backfill(apps, None)
    row = ConcernStatistic.objects.get()
    assert (row.concern_id, row.desk, row.year, row.outcome, row.assessed, row.measures_taken, row.reporter_informed) == (
        concluded.pk, Desk.CCI, 2026, "substantiated", True, 1, True)
    assert list(ConcernMeasureStatistic.objects.values_list("kind", "year")) == [("protection", 2026)]
    assert sorted(AftercareStatistic.objects.values_list("answer", flat=True)) == ["no", "yes", "yes"]
    with time_machine.travel(LATER, tick=False):
        assert _tally(desks=(Desk.CCI,), year=2026) == before
    # Run twice: nothing doubles.
    importlib.import_module("cases.migrations.0020_backfill_concern_aftercare_statistics").backfill(apps, None)
    assert ConcernStatistic.objects.count() == 1 and AftercareStatistic.objects.count() == 3
