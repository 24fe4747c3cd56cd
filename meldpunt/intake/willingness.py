"""Willingness to report (issue 16 point 5): the form, the service and the view in one small module,
so the receipt page and the mailbox only include a template. Nothing ties an answer to a report."""

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import selectors
from .models import WillingnessAnswer

Answer = WillingnessAnswer.Answer


class WillingnessForm(forms.Form):
    moment = forms.ChoiceField(choices=WillingnessAnswer.Moment.choices, widget=forms.HiddenInput)
    would_report_again = forms.ChoiceField(label=_("Would you report again?"), choices=Answer.choices, required=False,
                                           widget=forms.RadioSelect)
    felt_safe = forms.ChoiceField(label=_("Did you feel safe reporting?"), choices=Answer.choices, required=False,
                                  widget=forms.RadioSelect)

    def clean(self):
        data = super().clean()
        if not data.get("would_report_again") and not data.get("felt_safe"):
            raise forms.ValidationError(_("Choose an answer to at least one question."))
        return data


# Set when a report is filed: the desk it went to, for the answers given on the receipt page.
SESSION_WILLINGNESS_DESK = "willingness_desk"


def willingness_answer_record(*, moment: str, would_report_again: str, felt_safe: str, desk: str = "") -> WillingnessAnswer:
    answer = WillingnessAnswer(moment=moment, year=timezone.localdate().year, desk=desk,
                               would_report_again=would_report_again, felt_safe=felt_safe)
    answer.full_clean()
    answer.save()
    return answer  # no audit event: it would put a time next to the answer


def _desk_of_this_reporter(request, moment: str) -> str:
    """After closure: the desk of the report whose mailbox is open; after sending: the desk the report
    just filed went to. Never from the form, so an answer cannot be counted for another desk."""
    if moment == WillingnessAnswer.Moment.AFTER_CLOSURE:
        report = selectors.mailbox_open_in_session(session=request.session).report
        return report.desk if report is not None else ""
    return request.session.get(SESSION_WILLINGNESS_DESK, "")


@require_POST
def willingness(request):
    form = WillingnessForm(request.POST)
    if form.is_valid():
        willingness_answer_record(**form.cleaned_data, desk=_desk_of_this_reporter(request, form.cleaned_data["moment"]))
        return render(request, "intake/willingness_thanks.html")
    return render(request, "intake/willingness_form.html", {"form": form}, status=400)
