"""The advice point's questions from any employee (meldpunt/advice): the CCI reads and answers them in
the asker's mailbox, and may suggest a report; only the asker can turn a question into a report.

Only the CCI: the external desk and everyone else are refused by role and by the selector."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from meldpunt.accounts.permissions import role_required
from meldpunt.advice import selectors as advice_selectors
from meldpunt.advice import services as advice_services

from .advice_reminders import advice_reply_due
from .advice_views import CCI_ROLES


class AdviceQuestionReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your answer to the asker"),
        max_length=settings.REPORT_TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("The asker reads this in their mailbox; an email, if they gave an address, says only that there is an answer."),
    )
    suggest_report = forms.BooleanField(
        label=gettext_lazy("Suggest that the asker turns the question into a report (only the asker can do it)"),
        required=False,
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write your answer before sending."))
        return body


def reply_due(question):
    """When the advice point's answer is due (None when no answer is owed)."""
    return advice_reply_due(question.awaiting_reply_since) if question.awaiting_reply_since else None


@role_required(*CCI_ROLES)
def question_list(request):
    questions = advice_selectors.questions_visible_to(request.user).order_by("awaiting_reply_since", "-last_activity_at")
    page = Paginator(questions, 50).get_page(request.GET.get("page"))
    rows = [(question, reply_due(question)) for question in page.object_list]
    return render(request, "cases/advice_questions.html", {"page": page, "rows": rows})


@role_required(*CCI_ROLES)
@require_http_methods(["GET", "POST"])
def question_detail(request, question_id):
    question = get_object_or_404(advice_selectors.questions_visible_to(request.user), pk=question_id)
    form = AdviceQuestionReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not question.is_converted:
        advice_services.advice_message_to_asker(
            user=request.user, question=question, body=form.cleaned_data["body"],
            suggest_report=form.cleaned_data["suggest_report"],
        )
        messages.success(request, _("Your answer is in the asker's mailbox."))
        return redirect("cases:advice-question", question_id=question.pk)
    context = {
        "question": question, "form": form, "reply_due": reply_due(question),
        "text": advice_services.advice_question_read(user=request.user, question=question),
    }
    return render(request, "cases/advice_question.html", context, status=400 if form.is_bound else 200)
