"""Translation pages. Thin: selectors decide what is visible, forms validate, services write.

The desk's pages (cases namespace) ask for translations and approve held messages; the translator's
pages (translate namespace) show an assigned text and take its translation."""

import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from meldpunt.accounts import models as accounts_models
from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import role_required
from meldpunt.local_dates import language_label as language_name
from meldpunt.local_dates import local_date

from .. import selectors as desk_selectors
from ..services import ActionRefused, AlreadyDone
from . import selectors, services
from .forms import ProvideForm, TranslationRequestForm
from .models import SourceKind

DESK_ROLES = accounts_models.DESK_ROLES
def warn_if_endangered(request, report, due_at) -> None:
    """Tell the handler at once when the translation would arrive on or after a legal deadline."""
    endangered = services.endangered_deadline(report=report, due_at=due_at)
    if endangered:
        clock, due = endangered
        what = _("acknowledgement") if clock == "acknowledgement" else _("feedback")
        messages.warning(request, _("The translation is due on or after the %(what)s deadline (%(date)s): choose an earlier time or tell the coordinator.") % {
            "what": what, "date": local_date(due)})


# --- the desk -----------------------------------------------------------------------------------------


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def translation_new(request, report_id):
    """Ask for one text of the report (the report itself, a message, an addition, minutes) in Dutch or English."""
    report = get_object_or_404(desk_selectors.reports_visible_to(request.user), pk=report_id)
    data = request.POST if request.method == "POST" else request.GET
    kind, source_id = data.get("text", SourceKind.NARRATIVE), data.get("id", "")
    if kind not in SourceKind.values or kind == SourceKind.OUTGOING:
        raise Http404
    initial = {"target_language": request.LANGUAGE_CODE if request.LANGUAGE_CODE in services.DESK_LANGUAGES else "nl"}
    form = TranslationRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.translation_request(
                actor=request.user, report=report, source_kind=kind, source_id=source_id,
                source_language=form.cleaned_data["source_language"], target_language=form.cleaned_data["target_language"],
                translator=form.cleaned_data["translator"], due_at=form.cleaned_data["due_at"], form_token=form.cleaned_data["form_token"],
            )
        except AlreadyDone:
            return redirect("cases:report-detail", report_id=report.pk)
        except ActionRefused as exc:
            form.add_error(None, "; ".join(exc.reasons))
        else:
            messages.success(request, _("The translation was asked for. The translator sees this one text until they deliver it."))
            warn_if_endangered(request, report, created.due_at)
            return redirect(f"{report_url(report)}#translations")
    context = {"report": report, "form": form, "kind": SourceKind(kind), "source_id": source_id,
               "written_language": language_name(services.written_language_of(report))}
    return render(request, "translating/request_form.html", context, status=400 if form.is_bound else 200)


def report_url(report) -> str:
    return reverse("cases:report-detail", kwargs={"report_id": report.pk})


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def translation_detail(request, request_id):
    """A translation beside its original; a held message is approved (and sent) or withdrawn here."""
    translation = selectors.translation_for(request.user, request_id)
    if translation is None:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "approve":
                services.translation_approve(actor=request.user, request_id=translation.pk, form_token=request.POST.get("form_token", ""))
                messages.success(request, _("The translated message is in the reporter's mailbox."))
            elif action == "withdraw":
                services.translation_withdraw(actor=request.user, request_id=translation.pk)
                messages.success(request, _("The request was withdrawn; the translator no longer sees the text."))
            else:
                raise Http404
        except ActionRefused as exc:
            for reason in exc.reasons:
                messages.error(request, reason)
            return redirect("cases:translation-detail", request_id=translation.pk)
        return redirect(f"{report_url(translation.report)}#translations")
    services.translations_read(user=request.user, report=translation.report, requests=[translation])
    context = {
        "t": translation, "report": translation.report,
        "source": translation.unseal("source"), "translation": translation.unseal("translation"),
        "source_language": language_name(translation.source_language), "target_language": language_name(translation.target_language),
        "form_token": uuid.uuid4().hex,
    }
    return render(request, "translating/translation_detail.html", context)


# --- the translator ------------------------------------------------------------------------------------


@role_required(Role.TRANSLATOR)
@require_GET
def assignments(request):
    """The translator's open assignments: language pair and due time only, no reference, no case."""
    rows = [(a, language_name(a.source_language), language_name(a.target_language)) for a in selectors.assignments_for(request.user)]
    return render(request, "translating/assignments.html", {"rows": rows})


@role_required(Role.TRANSLATOR)
@require_http_methods(["GET", "POST"])
def assignment(request, request_id):
    """One assigned text and the box for its translation, while the assignment is open."""
    assigned = selectors.assignment_for(request.user, request_id)
    if assigned is None:
        raise Http404
    form = ProvideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.translation_provide(translator=request.user, request_id=assigned.pk, text=form.cleaned_data["translation"])
        except ActionRefused as exc:
            form.add_error(None, "; ".join(exc.reasons))
        else:
            messages.success(request, _("Thank you: the translation was delivered. The text is no longer open to you."))
            return redirect("translate:assignments")
    services.assignment_read(translator=request.user, request=assigned)
    context = {
        "a": assigned, "source": assigned.unseal("source"), "form": form,
        "source_language": language_name(assigned.source_language), "target_language": language_name(assigned.target_language),
    }
    return render(request, "translating/assignment.html", context, status=400 if form.is_bound else 200)
