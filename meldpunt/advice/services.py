"""Writes of the advice point's questions: asking, the receipt code, the mailbox thread, and turning a
question into a report (by the asker only). Each one transaction with its audit event; emails (never
with content) after commit."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from meldpunt.accounts.models import Desk
from meldpunt.audit.services import audit_record
from meldpunt.intake import receipts
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Category, Channel, ReceiptCode, Report
from meldpunt.intake.services import REPORTER

from .models import AdviceMessage, AdviceQuestion, AdviceReceipt

ASKER = REPORTER  # on the audit trail an asker is a reporter: nobody known


@dataclass(frozen=True)
class AskedQuestion:
    question: AdviceQuestion
    receipt_code: str | None  # None when this was a repeat of a question already stored


class AdviceRefused(Exception):
    """An action on a question that cannot be done (already a report, or not allowed)."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(f"advice-question:{token}".encode()).hexdigest()


def _lookup_taken(lookup: str) -> bool:
    return ReceiptCode.objects.filter(lookup=lookup).exists() or AdviceReceipt.objects.filter(lookup=lookup).exists()


def _receipt_issue(question: AdviceQuestion) -> str:
    """A receipt code exactly like a report's; its public part is unique among reports' and questions'."""
    for _attempt in range(10):
        lookup = receipts.random_digits(receipts.LOOKUP_DIGITS)
        if not _lookup_taken(lookup):
            break
    secret = receipts.random_digits(receipts.SECRET_DIGITS)
    AdviceReceipt.objects.create(question=question, lookup=lookup, secret_hash=receipts.hash_secret(secret))
    return lookup + secret


def _notify_desk(question_id: str) -> None:
    from . import tasks

    transaction.on_commit(lambda: tasks.advice_question_notify_desk.delay(question_id))


def advice_question_ask(*, question: str, contact: str, language: str, submission_token: str) -> AskedQuestion:
    """Store a question (sealed), issue its receipt code and tell the advice point, without content.

    The form's one-time token makes a double submit store one question (shown its code once)."""
    token_hash = _token_hash(submission_token)
    existing = AdviceQuestion.objects.filter(submission_token_hash=token_hash).first()
    if existing is not None:
        return AskedQuestion(question=existing, receipt_code=None)
    now = timezone.now()
    try:
        with transaction.atomic():
            record = AdviceQuestion(
                language=language, asked_at=now, last_activity_at=now, awaiting_reply_since=now,
                submission_token_hash=token_hash,
            )
            record.seal("question", question.strip())
            record.seal("contact", contact.strip())
            record.full_clean()
            record.save(force_insert=True)
            code = _receipt_issue(record)
            audit_record(actor=None, actor_label=ASKER, action="advice_question.asked", target=record, language=language)
            _notify_desk(str(record.pk))
    except IntegrityError:
        existing = AdviceQuestion.objects.filter(submission_token_hash=token_hash).first()
        if existing is None:
            raise
        return AskedQuestion(question=existing, receipt_code=None)
    return AskedQuestion(question=record, receipt_code=code)


def code_is_for_advice(typed_code: str) -> bool:
    """Whether a typed code's public part belongs to an advice question (not a report)."""
    code = receipts.normalise(typed_code)
    return code is not None and AdviceReceipt.objects.filter(lookup=receipts.split(code)[0]).exists()


def advice_mailbox_open(*, typed_code: str) -> tuple[str, AdviceQuestion | None]:
    """Check an asker's code exactly as a reporter's is checked (the same limits, intake/receipts.py)."""
    outcome, receipt = intake_services.receipt_check(
        typed_code=typed_code, receipts_in=AdviceReceipt.objects.select_related("question")
    )
    return outcome, receipt.question if receipt is not None else None


@transaction.atomic
def advice_message_from_asker(*, question: AdviceQuestion, body: str) -> AdviceMessage:
    if question.is_converted:
        raise AdviceRefused("converted")
    now = timezone.now()
    message = AdviceMessage(question=question, direction=AdviceMessage.Direction.FROM_ASKER, sent_at=now)
    message.seal("body", body.strip())
    message.full_clean()
    message.save()
    AdviceQuestion.objects.filter(pk=question.pk, awaiting_reply_since__isnull=True).update(awaiting_reply_since=now)
    AdviceQuestion.objects.filter(pk=question.pk).update(last_activity_at=now)
    audit_record(actor=None, actor_label=ASKER, action="advice_question.asker_wrote", target=question, message=str(message.pk))
    _notify_desk(str(question.pk))
    return message


def _is_cci(user) -> bool:
    return user.is_authenticated and user.is_active and user.desk == Desk.CCI


