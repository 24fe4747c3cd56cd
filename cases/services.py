"""Writes of the desks. Each is one transaction with its audit event; email goes out after commit.

Refusals are raised as `ActionRefused` (or a subclass) with the reasons in the handler's language;
nothing is written when one is raised.
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt.accounts.models import DESK_OF_ROLE, Desk, User
from meldpunt.audit.services import audit_record
from meldpunt.content import selectors as content_selectors
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import (
    AftercareCheckIn,
    ForwardingConsent,
    MailboxMessage,
    Meeting,
    Minutes,
    PublicStatus,
    Report,
)
from meldpunt.notifications import notify

from . import deadlines, report_statistics, selectors, workflow
from .models import (
    NO_DEADLINE,
    Case,
    CaseExclusion,
    CaseNote,
    CaseReport,
    CaseState,
    CaseStatusChange,
    Instrument,
    InstrumentEntry,
    LessonLearned,
    Measure,
    PersonConcerned,
    PersonMeasure,
    SpentFormToken,
    StandardMessage,
)


class ActionRefused(Exception):
    """The desk asked for something the rules do not allow; `reasons` says why, for the handler."""

    def __init__(self, *reasons):
        self.reasons = [str(r) for r in reasons]
        super().__init__("; ".join(self.reasons))


class TransitionRefused(ActionRefused):
    pass


class StaleCase(ActionRefused):
    """Someone else changed the case since the handler's page was loaded."""


class AlreadyDone(ActionRefused):
    """The same form was sent twice (a double click, a reload): the first one counted."""


# --- helpers ---------------------------------------------------------------------------------------


def desk_staff_emails(desk: str) -> list[str]:
    roles = [role for role, role_desk in DESK_OF_ROLE.items() if role_desk == desk]
    return list(User.objects.filter(role__in=roles, is_active=True).exclude(email="").values_list("email", flat=True))


def _spend_form_token(token: str) -> None:
    """Accept each one-time form token once (call inside the change's transaction)."""
    if not token:
        return
    digest = hashlib.sha256(f"desk-form:{token}".encode()).hexdigest()
    try:
        with transaction.atomic():
            SpentFormToken.objects.create(token_hash=digest, spent_at=timezone.now())
    except IntegrityError:
        raise AlreadyDone(_("This was already sent; it was not sent a second time.")) from None


def _lock_report(actor: User, report_id) -> Report:
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None or not selectors.reports_visible_to(actor).filter(pk=report_id).exists():
        raise ActionRefused(_("This report is not visible to you."))
    return report


def _lock_case(actor: User, case_id, expected_version: int | None = None) -> Case:
    case = Case.objects.select_for_update().filter(pk=case_id).first()
    if case is None or not selectors.cases_visible_to(actor).filter(pk=case_id).exists():
        raise ActionRefused(_("You are not on this case's team."))
    if expected_version is not None and case.version != expected_version:
        raise StaleCase(
            _("Someone else changed this case while you were looking at it. Reload the page, check what changed, and try again.")
        )
    return case


def _bump(case: Case, *fields: str) -> None:
    case.version += 1
    case.full_clean()
    case.save(update_fields=["version", *fields])


def _history(*, case: Case, transition: str, from_state: str, to_state: str, by: User, reason: str = "") -> None:
    change = CaseStatusChange(case=case, transition=transition, from_state=from_state, to_state=to_state, at=timezone.now(), by=by)
    change.seal("reason", reason)
    change.full_clean()
    change.save()


def case_deadline_refresh(*, case: Case) -> None:
    """Store the earliest deadline still open on the case's reports (for the worklists): the legal
    clocks while the case is open and not suspended, and the reply clock whenever a reporter waits."""
    pending: list[tuple[date, str]] = []
    for report in Report.objects.filter(case_link__case=case).only(
        "acknowledged_at", "acknowledgement_due", "feedback_given_at", "feedback_due", "clocks_suspended_at", "reply_due"
    ):
        # Suspended clocks do not press on the worklists until they are resumed.
        if case.state != CaseState.CLOSED and report.clocks_suspended_at is None:
            if report.acknowledged_at is None and report.acknowledgement_due:
                pending.append((report.acknowledgement_due, "acknowledgement"))
            if report.feedback_given_at is None and report.feedback_due:
                pending.append((report.feedback_due, "feedback"))
        if report.reply_due:
            pending.append((report.reply_due, "reply"))
    due, kind = min(pending) if pending else (None, "")
    order = due or NO_DEADLINE
    Case.objects.filter(pk=case.pk).update(next_deadline=due, next_deadline_kind=kind, deadline_order=order)
    case.next_deadline, case.next_deadline_kind, case.deadline_order = due, kind, order


def _case_of(report: Report) -> Case | None:
    link = CaseReport.objects.select_related("case").filter(report=report).first()
    return link.case if link else None


def _next_case_reference(now) -> str:
    prefix = f"Z-{now:%Y}-"
    last = Case.objects.filter(reference__startswith=prefix).order_by("-reference").values_list("reference", flat=True).first()
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:05d}"


# --- intake events -----------------------------------------------------------------------------------


def on_report_received(*, report: Report, **_kwargs) -> None:
    """Listener for intake's report_received: start the legal clocks and tell the desk (no content)."""
    received = timezone.localdate(report.received_at)
    report.acknowledgement_due = deadlines.acknowledgement_due(received)
    report.feedback_due = deadlines.feedback_due(received=received, acknowledged=None)
    Report.objects.filter(pk=report.pk).update(
        acknowledgement_due=report.acknowledgement_due, feedback_due=report.feedback_due
    )
    desk, report_id = report.desk, report.pk
    transaction.on_commit(lambda: _notify_new_report(desk=desk, report_id=report_id))


# What the reporter did, as the desks' notice names it (no content): the kind of the intake event.
REPORTER_ACTIVITY = ("message", "meeting", "minutes_correction", "minutes_accepted", "aftercare")


