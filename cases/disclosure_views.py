"""Pages of identity disclosure (cases/disclosure.py): the report's requests with a form for a new one,
and one request with its steps, the coordinator's decision and, once approved, the identity to pass on."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from meldpunt.accounts.permissions import role_required
from meldpunt.form_text import TypedTextMixin
from meldpunt.intake.models import IdentityDisclosure

from . import disclosure
from .forms import _text
from .services import ActionRefused
from .views import DESK_ROLES, _refused, _visible_report


class DisclosureRequestForm(TypedTextMixin, forms.Form):
    recipient_kind = forms.ChoiceField(label=gettext_lazy("To whom"), choices=IdentityDisclosure.Recipient.choices)
    recipient = forms.CharField(label=gettext_lazy("Who exactly (name, role or body)"), max_length=300)
    purpose = _text(gettext_lazy("Why the identity is needed"), rows=3)
    basis = forms.ChoiceField(label=gettext_lazy("Ground"), choices=IdentityDisclosure.Basis.choices, widget=forms.RadioSelect)
    legal_ground = _text(gettext_lazy("The legal duty (only under a legal duty)"), rows=2, required=False)
    notice = _text(
        gettext_lazy("Notice to the reporter, with the reasons"), rows=5, required=False,
        help_text=gettext_lazy("Sent to the secure mailbox; write it in the reporter's language. With consent, it asks for their answer."),
    )
    withhold_reasons = _text(
        gettext_lazy("Only under a legal duty: why telling the reporter beforehand would jeopardise the investigation"),
        rows=3, required=False,
    )


def _form_values(form) -> dict:
    return {k: form.cleaned_data[k] for k in ("recipient_kind", "recipient", "purpose", "basis", "legal_ground", "notice", "withhold_reasons")}


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def disclosure_list(request, report_id):
    report = _visible_report(request, report_id)
    form = DisclosureRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = disclosure.disclosure_request(report=report, actor=request.user, **_form_values(form))
        except ActionRefused as exc:
            _refused(request, exc)
        else:
            messages.success(request, _("The request is recorded. The identity stays sealed until a coordinator who did not ask approves it."))
            return redirect("cases:disclosure-detail", report_id=report.pk, disclosure_id=made.pk)
    context = {"report": report, "form": form, "disclosures": disclosure.disclosures_for(user=request.user, report=report)}
    return render(request, "cases/disclosures.html", context, status=400 if form.is_bound else 200)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def disclosure_detail(request, report_id, disclosure_id):
    report = _visible_report(request, report_id)
    item = next((d for d in disclosure.disclosures_for(user=request.user, report=report) if d.pk == disclosure_id), None)
    if item is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "identity":
                identity = disclosure.disclosure_identity_read(report=report, disclosure=item, actor=request.user)
                return render(request, "cases/disclosure.html", _detail_context(report, item, identity=identity))
            disclosure.disclosure_decide(report=report, disclosure_id=item.pk, actor=request.user, approve=action == "approve")
        except ActionRefused as exc:
            _refused(request, exc)
        return redirect("cases:disclosure-detail", report_id=report.pk, disclosure_id=item.pk)
    return render(request, "cases/disclosure.html", _detail_context(report, item))


def _detail_context(report, item, *, identity=None) -> dict:
    return {
        "report": report, "item": item, "identity": identity, "missing": disclosure.disclosure_missing(item),
        "sealed": {f: item.unseal(f) for f in ("recipient", "purpose", "legal_ground", "notice_withheld")},
        "notice_text": item.notice.unseal("body") if item.notice_id else "",
    }
