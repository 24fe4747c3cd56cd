"""Writes of the manager channel and the advice point.

A manager's report is kept as a sealed draft until the manager forwards it; forwarding always goes
to the CCI (report_submit with Channel.MANAGER sets the desk), and leaves no second copy of the text.
Advice requests are sealed questions and answers; either side can turn one into a report.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from meldpunt.accounts.models import Desk, Role
from meldpunt.audit.services import audit_record
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Category, Channel

from .models import AdviceRequest, IdentityChoice, ManagerDraft


class AlreadyForwarded(Exception):
    """The draft was forwarded already: it can no longer be changed."""

    def __init__(self, draft: ManagerDraft):
        super().__init__(f"{draft} was forwarded already")
        self.draft = draft


class AlreadyAnswered(Exception):
    """The advice request was answered by someone else first."""


@dataclass(frozen=True)
class DraftInput:
    """What the manager typed; anything may still be missing in a draft."""

    category: Category | None = None
    post: object | None = None
    narrative: str = ""
    occurred_when: str = ""
    involved: str = ""
    witnesses: str = ""
    identity: str = IdentityChoice.ANONYMOUS
    reporter_name: str = ""
    reporter_contact: str = ""
    slip_language: str = "nl"


def _ensure_manager(user) -> None:
    if not (user.is_authenticated and user.role == Role.MANAGER and user.is_active):
        raise PermissionDenied


def manager_draft_save(*, manager, draft_id: uuid.UUID, data: DraftInput) -> ManagerDraft:
    """Create or update the manager's draft with everything typed so far.

    The id comes from the form (made when the empty form was shown), so a double click or a resent
    form updates the same draft instead of making a second one.
    """
    _ensure_manager(manager)
    try:
        return _draft_save(manager=manager, draft_id=draft_id, data=data)
    except IntegrityError:
        # Two requests created the same new draft at once; the other one won: update it.
        return _draft_save(manager=manager, draft_id=draft_id, data=data)


def _draft_save(*, manager, draft_id: uuid.UUID, data: DraftInput) -> ManagerDraft:
    with transaction.atomic():
        now = timezone.now()
        draft = ManagerDraft.objects.select_for_update().filter(pk=draft_id).first()
        created = draft is None
        if created:
            draft = ManagerDraft(id=draft_id, manager=manager, created_at=now)
        elif draft.manager_id != manager.pk:
            raise PermissionDenied
        elif draft.is_forwarded:
            raise AlreadyForwarded(draft)
        draft.category = data.category
        draft.post = data.post
        draft.identity = data.identity
        draft.slip_language = data.slip_language
        draft.updated_at = now
        draft.seal("narrative", data.narrative)
        draft.seal("occurred_when", data.occurred_when)
        draft.seal("involved", data.involved)
        draft.seal("witnesses", data.witnesses)
        # Kept in the manager's own draft even while "anonymous" is ticked, so a choice changed back
        # and forth loses nothing; forwarding passes the name on only if the staff member chose so.
        draft.seal("reporter_name", data.reporter_name)
        draft.seal("reporter_contact", data.reporter_contact)
        draft.full_clean()
        draft.save(force_insert=created)
        audit_record(actor=manager, action="manager_draft.created" if created else "manager_draft.saved", target=draft)
    return draft


def draft_problems(draft: ManagerDraft) -> list[str]:
    """Names of the fields a draft still needs before it can be forwarded."""
    problems = []
    if draft.category_id is None:
        problems.append("category")
    if draft.post_id is None:
        problems.append("post")
    if not draft.unseal("narrative").strip():
        problems.append("narrative")
    if draft.identity == IdentityChoice.NAMED and not draft.unseal("reporter_name").strip():
        problems.append("reporter_name")
    return problems


def manager_draft_forward(*, manager, draft_id: uuid.UUID, language: str) -> intake_services.SubmittedReport:
    """Turn the draft into a report at the CCI, always, and keep no copy of its text.

    Safe to call twice: the second call returns the same report without a receipt code (the code
    is shown once, after the first call).
    """
    _ensure_manager(manager)
    with transaction.atomic():
        draft = ManagerDraft.objects.select_for_update().filter(pk=draft_id, manager=manager).first()
        if draft is None:
            raise PermissionDenied
        if draft.is_forwarded:
            return intake_services.SubmittedReport(report=draft.report, receipt_code=None)
        problems = draft_problems(draft)
        if problems:
            raise ValidationError({field: "required" for field in problems})
        named = draft.identity == IdentityChoice.NAMED
        details = intake_services.ReportDetails(
            category=draft.category,
            post=draft.post,
            narrative=draft.unseal("narrative").strip(),
            occurred_when=draft.unseal("occurred_when"),
            involved=draft.unseal("involved"),
            witnesses=draft.unseal("witnesses"),
            is_anonymous=not named,
            reporter_name=draft.unseal("reporter_name") if named else "",
            reporter_contact=draft.unseal("reporter_contact") if named else "",
        )
        submitted = intake_services.report_submit(
            details=details,
            channel=Channel.MANAGER,  # the manager channel always ends at the CCI
            language=language,
            submission_token=f"manager-draft:{draft.pk}",
            recorded_by=manager,
        )
        draft.report = submitted.report
        draft.forwarded_at = timezone.now()
        draft.updated_at = draft.forwarded_at
        # No second copy: the text now lives in the report only. Empty the sealed fields and
        # destroy the draft's data key, so even a backup of this row holds nothing readable.
        for field in ManagerDraft.SEALED_FIELDS:
            setattr(draft, f"{field}_sealed", b"")
        draft.wrapped_key = ""
        draft.full_clean()
        draft.save()
        audit_record(
            actor=manager, action="manager_draft.forwarded", target=draft,
            report=str(submitted.report.pk), identity=draft.identity,
        )
    return submitted


def manager_draft_read(*, manager, draft: ManagerDraft) -> dict[str, str]:
    """The draft's text for its own manager; the read is on the record like every read of content."""
    if draft.manager_id != manager.pk:
        raise PermissionDenied
    audit_record(actor=manager, action="manager_draft.read", target=draft)
    if draft.is_forwarded:
        return {}
    return {field: draft.unseal(field) for field in ManagerDraft.SEALED_FIELDS}


