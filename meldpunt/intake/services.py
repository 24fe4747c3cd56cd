"""Writes of the reporter side: filing a report, the receipt code, the mailbox."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from meldpunt.accounts.models import Desk
from meldpunt.audit.services import audit_record

from . import events, receipts
from .models import (
    AftercareCheckIn,
    Category,
    Channel,
    ForwardingConsent,
    MailboxJoin,
    MailboxMessage,
    Meeting,
    Minutes,
    PublicInstrument,
    PublicStatus,
    ReceiptCode,
    ReceiptReissue,
    Report,
    ReportAddition,
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
    desk_involved: bool = False  # the reporter marked that someone at the desk is involved
    # The reporter chose another desk than their channel's (its coordinator is involved, or they do not
    # want that desk): the report goes there directly, on the record.
    other_desk: str = ""
    is_anonymous: bool = True
    reporter_name: str = ""
    reporter_contact: str = ""
    wants_email_nudge: bool = False
    follows: str = ""  # "Lost your code?": the earlier report's reference or the old code's 8 public digits


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


# The desk that keeps what arrives through a channel; every other channel goes to the CCI.
CHANNEL_DESK = {Channel.EXTERNAL: Desk.EXTERNAL, Channel.COMPLAINTS: Desk.COMPLAINTS}


def report_submit(
    *,
    details: ReportDetails,
    channel: str,
    language: str,
    submission_token: str,
    recorded_by=None,
    written_language: str = "",
) -> SubmittedReport:
    """Store a report with its sealed text, issue its receipt code, and tell the desk.

    A second submission with the same form token (a double click, a reload) stores nothing and
    returns the first report without a code: the code was shown once, on the first answer.
    """
    token_hash = submission_token_hash(submission_token)
    existing = Report.objects.filter(submission_token_hash=token_hash).first()
    if existing is not None:
        return SubmittedReport(report=existing, receipt_code=None)
    channel_desk = CHANNEL_DESK.get(channel, Desk.CCI)
    chosen = details.other_desk if details.other_desk in Desk.values and details.other_desk != channel_desk else ""
    desk = details.category.route or chosen or channel_desk
    moved_from_desk = channel_desk if desk == chosen and chosen else ""
    for attempt in range(REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():
                report, code = _report_store(
                    details=details, channel=channel, desk=desk, moved_from_desk=moved_from_desk, language=language, token_hash=token_hash,
                    recorded_by=recorded_by, written_language=written_language or language,
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


def _report_store(
    *, details: ReportDetails, channel, desk, moved_from_desk="", language, token_hash, recorded_by, written_language,
) -> tuple[Report, str]:
    received_at = timezone.now()
    report = Report(
        reference=_next_reference(received_at),
        channel=channel,
        desk=desk,
        language=language,
        written_language=written_language,
        category=details.category,
        post=details.post,
        is_anonymous=details.is_anonymous,
        desk_involved=details.desk_involved,
        moved_from_desk=moved_from_desk,
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
    report.seal("follows_claim", details.follows.strip())
    # The unique reference and token are left to the database: a check here could pass for two
    # requests at once, and only the insert tells which one won.
    report.full_clean(exclude=["submission_token_hash", "reference"])
    report.save()
    code = _receipt_issue(report)
    audit_record(
        actor=recorded_by, actor_label="" if recorded_by else REPORTER, action="report.submitted",
        target=report, channel=channel, desk=desk, language=language, written_language=written_language,
        follows_earlier=bool(details.follows.strip()), chosen_instead_of=moved_from_desk,
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
    outcome, receipt = receipt_check(typed_code=typed_code, receipts_in=ReceiptCode.objects.select_related("report"))
    return outcome, receipt.report if receipt is not None else None


def receipt_check(*, typed_code: str, receipts_in):
    """(outcome, the matching receipt row or None) for a typed code among `receipts_in`, rows with a
    `lookup` and a `secret_hash` (a report's receipt codes, or an advice question's)."""
    code = receipts.normalise(typed_code)
    if code is None:
        return MailboxAccess.WRONG, None
    lookup, secret = receipts.split(code)
    receipt = receipts_in.filter(lookup=lookup).first()

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
    receipts_in.model.objects.filter(pk=receipt.pk).update(last_used_at=timezone.now())
    return MailboxAccess.OK, receipt


@transaction.atomic
def mailbox_message_from_reporter(*, report: Report, body: str, written_language: str = "") -> MailboxMessage:
    """The reporter writes to the desk, in the language they chose or confirmed; a new choice becomes the
    report's written language, the one the desk writes back in."""
    written_language = written_language or report.written_language or report.language
    message = MailboxMessage(
        report=report, direction=MailboxMessage.Direction.FROM_REPORTER, sent_at=timezone.now(), written_language=written_language
    )
    message.seal("body", body)
    message.full_clean()
    message.save()
    if written_language != report.written_language:
        Report.objects.filter(pk=report.pk).update(written_language=written_language)
        report.written_language = written_language
    audit_record(
        actor=None, actor_label=REPORTER, action="mailbox.reporter_wrote", target=report, message=str(message.pk),
        written_language=written_language,
    )
    events.reporter_message_received.send(sender=Report, report=report, message=message)
    return message


