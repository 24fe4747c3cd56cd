"""Small realistic bugs in the confidentiality rules that a hand-made mutation test let through.

Each test here kills one of them (issue 11, "The suite must catch these bugs too"). They check
behaviour, not implementation: the audit chain may be keyed differently, the mailbox session may
slide, and these still hold.
"""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import CaseState, SentReminder
from cases.retention import retention_purge
from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record
from meldpunt.intake.models import Report
from meldpunt.vault import storage as vault_storage
from tests.cases.conftest import PATH_TO, cheap_receipt_hashes, walk  # noqa: F401  (autouse fixture)
from tests.vault import samples

CLOSED = timezone.make_aware(timezone.datetime(2026, 2, 10, 12, 0))


@pytest.fixture
def coordinator(staff_factory, post):
    return staff_factory(Role.CCI_COORDINATOR, post=post)


@pytest.fixture
def case_in(coordinator, report_factory, category):
    def make(state, **report_kwargs):
        report = report_factory(**report_kwargs).report
        return walk(services.case_open(report=report, actor=coordinator), PATH_TO[state], coordinator, category)

    return make


def _audit_trail_is_intact() -> bool:
    try:
        call_command("verify_audit", stdout=StringIO(), stderr=StringIO())
    except CommandError:
        return False
    return True


# --- the audit trail ---------------------------------------------------------------------------


def test_removing_an_event_and_relinking_the_next_one_is_detected(db, staff_factory):
    """Mutant: an event's hash no longer covers the previous event's hash."""
    user = staff_factory(Role.CCI_HANDLER)
    for n in range(3):
        audit_record(actor=user, action="report.read", target=("intake.report", f"r{n}"))
    first, middle, last = AuditEvent.objects.order_by("id")
    assert _audit_trail_is_intact()
    # Someone removes the middle event and points the next one at the event before it.
    AuditEvent.objects.filter(pk=middle.pk).delete()
    AuditEvent.objects.filter(pk=last.pk).update(previous_hash=first.hash)
    assert not _audit_trail_is_intact()


def test_verify_audit_says_how_many_problems_it_found(db, staff_factory):
    """Survivor of `make mutants`: the command's failure without its count."""
    user = staff_factory(Role.CCI_HANDLER)
    for n in range(3):
        audit_record(actor=user, action="report.read", target=("intake.report", f"r{n}"))
    AuditEvent.objects.filter(pk=AuditEvent.objects.order_by("id")[1].pk).update(action="report.nothing_to_see")
    with pytest.raises(CommandError, match=r"1 problem"):
        call_command("verify_audit", stdout=StringIO(), stderr=StringIO())


def test_a_case_note_never_reaches_the_audit_trail_in_plain_text(case_in, coordinator, client_for):
    """Mutant: the note's text copied into the audit event's detail."""
    case = case_in(CaseState.TRIAGE)
    text = "Witness Jansen says the consul shredded the invoices on Friday"
    response = client_for(coordinator).post(reverse("cases:case-note-add", kwargs={"case_id": case.pk}), {"body": text})
    assert response.status_code in (200, 302)
    assert AuditEvent.objects.filter(action__startswith="case.note").exists(), "adding a note is on the record"
    everything = " ".join(str(value) for event in AuditEvent.objects.values() for value in event.values())
    assert "shredded the invoices" not in everything and "Jansen" not in everything


# --- retention -----------------------------------------------------------------------------------


@pytest.fixture
def short_periods(settings):
    settings.RETENTION_DAYS = {"report": 365, "case": 400, "evidence": 365, "advice_session": 365, "audit": 365,
                               "manager_draft": 90, "manager_advice": 365, "complaint": 365, "advice_question": 365}