def _reporter_activity(kwargs) -> str:
    if "message" in kwargs:
        return "message"
    if "meeting" in kwargs:
        return "meeting"
    if "minutes" in kwargs:
        return "minutes_accepted" if kwargs["minutes"].answer == Minutes.Answer.ACCEPTED else "minutes_correction"
    return "aftercare"


def on_reporter_activity(*, report: Report, **kwargs) -> None:
    """Listener for intake's reporter events (a message, a meeting request, an answer to the minutes
    or to an aftercare question): the report awaits the desk's reply, and the handler (or, before
    assignment, the desk) is told by a content-free email once the reporter's action is committed.

    Accepted minutes need no reply: they are announced, but start no clock. An aftercare "yes" is
    announced by its retaliation concern (cases.aftercare), so it is not announced twice.
    """
    what = _reporter_activity(kwargs)
    if what != "minutes_accepted":
        reply_clock_start(report=report)
    if what == "aftercare" and kwargs["checkin"].answer == AftercareCheckIn.Answer.YES:
        return
    report_id = str(report.pk)
    transaction.on_commit(lambda: _notify_reporter_activity(report_id=report_id, what=what))


def reply_clock_start(*, report: Report) -> None:
    """Mark the report "awaiting reply" and start the reply clock, unless it already runs: a second
    message before the desk answered keeps the first one's due date. Call inside the reporter's change."""
    now = timezone.now()
    due = deadlines.reply_due(timezone.localdate(now), settings.REPLY_CLOCK_WORKING_DAYS)
    started = Report.objects.filter(pk=report.pk, reply_due__isnull=True).update(awaiting_reply_since=now, reply_due=due)
    if not started:
        return
    report.awaiting_reply_since, report.reply_due = now, due
    audit_record(actor=None, action="report.reply_clock_started", target=report, reply_due=str(due))
    case = _case_of(report)
    if case is not None:
        case_deadline_refresh(case=case)


def _reply_clock_stop(*, report: Report, actor: User) -> None:
    """The desk answered the reporter: the report no longer awaits a reply (call with the report locked)."""
    if report.reply_due is None:
        return
    Report.objects.filter(pk=report.pk).update(awaiting_reply_since=None, reply_due=None)
    audit_record(actor=actor, action="report.reply_clock_stopped", target=report, reply_due=str(report.reply_due))
    report.awaiting_reply_since = report.reply_due = None


def _notify_reporter_activity(*, report_id: str, what: str) -> None:
    from .tasks import desk_reporter_activity_notify

    desk_reporter_activity_notify.delay(report_id, what)


def desk_reporter_activity_notice(*, report_id: str, what: str) -> int:
    """Email the case's handler, or the whole desk while no handler is assigned, that a reporter
    wrote or answered: a link and the kind of action, nothing of its content."""
    report = Report.objects.filter(pk=report_id).select_related("case_link__case__handler").only(
        "pk", "desk", "case_link__case__handler__email", "case_link__case__handler__is_active"
    ).first()
    if report is None:
        return 0
    link_row = getattr(report, "case_link", None)
    handler = link_row.case.handler if link_row is not None else None
    recipients = [handler.email] if handler is not None and handler.is_active and handler.email else desk_staff_emails(report.desk)
    link = reverse("cases:report-detail", kwargs={"report_id": report_id})
    return notify(recipients=recipients, template="desk_reporter_activity", link=link, what=what)


def on_receipt_reissue_requested(*, report: Report, **_kwargs) -> None:
    """Listener for intake's receipt_reissue_requested: tell the handler (or the desk), no content."""
    link_row = CaseReport.objects.select_related("case__handler").filter(report=report).first()
    case = link_row.case if link_row else None
    recipients = [case.handler.email] if case is not None and case.handler_id else desk_staff_emails(report.desk)
    link = reverse("cases:report-detail", kwargs={"report_id": report.pk})
    transaction.on_commit(lambda: notify(recipients=recipients, template="desk_reissue_request", link=link))


def _notify_new_report(*, desk: str, report_id) -> None:
    from .tasks import desk_new_report_notify

    desk_new_report_notify.delay(desk, str(report_id))


def desk_new_report_notice(*, desk: str, report_id: str) -> int:
    link = reverse("cases:report-detail", kwargs={"report_id": report_id})
    recipients = desk_staff_emails(desk)
    if Report.objects.filter(pk=report_id, desk_involved=True, desk_involvement_cleared_at__isnull=True).exists():
        # Someone at the desk is involved: the coordinators alone hear of it.
        recipients = selectors.desk_coordinator_emails(desk)
    return notify(recipients=recipients, template="desk_new_report", link=link)


# --- reads that are on the record ----------------------------------------------------------------------


def report_read_by_staff(*, user, report: Report) -> None:
    """Every staff read of a report is on the record."""
    audit_record(actor=user, action="report.read", target=report)


def case_sealed_inputs_read(*, user, case: Case, fields: list[str]) -> None:
    """A step form filled in with sealed text (e.g. the decision reasons on revise_decision) is a read."""
    if fields:
        audit_record(actor=user, action="case.sealed_inputs_read", target=case, fields=sorted(fields))


def case_read_by_staff(*, user, case: Case, notes_shown: int) -> None:
    """Opening a case shows its considerations and internal notes: both reads are on the record."""
    with transaction.atomic():
        audit_record(actor=user, action="case.read", target=case)
        if notes_shown:
            audit_record(actor=user, action="case.notes_read", target=case, notes=notes_shown)


# --- messages to the reporter ----------------------------------------------------------------------------


def standard_message_text(*, kind: str, language: str) -> str:
    """The standard text of `kind` in `language` (the report's), for the handler to edit; the current
    English (or Dutch) where the translation is outdated or missing."""
    return content_selectors.unit_text(f"standard-message/{kind}/body", language).text("body")


