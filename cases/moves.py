"""Moving a report between desks, only with the reporter's consent (issue 15 point 7).

The pattern is the external point's passing on to the CCI (ForwardingConsent): a desk proposes a move
(to which desk, and why, in a message to the reporter's mailbox in their language); the reporter
accepts or declines there; only an acceptance moves the report, and with it its case and so the
evidence and the case's records, on the audit trail, the reporter's status reading "Passed on with
your consent". Without consent to take their identity along, the name and contact details are removed
before the report moves: the receiving desk never holds them.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt.accounts.models import Desk, User
from meldpunt.audit.services import audit_record
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import ForwardingConsent, PublicStatus, Report

from .models import Case, RetaliationConcern

MOVE_PROPOSAL = "move_proposal"  # the kind of the mailbox message that carries the desk's reasons


def identity_kept_or_removed(*, report: Report, consent: ForwardingConsent) -> bool:
    """Before a report changes desks: without the reporter's consent to take their identity along, the
    name and contact details are removed (the caller saves). True when the identity goes along."""
    with_identity = consent.answer == ForwardingConsent.Answer.WITH_IDENTITY
    if not with_identity:
        report.seal("reporter_name", "")
        report.seal("reporter_contact", "")
        report.is_anonymous = True
        report.wants_email_nudge = False
    return with_identity


def report_move_propose(*, report: Report, actor: User, to_desk: str, reasons: str, form_token: str = "") -> ForwardingConsent:
    """The report's desk asks the reporter, in the mailbox, whether the report may move to `to_desk`."""
    from .services import ActionRefused, _case_of, _lock_report, _spend_form_token

    if to_desk not in Desk.values:
        raise ActionRefused(_("Choose the desk the report should move to."))
    if not reasons.strip():
        raise ActionRefused(_("Write the reasons for the move: the reporter reads them before answering."))
    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        _spend_form_token(form_token)
        if actor.desk != report.desk:
            raise ActionRefused(_("Only the desk that has the report proposes to move it."))
        if to_desk == report.desk:
            raise ActionRefused(_("The report is already at that desk."))
        if report.forwarding_consents.filter(answer=ForwardingConsent.Answer.PENDING).exists():
            raise ActionRefused(_("The reporter has not yet answered the earlier request for consent."))
        case = _case_of(report)
        if case is not None and case.report_links.count() > 1:
            raise ActionRefused(_("This report shares its case with other reports: a case moves whole, so it cannot move alone."))
        message = intake_services.mailbox_message_to_reporter(report=report, sender=actor, body=reasons.strip(), kind=MOVE_PROPOSAL)
        consent = ForwardingConsent(
            report=report, from_desk=report.desk, to_desk=to_desk, moves_on_acceptance=True, message=message,
            requested_at=timezone.now(), requested_by=actor,
        )
        consent.full_clean()
        consent.save()
        audit_record(actor=actor, action="report.move_proposed", target=report, consent=consent.pk,
                     from_desk=report.desk, to_desk=to_desk)
        return consent


def on_forwarding_consent_answered(sender, *, report: Report, consent: ForwardingConsent, **kwargs) -> None:
    """The reporter answered in the mailbox: an accepted proposal to move is carried out now, inside the
    answer's transaction (a declined one leaves the report where it is)."""
    if consent.moves_on_acceptance and consent.is_given:
        report_move(report=report, consent=consent)


def report_move(*, report: Report, consent: ForwardingConsent) -> Report:
    """Move the report, and its case with it, to the desk the reporter agreed to."""
    from .services import _case_of, _notify_new_report, case_deadline_refresh

    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        consent = ForwardingConsent.objects.select_for_update().get(pk=consent.pk)
        if consent.used_at is not None or not consent.is_given or report.desk != consent.from_desk:
            return report  # carried out before, or the report is no longer where the proposal found it
        with_identity = identity_kept_or_removed(report=report, consent=consent)
        from_desk = report.desk
        report.moved_from_desk, report.desk = from_desk, consent.to_desk
        # A mark that someone at the old desk is involved says nothing about the new desk's staff.
        report.desk_involved, report.desk_involvement_cleared_at = False, None
        report.full_clean(exclude=["submission_token_hash"])
        report.save()
        consent.used_at = timezone.now()
        consent.save(update_fields=["used_at"])
        case = _case_of(report)
        if case is not None:
            # The case goes along whole (its records, persons, instruments and the report's evidence);
            # nobody of the old desk keeps it, so it waits for the new desk's coordinator to assign it.
            Case.objects.filter(pk=case.pk).update(desk=consent.to_desk, handler=None, assigned_at=None, version=case.version + 1)
            case.refresh_from_db()
            RetaliationConcern.objects.filter(case=case).update(desk=consent.to_desk)
            audit_record(actor=None, actor_label="reporter", action="case.moved", target=case, from_desk=from_desk,
                         to_desk=consent.to_desk, consent=consent.pk)
        RetaliationConcern.objects.filter(report=report).update(desk=consent.to_desk)
        intake_services.report_status_set(report=report, status=PublicStatus.FORWARDED, actor=None)
        audit_record(
            actor=None, actor_label="reporter", action="report.moved", target=report, from_desk=from_desk,
            to_desk=consent.to_desk, with_identity=with_identity, consent=consent.pk,
            case=str(case.pk) if case is not None else "",
        )
        if case is not None:
            case_deadline_refresh(case=case)
        report_id, desk = report.pk, consent.to_desk
        transaction.on_commit(lambda: _notify_new_report(desk=desk, report_id=report_id))
        return report


def move_proposals(*, report: Report) -> list[ForwardingConsent]:
    """The report's proposals to move, oldest first, for its desk's page."""
    return list(report.forwarding_consents.filter(moves_on_acceptance=True).order_by("requested_at"))