def test_retention_crypto_shreds_a_report_and_destroys_its_evidence_before_deleting_it(
    short_periods, case_in, coordinator, django_capture_on_commit_callbacks
):
    """Mutant: the report deleted without crypto-shredding it and its evidence first."""
    from meldpunt.vault import services as vault_services
    from meldpunt.vault.models import EvidenceFile

    with time_machine.travel(CLOSED, tick=False):
        case = case_in(CaseState.CLOSED)
        report = Report.objects.get(case_link__case=case)
        upload = samples.temporary_upload(samples.TEXT, "minutes.txt")
        media_type = vault_services.upload_check(upload=upload, max_bytes=10 * 1024 * 1024)
        with django_capture_on_commit_callbacks(execute=True):
            evidence, _ = vault_services.evidence_add(
                report=report, upload=upload, media_type=media_type, source=EvidenceFile.Source.STAFF,
                uploaded_by=coordinator, description="",
            )
        evidence.refresh_from_db()
    stored = [name for name in (evidence.stored_name, evidence.working_stored_name) if name]
    assert stored and all(vault_storage.exists(name) for name in stored)

    with time_machine.travel(CLOSED + timedelta(days=370)), django_capture_on_commit_callbacks(execute=True):
        assert retention_purge(dry_run=False)["report"] == 1

    assert not Report.objects.filter(pk=report.pk).exists()
    assert not any(vault_storage.exists(name) for name in stored), "the sealed files are gone from the vault"
    actions = list(AuditEvent.objects.filter(target_id=str(report.pk)).order_by("id").values_list("action", flat=True))
    assert actions.index("report.crypto_shredded") < actions.index("retention.report_deleted")


def test_retention_keeps_a_report_that_another_record_still_holds(short_periods, case_in):
    """Mutant: a report deleted although another record (a complaint still being handled) holds it."""
    from vertrouwenspersonen.models import CounsellorComplaint

    with time_machine.travel(CLOSED, tick=False):
        case = case_in(CaseState.CLOSED)
        report = Report.objects.get(case_link__case=case)
        today = timezone.localdate()
        complaint = CounsellorComplaint.objects.create(report=report, received_on=today, acknowledge_due=today, conclude_due=today)
    with time_machine.travel(CLOSED + timedelta(days=370)):
        done = retention_purge(dry_run=False)
    assert done["report"] == 0 and done["held"] >= 1
    assert Report.objects.filter(pk=report.pk).exists()
    assert CounsellorComplaint.objects.filter(pk=complaint.pk, report=report).exists()


# --- the workflow --------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_closed_case_is_not_reopened_without_a_reason(case_in, coordinator, reason):
    """Mutant: reopening a closed case without a reason."""
    case = case_in(CaseState.CLOSED)
    with pytest.raises(services.ActionRefused):
        services.case_transition(case=case, transition="reopen", actor=coordinator, reason=reason)
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    reopened = services.case_transition(case=case, transition="reopen", actor=coordinator, reason="New facts came in.")
    assert reopened.state == CaseState.TRIAGE


# --- the reporter's mailbox ----------------------------------------------------------------------


def _signed_in_mailbox(report_factory, narrative):
    submitted = report_factory(narrative=narrative)
    client = Client()
    client.get(reverse("intake:mailbox-sign-in"))
    response = client.post(reverse("intake:mailbox-sign-in"), {"code": submitted.receipt_code})
    assert response.status_code == 302
    return client, submitted


