"""Identity disclosure on the record (issue 15 point 3; EU 2019/1937 art. 16, Wbk).

A handler asks to pass a named reporter's identity to someone outside the desk (an investigator, a
manager, the police or prosecution, someone else) and says why. The ground is the reporter's consent,
asked in the mailbox in their language, or a legal duty, its ground recorded. The reporter is told
beforehand with reasons (the request's message in the mailbox); only under a legal duty, and only
where telling would jeopardise the investigation, is the notice withheld, with those reasons recorded.
A coordinator of the report's desk who did not ask approves. Without all of these the identity stays
sealed: `disclosure_identity_read` refuses, and every read after approval is audited. Every step is
audited; emails say only that something waits.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import IdentityDisclosure, Report
from meldpunt.notifications import notify

from . import selectors
from .services import ActionRefused, _lock_report

MESSAGE_KIND = "identity_disclosure"


def disclosures_for(*, user: User, report: Report) -> list[IdentityDisclosure]:
    """The report's disclosure requests, for its team only."""
    if not selectors.reports_visible_to(user).filter(pk=report.pk).exists():
        return []
    return list(report.identity_disclosures.select_related("requested_by", "decided_by").order_by("requested_at"))


def disclosure_request(
    *, report: Report, actor: User, recipient_kind: str, recipient: str, purpose: str, basis: str,
    legal_ground: str = "", notice: str = "", withhold_reasons: str = "",
) -> IdentityDisclosure:
    """Record a request and tell the reporter: with consent, the notice asks their answer; under a legal
    duty it tells them beforehand (or is withheld, with reasons, when telling would jeopardise the
    investigation)."""
    Basis = IdentityDisclosure.Basis
    problems = []
    if not recipient.strip():
        problems.append(_("Say to whom the identity would be passed."))
    if not purpose.strip():
        problems.append(_("Say why the identity is needed."))
    if basis == Basis.LEGAL_DUTY and not legal_ground.strip():
        problems.append(_("Name the legal duty that requires passing the identity on."))
    withheld = bool(withhold_reasons.strip())
    if withheld and basis != Basis.LEGAL_DUTY:
        problems.append(_("With the reporter's consent the reporter is always asked; the notice cannot be withheld."))
    if not withheld and not notice.strip():
        problems.append(_("Write the notice to the reporter with the reasons, or, under a legal duty, why telling them would jeopardise the investigation."))
    if problems:
        raise ActionRefused(*problems)
    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        if report.is_anonymous:
            raise ActionRefused(_("This report is anonymous: there is no identity to pass on."))
        if basis == Basis.CONSENT and report.identity_disclosures.filter(consent=IdentityDisclosure.Consent.PENDING).exists():
            # One question at a time in the mailbox.
            raise ActionRefused(_("The reporter has not yet answered the earlier request for consent."))
        now = timezone.now()
        disclosure = IdentityDisclosure(
            report=report, recipient_kind=recipient_kind, basis=basis, requested_by=actor, requested_at=now,
            consent=IdentityDisclosure.Consent.PENDING if basis == Basis.CONSENT else IdentityDisclosure.Consent.NOT_ASKED,
            notice_withheld=withheld,
        )
        disclosure.seal("recipient", recipient)
        disclosure.seal("purpose", purpose)
        disclosure.seal("legal_ground", legal_ground if basis == Basis.LEGAL_DUTY else "")
        disclosure.seal("notice_withheld", withhold_reasons if withheld else "")
        if not withheld:
            disclosure.notice = intake_services.mailbox_message_to_reporter(report=report, sender=actor, body=notice, kind=MESSAGE_KIND)
        disclosure.full_clean()
        disclosure.save()
        audit_record(actor=actor, action="identity_disclosure.requested", target=report, disclosure=str(disclosure.pk),
                     recipient=recipient_kind, basis=basis, notice="withheld" if withheld else "sent")
        recipients = selectors.desk_coordinator_emails(report.desk, but=actor)
        link = reverse("cases:disclosure-detail", kwargs={"report_id": report.pk, "disclosure_id": disclosure.pk})
        transaction.on_commit(lambda: notify(recipients=recipients, template="identity_disclosure_request", language="nl", link=link))
    return disclosure