SENDABLE_KINDS = {
    StandardMessage.Kind.ACKNOWLEDGEMENT,
    StandardMessage.Kind.MORE_INFORMATION,
    StandardMessage.Kind.FEEDBACK,
    StandardMessage.Kind.CLOSURE,
    StandardMessage.Kind.FORWARDING_CONSENT,
}


def report_message_send(*, report: Report, actor: User, body: str, kind: str = "", form_token: str = "") -> MailboxMessage:
    """Send a message to the reporter's mailbox: free (kind "") or one of the standard kinds.

    Acknowledging starts the feedback clock anew (3 months from the acknowledgement); the first
    feedback is dated on the report; a consent request opens the question in the reporter's mailbox.
    """
    if kind and kind not in SENDABLE_KINDS:
        raise ActionRefused(_("Unknown kind of standard message."))
    if not body.strip():
        raise ActionRefused(_("Write a message before sending."))
    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        _spend_form_token(form_token)
        now = timezone.now()
        if kind == StandardMessage.Kind.ACKNOWLEDGEMENT and report.acknowledged_at is not None:
            raise ActionRefused(
                _("This report was already acknowledged on %(date)s.") % {"date": timezone.localdate(report.acknowledged_at)}
            )
        if kind == StandardMessage.Kind.FORWARDING_CONSENT:
            if report.desk != Desk.EXTERNAL:
                raise ActionRefused(_("Only the external reporting point asks consent to pass a report to the CCI."))
            if report.forwarding_consents.filter(answer=ForwardingConsent.Answer.PENDING).exists():
                raise ActionRefused(_("The reporter has not yet answered the earlier request for consent."))
        message = intake_services.mailbox_message_to_reporter(report=report, sender=actor, body=body, kind=kind)
        _reply_clock_stop(report=report, actor=actor)
        if kind == StandardMessage.Kind.ACKNOWLEDGEMENT:
            report.acknowledged_at = now
            report.feedback_due = deadlines.feedback_due(
                received=timezone.localdate(report.received_at), acknowledged=timezone.localdate(now)
            )
            Report.objects.filter(pk=report.pk).update(acknowledged_at=report.acknowledged_at, feedback_due=report.feedback_due)
            if report.status == PublicStatus.RECEIVED:
                intake_services.report_status_set(report=report, status=PublicStatus.ACKNOWLEDGED, actor=actor)
            audit_record(actor=actor, action="report.acknowledged", target=report, feedback_due=str(report.feedback_due))
        elif kind == StandardMessage.Kind.FEEDBACK and report.feedback_given_at is None:
            report.feedback_given_at = now
            Report.objects.filter(pk=report.pk).update(feedback_given_at=now)
            audit_record(actor=actor, action="report.feedback_given", target=report)
        elif kind == StandardMessage.Kind.FORWARDING_CONSENT:
            consent = ForwardingConsent(report=report, requested_at=now, requested_by=actor)
            consent.full_clean()
            consent.save()
            audit_record(actor=actor, action="report.forwarding_consent_requested", target=report, consent=consent.pk)
        case = _case_of(report)
        if case is not None:
            case_deadline_refresh(case=case)
        return message


def report_reply(*, user, report: Report, body: str, form_token: str = "") -> MailboxMessage:
    """A free message from the desk to the reporter."""
    return report_message_send(report=report, actor=user, body=body, form_token=form_token)


# --- desks: forwarding with consent ------------------------------------------------------------------------


def report_forward_to_cci(*, report: Report, actor: User) -> Report:
    """Move a report from the external desk to the CCI, under the reporter's recorded consent.

    Without consent to share their identity, the name and contact details are removed from the
    report before it moves: the CCI never holds them.
    """
    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        if report.desk != Desk.EXTERNAL or actor.desk != Desk.EXTERNAL:
            raise ActionRefused(_("Only the external desk passes its reports to the CCI."))
        consent = (
            ForwardingConsent.objects.select_for_update()
            .filter(report=report, used_at__isnull=True, answer__in=[ForwardingConsent.Answer.WITH_IDENTITY, ForwardingConsent.Answer.WITHOUT_IDENTITY])
            .order_by("-answered_at")
            .first()
        )
        if consent is None:
            raise ActionRefused(_("The reporter has not given consent in the mailbox to pass this report to the CCI."))
        from .moves import identity_kept_or_removed

        with_identity = identity_kept_or_removed(report=report, consent=consent)
        report.moved_from_desk, report.desk = Desk.EXTERNAL, Desk.CCI
        report.full_clean(exclude=["submission_token_hash"])
        report.save()
        consent.used_at = timezone.now()
        consent.save(update_fields=["used_at"])
        old_case = _case_of(report)
        if old_case is not None:
            CaseReport.objects.filter(report=report).delete()
            audit_record(actor=actor, action="case.report_unlinked", target=old_case, report=str(report.pk), why="forwarded")
            case_deadline_refresh(case=old_case)
        intake_services.report_status_set(report=report, status=PublicStatus.FORWARDED, actor=actor)
        audit_record(
            actor=actor, action="report.forwarded", target=report, from_desk=Desk.EXTERNAL, to_desk=Desk.CCI,
            with_identity=with_identity, consent=consent.pk,
        )
        report_id = report.pk
        transaction.on_commit(lambda: _notify_new_report(desk=Desk.CCI, report_id=report_id))
        return report


# --- cases -------------------------------------------------------------------------------------------------


