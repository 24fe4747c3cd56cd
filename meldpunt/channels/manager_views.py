"""The manager's pages: record a report a staff member brought (a draft, then forwarded to the CCI),
hand over the receipt code, follow the public status, ask the advice point. Thin: forms validate,
services write, selectors decide what the manager may see."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import role_required
from meldpunt.intake import held_codes, slips

from . import selectors, services
from .forms import AdviceRequestForm, ManagerReportForm, SlipLanguageForm
from .models import ManagerDraft


def _receipt_slot(report_id) -> str:
    return f"manager-slip:{report_id}"


def _receipt_to_slip(request, *, report_id, code: str, language: str):
    """Hold the staff member's code for the manager's slip page (ciphertext in the session, key in a
    cookie on that page only) and go there."""
    response = redirect("manager:receipt", report_id=report_id)
    held_codes.hold(
        request, response, slot=_receipt_slot(report_id), code=code, language=language,
        path=reverse("manager:receipt", kwargs={"report_id": report_id}),
    )
    return response


def _slip_language(value: str) -> str:
    return value if value in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@role_required(Role.MANAGER)
@require_GET
def home(request):
    user = request.user
    reports = Paginator(selectors.manager_reports(user), 25).get_page(request.GET.get("page"))
    context = {
        "drafts": selectors.manager_unforwarded_drafts(user),
        "reports": reports,
        "advice_requests": selectors.manager_advice_requests(user)[:50],
    }
    return render(request, "channels/manager_home.html", context)


@role_required(Role.MANAGER)
@require_GET
@never_cache
def draft_new(request):
    """An empty form whose id is made now, so saving it twice keeps one draft."""
    form = ManagerReportForm()
    return render(request, "channels/manager_draft.html", {"form": form, "draft": None, "draft_id": uuid.uuid4()})


def _draft_input(form) -> services.DraftInput:
    data = form.cleaned_data
    return services.DraftInput(
        category=data.get("category"),
        post=data.get("post"),
        narrative=data.get("narrative", ""),
        occurred_when=data.get("occurred_when", ""),
        involved=data.get("involved", ""),
        witnesses=data.get("witnesses", ""),
        identity=data["identity"],
        reporter_name=data.get("reporter_name", ""),
        reporter_contact=data.get("reporter_contact", ""),
        slip_language=data["slip_language"],
    )


def _draft_form_initial(draft: ManagerDraft, text: dict) -> dict:
    return {
        "category": draft.category_id, "post": draft.post_id, "identity": draft.identity,
        "slip_language": draft.slip_language, **text,
    }


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
@never_cache
def draft(request, draft_id):
    user = request.user
    existing = selectors.manager_draft(user, draft_id)
    if request.method == "GET":
        if existing is None:
            raise Http404
        if existing.is_forwarded:
            return redirect("manager:report", report_id=existing.report_id)
        text = services.manager_draft_read(manager=user, draft=existing)
        form = ManagerReportForm(initial=_draft_form_initial(existing, text))
        return render(request, "channels/manager_draft.html", {"form": form, "draft": existing, "draft_id": draft_id})

    if existing is None and selectors.draft_id_held_by_someone_else(user, draft_id):
        raise Http404
    form = ManagerReportForm(request.POST)
    context = {"form": form, "draft": existing, "draft_id": draft_id}
    if existing is not None and existing.is_forwarded:
        if request.POST.get("action") == "forward":
            # A second click on "forward": the report is there; show the code if it is still waiting.
            return redirect("manager:receipt", report_id=existing.report_id)
        context["already_forwarded"] = True
        return render(request, "channels/manager_draft.html", context, status=409)
    if not form.is_valid():
        return render(request, "channels/manager_draft.html", context, status=400)
    try:
        saved = services.manager_draft_save(manager=user, draft_id=draft_id, data=_draft_input(form))
    except PermissionDenied:
        raise Http404 from None  # another manager's draft: do not tell that it exists
    except services.AlreadyForwarded as forwarded:
        context.update(draft=forwarded.draft, already_forwarded=True)
        return render(request, "channels/manager_draft.html", context, status=409)
    context["draft"] = saved
    if request.POST.get("action") != "forward":
        # Translators: Legal meaning, translate exactly and say no more than the English; who decides and who passes what to whom is legal meaning: keep consent, the receiving desk and 'only if' exactly as in the English. Terms: locale/glossary.tsv.
        messages.success(request, _("Draft saved. It has not been forwarded to the CCI yet."))
        return redirect("manager:draft", draft_id=saved.pk)
    if not form.check_ready_to_forward():
        context["saved_not_forwarded"] = True
        return render(request, "channels/manager_draft.html", context, status=400)
    submitted = services.manager_draft_forward(manager=user, draft_id=saved.pk, language=get_language())
    if submitted.receipt_code:
        return _receipt_to_slip(
            request, report_id=submitted.report.pk, code=submitted.receipt_code, language=_slip_language(saved.slip_language)
        )
    return redirect("manager:receipt", report_id=submitted.report.pk)


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
@never_cache
def receipt(request, report_id):
    """The staff member's receipt code on a slip in their language, to print and hand over. It stays
    (through reloads and a failed print) until the manager confirms the hand-over (POST), then it is gone."""
    report = selectors.manager_report(request.user, report_id)
    if report is None:
        raise Http404
    here = reverse("manager:receipt", kwargs={"report_id": report.pk})
    if request.method == "POST":
        response = redirect(here)
        held_codes.release(request, response, slot=_receipt_slot(report.pk), path=here)
        return response
    held = held_codes.read(request, slot=_receipt_slot(report.pk))
    context = {"report": report, "confirm_url": here}
    if held:
        context.update(slips.slip_context(request, code_display=held.display, language=_slip_language(held.language)))
    return render(request, "channels/manager_receipt.html", context)


@role_required(Role.MANAGER)
@require_GET
def report(request, report_id):
    """The public status of a report this manager recorded: no text, no notes of the desk."""
    found = selectors.manager_report(request.user, report_id)
    if found is None:
        raise Http404
    return render(request, "channels/manager_report.html", {"report": found})


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
@never_cache
def advice_new(request):
    form = AdviceRequestForm(request.POST or None, manager=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            advice = services.advice_request_ask(
                manager=request.user, request_id=data["request_id"], category=data["category"], post=data["post"],
                question=data["question"], language=get_language(),
            )
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("Your question has been sent to the advice point. You will get an email when it is answered."))
        return redirect("manager:advice", advice_id=advice.pk)
    return render(request, "channels/manager_advice_new.html", {"form": form}, status=400 if form.is_bound else 200)


@role_required(Role.MANAGER)
@require_GET
def advice(request, advice_id):
    found = selectors.manager_advice_request(request.user, advice_id)
    if found is None:
        raise Http404
    text = services.advice_request_read(user=request.user, advice=found)
    context = {"advice": found, "text": text, "slip_form": SlipLanguageForm()}
    return render(request, "channels/manager_advice.html", context)


@role_required(Role.MANAGER)
@require_POST
def advice_convert(request, advice_id):
    found = selectors.manager_advice_request(request.user, advice_id)
    if found is None:
        raise Http404
    slip_form = SlipLanguageForm(request.POST)
    language = slip_form.cleaned_data["slip_language"] if slip_form.is_valid() else get_language()
    submitted = services.advice_request_convert(user=request.user, advice_id=found.pk)
    if submitted.receipt_code:
        return _receipt_to_slip(request, report_id=submitted.report.pk, code=submitted.receipt_code, language=_slip_language(language))
    return redirect("manager:receipt", report_id=submitted.report.pk)
