"""Retaliation concerns handled as cases (issue 15 point 4). A concern is opened by an aftercare "yes"
(cases/aftercare.py); here the desk's coordinator answers the reporter in the mailbox (the first answer
acknowledges; one marked as feedback stops the 3-month clock), records the assessment (sealed under
the report's key), the measures taken for the reporter, and closes it with an outcome and its reasons,
told to the reporter. Each step is refused with reasons when its record is incomplete, audited, and
counted in the annual figures (cases/figures.py): an open concern from its live record, a closed one
from the anonymous statistics row written as it closes (cases/report_statistics.py), so retention,
which deletes a concern with its report, does not change a published year."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.intake import services as intake_services

from . import selectors
from .models import ConcernOutcome, RetaliationConcern, RetaliationMeasure
from .report_statistics import statistics_record_concern_closure
from .services import ActionRefused

MESSAGE_KIND = "retaliation_concern"


def concern_for(user: User, concern_id) -> RetaliationConcern | None:
    """A concern of the user's desk, for its coordinator, unless the user is kept out of the report."""
    if not user.is_desk_coordinator:
        return None
    concern = selectors.concerns_visible_to(user).select_related("report", "case").filter(pk=concern_id).first()
    if concern is None or not selectors.reports_visible_to(user).filter(pk=concern.report_id).exists():
        return None
    return concern


def _lock(actor: User, concern_id) -> RetaliationConcern:
    if concern_for(actor, concern_id) is None:
        raise ActionRefused(_("Only a coordinator of the desk handles this concern."))
    concern = RetaliationConcern.objects.select_for_update().select_related("report").get(pk=concern_id)
    if concern.closed_at is not None:
        raise ActionRefused(_("This concern is closed."))
    return concern


def _tell_reporter(concern: RetaliationConcern, actor: User, body: str, *, feedback: bool) -> None:
    intake_services.mailbox_message_to_reporter(report=concern.report, sender=actor, body=body, kind=MESSAGE_KIND)
    now = timezone.now()
    concern.acknowledged_at = concern.acknowledged_at or now
    if feedback:
        concern.feedback_given_at = concern.feedback_given_at or now


def concern_message(*, concern_id, actor: User, body: str, feedback: bool = False) -> RetaliationConcern:
    """A message to the reporter's mailbox: the first acknowledges the concern; one marked as feedback
    says what is being done (the 3-month clock)."""
    if not body.strip():
        raise ActionRefused(_("Write a message before sending."))
    with transaction.atomic():
        concern = _lock(actor, concern_id)
        _tell_reporter(concern, actor, body, feedback=feedback)
        concern.full_clean()
        concern.save(update_fields=["acknowledged_at", "feedback_given_at"])
        audit_record(actor=actor, action="retaliation_concern.message_sent", target=concern.report, concern=str(concern.pk), feedback=feedback)
    return concern


def concern_assess(*, concern_id, actor: User, assessment: str) -> RetaliationConcern:
    if not assessment.strip():
        raise ActionRefused(_("Write the assessment."))
    with transaction.atomic():
        concern = _lock(actor, concern_id)
        concern.seal("assessment", assessment)
        concern.assessed_at, concern.assessed_by = timezone.now(), actor
        concern.full_clean()
        concern.save(update_fields=["assessment_sealed", "assessed_at", "assessed_by"])
        audit_record(actor=actor, action="retaliation_concern.assessed", target=concern.report, concern=str(concern.pk))
    return concern


def concern_measure_add(*, concern_id, actor: User, kind: str, taken_on: date) -> RetaliationMeasure:
    with transaction.atomic():
        concern = _lock(actor, concern_id)
        measure = RetaliationMeasure(concern=concern, kind=kind, taken_on=taken_on, recorded_by=actor, recorded_at=timezone.now())
        measure.full_clean()
        measure.save()
        audit_record(actor=actor, action="retaliation_concern.measure_recorded", target=concern.report, concern=str(concern.pk), measure=kind)
    return measure


def concern_close(*, concern_id, actor: User, outcome: str, reasons: str, message: str) -> RetaliationConcern:
    """Close with an outcome and its reasons, told to the reporter. Refused with every missing part named."""
    with transaction.atomic():
        concern = _lock(actor, concern_id)
        problems = []
        if outcome not in ConcernOutcome.values:
            problems.append(_("Choose the outcome."))
        if outcome != ConcernOutcome.WITHDRAWN and concern.assessed_at is None:
            problems.append(_("Record the assessment before closing."))
        if outcome == ConcernOutcome.SUBSTANTIATED and not concern.measures.exists():
            problems.append(_("Record the measures taken for the reporter before closing a substantiated concern."))
        if not reasons.strip():
            problems.append(_("Give the reasons for the outcome."))
        if not message.strip():
            problems.append(_("Write the message that tells the reporter the outcome."))
        if problems:
            raise ActionRefused(*problems)
        _tell_reporter(concern, actor, message, feedback=True)
        concern.outcome = outcome
        concern.seal("outcome_reasons", reasons)
        concern.closed_at = timezone.now()
        concern.full_clean()
        concern.save(update_fields=["acknowledged_at", "feedback_given_at", "outcome", "outcome_reasons_sealed", "closed_at"])
        # Its anonymous figures, which retention never deletes (the concern goes with its report).
        statistics_record_concern_closure(concern=concern)
        audit_record(actor=actor, action="retaliation_concern.closed", target=concern.report, concern=str(concern.pk), outcome=outcome)
    return concern


def concern_read(*, concern: RetaliationConcern, actor: User) -> dict[str, str]:
    """The sealed texts of a concern for its page; the read is audited."""
    audit_record(actor=actor, action="retaliation_concern.read", target=concern.report, concern=str(concern.pk))
    return {"assessment": concern.unseal("assessment"), "outcome_reasons": concern.unseal("outcome_reasons"),
            "note": concern.checkin.unseal("note") if concern.checkin_id else ""}