def disclosure_decide(*, report: Report, disclosure_id, actor: User, approve: bool) -> IdentityDisclosure:
    """A coordinator of the report's desk, not the one who asked, approves or turns the request down."""
    with transaction.atomic():
        report = _lock_report(actor, report.pk)
        disclosure = IdentityDisclosure.objects.select_for_update().filter(pk=disclosure_id, report=report).first()
        if disclosure is None:
            raise ActionRefused(_("This request is not visible to you."))
        if not actor.is_desk_coordinator:
            raise ActionRefused(_("Only a coordinator of the desk approves passing on a reporter's identity."))
        if disclosure.requested_by_id == actor.pk:
            raise ActionRefused(_("Another coordinator must decide: you asked for this disclosure yourself."))
        if disclosure.state != IdentityDisclosure.State.REQUESTED:
            raise ActionRefused(_("This request was already decided."))
        if approve:
            missing = disclosure_missing(disclosure)
            if missing:
                raise ActionRefused(*missing)
        disclosure.state = IdentityDisclosure.State.APPROVED if approve else IdentityDisclosure.State.REJECTED
        disclosure.decided_by, disclosure.decided_at = actor, timezone.now()
        disclosure.full_clean()
        disclosure.save(update_fields=["state", "decided_by", "decided_at"])
        audit_record(actor=actor, action=f"identity_disclosure.{disclosure.state}", target=report, disclosure=str(disclosure.pk))
    return disclosure


def disclosure_missing(disclosure: IdentityDisclosure) -> list[str]:
    """What still stands in the way of approval, in the handler's words."""
    missing = []
    if disclosure.basis == IdentityDisclosure.Basis.CONSENT and disclosure.consent != IdentityDisclosure.Consent.GIVEN:
        missing.append(_("The reporter refused consent.") if disclosure.consent == IdentityDisclosure.Consent.REFUSED
                       else _("The reporter has not yet given consent in the mailbox."))
    if disclosure.notice_id is None and not disclosure.notice_withheld:
        missing.append(_("The reporter has not been told beforehand."))
    return missing


def disclosure_identity_read(*, report: Report, disclosure: IdentityDisclosure, actor: User) -> dict[str, str]:
    """The name and contact details to pass on, only under an approved request; each read audited."""
    if not selectors.reports_visible_to(actor).filter(pk=report.pk).exists() or disclosure.report_id != report.pk:
        raise ActionRefused(_("This report is not visible to you."))
    disclosure = IdentityDisclosure.objects.get(pk=disclosure.pk)  # the state as stored, not as the caller last saw it
    if disclosure.state != IdentityDisclosure.State.APPROVED:
        raise ActionRefused(_("The identity stays sealed until the request is approved."))
    audit_record(actor=actor, action="identity_disclosure.identity_read", target=report, disclosure=str(disclosure.pk))
    return {"name": report.unseal("reporter_name"), "contact": report.unseal("reporter_contact")}


def on_disclosure_answered(*, report: Report, disclosure: IdentityDisclosure, **_kwargs) -> None:
    """Listener for intake's disclosure_answered: the one who asked and the desk's coordinators are told
    (content-free) that the reporter answered."""
    recipients = sorted({*selectors.desk_coordinator_emails(report.desk, but=disclosure.requested_by), disclosure.requested_by.email} - {""})
    link = reverse("cases:disclosure-detail", kwargs={"report_id": report.pk, "disclosure_id": disclosure.pk})
    transaction.on_commit(lambda: notify(recipients=recipients, template="identity_disclosure_answered", language="nl", link=link))
