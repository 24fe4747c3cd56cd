"""Reads of the reporter side. A reporter sees only their own report, by the id in their session."""

import re
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from meldpunt.parts import Part, parts_present
from meldpunt.public_cache import with_category_and_post

from .models import ForwardingConsent, MailboxMessage, Minutes, Report


def report_for_mailbox(*, report_id: str) -> Report | None:
    return with_category_and_post(Report.objects.filter(pk=report_id).first())


# The session keys of an open mailbox: the report's id, and when the mailbox closes.
SESSION_MAILBOX = "mailbox_report"
SESSION_MAILBOX_UNTIL = "mailbox_until"


@dataclass(frozen=True)
class OpenMailbox:
    report: Report | None
    timed_out: bool = False  # the mailbox was open and has just closed for idleness


def mailbox_open_in_session(*, session) -> OpenMailbox:
    """The report whose mailbox this browser session has open, if any.

    The mailbox closes after MAILBOX_IDLE_SECONDS without activity: every read of it moves the closing
    time on (a sliding idle timeout). A closed mailbox forgets its report."""
    report_id = session.get(SESSION_MAILBOX)
    if not report_id:
        return OpenMailbox(None)
    if session.get(SESSION_MAILBOX_UNTIL, 0) < time.time():
        session.pop(SESSION_MAILBOX, None)
        session.pop(SESSION_MAILBOX_UNTIL, None)
        return OpenMailbox(None, timed_out=True)
    session[SESSION_MAILBOX_UNTIL] = time.time() + settings.MAILBOX_IDLE_SECONDS
    return OpenMailbox(report_for_mailbox(report_id=report_id))


@dataclass(frozen=True)
class ThreadMessage:
    from_reporter: bool
    sent_at: datetime
    body: str
    is_new: bool
    id: str = ""
    language: str = ""


def mailbox_messages(*, report: Report) -> list[ThreadMessage]:
    return [
        ThreadMessage(
            from_reporter=m.direction == MailboxMessage.Direction.FROM_REPORTER,
            sent_at=m.sent_at,
            body=m.unseal("body"),
            is_new=m.direction == MailboxMessage.Direction.TO_REPORTER and m.read_at is None,
            id=str(m.pk),
            language=m.written_language,
        )
        for m in _with_their_reports(
            MailboxMessage.objects.filter(Q(report=report) | Q(report__joined_into=report)).order_by("sent_at"), report
        )
    ]


def _with_their_reports(rows, report: Report) -> list:
    """`rows` of `report` and of the earlier reports joined into it, each holding its own report (whose
    data key opens it): the one in hand for its own rows, one read for the joined ones. A join on the
    report instead would read its thirty-odd columns again for every row."""
    rows = list(rows)
    joined_ids = {row.report_id for row in rows} - {report.pk}
    joined = Report.objects.in_bulk(joined_ids) if joined_ids else {}
    for row in rows:
        row.report = report if row.report_id == report.pk else joined[row.report_id]
    return rows


@dataclass(frozen=True)
class MinutesVersion:
    id: str
    version: int
    written_at: datetime
    body: str
    answer: str
    answer_label: str
    answered_at: datetime | None
    correction: str
    is_pending: bool


@dataclass(frozen=True)
class MailboxMeeting:
    id: str
    requested_at: datetime | None
    request_note: str
    held_on: object
    versions: list[MinutesVersion]

    @property
    def latest(self) -> MinutesVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def earlier(self) -> list[MinutesVersion]:
        return list(reversed(self.versions[:-1]))


def mailbox_meetings(*, report: Report) -> list[MailboxMeeting]:
    """The reporter's meetings, each with every version of its minutes (oldest first)."""
    meetings = []
    # The meetings and their minutes hold the report in hand (its data key opens them), not a fresh read of it.
    for meeting in report.meetings.prefetch_related("versions").order_by("created_at"):
        versions = sorted(meeting.versions.all(), key=lambda m: m.version)
        for version in versions:
            if version.report_id == report.pk:
                version.report = report
        meetings.append(
            MailboxMeeting(
                id=str(meeting.pk),
                requested_at=meeting.requested_at,
                request_note=meeting.unseal("request_note"),
                held_on=meeting.held_on,
                versions=[
                    MinutesVersion(
                        id=str(m.pk), version=m.version, written_at=m.written_at, body=m.unseal("body"),
                        answer=m.answer, answer_label=m.get_answer_display(), answered_at=m.answered_at,
                        correction=m.unseal("correction"),
                        is_pending=m.answer == Minutes.Answer.PENDING and m is versions[-1],
                    )
                    for m in versions
                ],
            )
        )
    return meetings


