from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import role_required
from meldpunt.intake.selectors import mailbox_messages

from . import selectors, services
from .forms import ReplyForm

DESK_ROLES = (Role.CCI_HANDLER, Role.CCI_COORDINATOR, Role.EXTERNAL_HANDLER, Role.EXTERNAL_COORDINATOR)


@role_required(*DESK_ROLES)
def inbox(request):
    page = Paginator(selectors.desk_inbox(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "cases/inbox.html", {"page": page})


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def report_detail(request, report_id):
    report = get_object_or_404(selectors.reports_visible_to(request.user).select_related("category", "post"), pk=report_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_reply(user=request.user, report=report, body=form.cleaned_data["body"])
        messages.success(request, _("Your message is in the reporter's mailbox."))
        return redirect("cases:report-detail", report_id=report.pk)
    services.report_read_by_staff(user=request.user, report=report)
    context = {
        "report": report,
        "sealed": {field: report.unseal(field) for field in report.SEALED_FIELDS},
        "thread": mailbox_messages(report=report),
        "form": form,
    }
    return render(request, "cases/report_detail.html", context, status=400 if form.is_bound else 200)
