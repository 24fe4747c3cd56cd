"""Writes of the reporter side: filing a report, the receipt code, the mailbox."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from meldpunt.accounts.models import Desk
from meldpunt.audit.services import audit_record

from . import events, receipts
from .models import (
    AftercareCheckIn,
    Category,
    Channel,
    ForwardingConsent,
    MailboxMessage,
    Meeting,
    Minutes,
    PublicStatus,
    ReceiptCode,
    Report,
)

REPORTER = "reporter"


@dataclass(frozen=True)
class ReportDetails:
    """What a reporter (or someone filing on their behalf) tells us."""

    category: Category
    post: object
    narrative: str
    occurred_when: str = ""
    involved: str = ""
    witnesses: str = ""
    is_anonymous: bool = True
    reporter_name: str = ""
    reporter_contact: str = ""
    wants_email_nudge: bool = False


@dataclass(frozen=True)
class SubmittedReport:
    report: Report
    receipt_code: str | None  # None when this was a repeat of a submission already stored


def submission_token_hash(token: str) -> str:
    return hashlib.sha256(f"report-submission:{token}".encode()).hexdigest()


def _next_reference(received_at) -> str:
    prefix = f"M-{received_at:%Y}-"
    last = Report.objects.filter(reference__startswith=prefix).order_by("-reference").values_list("reference", flat=True).first()
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:05d}"


def _receipt_issue(report: Report) -> str:
    for _attempt in range(10):
        lookup = receipts.random_digits(receipts.LOOKUP_DIGITS)
        if not ReceiptCode.objects.filter(lookup=lookup).exists():
            break
    secret = receipts.random_digits(receipts.SECRET_DIGITS)
    ReceiptCode.objects.create(report=report, lookup=lookup, secret_hash=receipts.hash_secret(secret))
    return lookup + secret


def report_submit(
    *,
    details: ReportDetails,
    channel: str,
    language: str,
    submission_token: str,
    recorded_by=None,
) -> SubmittedReport:
    """Store a report with its sealed text, issue its receipt code, and tell the desk.

    A second submission with the same form token (a double click, a reload) stores nothing and
    returns the first report without a code: the code was shown once, on the first answer.
    """
    token_hash = submission_token_hash(submission_token)
    existing = Report.objects.filter(submission_token_hash=token_hash).first()
    if existing is not None:
        return SubmittedReport(report=existing, receipt_code=None)
    desk = Desk.EXTERNAL if channel == Channel.EXTERNAL else Desk.CCI
    for attempt in range(REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():
                report, code = _report_store(
                    details=details, channel=channel, desk=desk, language=language, token_hash=token_hash,
                    recorded_by=recorded_by,
                )
        except IntegrityError:
            # The same token raced in twice: the other request stored it.
            existing = Report.objects.filter(submission_token_hash=token_hash).first()
            if existing is not None:
                return SubmittedReport(report=existing, receipt_code=None)
            # Another report drew the same reference at the same moment (read-max-then-insert):
            # its insert won; draw again, now that its number is visible.
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
            continue
        return SubmittedReport(report=report, receipt_code=code)
    raise AssertionError("unreachable")


REFERENCE_ATTEMPTS = 5


def _report_store(*, details: ReportDetails, channel, desk, language, token_hash, recorded_by) -> tuple[Report, str]:
    received_at = timezone.now()
    report = Report(
        reference=_next_reference(received_at),
        channel=channel,
        desk=desk,
        language=language,
        category=details.category,
        post=details.post,
        is_anonymous=details.is_anonymous,
        received_at=received_at,
        recorded_by=recorded_by,
        submission_token_hash=token_hash,
        wants_email_nudge=bool(details.wants_email_nudge and not details.is_anonymous and details.reporter_contact),
    )
    report.seal("narrative", details.narrative)
    report.seal("occurred_when", details.occurred_when)
    report.seal("involved", details.involved)
    report.seal("witnesses", details.witnesses)
    report.seal("reporter_name", "" if details.is_anonymous else details.reporter_name)
    report.seal("reporter_contact", "" if details.is_anonymous else details.reporter_contact)
    # The unique reference and token are left to the database: a check here could pass for two
    # requests at once, and only the insert tells which one won.
    report.full_clean(exclude=["submission_token_hash", "reference"])
    report.save()
    code = _receipt_issue(report)
    audit_record(
        actor=recorded_by, actor_label="" if recorded_by else REPORTER, action="report.submitted",
        target=report, channel=channel, desk=desk, language=language,
    )
    events.report_received.send(sender=Report, report=report)
    return report, code


class MailboxAccess:
    OK = "ok"
    WRONG = "wrong"
    WAIT = "wait"


def mailbox_open(*, typed_code: str) -> tuple[str, Report | None]:
    """Check a receipt code. The answer never tells whether a code exists; every check, known
    lookup or not, costs one Argon2 verification within the limits of receipts.checked."""
    code = receipts.normalise(typed_code)
    if code is None:
        return MailboxAccess.WRONG, None
    lookup, secret = receipts.split(code)
    receipt = ReceiptCode.objects.select_related("report").filter(lookup=lookup).first()

    def verify() -> bool:
        if receipt is None:
            receipts.spend_equal_time(secret)
            return False
        return receipts.secret_matches(receipt.secret_hash, secret)

    outcome = receipts.checked(lookup, verify)
    if outcome == receipts.Outcome.BUSY:
        return MailboxAccess.WAIT, None
    if outcome == receipts.Outcome.WRONG:
        return MailboxAccess.WRONG, None
    ReceiptCode.objects.filter(pk=receipt.pk).update(last_used_at=timezone.now())
    return MailboxAccess.OK, receipt.report


@transaction.atomic
def mailbox_message_from_reporter(*, report: Report, body: str) -> MailboxMessage:
    message = MailboxMessage(report=report, direction=MailboxMessage.Direction.FROM_REPORTER, sent_at=timezone.now())
    message.seal("body", body)
    message.full_clean()
    message.save()
    audit_record(actor=None, actor_label=REPORTER, action="mailbox.reporter_wrote", target=report, message=str(message.pk))
    events.reporter_message_received.send(sender=Report, report=report, message=message)
    return message


@transaction.atomic
def mailbox_message_to_reporter(*, report: Report, sender, body: str, kind: str = "") -> MailboxMessage:
    """A desk writes to the reporter; the reporter reads it in the mailbox (never by email)."""
    message = MailboxMessage(
        report=report, direction=MailboxMessage.Direction.TO_REPORTER, sender=sender, kind=kind, sent_at=timezone.now()
    )
    message.seal("body", body)
    message.full_clean()
    message.save()
    audit_record(actor=sender, action="mailbox.staff_wrote", target=report, message=str(message.pk), kind=kind)
    if report.wants_email_nudge:
        from meldpunt.intake.tasks import reporter_nudge_send

        transaction.on_commit(lambda: reporter_nudge_send.delay(str(message.pk)))
    return message


@transaction.atomic
def mailbox_messages_mark_read(*, report: Report) -> int:
    return report.messages.filter(direction=MailboxMessage.Direction.TO_REPORTER, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def report_status_set(*, report: Report, status: str, actor) -> None:
    """Set the plain-language status the reporter sees. Called by the desks inside their transitions."""
    if status not in PublicStatus.values:
        raise ValueError(f"Unknown public status {status!r}")
    if report.status != status:
        Report.objects.filter(pk=report.pk).update(status=status)
        report.status = status
        audit_record(actor=actor, action="report.public_status_set", target=report, status=status)


# --- meetings, minutes and consent: what the reporter does in the mailbox ---------------------------------


class ReporterActionRefused(Exception):
    """A reporter's mailbox action that cannot be done (already done, or no longer open)."""


