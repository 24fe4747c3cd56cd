"""The advice point: the CCI reads and answers managers' advice requests, and can turn one into a report.

Only the CCI: the external desk and everyone else are refused by role and by the selector."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import role_required
from meldpunt.channels import selectors as channel_selectors
from meldpunt.channels import services as channel_services

from .advice_forms import AdviceAnswerForm

CCI_ROLES = (Role.CCI_HANDLER, Role.CCI_COORDINATOR)


@role_required(*CCI_ROLES)
def advice_list(request):
    page = Paginator(channel_selectors.advice_inbox(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "cases/advice_list.html", {"page": page})


@role_required(*CCI_ROLES)
@require_http_methods(["GET", "POST"])
def advice_detail(request, advice_id):
    advice = get_object_or_404(channel_selectors.advice_requests_for_desk(request.user), pk=advice_id)
    form = AdviceAnswerForm(request.POST or None)
    status = 200
    context = {"advice": advice, "form": form}
    if request.method == "POST":
        status = 400
        if not advice.is_answered and form.is_valid():
            try:
                channel_services.advice_request_answer(
                    user=request.user, advice_id=advice.pk, answer=form.cleaned_data["answer"]
                )
            except channel_services.AlreadyAnswered:
                advice.refresh_from_db()
            else:
                messages.success(
                    request, _("Your advice has been sent. The manager gets an email that it is there, without its content.")
                )
                return redirect("cases:advice-detail", advice_id=advice.pk)
        if advice.is_answered:
            # Someone answered first: show what this person typed so it is not lost, but send nothing.
            status = 409
            context["unsent_answer"] = request.POST.get("answer", "")
    context["text"] = channel_services.advice_request_read(user=request.user, advice=advice)
    return render(request, "cases/advice_detail.html", context, status=status)


@role_required(*CCI_ROLES)
@require_POST
def advice_convert(request, advice_id):
    advice = get_object_or_404(channel_selectors.advice_requests_for_desk(request.user), pk=advice_id)
    submitted = channel_services.advice_request_convert(user=request.user, advice_id=advice.pk)
    if submitted.receipt_code:
        messages.success(request, _("The advice request is now report %(reference)s in the inbox.") % {"reference": submitted.report.reference})
    else:
        messages.info(request, _("This advice request was already turned into report %(reference)s.") % {"reference": submitted.report.reference})
    return redirect("cases:advice-detail", advice_id=advice.pk)
