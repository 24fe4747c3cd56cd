"""Who sees what in the channels, in one place.

A manager sees their own drafts and advice requests, and of the reports they recorded only the public
status: never the text, the desk's notes or anybody else's reports. The CCI sees every advice request;
nobody else does (the external desk included).
"""

from __future__ import annotations

from django.db.models import Case, QuerySet, Value, When

from meldpunt.accounts.models import DESK_OF_ROLE, Desk, Role, User
from meldpunt.content import selectors as content_selectors
from meldpunt.intake.models import Channel, Report

from .models import AdviceRequest, ExternalAuthority, ManagerDraft, ProcedurePage

# A manager's pages never load a report's sealed text or its key: only the public status and dates.
MANAGER_REPORT_DEFERRED = (*(f"{field}_sealed" for field in Report.SEALED_FIELDS), "wrapped_key", "submission_token_hash")


def _is_manager(user) -> bool:
    return user.is_authenticated and user.is_active and user.role == Role.MANAGER


def _is_cci(user) -> bool:
    return user.is_authenticated and user.is_active and user.desk == Desk.CCI


# --- reporter-facing content -----------------------------------------------------------------------


def _with_texts(rows: list, language: str) -> list:
    """Each row gets its content units as attributes (page.title, authority.name, ...) in the reader's
    language, or the current English/Dutch where that is outdated (row.texts.is_fallback). One query."""
    texts = content_selectors.texts_for({str(row.pk): row.unit_keys() for row in rows}, language)
    for row in rows:
        row.texts = texts[str(row.pk)]
        for name, value in row.texts.values.items():
            setattr(row, name, value)
    return rows


def procedure_pages(*, language: str, section: str = ProcedurePage.Section.PROCEDURE) -> list[ProcedurePage]:
    pages = ProcedurePage.objects.filter(published=True, section=section).order_by("position", "slug")
    return _with_texts(list(pages), language)


def procedure_page(*, slug: str, language: str) -> ProcedurePage | None:
    page = ProcedurePage.objects.filter(published=True, slug=slug).first()
    return _with_texts([page], language)[0] if page else None


def external_authorities(*, language: str) -> list[ExternalAuthority]:
    return _with_texts(list(ExternalAuthority.objects.filter(published=True).order_by("position", "code")), language)


# --- the manager's own things ------------------------------------------------------------------------


def manager_drafts(user) -> QuerySet[ManagerDraft]:
    """The manager's own drafts; nothing for anyone else."""
    if not _is_manager(user):
        return ManagerDraft.objects.none()
    return ManagerDraft.objects.filter(manager=user)


def manager_unforwarded_drafts(user) -> QuerySet[ManagerDraft]:
    # The manager's list shows each draft's category, not its post.
    return manager_drafts(user).filter(forwarded_at__isnull=True).select_related("category").order_by("-updated_at")


def manager_draft(user, draft_id) -> ManagerDraft | None:
    # The draft's page shows its form and dates only (the choices hold the ids): no joins needed.
    return manager_drafts(user).filter(pk=draft_id).first()


def draft_id_held_by_someone_else(user, draft_id) -> bool:
    """A new draft's id comes from the form: refuse one that already names another manager's draft."""
    return ManagerDraft.objects.filter(pk=draft_id).exclude(manager=user).exists()


def manager_reports(user) -> QuerySet[Report]:
    """The reports this manager recorded (forwarded drafts, advice requests turned into reports),
    with only the columns their status page shows."""
    if not _is_manager(user):
        return Report.objects.none()
    return (
        Report.objects.filter(recorded_by=user, channel=Channel.MANAGER)
        .defer(*MANAGER_REPORT_DEFERRED)
        .select_related("category")
        .order_by("-received_at")
    )


def manager_report(user, report_id) -> Report | None:
    return manager_reports(user).filter(pk=report_id).first()


def manager_advice_requests(user) -> QuerySet[AdviceRequest]:
    if not _is_manager(user):
        return AdviceRequest.objects.none()
    return AdviceRequest.objects.filter(manager=user).select_related("category", "post", "report").order_by("-asked_at")


def manager_advice_request(user, advice_id) -> AdviceRequest | None:
    return manager_advice_requests(user).filter(pk=advice_id).first()


# --- the advice point (CCI) -----------------------------------------------------------------------------


def advice_requests_for_desk(user) -> QuerySet[AdviceRequest]:
    """Every advice request for the CCI, unanswered first; nothing for anyone else."""
    if not _is_cci(user):
        return AdviceRequest.objects.none()
    # What the inbox and a request's page show: the manager's name, the post, the category, who answered
    # and the report's reference (not the manager's own post: the request names its post).
    return AdviceRequest.objects.select_related("manager", "category", "post", "answered_by", "report")


def advice_inbox(user) -> QuerySet[AdviceRequest]:
    """Unanswered first, each group newest first."""
    unanswered_first = Case(When(answered_at__isnull=True, then=Value(0)), default=Value(1))
    return advice_requests_for_desk(user).order_by(unanswered_first, "-asked_at")


def cci_staff_emails() -> list[str]:
    roles = [role for role, desk in DESK_OF_ROLE.items() if desk == Desk.CCI]
    return list(User.objects.filter(role__in=roles, is_active=True).exclude(email="").values_list("email", flat=True))