@transaction.atomic
def advice_message_to_asker(*, user, question: AdviceQuestion, body: str, suggest_report: bool = False) -> AdviceMessage:
    """The advice point answers (or suggests making a report); the asker reads it in the mailbox and,
    if they left an address, gets an email that says only that there is something to read."""
    if not _is_cci(user):
        raise AdviceRefused("not the advice point")
    question = AdviceQuestion.objects.select_for_update().get(pk=question.pk)
    if question.is_converted:
        raise AdviceRefused("converted")
    now = timezone.now()
    kind = AdviceMessage.Kind.SUGGEST_REPORT if suggest_report else AdviceMessage.Kind.MESSAGE
    message = AdviceMessage(question=question, direction=AdviceMessage.Direction.TO_ASKER, sender=user, kind=kind, sent_at=now)
    message.seal("body", body.strip())
    message.full_clean()
    message.save()
    question.awaiting_reply_since = None
    question.answered_at = question.answered_at or now
    question.last_activity_at = now
    question.save(update_fields=["awaiting_reply_since", "answered_at", "last_activity_at"])
    audit_record(actor=user, action="advice_question.answered", target=question, message=str(message.pk), kind=kind)
    if question.contact_sealed and "@" in question.unseal("contact"):
        from . import tasks

        question_id = str(question.pk)
        transaction.on_commit(lambda: tasks.advice_asker_notify.delay(question_id))
    return message


def advice_question_read(*, user, question: AdviceQuestion) -> dict:
    """The question, the asker's address and the thread for the advice point; the read is audited."""
    if not _is_cci(user):
        raise AdviceRefused("not the advice point")
    audit_record(actor=user, action="advice_question.read", target=question)
    return {
        "question": question.unseal("question"),
        "contact": question.unseal("contact"),
        "thread": [(m, m.unseal("body")) for m in question.messages.select_related("sender")],
    }


@transaction.atomic
def advice_messages_mark_read(*, question: AdviceQuestion) -> None:
    question.messages.filter(direction=AdviceMessage.Direction.TO_ASKER, read_at__isnull=True).update(read_at=timezone.now())


def advice_question_to_report(*, question: AdviceQuestion, category: Category, post, narrative: str, language: str) -> Report:
    """The asker turns their question into a report, in one step they confirm. The report is filed at
    the central point, anonymously, with the text the asker confirmed; the asker's receipt code now
    opens that report's mailbox (the question's code moves to the report, so there is one code to keep).
    Only the asker can do this: there is no desk path."""
    with transaction.atomic():
        locked = AdviceQuestion.objects.select_for_update().get(pk=question.pk)
        if locked.is_converted:
            raise AdviceRefused("converted")
        receipt = AdviceReceipt.objects.select_for_update().filter(question=locked).first()
        if receipt is None:
            raise AdviceRefused("no code")
        submitted = intake_services.report_submit(
            details=intake_services.ReportDetails(category=category, post=post, narrative=narrative.strip(), is_anonymous=True),
            channel=Channel.CENTRAL, language=language, submission_token=f"advice-question:{locked.pk}",
        )
        report = submitted.report
        # The same code, now the report's: the code report_submit drew is never shown and is replaced.
        lookup, secret_hash = receipt.lookup, receipt.secret_hash
        receipt.delete()
        ReceiptCode.objects.filter(report=report).delete()
        ReceiptCode.objects.create(report=report, lookup=lookup, secret_hash=secret_hash)
        locked.report, locked.converted_at, locked.awaiting_reply_since = report, timezone.now(), None
        locked.save(update_fields=["report", "converted_at", "awaiting_reply_since"])
        audit_record(actor=None, actor_label=ASKER, action="advice_question.converted", target=locked, report=str(report.pk))
    return report


def advice_question_desk_notice(*, question_id: str) -> int:
    from django.urls import reverse

    from meldpunt.channels.selectors import cci_staff_emails
    from meldpunt.notifications import notify

    if not AdviceQuestion.objects.filter(pk=question_id).exists():
        return 0
    link = reverse("cases:advice-question", kwargs={"question_id": question_id})
    return notify(recipients=cci_staff_emails(), template="advice_question_new", language="nl", link=link)


def advice_asker_notice(*, question_id: str) -> int:
    from django.urls import reverse

    from meldpunt.notifications import ADVICE_ASKER_PREFIX, notify

    question = AdviceQuestion.objects.filter(pk=question_id).first()
    if question is None or question.is_shredded:
        return 0
    return notify(
        recipients=[f"{ADVICE_ASKER_PREFIX}{question.pk}"], template="reporter_nudge", language=question.language,
        link=reverse("intake:mailbox-sign-in"),
    )