def case_open(*, report: Report, actor: User) -> Case:
    """Open a case for a report that is in none yet."""
    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        existing = _case_of(report)
        if existing is not None:
            raise ActionRefused(_("This report is already in case %(reference)s.") % {"reference": existing.reference})
        now = timezone.now()
        for _attempt in range(5):
            case = Case(desk=report.desk, opened_at=now, opened_by=actor, state=CaseState.RECEIVED)
            case.data_key()  # make its own data key now: notes and reasons are sealed under it later
            case.reference = _next_case_reference(now)
            case.full_clean()
            try:
                with transaction.atomic():
                    case.save(force_insert=True)
                break
            except IntegrityError:
                continue  # another case took that number at the same moment
        else:
            raise ActionRefused(_("Could not number the new case; please try again."))
        CaseReport.objects.create(case=case, report=report, linked_at=now, linked_by=actor)
        _history(case=case, transition="open", from_state="", to_state=CaseState.RECEIVED, by=actor)
        audit_record(actor=actor, action="case.opened", target=case, report=str(report.pk))
        case_deadline_refresh(case=case)
        return case


def case_link_report(*, case: Case, report: Report, actor: User) -> Case:
    """Add a report to an existing case (several reports about the same person or pattern)."""
    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        case = _lock_case(actor, case.pk)
        existing = _case_of(report)
        if existing is not None:
            raise ActionRefused(_("This report is already in case %(reference)s.") % {"reference": existing.reference})
        if case.desk != report.desk:
            raise ActionRefused(_("A report can only join a case of its own desk."))
        if case.state == CaseState.CLOSED:
            raise ActionRefused(_("Case %(reference)s is closed; reopen it first.") % {"reference": case.reference})
        CaseReport.objects.create(case=case, report=report, linked_at=timezone.now(), linked_by=actor)
        public = workflow.PUBLIC_STATUS[case.state]
        if public:
            intake_services.report_status_set(report=report, status=public, actor=actor)
            _public_instrument_set(case=case, report=report, actor=actor)
        _bump(case)
        audit_record(actor=actor, action="case.report_linked", target=case, report=str(report.pk))
        case_deadline_refresh(case=case)
        return case


def case_assess(
    *,
    case: Case,
    actor: User,
    category,
    seriousness: str,
    retaliation_risk: str,
    urgency: str,
    considerations: str,
    expected_version: int | None = None,
) -> Case:
    """Record the assessment (afweging): category confirmed or changed, seriousness, risk of
    retaliation for the reporter, urgency, and the considerations in the handler's words."""
    with transaction.atomic():
        case = _lock_case(actor, case.pk, expected_version)
        if case.state == CaseState.CLOSED:
            raise ActionRefused(_("The case is closed; reopen it to change the assessment."))
        if not considerations.strip():
            raise ActionRefused(_("Write down the considerations."))
        case.category = category
        case.seriousness, case.retaliation_risk, case.urgency = seriousness, retaliation_risk, urgency
        case.seal("considerations", considerations)
        case.assessed_at, case.assessed_by = timezone.now(), actor
        from .exclusion import named_staff_exclude  # staff named in the reports are out at the latest now

        named_staff_exclude(case=case, actor=actor)
        _bump(case, "category", "seriousness", "retaliation_risk", "urgency", "considerations_sealed", "assessed_at", "assessed_by")
        audit_record(
            actor=actor, action="case.assessed", target=case, category=category.code if category else "",
            seriousness=seriousness, retaliation_risk=retaliation_risk, urgency=urgency,
        )
        return case


SEALED_INPUTS = ("instrument_reasons", "decision_reasons")


def case_transition(
    *,
    case: Case,
    transition: str,
    actor: User,
    expected_version: int | None = None,
    reason: str = "",
    **values,
) -> Case:
    """The one way a case changes state (table: cases/workflow.py).

    Locks the case row, checks that the transition is allowed from the current state and that
    everything it requires is there, applies the handler's values, appends a status-history row,
    writes the audit event and updates what the reporters of the case read.
    """
    step = workflow.TRANSITIONS.get(transition)
    if step is None:
        raise TransitionRefused(_("Unknown step."))
    unexpected = set(values) - set(step.inputs)
    if unexpected:
        raise TransitionRefused(_("These values do not belong to this step: %(fields)s.") % {"fields": ", ".join(sorted(unexpected))})
    with transaction.atomic():
        case = _lock_case(actor, case.pk, expected_version)
        if case.state not in step.sources:
            raise TransitionRefused(workflow.refusal_for_state(step, case.state))
        texts = {field: case.unseal(field) for field in SEALED_INPUTS}
        message = values.pop(workflow.REPORTER_MESSAGE, None)
        texts[workflow.REPORTER_MESSAGE] = (message or "").strip()
        lessons = (values.pop(workflow.LESSONS, None) or "").strip()
        for field, value in values.items():
            if field in SEALED_INPUTS:
                texts[field] = value or ""
            elif field == "instrument":
                setattr(case, field, value or "")
            else:
                setattr(case, field, value)
        without_feedback = list(
            Report.objects.filter(case_link__case=case, feedback_given_at__isnull=True).values_list("reference", flat=True)
        )
        check = workflow.Check(
            case=case, reason=reason, texts=texts, reports_without_feedback=without_feedback,
            reports_without_closure=_reports_without_closure(case) if "closure_message" in step.requires else [],
            persons=selectors.case_persons(case) if {"decision", "instrument_record"} & set(step.requires) else [],
            entries=selectors.instrument_entry_facts(case) if "instrument_record" in step.requires else [],
        )
        problems = workflow.unmet_requirements(step, check)
        if problems:
            raise TransitionRefused(*problems)
        now = timezone.now()
        from_state = case.state
        case.state = step.target
        for field in SEALED_INPUTS:
            if field in values:
                case.seal(field, texts[field])
        if "instrument" in values:
            case.instrument_chosen_at = now
            if case.instrument == Instrument.INVESTIGATION and case.investigation_started_on is None:
                case.investigation_started_on = timezone.localdate(now)
        case.closed_at = now if case.state == CaseState.CLOSED else None
        case.version += 1
        case.full_clean()
        case.save()
        if case.state == CaseState.CLOSED:
            report_statistics.statistics_record_closure(case=case)
            if lessons:
                _lesson_record(case=case, actor=actor, text=lessons, at=now)
        elif from_state == CaseState.CLOSED:
            report_statistics.statistics_withdraw(case=case)
        _history(case=case, transition=step.name, from_state=from_state, to_state=case.state, by=actor, reason=reason)
        detail = {"transition": step.name, "from_state": from_state, "to_state": case.state}
        if "instrument" in values:
            detail["instrument"] = case.instrument
        audit_record(actor=actor, action="case.transition", target=case, **detail)
        public = workflow.PUBLIC_STATUS[case.state]
        if public:
            for report in Report.objects.filter(case_link__case=case):
                intake_services.report_status_set(report=report, status=public, actor=actor)
                _public_instrument_set(case=case, report=report, actor=actor)
        if texts[workflow.REPORTER_MESSAGE]:
            # The decision or the closure reaches every reporter of the case in the mailbox, with it.
            kind = workflow.REPORTER_MESSAGE_KIND[step.name]
            for report in Report.objects.filter(case_link__case=case).order_by("received_at"):
                report_message_send(report=report, actor=actor, body=texts[workflow.REPORTER_MESSAGE], kind=kind)
        case_deadline_refresh(case=case)
        return case


