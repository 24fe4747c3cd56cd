"""Every email the suite sends is checked: none may carry the text of a report or a message."""

from django.core import mail

from meldpunt.intake.models import MailboxMessage, Report


def sealed_texts() -> list[str]:
    texts = []
    for report in Report.objects.all():
        if report.is_shredded:
            continue
        # The reporter's own address is where a nudge goes; everything else must never appear.
        texts += [report.unseal(field) for field in Report.SEALED_FIELDS if field not in ("reporter_contact", "follows_claim")]
    for message in MailboxMessage.objects.select_related("report"):
        if not message.report.is_shredded:
            texts.append(message.unseal("body"))
    texts += channel_texts()
    texts += translation_texts()
    texts += advice_texts()
    return [t for t in texts if t and len(t) >= 8]


def channel_texts() -> list[str]:
    """What managers typed: unforwarded drafts, advice questions and the CCI's answers."""
    from meldpunt.channels.models import AdviceRequest, ManagerDraft

    texts = []
    for draft in ManagerDraft.objects.filter(forwarded_at__isnull=True):
        texts += [draft.unseal(field) for field in ManagerDraft.SEALED_FIELDS if field != "reporter_contact"]
    for advice in AdviceRequest.objects.all():
        texts += [advice.unseal(field) for field in AdviceRequest.SEALED_FIELDS]
    return texts


def advice_texts() -> list[str]:
    """What askers and the advice point wrote (meldpunt/advice); the asker's own address aside."""
    from meldpunt.advice.models import AdviceMessage, AdviceQuestion

    texts = [q.unseal("question") for q in AdviceQuestion.objects.exclude(wrapped_key="")]
    return texts + [m.unseal("body") for m in AdviceMessage.objects.select_related("question").exclude(question__wrapped_key="")]


def assert_no_report_text_in_outbox() -> None:
    if not mail.outbox:
        return
    texts = sealed_texts()
    for message in mail.outbox:
        content = message.subject + message.body + "".join(str(a[0]) for a in getattr(message, "alternatives", []))
        for text in texts:
            assert text not in content, f"An email carries report text: {message.subject!r}"


def translation_texts() -> list[str]:
    """Texts given to translators and their translations (cases/translating)."""
    from cases.models import TranslationRequest

    texts = []
    for request in TranslationRequest.objects.select_related("report"):
        if not request.report.is_shredded:
            texts += [request.unseal("source"), request.unseal("translation")]
    return texts
