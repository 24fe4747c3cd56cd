"""Retention, one record at a time: each kind of record loses its data key before its row goes, leaves one
audit event that names it (and nothing else), and is left alone when it changed since the nightly list was
made (a draft forwarded, a question written back to, a complaint reopened...)."""

import uuid
from contextlib import contextmanager
from datetime import timedelta

import pytest
import time_machine
from django.db.models.signals import pre_delete
from django.utils import timezone

from cases import retention
from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_verify

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.make_aware(timezone.datetime(2024, 3, 4, 10, 0))


def retention_events() -> list[tuple]:
    return list(
        AuditEvent.objects.filter(action__startswith="retention.").values_list("action", "target_type", "target_id", "detail")
    )


@contextmanager
def keys_at_deletion(model):
    """The data key each row of `model` still had in the database when its deletion began."""
    seen = {}

    def look(sender, instance, **kwargs):
        seen[instance.pk] = sender.objects.filter(pk=instance.pk).values_list("wrapped_key", flat=True).first()

    pre_delete.connect(look, sender=model, weak=False)
    try:
        yield seen
    finally:
        pre_delete.disconnect(look, sender=model)


# --- a manager's unsent draft ------------------------------------------------------------------------


def a_draft(staff_factory, post, category, **fields):
    from meldpunt.channels.models import ManagerDraft

    manager = staff_factory(Role.MANAGER, f"m{uuid.uuid4().hex[:6]}", post=post)
    draft = ManagerDraft(manager=manager, category=category, post=post, created_at=LONG_AGO, updated_at=LONG_AGO, **fields)
    draft.seal("narrative", "Half written, never sent.")
    draft.save()
    return draft


def test_an_unsent_draft_loses_its_key_before_it_goes_and_is_named_in_the_audit_trail(staff_factory, post, category):
    from meldpunt.channels.models import ManagerDraft

    draft = a_draft(staff_factory, post, category)
    with keys_at_deletion(ManagerDraft) as keys:
        assert retention.manager_draft_expire(draft_id=draft.pk) is True
    assert keys == {draft.pk: ""}
    assert not ManagerDraft.objects.exists()
    assert retention_events() == [("retention.manager_draft_deleted", "", "", {"draft": str(draft.pk)})]
    assert audit_verify() == []


def test_a_draft_forwarded_since_the_list_was_made_is_left_alone(staff_factory, post, case_in):
    from cases.models import CaseState
    from meldpunt.channels.models import ManagerDraft
    from meldpunt.intake.models import Report

    report = Report.objects.get(case_link__case=case_in(CaseState.ADDRESSING))
    manager = staff_factory(Role.MANAGER, "els", post=post)
    draft = ManagerDraft.objects.create(manager=manager, created_at=LONG_AGO, updated_at=LONG_AGO, forwarded_at=LONG_AGO, report=report)
    assert retention.manager_draft_expire(draft_id=draft.pk) is False
    assert ManagerDraft.objects.filter(pk=draft.pk).exists()  # it goes with its report, not on its own
    assert retention_events() == []


# --- a manager's advice request -----------------------------------------------------------------------


def an_advice_request(staff_factory, post, category):
    from meldpunt.channels import services as channels

    manager = staff_factory(Role.MANAGER, f"m{uuid.uuid4().hex[:6]}", post=post)
    return channels.advice_request_ask(manager=manager, request_id=uuid.uuid4(), category=category, post=post,
                                       question="Is this a matter for the CCI?", language="nl")


def test_an_advice_request_loses_its_key_before_it_goes_and_is_named_in_the_audit_trail(staff_factory, post, category):
    from meldpunt.channels.models import AdviceRequest

    advice = an_advice_request(staff_factory, post, category)
    AuditEvent.objects.all().delete()  # only what retention writes, from here (the chain is checked elsewhere)
    with keys_at_deletion(AdviceRequest) as keys:
        assert retention.manager_advice_expire(request_id=advice.pk) is True
    assert keys == {advice.pk: ""}
    assert not AdviceRequest.objects.exists()
    assert retention_events() == [("retention.manager_advice_deleted", "", "", {"advice_request": str(advice.pk)})]


def test_an_advice_request_that_became_a_report_since_the_list_was_made_is_left_alone(staff_factory, post, category):
    from meldpunt.channels import services as channels
    from meldpunt.channels.models import AdviceRequest

    advice = an_advice_request(staff_factory, post, category)
    channels.advice_request_convert(user=staff_factory(Role.CCI_HANDLER, "hans"), advice_id=advice.pk)
    assert retention.manager_advice_expire(request_id=advice.pk) is False
    assert AdviceRequest.objects.get().wrapped_key != ""
    assert retention_events() == []


