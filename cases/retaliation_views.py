"""The page of one retaliation concern (cases/retaliation.py): the reporter's words, the messages,
the assessment, the measures, and closing with an outcome."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from meldpunt.accounts.permissions import role_required
from meldpunt.form_text import TypedTextMixin
from meldpunt.intake.selectors import mailbox_messages

from . import retaliation
from .forms import _date, _text
from .models import ConcernOutcome, RetaliationMeasure
from .services import ActionRefused
from .views import COORDINATOR_ROLES, _refused


class ConcernMessageForm(TypedTextMixin, forms.Form):
    body = _text(gettext_lazy("Message to the reporter"), rows=4,
                 help_text=gettext_lazy("The reporter reads this in the secure mailbox, never by email."))
    feedback = forms.BooleanField(label=gettext_lazy("This message is the feedback on what is being done"), required=False)


class ConcernAssessmentForm(TypedTextMixin, forms.Form):
    assessment = _text(gettext_lazy("Assessment (what happened to the reporter, is it linked to the report, risk)"), rows=5)


class ConcernMeasureForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Measure"), choices=RetaliationMeasure.Kind.choices)
    taken_on = _date(gettext_lazy("Taken on"))


class ConcernCloseForm(TypedTextMixin, forms.Form):
    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=ConcernOutcome.choices, widget=forms.RadioSelect)
    reasons = _text(gettext_lazy("Reasons for the outcome"), rows=4)
    message = _text(gettext_lazy("Message to the reporter with the outcome"), rows=4)


FORMS = {"message": ConcernMessageForm, "assess": ConcernAssessmentForm, "measure": ConcernMeasureForm, "close": ConcernCloseForm}
# Each form's heading and button on the page, in order.
STEPS = [
    ("message", gettext_lazy("Write to the reporter"), gettext_lazy("Send")),
    ("assess", gettext_lazy("Record the assessment"), gettext_lazy("Save")),
    ("measure", gettext_lazy("Record a measure"), gettext_lazy("Save")),
    ("close", gettext_lazy("Close with an outcome"), gettext_lazy("Close the concern")),
]


def _act(action: str, concern, actor, data: dict) -> None:
    if action == "message":
        retaliation.concern_message(concern_id=concern.pk, actor=actor, **data)
    elif action == "assess":
        retaliation.concern_assess(concern_id=concern.pk, actor=actor, **data)
    elif action == "measure":
        retaliation.concern_measure_add(concern_id=concern.pk, actor=actor, **data)
    else:
        retaliation.concern_close(concern_id=concern.pk, actor=actor, **data)


@role_required(*COORDINATOR_ROLES)
@require_http_methods(["GET", "POST"])
def concern_detail(request, concern_id):
    concern = retaliation.concern_for(request.user, concern_id)
    if concern is None:
        raise Http404
    action = request.POST.get("action", "")
    bound = None
    if request.method == "POST":
        if action not in FORMS:
            raise Http404
        bound = FORMS[action](request.POST)
        if bound.is_valid():
            try:
                _act(action, concern, request.user, bound.cleaned_data)
            except ActionRefused as exc:
                _refused(request, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("cases:concern-detail", concern_id=concern.pk)
    steps = [(name, title, button, bound if name == action and bound is not None else FORMS[name](initial={"taken_on": timezone.localdate()}))
             for name, title, button in STEPS]
    context = {
        "concern": concern, "steps": steps, "sealed": retaliation.concern_read(concern=concern, actor=request.user),
        "measures": list(concern.measures.all()),
        # The mailbox since the concern opened: the reporter's answers as well as the desk's messages.
        "thread": [m for m in mailbox_messages(report=concern.report) if m.sent_at >= concern.opened_at],
    }
    return render(request, "cases/concern_detail.html", context, status=400 if request.method == "POST" else 200)
