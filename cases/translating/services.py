"""Writes of translations. Each is one transaction with its audit event; emails (content-free) go out
after commit. Refusals are `ActionRefused` with the reason in the staff member's language."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.intake.models import MailboxMessage, Minutes, Report, ReportAddition
from meldpunt.notifications import notify

from .. import services as desk_services
from ..services import ActionRefused
from . import selectors
from .models import SourceKind, TranslationRequest, TranslationState

# What a desk asks a report's texts to be translated into: the desks' working languages.
DESK_LANGUAGES = ("nl", "en")


def written_language_of(report: Report) -> str:
    return report.written_language or report.language


def _source(report: Report, kind: str, source_id: str) -> tuple[str, str]:
    """(text, language) of one text of the report."""
    if kind == SourceKind.NARRATIVE:
        return report.unseal("narrative"), written_language_of(report)
    if kind == SourceKind.MESSAGE:
        message = MailboxMessage.objects.filter(report=report, pk=source_id).first() if source_id else None
        if message is not None:
            return message.unseal("body"), message.written_language or written_language_of(report)
    if kind == SourceKind.ADDITION:
        addition = ReportAddition.objects.filter(report=report, pk=source_id).first() if source_id else None
        if addition is not None:
            return addition.unseal("body"), addition.language
    if kind == SourceKind.MINUTES:
        minutes = Minutes.objects.filter(report=report, pk=source_id).first() if source_id else None
        if minutes is not None:
            return minutes.unseal("body"), ""
    raise ActionRefused(_("This text is not part of the report."))


def endangered_deadline(*, report: Report, due_at: datetime) -> tuple[str, date] | None:
    """The legal deadline (acknowledgement in 7 days, feedback in 3 months) that a translation due at
    `due_at` would put at risk: it arrives on or after the deadline's day. None when none is."""
    if report.clocks_suspended_at is not None:
        return None
    day = timezone.localdate(due_at)
    if report.acknowledged_at is None and report.acknowledgement_due and day >= report.acknowledgement_due:
        return "acknowledgement", report.acknowledgement_due
    if report.feedback_given_at is None and report.feedback_due and day >= report.feedback_due:
        return "feedback", report.feedback_due
    return None


def _check_assignment(*, translator: User, due_at: datetime) -> None:
    if translator is None or not selectors.translators().filter(pk=translator.pk).exists():
        raise ActionRefused(_("Choose a translator who has signed the confidentiality statement."))
    if due_at is None or due_at <= timezone.now():
        raise ActionRefused(_("Give a due time in the future."))


def _create(*, actor: User, report: Report, kind: str, source_id: str, text: str, source_language: str,
            target_language: str, translator: User, due_at: datetime, outgoing_kind: str = "") -> TranslationRequest:
    if source_language == target_language:
        raise ActionRefused(_("The text is already in that language."))
    request = TranslationRequest(
        report=report, desk=report.desk, source_kind=kind, source_id=source_id, source_language=source_language,
        target_language=target_language, outgoing_kind=outgoing_kind, requested_by=actor, requested_at=timezone.now(),
        translator=translator, due_at=due_at,
    )
    request.seal("source", text)
    request.full_clean()
    request.save()
    audit_record(
        actor=actor, action="translation.requested", target=report, request=str(request.pk), text=kind,
        source_id=source_id, source_language=source_language, target_language=target_language,
        translator=translator.get_username(), due_at=due_at.isoformat(),
    )
    translator_email, link = translator.email, reverse("translate:assignments")
    transaction.on_commit(lambda: notify(recipients=[translator_email], template="translation_assigned", language="nl", link=link))
    return request


def translation_request(
    *, actor: User, report: Report, source_kind: str, source_id: str = "", source_language: str = "",
    target_language: str, translator: User, due_at: datetime, form_token: str = "",
) -> TranslationRequest:
    """A handler asks for one text of the report in Dutch or English."""
    if source_kind == SourceKind.OUTGOING or source_kind not in SourceKind.values:
        raise ActionRefused(_("This text is not part of the report."))
    if target_language not in DESK_LANGUAGES:
        raise ActionRefused(_("Texts of a report are translated into Dutch or English."))
    _check_assignment(translator=translator, due_at=due_at)
    with transaction.atomic():
        report = desk_services._lock_report(actor, report.pk)
        desk_services._spend_form_token(form_token)
        text, language = _source(report, source_kind, source_id)
        if not text.strip():
            raise ActionRefused(_("This text is empty: there is nothing to translate."))
        if not (language or source_language):
            raise ActionRefused(_("Say which language the minutes are written in."))
        return _create(
            actor=actor, report=report, kind=source_kind, source_id=source_id, text=text,
            source_language=language or source_language, target_language=target_language, translator=translator, due_at=due_at,
        )