# --- a question to the advice point -------------------------------------------------------------------


def an_answered_question(team):
    from meldpunt.advice import services

    question = services.advice_question_ask(question="Mag dit?", contact="", language="nl", submission_token=uuid.uuid4().hex).question
    services.advice_message_to_asker(user=team["handler"], question=question, body="Antwoord.")
    return question


def test_an_answered_question_loses_its_key_before_it_goes_and_is_named_in_the_audit_trail(team):
    from meldpunt.advice.models import AdviceQuestion

    question = an_answered_question(team)
    with keys_at_deletion(AdviceQuestion) as keys:
        assert retention.advice_question_expire(question_id=question.pk) is True
    assert keys == {question.pk: ""}
    assert not AdviceQuestion.objects.exists()
    assert retention_events() == [("retention.advice_question_deleted", "", "", {"advice_question": str(question.pk)})]


def test_a_question_the_asker_wrote_back_to_since_the_list_was_made_is_left_alone(team):
    from meldpunt.advice import services
    from meldpunt.advice.models import AdviceQuestion

    question = an_answered_question(team)
    services.advice_message_from_asker(question=question, body="Nog een vraag.")
    assert retention.advice_question_expire(question_id=question.pk) is False
    assert AdviceQuestion.objects.get().wrapped_key != ""
    assert retention_events() == []


def test_a_question_made_into_a_report_since_the_list_was_made_goes_with_that_report_not_alone(team, category, post):
    from meldpunt.advice import services
    from meldpunt.advice.models import AdviceQuestion

    question = an_answered_question(team)
    services.advice_question_to_report(question=question, category=category, post=post, narrative="Vraag", language="nl")
    assert retention.advice_question_expire(question_id=question.pk) is False
    assert AdviceQuestion.objects.get().wrapped_key != ""


# --- a counsellor's advice session --------------------------------------------------------------------


def a_session(staff_factory, post, category):
    from vertrouwenspersonen.models import AdviceSession, FollowUp

    counsellor = staff_factory(Role.COUNSELLOR, f"v{uuid.uuid4().hex[:6]}", post=post)
    session = AdviceSession(counsellor=counsellor, held_on=LONG_AGO.date(), channel="in_person", region=post.region,
                            topic=category, follow_up=FollowUp.NONE)
    session.seal("advice", "Talked it through.")
    session.save()
    return session


def test_an_advice_session_keeps_its_row_for_the_figures_but_loses_its_key_and_its_sealed_advice(staff_factory, post, category):
    from vertrouwenspersonen.models import AdviceSession

    session = a_session(staff_factory, post, category)
    assert retention.advice_session_expire(session_id=session.pk) is True
    kept = AdviceSession.objects.get()
    assert (kept.wrapped_key, bytes(kept.advice_sealed)) == ("", b"")
    assert (kept.held_on, kept.topic_id, kept.region_id) == (session.held_on, category.pk, post.region_id)
    assert retention_events() == [("retention.advice_session_shredded", "", "", {"session": str(session.pk)})]
    # Once shredded there is nothing left to shred: no second event.
    assert retention.advice_session_expire(session_id=session.pk) is False
    assert len(retention_events()) == 1
    assert audit_verify() == []


# --- a complaint about a counsellor -------------------------------------------------------------------


def a_complaint(post):
    from django.apps import apps

    from meldpunt.intake.models import Category
    from meldpunt.intake.services import ReportDetails, report_submit
    from vertrouwenspersonen.complaint_category import CODE, add_category
    from vertrouwenspersonen.models import CounsellorComplaint

    add_category(apps)
    details = ReportDetails(category=Category.objects.get(code=CODE), post=post, narrative="The counsellor told my manager.")
    report = report_submit(details=details, channel="central", language="fr", submission_token=uuid.uuid4().hex).report
    return CounsellorComplaint.objects.get(report=report)


def test_a_concluded_complaint_goes_with_its_notes_keys_first_and_then_its_report(staff_factory, post):
    from meldpunt.intake.models import Report
    from vertrouwenspersonen import services as counsellors
    from vertrouwenspersonen.models import ComplaintNote, CounsellorComplaint

    complaint = a_complaint(post)
    with time_machine.travel(timezone.now() - timedelta(days=1)):
        counsellors.complaint_update(actor=staff_factory(Role.COUNSELLOR_COORDINATOR, "cora"), complaint=complaint,
                                     note="Heard both sides.", message="We looked into it.", outcome="upheld")
    note = ComplaintNote.objects.get()
    AuditEvent.objects.all().delete()
    with keys_at_deletion(ComplaintNote) as keys:
        assert retention.complaint_expire(complaint_id=complaint.pk) is True
    assert keys == {note.pk: ""}
    assert not CounsellorComplaint.objects.exists() and not Report.objects.filter(pk=complaint.report_id).exists()
    assert [(action, detail) for action, _type, _id, detail in retention_events()] == [
        ("retention.complaint_deleted", {"complaint": str(complaint.pk)}),
        ("retention.report_deleted", {}),
    ]