def test_the_mailbox_is_never_kept_in_a_browser_cache(report_factory):
    """Mutant: never_cache removed from the mailbox."""
    client, _submitted = _signed_in_mailbox(report_factory, "The ambassador's driver sells visas.")
    response = client.get(reverse("intake:mailbox"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_mailbox_left_open_closes_by_itself(report_factory, settings):
    """Mutant: the mailbox session never expires."""
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 7  # so that only the mailbox's own limit can close it
    client, _submitted = _signed_in_mailbox(report_factory, "The ambassador's driver sells visas.")
    assert client.get(reverse("intake:mailbox")).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=2)):  # a reporter who walked away
        response = client.get(reverse("intake:mailbox"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("intake:mailbox-sign-in"))


def test_signing_in_to_the_mailbox_gives_a_new_session_key(report_factory):
    """Mutant: mailbox sign-in no longer renews the session key (session fixation)."""
    submitted = report_factory()
    client = Client()
    session = client.session
    session["planted"] = "by someone who set this cookie"
    session.save()
    planted_key = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = planted_key
    assert client.post(reverse("intake:mailbox-sign-in"), {"code": submitted.receipt_code}).status_code == 302
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != planted_key
    assert client.get(reverse("intake:mailbox")).status_code == 200
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted_key
    assert attacker.get(reverse("intake:mailbox")).status_code == 302  # the planted key opens nothing


# --- desk isolation in what a page lists ---------------------------------------------------------


def test_the_deadline_overview_lists_only_the_own_desks_reminders(db, staff_factory, post, client_for):
    """Mutant: the coordinators' deadline overview lists the other desk's reminders."""
    now = timezone.now()
    for desk, recipient in (("cci", "own-desk-reminder@example.org"), ("external", "other-desk-reminder@example.org")):
        SentReminder.objects.create(
            what="acknowledgement", record_id=f"{desk}-record", due_on=timezone.localdate(), step="2d",
            recipient=recipient, desk=desk, sent_at=now,
        )
    page = client_for(staff_factory(Role.CCI_COORDINATOR, post=post)).get(reverse("cases:deadlines")).content.decode()
    assert "own-desk-reminder@example.org" in page
    assert "other-desk-reminder@example.org" not in page
    other = client_for(staff_factory(Role.EXTERNAL_COORDINATOR, post=post)).get(reverse("cases:deadlines")).content.decode()
    assert "other-desk-reminder@example.org" in other and "own-desk-reminder@example.org" not in other


# --- sealed fields (survivors of `make mutants`) ------------------------------------------------


def test_an_empty_or_unwritten_sealed_field_reads_back_empty(report_factory):
    report = Report.objects.get(pk=report_factory(narrative="Something happened at the visa desk.").report.pk)
    report.reporter_name_sealed = b""  # a field never written (an older row, or one added later)
    assert report.unseal("reporter_name") == ""
    report.seal("witnesses", None)
    report.seal("involved", "")
    report.save()
    report = Report.objects.get(pk=report.pk)
    assert report.unseal("witnesses") == "" and report.unseal("involved") == ""
    assert report.unseal("narrative") == "Something happened at the visa desk."


def test_a_records_data_key_is_unwrapped_once_however_many_fields_are_read(report_factory, monkeypatch):
    from meldpunt import crypto

    report = Report.objects.get(pk=report_factory(witnesses="The driver", involved="The consul").report.pk)
    calls = []
    real = crypto.unwrap_data_key
    monkeypatch.setattr(crypto, "unwrap_data_key", lambda wrapped: calls.append(1) or real(wrapped))
    for field in ("narrative", "witnesses", "involved", "narrative"):
        assert report.unseal(field)
    assert len(calls) == 1  # the key-encryption key is used once per record, not once per field


# --- who and what an audit event names (survivors of `make mutants`) ----------------------------


def test_an_audit_event_names_its_real_actor_and_its_target(db, staff_factory):
    user = staff_factory(Role.CCI_HANDLER)
    by_staff = audit_record(actor=user, action="report.read", target=("intake.report", "r1"))
    by_system = audit_record(actor=None, action="retention.case_deleted")
    by_reporter = audit_record(actor=None, actor_label="reporter", action="mailbox.opened", target=("intake.report", "r2"))
    events = {e.pk: e for e in AuditEvent.objects.all()}
    assert (events[by_staff.pk].actor_id, events[by_staff.pk].actor_label) == (user.pk, user.get_username())
    assert (events[by_staff.pk].target_type, events[by_staff.pk].target_id) == ("intake.report", "r1")
    assert (events[by_system.pk].actor_id, events[by_system.pk].actor_label) == (None, "system")
    assert (events[by_system.pk].target_type, events[by_system.pk].target_id) == ("", "")
    assert events[by_reporter.pk].actor_label == "reporter"
    assert _audit_trail_is_intact()