def reply_send_or_hold(
    *, actor: User, report: Report, body: str, written_language: str, kind: str = "", translator: User | None = None,
    due_at: datetime | None = None, form_token: str = "",
) -> tuple[str, MailboxMessage | TranslationRequest]:
    """A message to the reporter goes out when it is in the reporter's written language. In another
    language it is held for translation: ("held", the request); else ("sent", the message)."""
    target = written_language_of(report)
    if not written_language or written_language == target:
        return "sent", desk_services.report_message_send(report=report, actor=actor, body=body, kind=kind, form_token=form_token)
    if not body.strip():
        raise ActionRefused(_("Write a message before sending."))
    if translator is None:
        raise ActionRefused(
            _("The reporter writes in another language: choose a translator. Your message is held until you approve the translation.")
        )
    _check_assignment(translator=translator, due_at=due_at)
    with transaction.atomic():
        report = desk_services._lock_report(actor, report.pk)
        desk_services._spend_form_token(form_token)
        request = _create(
            actor=actor, report=report, kind=SourceKind.OUTGOING, source_id="", text=body, source_language=written_language,
            target_language=target, translator=translator, due_at=due_at, outgoing_kind=kind,
        )
        audit_record(actor=actor, action="mailbox.message_held", target=report, request=str(request.pk), kind=kind)
        return "held", request


def assignment_read(*, translator: User, request: TranslationRequest) -> None:
    """Every time a translator opens the text is on the record."""
    audit_record(actor=translator, action="translation.source_read", target=request.report, request=str(request.pk))


def translations_read(*, user: User, report: Report, requests: list[TranslationRequest]) -> None:
    if requests:
        audit_record(actor=user, action="translation.read", target=report, requests=[str(r.pk) for r in requests])


def translation_provide(*, translator: User, request_id, text: str) -> TranslationRequest:
    """The translator enters the translation; the assignment closes and the handler is told (no content)."""
    if not text.strip():
        raise ActionRefused(_("Write the translation before sending it."))
    with transaction.atomic():
        request = selectors.assignments_for(translator).select_for_update(of=("self",)).filter(pk=request_id).first()
        if request is None:
            raise ActionRefused(_("This assignment is closed or not yours."))
        request.seal("translation", text.strip())
        request.state, request.translated_at = TranslationState.TRANSLATED, timezone.now()
        request.full_clean()
        request.save(update_fields=["translation_sealed", "state", "translated_at"])
        audit_record(actor=translator, action="translation.provided", target=request.report, request=str(request.pk))
        email = request.requested_by.email if request.requested_by.is_active else ""
        link = reverse("cases:translation-detail", kwargs={"request_id": request.pk})
        transaction.on_commit(lambda: notify(recipients=[email], template="translation_ready", language="nl", link=link))
        return request


def _lock_visible(actor: User, request_id) -> TranslationRequest:
    request = TranslationRequest.objects.select_for_update().filter(pk=request_id).first()
    if request is None or not selectors.translations_visible_to(actor).filter(pk=request_id).exists():
        raise ActionRefused(_("This translation is not visible to you."))
    return request


def translation_approve(*, actor: User, request_id, form_token: str = "") -> MailboxMessage:
    """The handler approves the translation of a held message: the translation goes to the mailbox."""
    with transaction.atomic():
        request = _lock_visible(actor, request_id)
        if not request.is_outgoing or request.state != TranslationState.TRANSLATED:
            raise ActionRefused(_("Only a translated message that is still held can be approved."))
        message = desk_services.report_message_send(
            report=request.report, actor=actor, body=request.unseal("translation"), kind=request.outgoing_kind, form_token=form_token,
        )
        request.state, request.decided_by, request.decided_at, request.sent_message = (
            TranslationState.APPROVED, actor, timezone.now(), message,
        )
        request.full_clean()
        request.save(update_fields=["state", "decided_by", "decided_at", "sent_message"])
        audit_record(actor=actor, action="translation.approved", target=request.report, request=str(request.pk), message=str(message.pk))
        return message


def translation_withdraw(*, actor: User, request_id) -> TranslationRequest:
    """The handler withdraws a request (a held message is then not sent); the translator loses access."""
    with transaction.atomic():
        request = _lock_visible(actor, request_id)
        if request.state not in (TranslationState.OPEN, TranslationState.TRANSLATED):
            raise ActionRefused(_("This translation is already closed."))
        request.state, request.decided_by, request.decided_at = TranslationState.WITHDRAWN, actor, timezone.now()
        request.save(update_fields=["state", "decided_by", "decided_at"])
        audit_record(actor=actor, action="translation.withdrawn", target=request.report, request=str(request.pk))
        return request
