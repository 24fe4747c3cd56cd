"""The asker's pages: ask a question, read the answers and write back, turn the question into a report.
Thin: forms validate, services write. No IP address is read or kept here."""

import time

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from meldpunt.intake import held_codes
from meldpunt.intake import views as intake_views

from . import selectors, services
from .forms import AdviceQuestionForm, AdviceReplyForm, AdviceToReportForm

SESSION_ADVICE = "mailbox_advice"
SESSION_RECEIPT_FOR = "receipt_for"  # "advice" while the receipt page shows a question's code


def open_for(request, question) -> None:
    """Open this question's mailbox in this browser (after the code was checked)."""
    request.session.cycle_key()
    request.session.pop(intake_views.SESSION_MAILBOX, None)
    request.session[SESSION_ADVICE] = str(question.pk)
    request.session[intake_views.SESSION_MAILBOX_UNTIL] = time.time() + settings.MAILBOX_IDLE_SECONDS


def _open_question(request):
    """The question whose mailbox this browser has open, or None (the same idle timeout as a report's)."""
    question_id = request.session.get(SESSION_ADVICE)
    if not question_id:
        return None
    if request.session.get(intake_views.SESSION_MAILBOX_UNTIL, 0) < time.time():
        request.session.pop(SESSION_ADVICE, None)
        request.mailbox_timed_out = True
        return None
    request.session[intake_views.SESSION_MAILBOX_UNTIL] = time.time() + settings.MAILBOX_IDLE_SECONDS
    return selectors.question_for_mailbox(question_id=question_id)


def _question_or_elsewhere(request):
    """(the open question, None), or (None, where to go): sign in again, or the report it became."""
    question = _open_question(request)
    if question is None:
        return None, intake_views._mailbox_closed(request)
    if question.is_converted:
        return None, _now_a_report(request, question.report_id)
    return question, None


def _now_a_report(request, report_id, done=""):
    """The question became a report: its code opens the report's mailbox, and so does this browser."""
    request.session.pop(SESSION_ADVICE, None)
    if report_id:
        request.session[intake_views.SESSION_MAILBOX] = str(report_id)
    return redirect(reverse("intake:mailbox") + (f"?done={done}" if done else ""))


@never_cache
@require_http_methods(["GET", "POST"])
def ask(request):
    form = AdviceQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        asked = services.advice_question_ask(
            question=form.cleaned_data["narrative"], contact=form.cleaned_data["contact"], language=get_language(),
            submission_token=form.cleaned_data["submission_token"],
        )
        response = redirect("intake:receipt")
        if asked.receipt_code:
            held_codes.hold(
                request, response, slot=intake_views.RECEIPT_SLOT, code=asked.receipt_code, language=get_language(),
                path=reverse("intake:receipt"),
            )
            request.session.pop(intake_views.SESSION_RECEIPT_SAVED, None)
            request.session.pop(intake_views.SESSION_RECEIPT_REISSUED, None)
            request.session[SESSION_RECEIPT_FOR] = "advice"
        return response
    return render(request, "advice/ask.html", {"form": form}, status=400 if form.is_bound else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def mailbox(request):
    question, elsewhere = _question_or_elsewhere(request)
    if elsewhere is not None:
        return elsewhere
    form = AdviceReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.advice_message_from_asker(question=question, body=form.cleaned_data["body"])
        return redirect(reverse("advice:mailbox") + "?sent=1")
    thread = selectors.mailbox_thread(question=question)
    services.advice_messages_mark_read(question=question)
    context = {
        "question": question,
        "question_text": question.unseal("question"),
        "thread": thread,
        "suggested": any(m.kind == m.Kind.SUGGEST_REPORT for m, _body in thread),
        "form": form,
        "sent": request.GET.get("sent") == "1",
    }
    return render(request, "advice/mailbox.html", context, status=400 if form.is_bound else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def to_report(request):
    """Turn my question into a report: the question's text carried over, the asker confirms in one step."""
    question, elsewhere = _question_or_elsewhere(request)
    if elsewhere is not None:
        return elsewhere
    initial = {"narrative": question.unseal("question")}
    form = AdviceToReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.advice_question_to_report(
                question=question, category=form.cleaned_data["category"], post=form.cleaned_data["post"],
                narrative=form.cleaned_data["narrative"], language=get_language(),
            )
        except services.AdviceRefused:
            question.refresh_from_db()
            return _now_a_report(request, question.report_id)
        return _now_a_report(request, report.pk, done="reported")
    return render(request, "advice/to_report.html", {"form": form}, status=400 if form.is_bound else 200)
