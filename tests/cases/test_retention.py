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
from tests.cases.conftest import PATH_TO, walk

pytestmark = pytest.mark.django_db

CLOSED = timezone.make_aware(timezone.datetime(2026, 2, 10, 12, 0))


@pytest.fixture
def short_periods(settings):
    settings.RETENTION_DAYS = {"report": 365, "case": 400, "evidence": 365, "advice_session": 365, "audit": 365,
                               "manager_draft": 90, "manager_advice": 365, "complaint": 365, "advice_question": 365}


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


def test_an_unforwarded_manager_draft_goes_after_its_period_a_fresh_one_stays(short_periods, staff_factory, post, category):
    from meldpunt.accounts.models import Role
    from meldpunt.channels.models import ManagerDraft

    manager = staff_factory(Role.MANAGER, "mila", post=post)
    old = ManagerDraft(manager=manager, category=category, post=post, created_at=CLOSED, updated_at=CLOSED)
    old.seal("narrative", "Half written, never sent.")
    old.save()
    later = CLOSED + timedelta(days=60)
    fresh = ManagerDraft(manager=manager, category=category, post=post, created_at=later, updated_at=later)
    fresh.seal("narrative", "Still being written.")
    fresh.save()
    with time_machine.travel(CLOSED + timedelta(days=95)):
        assert [(i.kind, i.id) for i in expired_records()] == [("manager_draft", str(old.pk))]
        assert retention_purge(dry_run=False)["manager_draft"] == 1
        assert retention_purge(dry_run=False)["manager_draft"] == 0
    assert list(ManagerDraft.objects.all()) == [fresh]
    assert audit_verify() == []


def test_a_managers_advice_request_goes_after_its_answer_ages_one_that_became_a_report_goes_with_it(
    short_periods, staff_factory, post, category, case_in
):
    import uuid

    from meldpunt.accounts.models import Role
    from meldpunt.channels import services as channels
    from meldpunt.channels.models import AdviceRequest

    manager = staff_factory(Role.MANAGER, "noor", post=post)
    handler = staff_factory(Role.CCI_HANDLER, "hans")
    with time_machine.travel(CLOSED, tick=False):
        answered = channels.advice_request_ask(manager=manager, request_id=uuid.uuid4(), category=category, post=post,
                                               question="Is this a matter for the CCI?", language="nl")
        unanswered = channels.advice_request_ask(manager=manager, request_id=uuid.uuid4(), category=category, post=post,
                                                 question="Nobody answered this one.", language="nl")
        converted = channels.advice_request_ask(manager=manager, request_id=uuid.uuid4(), category=category, post=post,
                                                question="This became a report.", language="nl")
    with time_machine.travel(CLOSED + timedelta(days=100), tick=False):
        channels.advice_request_answer(user=handler, advice_id=answered.pk, answer="Yes, report it.")
        channels.advice_request_convert(user=handler, advice_id=converted.pk)
    with time_machine.travel(CLOSED + timedelta(days=370)):
        kinds = {(i.kind, i.id) for i in expired_records()}
        assert ("manager_advice", str(unanswered.pk)) in kinds  # asked 370 days ago, never answered
        assert ("manager_advice", str(answered.pk)) not in kinds  # answered 270 days ago
        assert ("manager_advice", str(converted.pk)) not in kinds  # its report is not even in a case
        retention_purge(dry_run=False)
    assert set(AdviceRequest.objects.values_list("pk", flat=True)) == {answered.pk, converted.pk}
    with time_machine.travel(CLOSED + timedelta(days=470)):
        assert retention_purge(dry_run=False)["manager_advice"] == 1
    assert list(AdviceRequest.objects.values_list("pk", flat=True)) == [converted.pk]
    assert audit_verify() == []


def test_a_report_forwarded_from_an_advice_session_expires_and_the_session_keeps_only_that_it_was_forwarded(
    short_periods, settings, staff_factory, post, category, team
):
    import uuid

    from cases import services as case_services
    from meldpunt.accounts.models import Role
    from meldpunt.intake.services import ReportDetails
    from vertrouwenspersonen.models import AdviceSession, FollowUp
    from vertrouwenspersonen.services import advice_session_forward

    settings.RETENTION_DAYS["advice_session"] = 800  # the session outlives the report here
    counsellor = staff_factory(Role.COUNSELLOR, "vera", post=post)
    with time_machine.travel(CLOSED - timedelta(days=30), tick=False):
        session = AdviceSession(counsellor=counsellor, held_on=CLOSED.date() - timedelta(days=30), channel="in_person",
                                region=post.region, topic=category, follow_up=FollowUp.CCI)
        session.seal("advice", "Talked through the options; they want to report.")
        session.save()
        forwarded = advice_session_forward(
            actor=counsellor, session=session, language="nl", submission_token=uuid.uuid4().hex, consent=True,
            details=ReportDetails(category=category, post=post, narrative="Mijn chef schold mij uit.", is_anonymous=True),
        )
    with time_machine.travel(CLOSED, tick=False):
        case = case_services.case_open(report=forwarded.report, actor=team["coordinator"])
        walk(case, PATH_TO[CaseState.CLOSED], team["coordinator"], category)
    with time_machine.travel(CLOSED + timedelta(days=370)):
        assert retention_purge(dry_run=False)["report"] == 1  # no longer held for ever by the session's link
    assert not Report.objects.filter(pk=forwarded.report.pk).exists()
    session.refresh_from_db()
    assert (session.forwarded_report_id, session.forward_consent_at, session.forwarded_anonymously) == (None, None, None)
    assert session.follow_up == FollowUp.CCI and session.unseal("advice")  # kept under its own period
    assert audit_verify() == []


def test_a_concluded_complaint_about_a_counsellor_goes_with_its_report_after_its_period(short_periods, post, staff_factory):
    import uuid

    from django.apps import apps

    from meldpunt.accounts.models import Role
    from meldpunt.intake.models import Category
    from meldpunt.intake.services import ReportDetails, report_submit
    from vertrouwenspersonen import services as counsellors
    from vertrouwenspersonen.complaint_category import CODE, add_category
    from vertrouwenspersonen.models import ComplaintNote, CounsellorComplaint

    add_category(apps)
    coordinator = staff_factory(Role.COUNSELLOR_COORDINATOR, "cora")

    def complain(narrative):
        details = ReportDetails(category=Category.objects.get(code=CODE), post=post, narrative=narrative)
        report = report_submit(details=details, channel="central", language="fr", submission_token=uuid.uuid4().hex).report
        return CounsellorComplaint.objects.get(report=report)

    with time_machine.travel(CLOSED, tick=False):
        concluded = complain("The counsellor told my manager.")
        counsellors.complaint_update(actor=coordinator, complaint=concluded, note="Heard both sides.",
                                     message="We looked into it; the counsellor was spoken to.", outcome="upheld")
        open_one = complain("Still being looked at.")
    with time_machine.travel(CLOSED + timedelta(days=370)):
        assert [(i.kind, i.label) for i in expired_records() if i.kind == "complaint"] == [("complaint", concluded.report.reference)]
        assert retention_purge(dry_run=False)["complaint"] == 1
    assert list(CounsellorComplaint.objects.all()) == [open_one]
    assert not ComplaintNote.objects.exists()
    assert not Report.objects.filter(pk=concluded.report_id).exists()
    assert Report.objects.filter(pk=open_one.report_id).exists()  # never before it is concluded
    assert audit_verify() == []
