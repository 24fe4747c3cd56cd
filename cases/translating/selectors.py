"""Who sees which translation. A translator sees only their own open assignments, and only while the
report is still at the desk that asked (an external-desk text never reaches a translator of the CCI,
nor the other way round). Desk staff see the translations of the reports they may see, asked by
their own desk."""

from __future__ import annotations

from django.db.models import F, QuerySet

from meldpunt.accounts.models import Role, User

from .. import selectors as desk_selectors
from .models import TranslationRequest, TranslationState


def assignments_for(user) -> QuerySet[TranslationRequest]:
    if not (user.is_authenticated and user.is_active and user.role == Role.TRANSLATOR):
        return TranslationRequest.objects.none()
    return (
        TranslationRequest.objects.filter(translator=user, state=TranslationState.OPEN, desk=F("report__desk"))
        .select_related("report")
        .order_by("due_at", "pk")
    )


def assignment_for(user, request_id) -> TranslationRequest | None:
    return assignments_for(user).filter(pk=request_id).first()


def translations_visible_to(user, *, report=None) -> QuerySet[TranslationRequest]:
    """`report`: only that report's translations. The visibility check then asks about that one report
    rather than listing every report the user may see."""
    if not (user.is_authenticated and user.is_desk_staff):
        return TranslationRequest.objects.none()
    reports = desk_selectors.reports_visible_to(user)
    if report is not None:
        reports = reports.filter(pk=report.pk)
    return TranslationRequest.objects.filter(desk=user.desk, report__in=reports.values("pk")).select_related(
        "report", "translator", "requested_by", "decided_by", "sent_message"
    )


def translation_for(user, request_id) -> TranslationRequest | None:
    return translations_visible_to(user).filter(pk=request_id).first()


def report_translations(user, report) -> list[TranslationRequest]:
    return list(translations_visible_to(user, report=report).order_by("requested_at"))


def translators() -> QuerySet[User]:
    """Translators who may be given a text: active, with a signed confidentiality statement."""
    return (
        User.objects.filter(role=Role.TRANSLATOR, is_active=True, translator_profile__statement_signed_on__isnull=False)
        .select_related("translator_profile")
        .order_by("username")
    )


def delivered_by_source(requests: list[TranslationRequest]) -> dict[str, list[tuple[TranslationRequest, str]]]:
    """The delivered translations of a report's own texts, keyed "narrative" or by the text's id, for
    showing each beside its original. Held outgoing messages are not among them (they are not sent)."""
    shown: dict[str, list[tuple[TranslationRequest, str]]] = {}
    for request in requests:
        if request.translated_at and not request.is_outgoing and request.state != TranslationState.WITHDRAWN:
            key = request.source_id or request.source_kind
            shown.setdefault(key, []).append((request, request.unseal("translation")))
    return shown
