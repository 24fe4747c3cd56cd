"""Reads of advice questions. Staff reads start from questions_visible_to(user): the advice point is
the CCI's, so only CCI staff see questions (the external desk, managers and counsellors see none)."""

from django.db.models import QuerySet

from meldpunt.accounts.models import Desk

from .models import AdviceMessage, AdviceQuestion


def questions_visible_to(user) -> QuerySet[AdviceQuestion]:
    if not (user.is_authenticated and user.is_active and getattr(user, "desk", None) == Desk.CCI):
        return AdviceQuestion.objects.none()
    return AdviceQuestion.objects.exclude(wrapped_key="")


def question_for_mailbox(*, question_id) -> AdviceQuestion | None:
    return AdviceQuestion.objects.filter(pk=question_id).exclude(wrapped_key="").first()


def mailbox_thread(*, question: AdviceQuestion) -> list[tuple[AdviceMessage, str]]:
    return [(m, m.unseal("body")) for m in question.messages.all()]