# --- advice requests -------------------------------------------------------------------------------


def advice_request_ask(
    *, manager, request_id: uuid.UUID, category: Category, post, question: str, language: str
) -> AdviceRequest:
    """Store a manager's question to the advice point and tell the CCI (without content).

    The id comes from the form, so a double submit stores one request.
    """
    _ensure_manager(manager)
    existing = AdviceRequest.objects.filter(pk=request_id).first()
    if existing is not None:
        if existing.manager_id != manager.pk:
            raise PermissionDenied
        return existing
    try:
        with transaction.atomic():
            advice = AdviceRequest(
                id=request_id, manager=manager, category=category, post=post, language=language,
                asked_at=timezone.now(),
            )
            advice.seal("question", question)
            advice.full_clean()
            advice.save(force_insert=True)
            audit_record(actor=manager, action="advice_request.asked", target=advice, language=language)
            advice_id = str(advice.pk)
            transaction.on_commit(lambda: _enqueue("advice_request_notify_desk", advice_id))
    except IntegrityError:
        existing = AdviceRequest.objects.filter(pk=request_id, manager=manager).first()
        if existing is None:
            raise
        return existing
    return advice


def _is_cci(user) -> bool:
    return user.is_authenticated and user.is_active and user.desk == Desk.CCI


def advice_request_read(*, user, advice: AdviceRequest) -> dict[str, str]:
    """Question and answer for the manager who asked or for the CCI; the read is audited."""
    if not (advice.manager_id == user.pk or _is_cci(user)):
        raise PermissionDenied
    audit_record(actor=user, action="advice_request.read", target=advice)
    return {field: advice.unseal(field) for field in AdviceRequest.SEALED_FIELDS}


def advice_request_answer(*, user, advice_id: uuid.UUID, answer: str) -> AdviceRequest:
    """The CCI answers once; the manager gets a content-free email that an answer is waiting."""
    if not _is_cci(user):
        raise PermissionDenied
    with transaction.atomic():
        advice = AdviceRequest.objects.select_for_update().get(pk=advice_id)
        if advice.is_answered:
            raise AlreadyAnswered
        advice.seal("answer", answer)
        advice.answered_at = timezone.now()
        advice.answered_by = user
        advice.full_clean()
        advice.save()
        audit_record(actor=user, action="advice_request.answered", target=advice)
        transaction.on_commit(lambda: _enqueue("advice_answer_notify_manager", str(advice_id)))
    return advice


def advice_request_convert(*, user, advice_id: uuid.UUID) -> intake_services.SubmittedReport:
    """Turn an advice request into a report at the CCI, filed as recorded by the manager who asked.

    Either that manager or the CCI may do it. The link is kept on the advice request; a second call
    returns the same report without a receipt code.
    """
    with transaction.atomic():
        advice = AdviceRequest.objects.select_for_update().get(pk=advice_id)
        if not ((advice.manager_id == user.pk and user.role == Role.MANAGER) or _is_cci(user)):
            raise PermissionDenied
        if advice.is_converted:
            return intake_services.SubmittedReport(report=advice.report, receipt_code=None)
        details = intake_services.ReportDetails(
            category=advice.category, post=advice.post, narrative=advice.unseal("question"), is_anonymous=True
        )
        submitted = intake_services.report_submit(
            details=details,
            channel=Channel.MANAGER,
            language=advice.language,
            submission_token=f"advice-request:{advice.pk}",
            recorded_by=advice.manager,
        )
        advice.report = submitted.report
        advice.converted_at = timezone.now()
        advice.converted_by = user
        advice.full_clean()
        advice.save()
        audit_record(actor=user, action="advice_request.converted", target=advice, report=str(submitted.report.pk))
    return submitted


def _enqueue(task_name: str, advice_id: str) -> None:
    from . import tasks

    getattr(tasks, task_name).delay(advice_id)


def advice_request_desk_notice(*, advice_id: str) -> int:
    from django.urls import reverse

    from meldpunt.notifications import notify

    from .selectors import cci_staff_emails

    if not AdviceRequest.objects.filter(pk=advice_id).exists():
        return 0
    link = reverse("cases:advice-detail", kwargs={"advice_id": advice_id})
    return notify(recipients=cci_staff_emails(), template="advice_request_new", link=link)


def advice_answer_manager_notice(*, advice_id: str) -> int:
    from django.urls import reverse

    from meldpunt.notifications import notify

    advice = AdviceRequest.objects.select_related("manager").filter(pk=advice_id, answered_at__isnull=False).first()
    if advice is None:
        return 0
    link = reverse("manager:advice", kwargs={"advice_id": advice_id})
    return notify(
recipients=[advice.manager.email], template="advice_request_answered", link=link)