def concluded(complaint, staff_factory):
    from vertrouwenspersonen import services as counsellors

    with time_machine.travel(timezone.now() - timedelta(days=1)):
        counsellors.complaint_update(actor=staff_factory(Role.COUNSELLOR_COORDINATOR, f"c{uuid.uuid4().hex[:6]}"),
                                     complaint=complaint, note="Heard both sides.", message="Done.", outcome="upheld")
    return complaint


def test_only_the_complaint_asked_for_goes(staff_factory, post):
    from vertrouwenspersonen.models import CounsellorComplaint

    for _ in range(2):
        concluded(a_complaint(post), staff_factory)
    # Ask for the one that does not come first: a lookup that forgot the id would take the first.
    first, asked = CounsellorComplaint.objects.all()
    assert retention.complaint_expire(complaint_id=asked.pk) is True
    assert list(CounsellorComplaint.objects.all()) == [first]


def test_a_complaint_whose_report_must_stay_is_kept_whole_with_its_notes_keys(staff_factory, post, monkeypatch):
    from vertrouwenspersonen.models import ComplaintNote, CounsellorComplaint

    complaint = concluded(a_complaint(post), staff_factory)
    note_key = ComplaintNote.objects.get().wrapped_key
    AuditEvent.objects.all().delete()
    monkeypatch.setattr(retention, "report_expire", lambda report_id: False)  # another record still needs the report
    assert retention.complaint_expire(complaint_id=complaint.pk) is False
    assert CounsellorComplaint.objects.filter(pk=complaint.pk).exists()
    assert ComplaintNote.objects.get().wrapped_key == note_key != ""
    assert retention_events() == []  # rolled back with the rest


def test_a_complaint_not_concluded_is_left_alone(post):
    from vertrouwenspersonen.models import CounsellorComplaint

    complaint = a_complaint(post)
    assert retention.complaint_expire(complaint_id=complaint.pk) is False
    assert CounsellorComplaint.objects.filter(pk=complaint.pk).exists()
    assert retention_events() == []


def test_the_dry_run_says_how_old_an_advice_request_is_by_its_answer_or_by_when_it_was_asked():
    asked = LONG_AGO
    assert retention._advice_age(asked, asked + timedelta(days=3)) == "answered 2024-03-07"
    assert retention._advice_age(asked, None) == "never answered, asked 2024-03-04"


# --- a closed case, once its reports are gone ---------------------------------------------------------


def without_its_reports(case):
    from meldpunt.intake.models import Report

    for report in Report.objects.filter(case_link__case=case):
        assert retention.report_expire(report_id=report.pk)
    AuditEvent.objects.all().delete()
    return case


def test_a_closed_case_loses_its_key_before_it_goes_and_the_audit_trail_names_it(case_in):
    from cases.models import Case, CaseState

    case = without_its_reports(case_in(CaseState.CLOSED))
    other = without_its_reports(case_in(CaseState.CLOSED))
    with keys_at_deletion(Case) as keys:
        assert retention.case_expire(case_id=case.pk) is True
    assert keys == {case.pk: ""}
    assert list(Case.objects.all()) == [other]
    assert [(action, target_id) for action, _type, target_id, _detail in retention_events()] == [
        ("retention.case_deleted", str(case.pk))
    ]


def test_a_case_reopened_since_the_list_was_made_is_left_alone(case_in):
    from cases.models import Case, CaseState

    case = without_its_reports(case_in(CaseState.ADDRESSING))
    assert retention.case_expire(case_id=case.pk) is False
    assert Case.objects.get(pk=case.pk).wrapped_key != ""
    assert retention_events() == []


# --- the nightly purge ----------------------------------------------------------------------------------

NOTHING_DONE = {"report": 0, "case": 0, "held": 0, "advice_session": 0, "manager_draft": 0, "manager_advice": 0,
                "advice_question": 0, "complaint": 0}


@pytest.fixture
def closed_long_ago(settings, case_in):
    """A case closed long ago, its report past its period; the case itself not yet."""
    from cases.models import CaseState

    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "report": 365, "case": 400, "manager_draft": 90}
    with time_machine.travel(LONG_AGO, tick=False):
        return case_in(CaseState.CLOSED)


