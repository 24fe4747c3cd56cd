"""Retention: after its period a closed case's reports are counted, crypto-shredded and deleted;
the dry run lists what would go and why; the audit trail stays verifiable."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from cases.models import Case, CaseState, ReportStatistic
from cases.retention import expired_records, retention_purge
from meldpunt.audit.services import audit_verify
from meldpunt.intake.models import MailboxMessage, Report

pytestmark = pytest.mark.django_db

CLOSED = timezone.make_aware(timezone.datetime(2026, 2, 10, 12, 0))


@pytest.fixture
def short_periods(settings):
    settings.RETENTION_DAYS = {"report": 365, "case": 400, "evidence": 365, "advice_session": 365, "audit": 365}


def test_nothing_goes_before_its_time_and_the_dry_run_changes_nothing(short_periods, case_in, capsys):
    with time_machine.travel(CLOSED, tick=False):
        case_in(CaseState.CLOSED)
        case_in(CaseState.ADDRESSING)  # open cases never expire
    with time_machine.travel(CLOSED + timedelta(days=300)):
        assert [i.kind for i in expired_records()] == []
    with time_machine.travel(CLOSED + timedelta(days=370)):
        assert [i.kind for i in expired_records()] == ["report", "audit"]  # audit: listed, kept
        call_command("retention_dry_run")
        assert "case closed 2026-02-10" in capsys.readouterr().out
    assert Report.objects.count() == 2


def test_the_purge_keeps_only_anonymous_counts_and_the_audit_chain_holds(short_periods, case_in):
    with time_machine.travel(CLOSED, tick=False):
        case = case_in(CaseState.CLOSED)
        kept = case_in(CaseState.DECIDED)
    report = Report.objects.get(case_link__case=case)
    assert MailboxMessage.objects.filter(report=report).exists()
    with time_machine.travel(CLOSED + timedelta(days=370)):
        assert retention_purge(dry_run=False)["report"] == 1
        assert retention_purge(dry_run=False)["report"] == 0  # twice: nothing more
    assert not Report.objects.filter(pk=report.pk).exists()
    assert not MailboxMessage.objects.filter(report_id=report.pk).exists()
    # The anonymous figures written at closure stay, now with no link to anything.
    figure = ReportStatistic.objects.get()
    assert (figure.year, figure.desk, figure.channel, figure.counts_case) == (2026, "cci", "central", True)
    assert Case.objects.filter(pk=case.pk).exists()  # the case is kept longer than its report
    with time_machine.travel(CLOSED + timedelta(days=401)):
        assert retention_purge(dry_run=False)["case"] == 1
    assert not Case.objects.filter(pk=case.pk).exists()
    assert Case.objects.filter(pk=kept.pk).exists()
    assert ReportStatistic.objects.get().case_id is None
    assert audit_verify() == []


def test_the_nightly_task_runs_the_purge(short_periods, case_in):
    from cases.tasks import retention_purge_run

    with time_machine.travel(CLOSED, tick=False):
        case_in(CaseState.CLOSED)
    with time_machine.travel(CLOSED + timedelta(days=370)):
        retention_purge_run.delay()
    assert Report.objects.count() == 0


def test_the_annual_figures_do_not_move_when_closed_reports_are_deleted(short_periods, case_in):
    """Figures that do not move: the confirmed category, instrument, finding and measure of a closed
    case are counted from its anonymous statistics, so crypto-shredding changes no published number."""
    from cases import figures

    with time_machine.travel(CLOSED, tick=False):
        for _ in range(6):
            case_in(CaseState.CLOSED)
        case_in(CaseState.DECIDED)
        before = figures.annual_figures(desks=["cci"], year=2026)
    with time_machine.travel(CLOSED + timedelta(days=370)):
        assert retention_purge(dry_run=False)["report"] == 6
    assert Report.objects.count() == 1
    with time_machine.travel(CLOSED, tick=False):  # the open report's clocks read on the same day
        after = figures.annual_figures(desks=["cci"], year=2026)
    assert after.cells == before.cells
    assert before.get("reports").count == 7
    assert before.get("findings", "finding", "established").count == 7
    with time_machine.travel(CLOSED + timedelta(days=401)):
        assert retention_purge(dry_run=False)["case"] == 6
    with time_machine.travel(CLOSED, tick=False):
        assert figures.annual_figures(desks=["cci"], year=2026).cells == before.cells


def test_a_forwarded_manager_draft_goes_with_its_report(short_periods, case_in, staff_factory, post):
    from meldpunt.accounts.models import Role
    from meldpunt.channels.models import ManagerDraft

    with time_machine.travel(CLOSED, tick=False):
        case = case_in(CaseState.CLOSED)
    report = Report.objects.get(case_link__case=case)
    manager = staff_factory(Role.MANAGER, "els", post=post)
    ManagerDraft.objects.create(manager=manager, created_at=CLOSED, updated_at=CLOSED, forwarded_at=CLOSED, report=report)
    with time_machine.travel(CLOSED + timedelta(days=370)):
        assert retention_purge(dry_run=False)["report"] == 1
    assert not ManagerDraft.objects.exists()