@transaction.atomic
def report_addition_add(*, report: Report, body: str, language: str) -> ReportAddition:
    """The reporter adds information to their report from the mailbox; the desk sees it as an addition."""
    addition = ReportAddition(report=report, added_at=timezone.now(), language=language)
    addition.seal("body", body.strip())
    addition.full_clean()
    addition.save()
    audit_record(actor=None, actor_label=REPORTER, action="report.addition_added", target=report, addition=str(addition.pk))
    events.report_addition_received.send(sender=Report, report=report, addition=addition)
    return addition


@transaction.atomic
def mailbox_message_to_reporter(*, report: Report, sender, body: str, kind: str = "") -> MailboxMessage:
    """A desk writes to the reporter, in the reporter's written language; the reporter reads it in the
    mailbox (never by email)."""
    message = MailboxMessage(
        report=report, direction=MailboxMessage.Direction.TO_REPORTER, sender=sender, kind=kind, sent_at=timezone.now(),
        written_language=report.written_language or report.language,
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
def mailbox_messages_mark_read(*, report: Report, message_ids: list[str] | None = None) -> int:
    """Mark the desk's messages read, those of reports joined into this one included; with
    `message_ids`, only those (the ones the reporter was shown), so one that arrived meanwhile stays new."""
    unread = MailboxMessage.objects.filter(
        Q(report=report) | Q(report__joined_into=report), direction=MailboxMessage.Direction.TO_REPORTER, read_at__isnull=True
    )
    if message_ids is not None:
        unread = unread.filter(pk__in=message_ids)
    return unread.update(read_at=timezone.now())


def report_status_set(*, report: Report, status: str, actor) -> None:
    """Set the plain-language status the reporter sees. Called by the desks inside their transitions."""
    if status not in PublicStatus.values:
        raise ValueError(f"Unknown public status {status!r}")
    if report.status != status:
        Report.objects.filter(pk=report.pk).update(status=status)
        report.status = status
        audit_record(actor=actor, action="report.public_status_set", target=report, status=status)


def report_instrument_set(*, report: Report, instrument: str, actor) -> None:
    """Set how the report is being dealt with, as the reporter reads it ("" while none is chosen)."""
    if instrument and instrument not in PublicInstrument.values:
        raise ValueError(f"Unknown public instrument {instrument!r}")
    if report.public_instrument != instrument:
        Report.objects.filter(pk=report.pk).update(public_instrument=instrument)
        report.public_instrument = instrument
        audit_record(actor=actor, action="report.public_instrument_set", target=report, instrument=instrument)


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
    """The reporter's own answer to a desk's request to pass the report to another desk. Where the desk
    proposed a move, an acceptance moves the report at once (the desks listen to the event)."""
    if answer not in (ForwardingConsent.Answer.WITH_IDENTITY, ForwardingConsent.Answer.WITHOUT_IDENTITY, ForwardingConsent.Answer.REFUSED):
        raise ValueError("Unknown answer.")
    consent = ForwardingConsent.objects.select_for_update().filter(pk=consent_id, report=report).first()
    if consent is None or consent.answer != ForwardingConsent.Answer.PENDING:
        raise ReporterActionRefused("already answered")
    consent.answer, consent.answered_at = answer, timezone.now()
    consent.full_clean()
    consent.save(update_fields=["answer", "answered_at"])
    audit_record(actor=None, actor_label=REPORTER, action="report.forwarding_consent_answered", target=report, answer=answer,
                 to_desk=consent.to_desk)
    events.forwarding_consent_answered.send(sender=Report, report=report, consent=consent)
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


# --- "Lost your code?": joining a new mailbox to the old one, and a new code for named reporters -------


class JoinRefused(Exception):
    """A join or a new code refused; `code` says why (the desk's page words it in the staff's language)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def mailbox_join(*, actor, later_report: Report, earlier_report: Report, reason: str) -> MailboxJoin:
    """The desk, having checked in the later report's mailbox that its reporter wrote the earlier one,
    joins them: the later report's code now opens the earlier report's mailbox (its thread shows the
    messages of both), and the earlier code stops working. Needs a reason; on the record of both."""
    if not reason.strip():
        raise JoinRefused("no_reason")
    with transaction.atomic():
        locked = {r.pk: r for r in Report.objects.select_for_update().filter(pk__in=[later_report.pk, earlier_report.pk])}
        later, earlier = locked.get(later_report.pk), locked.get(earlier_report.pk)
        if later is None or earlier is None or later.pk == earlier.pk:
            raise JoinRefused("same_report")
        if later.desk != earlier.desk:
            raise JoinRefused("other_desk")
        if later.joined_into_id or earlier.joined_into_id:
            raise JoinRefused("joined_before")
        if not ReceiptCode.objects.filter(report=later).exists():
            raise JoinRefused("no_code")
        ReceiptCode.objects.filter(report=earlier).delete()  # the lost code stops working
        ReceiptCode.objects.filter(report=later).update(report=earlier)
        Report.objects.filter(pk=later.pk).update(joined_into=earlier)
        later.joined_into = earlier
        join = MailboxJoin(earlier_report=earlier, later_report=later, joined_by=actor, joined_at=timezone.now())
        join.seal("reason", reason.strip())
        join.full_clean()
        join.save()
        audit_record(actor=actor, action="mailbox.joined", target=earlier, later_report=str(later.pk), join=str(join.pk))
        audit_record(actor=actor, action="mailbox.joined_into", target=later, earlier_report=str(earlier.pk), join=str(join.pk))
    return join


def _same_address(a: str, b: str) -> bool:
    return bool(a.strip()) and a.strip().casefold() == b.strip().casefold()


def receipt_reissue_request(*, earlier: str, contact: str) -> ReceiptReissue | None:
    """A named reporter asks for a new code. Recorded for the desk only when the reference (or the old
    code's 8 public digits) finds a named report whose contact address is the one typed; the reporter
    gets the same answer either way, so the page tells nobody whether a report or an address exists."""
    from .selectors import earlier_report_candidates

    report = next(
        (r for r in earlier_report_candidates(earlier, Report.objects.filter(is_anonymous=False, joined_into__isnull=True))
         if "@" in contact and _same_address(r.unseal("reporter_contact"), contact)),
        None,
    )
    if report is None:
        audit_record(actor=None, actor_label=REPORTER, action="receipt.reissue_asked", matched=False)
        return None
    try:
        with transaction.atomic():
            open_request = ReceiptReissue.objects.filter(report=report, used_at__isnull=True).first()
            if open_request is not None:
                audit_record(actor=None, actor_label=REPORTER, action="receipt.reissue_asked", target=report, matched=True, again=True)
                return open_request
            reissue = ReceiptReissue.objects.create(report=report, requested_at=timezone.now())
            audit_record(actor=None, actor_label=REPORTER, action="receipt.reissue_asked", target=report, matched=True, reissue=str(reissue.pk))
            events.receipt_reissue_requested.send(sender=Report, report=report, reissue=reissue)
    except IntegrityError:
        return ReceiptReissue.objects.filter(report=report, used_at__isnull=True).first()
    return reissue


def _token_hash(token: str) -> str:
    return hashlib.sha256(f"receipt-reissue:{token}".encode()).hexdigest()


def receipt_reissue_send(*, actor, reissue: ReceiptReissue) -> None:
    """After checking the request, the desk sends a one-time link (valid RECEIPT_REISSUE_LINK_HOURS) to
    the contact address in the report. The email says only that a new code can be fetched there."""
    with transaction.atomic():
        reissue = ReceiptReissue.objects.select_for_update().select_related("report").get(pk=reissue.pk)
        if reissue.used_at is not None:
            raise JoinRefused("used")
        report = reissue.report
        contact = report.unseal("reporter_contact")
        if report.is_anonymous or "@" not in contact:
            raise JoinRefused("no_address")
        token = secrets.token_urlsafe(32)
        now = timezone.now()
        reissue.token_hash = _token_hash(token)
        reissue.sent_at, reissue.sent_by = now, actor
        reissue.expires_at = now + timedelta(hours=settings.RECEIPT_REISSUE_LINK_HOURS)
        reissue.save(update_fields=["token_hash", "sent_at", "sent_by", "expires_at"])
        audit_record(actor=actor, action="receipt.reissue_sent", target=report, reissue=str(reissue.pk))
        link, language = reverse("intake:new-code", kwargs={"token": token}), report.language

        def send():
            from meldpunt.notifications import notify

            notify(recipients=[contact], template="reporter_new_code", language=language, link=link)

        transaction.on_commit(send)


def receipt_reissue_redeem(*, token: str) -> tuple[Report, str] | None:
    """Open the one-time link: a new code replaces the old one (which stops working). None when the
    link is unknown, used or expired."""
    with transaction.atomic():
        reissue = (
            ReceiptReissue.objects.select_for_update().select_related("report")
            .filter(token_hash=_token_hash(token), used_at__isnull=True, expires_at__gt=timezone.now()).first()
        )
        if reissue is None:
            return None
        report = reissue.report
        ReceiptCode.objects.filter(report=report).delete()
        code = _receipt_issue(report)
        reissue.used_at = timezone.now()
        reissue.save(update_fields=["used_at"])
        audit_record(actor=None, actor_label=REPORTER, action="receipt.reissued", target=report, reissue=str(reissue.pk))
    return report, code