@dataclass(frozen=True)
class MailboxParts:
    """Which parts a report's mailbox has. Most mailboxes hold messages and little else: the page reads
    only the parts there are (one query instead of seven for those that are not)."""

    meetings: bool
    open_meeting_request: bool
    pending_consent: bool
    pending_aftercare: bool
    disclosures: bool
    additions: bool
    files: bool


def mailbox_parts(*, report: Report) -> MailboxParts:
    from .models import AftercareCheckIn

    return MailboxParts(**parts_present(report, {
        "meetings": Part("meetings"),
        "open_meeting_request": Part("meetings", held_on=None),
        "pending_consent": Part("forwarding_consents", answer=ForwardingConsent.Answer.PENDING),
        "pending_aftercare": Part("aftercare_checkins", answer=AftercareCheckIn.Answer.PENDING),
        "disclosures": Part("identity_disclosures", notice_withheld=False),
        "additions": Part("additions"),
        "files": Part("evidence_files", source="reporter"),
    }))


def mailbox_pending_consent(*, report: Report) -> ForwardingConsent | None:
    return report.forwarding_consents.filter(answer=ForwardingConsent.Answer.PENDING).order_by("-requested_at").first()


def mailbox_pending_aftercare(*, report: Report):
    """The oldest aftercare check-in the reporter has not answered yet, if any."""
    from .models import AftercareCheckIn

    return report.aftercare_checkins.filter(answer=AftercareCheckIn.Answer.PENDING).order_by("asked_at").first()


@dataclass(frozen=True)
class OwnReport:
    """What the reporter told us, read back to them in the mailbox (their own report only)."""

    reference_date: datetime
    category: str
    post: str
    narrative: str
    occurred_when: str
    involved: str
    witnesses: str
    language: str
    additions: list


@dataclass(frozen=True)
class Addition:
    added_at: datetime
    body: str
    language: str
    id: str = ""


def report_additions(*, report: Report) -> list[Addition]:
    return [
        Addition(added_at=a.added_at, body=a.unseal("body"), language=a.language, id=str(a.pk))
        for a in report.additions.order_by("added_at")  # each holds the report in hand: no join
    ]


def mailbox_own_report(*, report: Report, with_additions: bool = True) -> OwnReport:
    """What the reporter told us; `with_additions=False` when the report has none (mailbox_parts)."""
    return OwnReport(
        reference_date=report.received_at,
        category=str(report.category),
        post=str(report.post),
        narrative=report.unseal("narrative"),
        occurred_when=report.unseal("occurred_when"),
        involved=report.unseal("involved"),
        witnesses=report.unseal("witnesses"),
        language=report.written_language or report.language,
        additions=report_additions(report=report) if with_additions else [],
    )


REFERENCE_PATTERN = re.compile(r"\b[A-Z]-\d{4}-\d{5}\b")


def earlier_report_candidates(claim: str, reports: QuerySet[Report]) -> list[Report]:
    """Reports among `reports` that `claim` names: a reference (M-2026-00042), or else the first 8
    digits of a receipt code (the public lookup part; any script's digits, spaces allowed)."""
    text = (claim or "").strip().upper()
    reference = REFERENCE_PATTERN.search(text)
    if reference:
        return list(reports.filter(reference=reference.group(0)))
    from .receipts import LOOKUP_DIGITS, digits_of

    digits = digits_of(text)
    if len(digits) < LOOKUP_DIGITS:
        return []
    return list(reports.filter(receipt__lookup=digits[:LOOKUP_DIGITS]))
