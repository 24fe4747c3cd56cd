"""Early exclusion (cases/exclusion.py): the coordinator confirms that the persons concerned are kept out."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meldpunt.accounts.permissions import role_required

from . import exclusion
from .services import ActionRefused
from .views import COORDINATOR_ROLES, _refused, _visible_report


@role_required(*COORDINATOR_ROLES)
@require_POST
def desk_involvement_clear(request, report_id):
    report = _visible_report(request, report_id)
    try:
        exclusion.report_desk_involvement_clear(report=report, actor=request.user)
    except ActionRefused as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("The desk's handlers may now see this report; those excluded from its case still do not."))
    return redirect("cases:report-detail", report_id=report.pk)