def test_the_purge_counts_what_went_by_kind_for_the_moment_it_is_given(closed_long_ago):
    from meldpunt.intake.models import Report

    later = LONG_AGO + timedelta(days=370)  # not travelled to: the purge works for the moment it is given
    assert retention.retention_purge(dry_run=False, now=LONG_AGO + timedelta(days=10)) == NOTHING_DONE
    assert retention.retention_purge(dry_run=False, now=later) == NOTHING_DONE | {"report": 1}
    assert not Report.objects.filter(case_link__case=closed_long_ago).exists()
    assert retention.retention_purge(dry_run=False, now=LONG_AGO + timedelta(days=401)) == NOTHING_DONE | {"case": 1}


def test_the_dry_run_lists_what_would_go_and_why(closed_long_ago):
    from meldpunt.intake.models import Report

    report = Report.objects.get(case_link__case=closed_long_ago)
    listed = retention.retention_purge(dry_run=True, now=LONG_AGO + timedelta(days=370))
    assert listed == {"would_go": [
        {"kind": "report", "id": str(report.pk), "label": report.reference, "reason": "case closed 2024-03-04; kept 365 days"},
    ]}
    assert Report.objects.filter(pk=report.pk).exists()
    listed = retention.retention_purge(dry_run=True, now=LONG_AGO + timedelta(days=401))["would_go"]
    assert listed[1] == {"kind": "case", "id": str(closed_long_ago.pk), "label": closed_long_ago.reference,
                         "reason": "closed 2024-03-04; kept 400 days"}


def test_a_case_on_the_list_does_not_stop_the_records_listed_after_it(closed_long_ago, staff_factory, post, category):
    from meldpunt.channels.models import ManagerDraft

    a_draft(staff_factory, post, category)  # written on LONG_AGO, unsent
    done = retention.retention_purge(dry_run=False, now=LONG_AGO + timedelta(days=401))
    assert (done["report"], done["case"], done["manager_draft"]) == (1, 1, 1)
    assert not ManagerDraft.objects.exists()


@pytest.mark.parametrize("refusal", ["says no", "breaks a constraint"])
def test_a_record_that_cannot_go_yet_is_counted_as_held_and_the_rest_goes_on(closed_long_ago, monkeypatch, refusal):
    from django.db import IntegrityError

    from meldpunt.intake.models import Report

    def cannot_go(item):
        if refusal == "breaks a constraint":
            raise IntegrityError("another record still points at it")
        return False

    monkeypatch.setitem(retention.EXPIRE, "report", cannot_go)
    done = retention.retention_purge(dry_run=False, now=LONG_AGO + timedelta(days=401))
    assert done == NOTHING_DONE | {"held": 2}  # the report, then its case, which still has it
    assert Report.objects.filter(case_link__case=closed_long_ago).exists()


def test_the_dry_run_counts_old_audit_events_as_kept_not_going(settings, closed_long_ago):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "audit": 365}
    events = AuditEvent.objects.count()
    listed = retention.retention_purge(dry_run=True, now=LONG_AGO + timedelta(days=370))["would_go"]
    assert listed[-1] == {"kind": "audit", "id": "", "label": f"{events} events",
                          "reason": "past the audit period, but kept: they hold no content and the hash chain needs them"}
    retention.retention_purge(dry_run=False, now=LONG_AGO + timedelta(days=370))
    assert AuditEvent.objects.count() > events  # none deleted; the report's deletion added one


def test_an_advice_session_is_listed_by_the_day_it_was_held_and_once_shredded_no_more(settings, staff_factory, post, category):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "advice_session": 365}
    session = a_session(staff_factory, post, category)
    later = LONG_AGO + timedelta(days=370)
    assert [item.__dict__ for item in retention.expired_records(now=later)] == [
        {"kind": "advice_session", "id": str(session.pk), "label": "2024-03-04", "reason": "held 2024-03-04; kept 365 days"}
    ]
    retention.advice_session_expire(session_id=session.pk)
    assert retention.expired_records(now=later) == []


def test_each_kind_of_record_is_listed_at_most_as_many_times_as_the_limit(settings, staff_factory, post, category, team):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "advice_session": 365, "manager_draft": 90,
                               "manager_advice": 365, "advice_question": 365, "complaint": 365}
    with time_machine.travel(LONG_AGO, tick=False):
        for _ in range(2):
            a_session(staff_factory, post, category)
            a_draft(staff_factory, post, category)
            an_answered_question(team)
            concluded(a_complaint(post), staff_factory)
    kinds = [item.kind for item in retention.expired_records(now=LONG_AGO + timedelta(days=370), limit=1)]
    assert sorted(kinds) == ["advice_question", "advice_session", "complaint", "manager_draft"]