def meeting_request(*, report: Report, note: str = "") -> Meeting:
    """The reporter asks for a meeting (EU Directive 2019/1937 art. 9(2)); one open request at a time."""
    now = timezone.now()
    meeting = Meeting(report=report, created_at=now, requested_at=now)
    meeting.seal("request_note", note.strip())
    meeting.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            if report.meetings.filter(held_on__isnull=True).exists():
                raise ReporterActionRefused("open request")
            meeting.save()
            audit_record(actor=None, actor_label=REPORTER, action="meeting.requested", target=report, meeting=str(meeting.pk))
            events.meeting_requested.send(sender=Report, report=report, meeting=meeting)
    except IntegrityError:
        raise ReporterActionRefused("open request") from None
    return meeting


@transaction.atomic
def minutes_answer(*, report: Report, minutes_id, accept: bool, correction: str = "") -> Minutes:
    """The reporter accepts the newest version of the minutes, or asks for a correction (art. 18)."""
    minutes = Minutes.objects.select_for_update().filter(pk=minutes_id, report=report).first()
    if minutes is None:
        raise ReporterActionRefused("unknown minutes")
    if minutes.answer != Minutes.Answer.PENDING or minutes.meeting.versions.filter(version__gt=minutes.version).exists():
        raise ReporterActionRefused("already answered")
    if not accept and not correction.strip():
        raise ValueError("A correction needs its text.")
    minutes.answer = Minutes.Answer.ACCEPTED if accept else Minutes.Answer.CORRECTION
    minutes.answered_at = timezone.now()
    minutes.seal("correction", "" if accept else correction.strip())
    minutes.full_clean()
    minutes.save(update_fields=["answer", "answered_at", "correction_sealed"])
    audit_record(
        actor=None, actor_label=REPORTER, action="minutes.accepted" if accept else "minutes.correction_requested",
        target=report, meeting=str(minutes.meeting_id), version=minutes.version,
    )
    events.minutes_answered.send(sender=Report, report=report, minutes=minutes)
    return minutes