def _lesson_record(*, case: Case, actor: User, text: str, at) -> LessonLearned:
    category = case.category
    rijk = (category.parent if category.parent_id else category).code if category else ""
    lesson = LessonLearned(case=case, desk=case.desk, year=timezone.localdate(at).year, rijk_category_code=rijk,
                           instrument=case.instrument, written_at=at)
    lesson.seal("text", text)
    lesson.full_clean()
    lesson.save()
    audit_record(actor=actor, action="case.lesson_recorded", target=case, lesson=str(lesson.pk))
    return lesson


def lessons_for_coordinator(*, user: User, year: int) -> list[tuple[LessonLearned, str]]:
    """The lessons of the coordinator's desk for a year, with their text; the read is on the record."""
    if not user.is_desk_coordinator:
        raise ActionRefused(_("Only a coordinator reads the lessons learned."))
    lessons = list(selectors.lessons_of_desk(desk=user.desk, year=year))
    if lessons:
        audit_record(actor=user, action="lessons.read", target=user, desk=user.desk, year=year, lessons=len(lessons))
    return [(lesson, lesson.unseal("text")) for lesson in lessons]


def _public_instrument_set(*, case: Case, report: Report, actor: User) -> None:
    """What the reporter reads about how their report is dealt with, from the case's instrument."""
    shown = case.state in workflow.SHOWS_INSTRUMENT and case.instrument
    intake_services.report_instrument_set(
        report=report, instrument=workflow.PUBLIC_INSTRUMENT[case.instrument] if shown else "", actor=actor
    )


def _reports_without_closure(case: Case) -> list[str]:
    """References of the case's reports that had no closure message since the case last changed state."""
    since = case.history.order_by("-at").values_list("at", flat=True).first() or case.opened_at
    closed_told = MailboxMessage.objects.filter(
        report=OuterRef("pk"), kind=StandardMessage.Kind.CLOSURE, sent_at__gte=since
    )
    return list(
        Report.objects.filter(case_link__case=case).exclude(Exists(closed_told)).order_by("received_at").values_list("reference", flat=True)
    )


def transition_message_prefill(*, case: Case, transition: str) -> tuple[str, list[str]]:
    """The standard text a step's message to the reporter starts from, in the language of the case's
    first report, and the languages of all its reports (for the handler to see). Empty when the step
    sends none, or when every reporter already had the closure message."""
    kind = workflow.REPORTER_MESSAGE_KIND.get(transition)
    languages = list(Report.objects.filter(case_link__case=case).order_by("received_at").values_list("written_language", flat=True))
    if kind is None or not languages:
        return "", languages
    if transition == "close" and not _reports_without_closure(case):
        return "", languages
    return standard_message_text(kind=kind, language=languages[0]), languages


def case_assign(*, case: Case, handler: User, actor: User) -> Case:
    """A coordinator assigns (or reassigns) the case to a handler of the desk."""
    with transaction.atomic():
        case = _lock_case(actor, case.pk)
        if not (actor.is_desk_coordinator and actor.desk == case.desk):
            raise ActionRefused(_("Only a coordinator of the desk assigns cases."))
        if handler.desk != case.desk or not handler.is_active:
            raise ActionRefused(_("Cases go to handlers of their own desk."))
        if case.exclusions.filter(user=handler).exists():
            raise ActionRefused(_("%(name)s is excluded from this case.") % {"name": handler.get_username()})
        if case.handler_id == handler.pk:
            return case
        previous = case.handler_id
        case.handler, case.assigned_at = handler, timezone.now()
        _bump(case, "handler", "assigned_at")
        audit_record(actor=actor, action="case.assigned", target=case, handler=handler.pk, previous_handler=previous)
        email, link = handler.email, reverse("cases:case-detail", kwargs={"case_id": case.pk})
        transaction.on_commit(
            lambda: notify(recipients=[email], template="case_assigned", link=link)
        )
        return case


def case_exclude(*, case: Case, user: User, actor: User, reason: str) -> Case:
    """Keep a staff member out of a case: they can no longer see it or its reports.

    A coordinator excludes anyone of the desk; anyone on the case may declare their own conflict.
    """
    with transaction.atomic():
        case = _lock_case(actor, case.pk)
        if not ((actor.is_desk_coordinator and actor.desk == case.desk) or actor.pk == user.pk):
            raise ActionRefused(_("Only a coordinator of the desk excludes others from a case."))
        if reason not in CaseExclusion.Reason.values:
            raise ActionRefused(_("Choose why this person is excluded."))
        if user.desk != case.desk:
            raise ActionRefused(_("Only staff of the desk can see the case; there is no need to exclude others."))
        if case.exclusions.filter(user=user).exists():
            raise ActionRefused(_("%(name)s is already excluded from this case.") % {"name": user.get_username()})
        CaseExclusion.objects.create(case=case, user=user, reason=reason, excluded_by=actor, excluded_at=timezone.now())
        fields = []
        if case.handler_id == user.pk:
            case.handler, case.assigned_at = None, None
            fields = ["handler", "assigned_at"]
        _bump(case, *fields)
        audit_record(actor=actor, action="case.staff_excluded", target=case, user=user.pk, reason=reason)
        return case


