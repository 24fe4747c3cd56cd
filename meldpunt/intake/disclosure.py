"""The reporter's side of an identity disclosure (cases/disclosure.py is the desks' side): what the
mailbox shows of each request, and the reporter's consent or refusal. A request whose prior notice
was withheld (a legal duty, and telling would jeopardise the investigation) is not shown."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from meldpunt.audit.services import audit_record

from . import events
from .models import IdentityDisclosure, Report
from .services import REPORTER, ReporterActionRefused


def mailbox_disclosures(*, report: Report) -> list[IdentityDisclosure]:
    return list(report.identity_disclosures.filter(notice_withheld=False).order_by("requested_at"))


@transaction.atomic
def disclosure_consent_answer(*, report: Report, disclosure_id, given: bool) -> IdentityDisclosure:
    """Record the reporter's answer once; a second answer (a double click) is refused."""
    disclosure = IdentityDisclosure.objects.select_for_update().filter(pk=disclosure_id, report=report).first()
    if disclosure is None or disclosure.consent != IdentityDisclosure.Consent.PENDING or disclosure.state != IdentityDisclosure.State.REQUESTED:
        raise ReporterActionRefused
    disclosure.consent = IdentityDisclosure.Consent.GIVEN if given else IdentityDisclosure.Consent.REFUSED
    disclosure.consent_answered_at = timezone.now()
    disclosure.full_clean()
    disclosure.save(update_fields=["consent", "consent_answered_at"])
    audit_record(actor=None, actor_label=REPORTER, action="identity_disclosure.consent_answered", target=report,
                 disclosure=str(disclosure.pk), consent=disclosure.consent)
    events.disclosure_answered.send(sender=Report, report=report, disclosure=disclosure)
    return disclosure