@transaction.atomic
def forwarding_consent_answer(*, report: Report, consent_id, answer: str) -> ForwardingConsent:
    """The reporter's own answer to the external desk's request to pass the report to the CCI."""
    if answer not in (ForwardingConsent.Answer.WITH_IDENTITY, ForwardingConsent.Answer.WITHOUT_IDENTITY, ForwardingConsent.Answer.REFUSED):
        raise ValueError("Unknown answer.")
    consent = ForwardingConsent.objects.select_for_update().filter(pk=consent_id, report=report).first()
    if consent is None or consent.answer != ForwardingConsent.Answer.PENDING:
        raise ReporterActionRefused("already answered")
    consent.answer, consent.answered_at = answer, timezone.now()
    consent.full_clean()
    consent.save(update_fields=["answer", "answered_at"])
    audit_record(actor=None, actor_label=REPORTER, action="report.forwarding_consent_answered", target=report, answer=answer)
    return consent


# --- aftercare (nazorg) ---------------------------------------------------------------------------------


def aftercare_checkin_send(*, report: Report, step: str, body: str) -> AftercareCheckIn | None:
    """Ask the reporter in the mailbox whether they met consequences for their career or position.

    Sent by the desks' aftercare scan with the standard text in the report's language; a check-in
    already sent for this step is not sent again (None is returned).
    """
    with transaction.atomic():
        if AftercareCheckIn.objects.filter(report=report, step=step).exists():
            return None
        message = mailbox_message_to_reporter(report=report, sender=None, body=body, kind="aftercare")
        checkin = AftercareCheckIn(report=report, step=step, message=message, asked_at=message.sent_at)
        checkin.full_clean(validate_constraints=False)
        checkin.save()
        audit_record(actor=None, action="aftercare.asked", target=report, step=step, checkin=str(checkin.pk))
        return checkin


@transaction.atomic
def aftercare_answer(*, report: Report, checkin_id, consequences: bool, note: str = "") -> AftercareCheckIn:
    """The reporter answers a check-in: yes or no, and a few words if they like. Announced to the desks."""
    checkin = AftercareCheckIn.objects.select_for_update().filter(pk=checkin_id, report=report).first()
    if checkin is None or checkin.answer != AftercareCheckIn.Answer.PENDING:
        raise ReporterActionRefused("already answered")
    checkin.answer = AftercareCheckIn.Answer.YES if consequences else AftercareCheckIn.Answer.NO
    checkin.answered_at = timezone.now()
    checkin.seal("note", note.strip())
    checkin.full_clean()
    checkin.save(update_fields=["answer", "answered_at", "note_sealed"])
    audit_record(actor=None, actor_label=REPORTER, action="aftercare.answered", target=report, checkin=str(checkin.pk), answer=checkin.answer)
    events.aftercare_answered.send(sender=Report, report=report, checkin=checkin)
    return checkin