def case_note_add(*, case: Case, author: User, body: str, form_token: str = "") -> CaseNote:
    """An internal note for the case team, sealed; never shown to the reporter."""
    if not body.strip():
        raise ActionRefused(_("Write the note before saving."))
    with transaction.atomic():
        case = _lock_case(author, case.pk)
        _spend_form_token(form_token)
        note = CaseNote(case=case, author=author, written_at=timezone.now())
        note.seal("body", body)
        note.full_clean()
        note.save()
        audit_record(actor=author, action="case.note_added", target=case, note=str(note.pk))
        return note


# --- persons concerned and their outcomes (issue 15 point 2) ---------------------------------------------


def _editable_case(actor: User, case_id) -> Case:
    case = _lock_case(actor, case_id)
    if case.state == CaseState.CLOSED:
        raise ActionRefused(_("The case is closed; reopen it to change the persons concerned."))
    return case


def person_concerned_add(
    *, case: Case, actor: User, name: str, role: str, finding: str = "", finding_on: date | None = None,
    measures: tuple[tuple[str, date], ...] = (), form_token: str = "",
) -> PersonConcerned:
    """Add someone the case is about; name and role sealed. A role alone is enough where the name is
    unknown. Their finding and measures may come with them, or later (person_concerned_update,
    person_measure_record)."""
    if not (name.strip() or role.strip()):
        raise ActionRefused(_("Give the name or the role of the person concerned."))
    if bool(finding) != bool(finding_on):
        raise ActionRefused(_("A finding needs its date, and a date its finding."))
    with transaction.atomic():
        case = _editable_case(actor, case.pk)
        _spend_form_token(form_token)
        number = (case.persons.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        person = PersonConcerned(case=case, number=number, finding=finding, finding_on=finding_on, added_at=timezone.now(), added_by=actor)
        person.seal("name", name.strip())
        person.seal("role", role.strip())
        person.full_clean()
        person.save()
        _bump(case)
        audit_record(actor=actor, action="case.person_added", target=case, person=number, finding=finding)
        for measure, taken_on in measures:
            person_measure_record(case=case, person_id=person.pk, actor=actor, measure=measure, taken_on=taken_on)
        return person


def _lock_person(actor: User, case: Case, person_id) -> tuple[Case, PersonConcerned]:
    case = _editable_case(actor, case.pk)
    person = PersonConcerned.objects.select_for_update().filter(pk=person_id, case=case).first()
    if person is None:
        raise ActionRefused(_("This person is not part of this case."))
    return case, person


def person_concerned_update(
    *, case: Case, person_id, actor: User, name: str, role: str, finding: str, finding_on: date | None
) -> PersonConcerned:
    """Change the name, role and finding of a person concerned (the finding with its date, or neither)."""
    if not (name.strip() or role.strip()):
        raise ActionRefused(_("Give the name or the role of the person concerned."))
    if bool(finding) != bool(finding_on):
        raise ActionRefused(_("A finding needs its date, and a date its finding."))
    with transaction.atomic():
        case, person = _lock_person(actor, case, person_id)
        person.seal("name", name.strip())
        person.seal("role", role.strip())
        person.finding, person.finding_on = finding, finding_on
        person.full_clean()
        person.save()
        _bump(case)
        audit_record(actor=actor, action="case.person_updated", target=case, person=person.number, finding=finding)
        return person


def person_measure_record(*, case: Case, person_id, actor: User, measure: str, taken_on: date) -> PersonMeasure:
    """Record one measure (Rijk category) for a person concerned; each kind once per person."""
    with transaction.atomic():
        case, person = _lock_person(actor, case, person_id)
        if person.measures.filter(measure=measure).exists():
            raise ActionRefused(_("This measure is already recorded for this person."))
        kinds = set(person.measures.values_list("measure", flat=True))
        if (measure == Measure.NONE and kinds) or (Measure.NONE in kinds):
            raise ActionRefused(_("“No measure” cannot go together with a measure; remove the one first."))
        record = PersonMeasure(person=person, measure=measure, taken_on=taken_on, recorded_at=timezone.now(), recorded_by=actor)
        record.full_clean()
        record.save()
        _bump(case)
        audit_record(actor=actor, action="case.person_measure_recorded", target=case, person=person.number, measure=measure)
        return record


def person_measure_remove(*, case: Case, person_id, actor: User, measure_id) -> None:
    """Take back a measure recorded in error (the audit trail keeps that it was there)."""
    with transaction.atomic():
        case, person = _lock_person(actor, case, person_id)
        record = person.measures.filter(pk=measure_id).first()
        if record is None:
            raise ActionRefused(_("This measure is not recorded for this person."))
        record.delete()
        _bump(case)
        audit_record(actor=actor, action="case.person_measure_removed", target=case, person=person.number, measure=record.measure)


def instrument_entry_add(
    *, case: Case, actor: User, kind: str, text: str, on: date | None = None, person_id=None, detail: str = "",
    response: str = "", form_token: str = "",
) -> InstrumentEntry:
    """Append an entry to the record of the case's current instrument (sealed text; never edited)."""
    with transaction.atomic():
        case = _lock_case(actor, case.pk)
        if case.state not in (CaseState.ADDRESSING, CaseState.DECIDED):
            raise ActionRefused(_("The instrument's record is kept while the instrument is in use (after choosing it, before closing)."))
        if kind not in workflow.INSTRUMENT_KINDS.get(case.instrument, ()):
            raise ActionRefused(_("This entry does not belong to the record of a %(instrument)s.") % {"instrument": case.get_instrument_display()})
        problems = []
        if not text.strip():
            problems.append(_("Write what is to be recorded."))
        if kind in workflow.DATED_KINDS and on is None:
            problems.append(_("Give the date."))
        if on is not None and on > timezone.localdate():
            problems.append(_("The date cannot be in the future."))
        allowed_details = workflow.DETAIL_OF_KIND.get(kind, ())
        if (detail or allowed_details) and detail not in allowed_details:
            problems.append(_("Choose one of: %(choices)s.") % {
                "choices": ", ".join(str(InstrumentEntry.Detail(d).label) for d in allowed_details) or "—"})
        person = None
        if kind == InstrumentEntry.Kind.HEARING:
            person = PersonConcerned.objects.filter(case=case, pk=person_id).first() if person_id else None
            if person is None:
                problems.append(_("Choose the person concerned who was heard."))
            if not response.strip():
                problems.append(_("Record their response (or that they chose not to respond)."))
        if problems:
            raise ActionRefused(*problems)
        _spend_form_token(form_token)
        entry = InstrumentEntry(
            case=case, instrument=case.instrument, kind=kind, on=on, person=person, detail=detail,
            recorded_at=timezone.now(), recorded_by=actor,
        )
        entry.seal("text", text.strip())
        entry.seal("response", response.strip() if kind == InstrumentEntry.Kind.HEARING else "")
        entry.full_clean()
        entry.save()
        _bump(case)
        audit_record(actor=actor, action="case.instrument_entry_added", target=case, instrument=case.instrument, kind=kind)
        return entry


def case_instrument_record_read(*, user, case: Case, entries: int) -> None:
    """Showing the instrument's record (sealed text) is a read on the record."""
    if entries:
        audit_record(actor=user, action="case.instrument_record_read", target=case, entries=entries)


def case_persons_read(*, user, case: Case, persons: int) -> None:
    """Showing the names of the persons concerned is a read on the record."""
    if persons:
        audit_record(actor=user, action="case.persons_read", target=case, persons=persons)


# --- meetings and minutes (EU Directive 2019/1937 art. 18) --------------------------------------------------


def meeting_minutes_record(
    *, report: Report, actor: User, held_on: date, body: str, meeting_id=None, form_token: str = ""
) -> Minutes:
    """Record the minutes of a meeting with the reporter, as a new version; earlier versions stay.

    The reporter reads them in the mailbox and accepts them or asks for a correction; accepted
    minutes are final.
    """
    if not body.strip():
        raise ActionRefused(_("Write the minutes before saving."))
    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        _spend_form_token(form_token)
        now = timezone.now()
        if meeting_id:
            meeting = Meeting.objects.select_for_update().filter(pk=meeting_id, report=report).first()
            if meeting is None:
                raise ActionRefused(_("This meeting does not belong to this report."))
            if meeting.versions.filter(answer=Minutes.Answer.ACCEPTED).exists():
                raise ActionRefused(_("The reporter accepted these minutes; they are final. Record a new meeting instead."))
        else:
            meeting = Meeting(report=report, created_at=now)
        meeting.held_on = held_on
        meeting.full_clean()
        meeting.save()
        version = (meeting.versions.order_by("-version").values_list("version", flat=True).first() or 0) + 1
        minutes = Minutes(report=report, meeting=meeting, version=version, written_by=actor, written_at=now)
        minutes.seal("body", body)
        minutes.full_clean()
        minutes.save()
        audit_record(actor=actor, action="minutes.recorded", target=report, meeting=str(meeting.pk), version=version)
        intake_services.mailbox_message_to_reporter(
            report=report, sender=actor, kind=StandardMessage.Kind.MINUTES_READY,
            body=standard_message_text(kind=StandardMessage.Kind.MINUTES_READY, language=report.written_language or report.language),
        )
        _reply_clock_stop(report=report, actor=actor)
        case = _case_of(report)
        if case is not None:
            case_deadline_refresh(case=case)
        return minutes



# --- figures -------------------------------------------------------------------------------------------------


def figures_export(*, actor: User, year: int, scope: str = "desk", only_category: str = "") -> str:
    """The coordinator's annual figures (their desk, or for the CCI coordinator all desks) as CSV, with the
    previous year beside each count; suppressed counts only. The export is on the record."""
    from . import figures

    desks = figures.desks_for_figures(user=actor, scope=scope)
    if desks is None:
        raise ActionRefused(_("Only a coordinator exports the figures."))
    current = figures.annual_figures(desks=desks, year=year, only_category=only_category)
    previous = figures.annual_figures(desks=desks, year=year - 1, only_category=only_category)
    audit_record(actor=actor, action="figures.exported", target=None, desk="+".join(desks), year=year,
                 category=only_category or "all")
    return figures.figures_csv(figures=current, previous=previous)


# --- legal clocks: extension, suspension, resumption ----------------------------------------------------------

CLOCKS = ("acknowledgement", "feedback")


def _clock_change_tell_reporter(*, report: Report, actor: User, kind: str) -> None:
    body = standard_message_text(kind=kind, language=report.written_language or report.language)
    intake_services.mailbox_message_to_reporter(report=report, sender=actor, body=body, kind=kind)


def _lock_report_for_coordinator(actor: User, report_id) -> Report:
    report = _lock_report(actor, report_id)
    if not (actor.is_desk_coordinator and actor.desk == report.desk):
        raise ActionRefused(_("Only a coordinator of the desk changes the deadlines."))
    return report


def _deadline_change(*, report: Report, actor: User, action: str, clock: str = "", previous_due=None, new_due=None, reason: str):
    from .models import DeadlineChange

    change = DeadlineChange(report=report, action=action, clock=clock, previous_due=previous_due, new_due=new_due, at=timezone.now(), by=actor)
    change.seal("reason", reason.strip())
    change.full_clean()
    change.save()
    return change


def report_deadline_extend(*, report: Report, actor: User, clock: str, new_due: date, reason: str, form_token: str = "") -> Report:
    """A coordinator moves one legal deadline of a report to a later date, with a reason.

    The reporter reads a standard message in their language and the new date in the mailbox.
    """
    if clock not in CLOCKS:
        raise ActionRefused(_("Choose which deadline to extend."))
    if not reason.strip():
        raise ActionRefused(_("Give the reason for this change."))
    with transaction.atomic():
        report = _lock_report_for_coordinator(actor, report.pk)
        _spend_form_token(form_token)
        done_field = "acknowledged_at" if clock == "acknowledgement" else "feedback_given_at"
        if getattr(report, done_field) is not None:
            raise ActionRefused(_("This deadline was already met; there is nothing to extend."))
        if report.clocks_suspended_at is not None:
            raise ActionRefused(_("The deadlines are suspended; resume them first."))
        due_field = f"{clock}_due"
        previous = getattr(report, due_field)
        if previous is not None and new_due <= previous:
            raise ActionRefused(_("The new date must be later than the current one (%(date)s).") % {"date": previous})
        setattr(report, due_field, new_due)
        Report.objects.filter(pk=report.pk).update(**{due_field: new_due})
        _deadline_change(report=report, actor=actor, action="extend", clock=clock, previous_due=previous, new_due=new_due, reason=reason)
        audit_record(actor=actor, action="report.deadline_extended", target=report, clock=clock, previous_due=str(previous), new_due=str(new_due))
        _clock_change_tell_reporter(report=report, actor=actor, kind=StandardMessage.Kind.DEADLINE_EXTENDED)
        case = _case_of(report)
        if case is not None:
            case_deadline_refresh(case=case)
        return report


def report_clocks_suspend(*, report: Report, actor: User, reason: str, form_token: str = "") -> Report:
    """A coordinator stops the report's open clocks (for example while waiting for another authority)."""
    if not reason.strip():
        raise ActionRefused(_("Give the reason for this change."))
    with transaction.atomic():
        report = _lock_report_for_coordinator(actor, report.pk)
        _spend_form_token(form_token)
        if report.clocks_suspended_at is not None:
            raise ActionRefused(_("The deadlines are already suspended."))
        if report.acknowledged_at is not None and report.feedback_given_at is not None:
            raise ActionRefused(_("Every deadline of this report was met; there is nothing to suspend."))
        report.clocks_suspended_at = timezone.now()
        Report.objects.filter(pk=report.pk).update(clocks_suspended_at=report.clocks_suspended_at)
        _deadline_change(report=report, actor=actor, action="suspend", reason=reason)
        audit_record(actor=actor, action="report.deadlines_suspended", target=report)
        _clock_change_tell_reporter(report=report, actor=actor, kind=StandardMessage.Kind.DEADLINES_SUSPENDED)
        case = _case_of(report)
        if case is not None:
            case_deadline_refresh(case=case)
        return report


def report_clocks_resume(*, report: Report, actor: User, reason: str = "", form_token: str = "") -> Report:
    """Start the clocks again: each open due date moves on by the days they were suspended."""
    with transaction.atomic():
        report = _lock_report_for_coordinator(actor, report.pk)
        _spend_form_token(form_token)
        if report.clocks_suspended_at is None:
            raise ActionRefused(_("The deadlines are not suspended."))
        suspended_on, today = timezone.localdate(report.clocks_suspended_at), timezone.localdate()
        updates = {"clocks_suspended_at": None}
        if report.acknowledged_at is None and report.acknowledgement_due:
            updates["acknowledgement_due"] = deadlines.resumed_due(report.acknowledgement_due, suspended_on=suspended_on, resumed_on=today)
        if report.feedback_given_at is None and report.feedback_due:
            updates["feedback_due"] = deadlines.resumed_due(report.feedback_due, suspended_on=suspended_on, resumed_on=today)
        Report.objects.filter(pk=report.pk).update(**updates)
        for field, value in updates.items():
            setattr(report, field, value)
        _deadline_change(report=report, actor=actor, action="resume", new_due=updates.get("feedback_due"), reason=reason)
        audit_record(
            actor=actor, action="report.deadlines_resumed", target=report, days_suspended=(today - suspended_on).days,
            **{k: str(v) for k, v in updates.items() if k.endswith("_due")},
        )
        _clock_change_tell_reporter(report=report, actor=actor, kind=StandardMessage.Kind.DEADLINES_RESUMED)
        case = _case_of(report)
        if case is not None:
            case_deadline_refresh(case=case)
        return report


# --- retaliation concerns from aftercare ------------------------------------------------------------------------


def retaliation_concern_update(*, concern_id, actor: User, action: str):
    """The desk's coordinator records that a concern was acknowledged (in the mailbox). Closing is done on
    the concern's page (cases/retaliation.py), with an assessment and an outcome."""
    from .models import RetaliationConcern

    with transaction.atomic():
        concern = RetaliationConcern.objects.select_for_update().filter(pk=concern_id).first()
        if concern is None or not (actor.is_desk_coordinator and actor.desk == concern.desk):
            raise ActionRefused(_("Only a coordinator of the desk handles this concern."))
        now = timezone.now()
        if action == "acknowledge" and concern.acknowledged_at is None:
            concern.acknowledged_at = now
        elif action == "close":
            raise ActionRefused(_("Close a concern on its page, with the assessment, the outcome and its reasons told to the reporter."))
        elif action != "acknowledge":
            raise ActionRefused(_("Unknown step."))
        else:
            return concern  # done before: a double click
        concern.full_clean()
        concern.save(update_fields=["acknowledged_at", "closed_at"])
        audit_record(actor=actor, action=f"retaliation_concern.{action}d", target=concern.report, concern=str(concern.pk))
        return concern
