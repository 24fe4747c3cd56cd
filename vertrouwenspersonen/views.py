"""Views of the counsellor area. Thin: forms validate, services write, selectors decide who sees what.

Public (no sign-in): the directory, a profile, a photo. Staff, under /staff/counsellors/: the
counsellor's own profile and advice-session log, and the coordinator's directory, coverage, figures
and training records.
"""

import functools

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meldpunt.accounts.models import Role
from meldpunt.accounts.permissions import role_required
from meldpunt.intake import held_codes, slips
from meldpunt.intake.services import ReportDetails
from meldpunt.public_cache import compressed_when_public

from . import posters, selectors, services
from .forms import (
    AdviceSessionForm,
    ComplaintStepForm,
    DirectorySearchForm,
    DisclosureForm,
    ForwardForm,
    PrintForm,
    ProfileForm,
    TrainingAttendanceForm,
    TrainingEventForm,
    TrainingScheduleForm,
    WorkLocationForm,
    disclosure_initial,
    profile_initial,
    session_initial,
    work_location_initial,
)
from .models import Kind, default_editable_groups

PAGE_SIZE = 20
FORWARD_SLOT = "counsellor-slip:{}"


def _service_errors_to_form(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field where the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- public directory -----------------------------------------------------------------------------


@compressed_when_public
@require_GET
def directory(request):
    filtered = bool(request.GET)
    # Unfiltered, the form is only shown, inside the part kept rendered per language: it is made (its
    # fields copied from the class) only when that part is rendered afresh.
    form = DirectorySearchForm(request.GET) if filtered else SimpleLazyObject(DirectorySearchForm)
    data = {}
    if filtered:
        form.is_valid()  # a filter with a wrong value is reported and left out; the others still apply
        data = form.cleaned_data
    filters = selectors.DirectoryFilters(
        q=(data.get("q") or "").strip(),
        post=data.get("post"),
        region=data.get("region"),
        language=data.get("language") or "",
        gender=data.get("gender") or "",
        specialism=data.get("specialism") or "",
        kind=data.get("kind") or "",
        bicultural=bool(data.get("bicultural")),
        lived_experience=bool(data.get("lived_experience")),
        disclosures=form.disclosures() if filtered else (),
    )

    # Worked out only when the page is rendered: the rendered results are kept per language and filters
    # (meldpunt/public_cache.py), so most requests never run these queries.
    @functools.cache
    def page():
        return Paginator(selectors.directory_search(filters), PAGE_SIZE).get_page(request.GET.get("page"))

    @functools.cache
    def cards():
        return selectors.directory_cards(page().object_list)

    context = {"form": form, "page": page, "cards": cards, "filtered": filters.any}
    return render(request, "vertrouwenspersonen/directory.html", context, status=400 if filtered and form.errors else 200)


@compressed_when_public
@require_GET
def profile(request, counsellor_id: int):
    counsellor = selectors.directory_profile(counsellor_id=counsellor_id)
    if counsellor is None:
        raise Http404
    return render(request, "vertrouwenspersonen/profile.html", {"counsellor": counsellor})


@require_GET
def photo(request, counsellor_id: int):
    picture = selectors.directory_photo(counsellor_id=counsellor_id)
    if picture is None:
        raise Http404
    etag = f'"{picture.digest}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified()
    response = HttpResponse(bytes(picture.jpeg), content_type="image/jpeg")
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=3600"
    response["Content-Disposition"] = "inline"
    return response


# --- the counsellor: own profile ------------------------------------------------------------------


@role_required(Role.COUNSELLOR)
@require_http_methods(["GET", "POST"])
def own_profile(request):
    counsellor = selectors.own_profile(request.user)
    if counsellor is None:
        return render(request, "vertrouwenspersonen/own_profile_missing.html")
    editable = services.fields_editable_by_counsellor(counsellor)
    form = ProfileForm(request.POST or None, request.FILES or None, initial=profile_initial(counsellor), editable=editable)
    if request.method == "POST" and form.is_valid():
        try:
            services.counsellor_self_update(actor=request.user, counsellor=counsellor, changes=form.changes())
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("counsellors:own-profile")
    context = {"form": form, "counsellor": counsellor}
    return render(request, "vertrouwenspersonen/own_profile.html", context, status=400 if form.is_bound else 200)


@role_required(Role.COUNSELLOR)
@require_POST
def own_profile_confirm(request):
    counsellor = selectors.own_profile(request.user)
    if counsellor is None:
        raise Http404
    services.counsellor_confirm_current(actor=request.user, counsellor=counsellor)
    messages.success(request, _("Thank you: your profile is marked as current."))
    return redirect("counsellors:own-profile")


@never_cache
@role_required(Role.COUNSELLOR)
@require_http_methods(["GET", "POST"])
def own_disclosures(request):
    """What the counsellor chooses to show (age range, education, faith...): each only with consent."""
    counsellor = selectors.own_profile(request.user)
    if counsellor is None:
        return render(request, "vertrouwenspersonen/own_profile_missing.html")
    form = DisclosureForm(request.POST or None, initial=disclosure_initial(counsellor))
    if request.method == "POST" and form.is_valid():
        try:
            services.counsellor_disclosures_set(
                actor=request.user, counsellor=counsellor, choices=form.choices(), consents=form.consents()
            )
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("Your choices are saved. What you no longer show is removed from the directory at once."))
            return redirect("counsellors:own-disclosures")
    context = {"form": form, "counsellor": counsellor}
    return render(request, "vertrouwenspersonen/own_disclosures.html", context, status=400 if form.is_bound else 200)


# --- the counsellor: advice sessions --------------------------------------------------------------


def _own_session(request, session_id):
    session = selectors.advice_session_of(request.user, session_id)
    if session is None:
        raise Http404  # another counsellor's session does not exist, as far as this user can tell
    return session


@role_required(Role.COUNSELLOR)
@require_GET
def session_list(request):
    page = Paginator(selectors.advice_session_list(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "vertrouwenspersonen/session_list.html", {"page": page})


@never_cache
@role_required(Role.COUNSELLOR)
@require_http_methods(["GET", "POST"])
def session_new(request):
    form = AdviceSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.advice_session_log(
                actor=request.user, submission_token=form.cleaned_data["submission_token"], **form.session_fields()
            )
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("The session is recorded."))
            return redirect("counsellors:session-detail", session_id=session.pk)
    return render(
        request, "vertrouwenspersonen/session_form.html", {"form": form, "session": None},
        status=400 if form.is_bound else 200,
    )


@never_cache
@role_required(Role.COUNSELLOR)
@require_GET
def session_detail(request, session_id):
    session = _own_session(request, session_id)
    advice = services.advice_session_read(actor=request.user, session=session)
    return render(request, "vertrouwenspersonen/session_detail.html", {"session": session, "advice": advice})


@never_cache
@role_required(Role.COUNSELLOR)
@require_http_methods(["GET", "POST"])
def session_edit(request, session_id):
    session = _own_session(request, session_id)
    if request.method == "POST":
        form = AdviceSessionForm(request.POST)
        if form.is_valid():
            try:
                services.advice_session_update(actor=request.user, session=session, **form.session_fields())
            except ValidationError as error:
                _service_errors_to_form(form, error)
            else:
                messages.success(request, _("The session is saved."))
                return redirect("counsellors:session-detail", session_id=session.pk)
    else:
        advice = services.advice_session_read(actor=request.user, session=session)
        form = AdviceSessionForm(initial=session_initial(session, advice))
    return render(
        request, "vertrouwenspersonen/session_form.html", {"form": form, "session": session},
        status=400 if form.is_bound else 200,
    )


@never_cache
@role_required(Role.COUNSELLOR)
@require_http_methods(["GET", "POST"])
def session_forward(request, session_id):
    session = _own_session(request, session_id)
    if session.forwarded_report_id:
        return redirect("counsellors:session-forwarded", session_id=session.pk)
    initial = {"category": session.topic_id, "post": session.post_id, "language": get_language()}
    form = ForwardForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        named = data["identity"] == "named"
        details = ReportDetails(
            category=data["category"], post=data["post"], narrative=data["narrative"],
            occurred_when=data["occurred_when"], involved=data["involved"], witnesses=data["witnesses"],
            is_anonymous=not named, reporter_name=data["reporter_name"] if named else "",
            reporter_contact=data["reporter_contact"] if named else "",
        )
        try:
            forwarded = services.advice_session_forward(
                actor=request.user, session=session, details=details, language=data["language"],
                submission_token=data["submission_token"], consent=data["consent"],
            )
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            response = redirect("counsellors:session-forwarded", session_id=session.pk)
            if forwarded.receipt_code:
                # Held for the slip page only (ciphertext in the session, key in a cookie on that page).
                held_codes.hold(
                    request, response, slot=FORWARD_SLOT.format(session.pk), code=forwarded.receipt_code,
                    language=data["language"], path=response.url,
                )
            return response
    return render(
        request, "vertrouwenspersonen/session_forward.html", {"form": form, "session": session},
        status=400 if form.is_bound else 200,
    )


@never_cache
@role_required(Role.COUNSELLOR)
@require_http_methods(["GET", "POST"])
def session_forwarded(request, session_id):
    """The person's receipt code on a slip in the report's language, to print and hand over. It stays
    until the counsellor confirms the hand-over (POST); then nobody can show it again."""
    session = _own_session(request, session_id)
    if not session.forwarded_report_id:
        return redirect("counsellors:session-forward", session_id=session.pk)
    here = reverse("counsellors:session-forwarded", kwargs={"session_id": session.pk})
    slot = FORWARD_SLOT.format(session.pk)
    if request.method == "POST":
        response = redirect(here)
        held_codes.release(request, response, slot=slot, path=here)
        return response
    context = {"session": session, "confirm_url": here}
    held = held_codes.read(request, slot=slot)
    if held:
        context.update(slips.slip_context(request, code_display=held.display, language=held.language))
    return render(request, "vertrouwenspersonen/session_forwarded.html", context)


# --- the coordinator ------------------------------------------------------------------------------


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_GET
def manage_list(request):
    page = Paginator(selectors.counsellors_for_management(), 50).get_page(request.GET.get("page"))
    return render(request, "vertrouwenspersonen/manage_list.html", {"page": page})


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_http_methods(["GET", "POST"])
def manage_new(request):
    initial = {"is_published": True, "kind": Kind.INTERNAL, "self_editable": default_editable_groups()}
    form = ProfileForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            counsellor = services.counsellor_create(
                actor=request.user, changes=form.changes(), submission_token=form.cleaned_data["submission_token"]
            )
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("The counsellor is added to the directory."))
            return redirect("counsellors:manage-edit", counsellor_id=counsellor.pk)
    return render(
        request, "vertrouwenspersonen/manage_form.html", {"form": form, "counsellor": None},
        status=400 if form.is_bound else 200,
    )


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_http_methods(["GET", "POST"])
def manage_edit(request, counsellor_id: int):
    counsellor = selectors.counsellor_for_management(counsellor_id=counsellor_id)
    if counsellor is None:
        raise Http404
    form = ProfileForm(request.POST or None, request.FILES or None, initial=profile_initial(counsellor))
    if request.method == "POST" and form.is_valid():
        try:
            services.counsellor_update(actor=request.user, counsellor=counsellor, changes=form.changes())
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect("counsellors:manage-edit", counsellor_id=counsellor.pk)
    return render(
        request, "vertrouwenspersonen/manage_form.html", {"form": form, "counsellor": counsellor},
        status=400 if form.is_bound else 200,
    )


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_GET
def coverage(request):
    return render(request, "vertrouwenspersonen/coverage.html", {"coverage": selectors.coverage_overview()})


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_GET
def figures(request):
    context = {"figures": selectors.session_figures(), "complaints": selectors.complaint_figures()}
    return render(request, "vertrouwenspersonen/figures.html", context)


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_GET
def training(request):
    context = {
        "counsellors": selectors.training_overview(), "events": selectors.training_events_recent(),
        "upcoming": selectors.training_sessions_upcoming(), "cutoff": selectors.training_cutoff(),
    }
    return render(request, "vertrouwenspersonen/training.html", context)


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_http_methods(["GET", "POST"])
def training_schedule(request):
    form = TrainingScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.training_session_schedule(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("The session is scheduled. Counsellors can sign up for it now."))
            return redirect("counsellors:training")
    return render(request, "vertrouwenspersonen/training_schedule.html", {"form": form}, status=400 if form.is_bound else 200)


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_http_methods(["GET", "POST"])
def training_attendance(request, event_id: int):
    event = selectors.training_session(event_id=event_id)
    if event is None:
        raise Http404
    attended = list(event.attendees.all()) or list(event.signups.all())
    form = TrainingAttendanceForm(request.POST or None, initial={"attendees": [c.pk for c in attended]})
    if request.method == "POST" and form.is_valid():
        try:
            services.training_attendance_record(actor=request.user, event=event, attendees=form.cleaned_data["attendees"])
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("The attendance is recorded."))
            return redirect("counsellors:training")
    context = {"form": form, "event": event}
    return render(request, "vertrouwenspersonen/training_attendance.html", context, status=400 if form.is_bound else 200)


@role_required(Role.COUNSELLOR)
@require_GET
def my_training(request):
    counsellor = selectors.own_profile(request.user)
    if counsellor is None:
        return render(request, "vertrouwenspersonen/own_profile_missing.html")
    context = {"counsellor": counsellor, "sessions": selectors.training_sessions_upcoming(counsellor=counsellor)}
    return render(request, "vertrouwenspersonen/my_training.html", context)


@role_required(Role.COUNSELLOR)
@require_POST
def my_training_sign_up(request, event_id: int, cancel: bool = False):
    event = selectors.training_session(event_id=event_id)
    if event is None or selectors.own_profile(request.user) is None:
        raise Http404
    try:
        if cancel:
            services.training_sign_up_cancel(actor=request.user, event=event)
            messages.success(request, _("You are no longer signed up."))
        else:
            services.training_sign_up(actor=request.user, event=event)
            messages.success(request, _("You are signed up."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("counsellors:my-training")


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_http_methods(["GET", "POST"])
def training_new(request):
    form = TrainingEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.training_event_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("The attendance is recorded."))
            return redirect("counsellors:training")
    return render(request, "vertrouwenspersonen/training_form.html", {"form": form}, status=400 if form.is_bound else 200)


# --- posters and leaflets -------------------------------------------------------------------------


@require_GET
def open_portal(request, language: str):
    """Where a poster's QR code leads: the portal's home page in the post's first language."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    response = redirect("intake:home")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE, secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    return response


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_http_methods(["GET", "POST"])
def poster_overview(request):
    form = PrintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = posters.posts_for_printing(region=data["region"], post=data["post"])
        try:
            batch = services.poster_prints_make(actor=request.user, posts=chosen, kind=data["kind"], paper=data["paper"])
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            return redirect("counsellors:poster-batch", batch=batch)
    context = {"form": form, "rows": posters.print_overview()}
    return render(request, "vertrouwenspersonen/posters.html", context, status=400 if form.is_bound else 200)


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_GET
def poster_batch(request, batch):
    """The printable sheets of one print run: no JavaScript, print with the browser (Ctrl+P)."""
    prints = list(posters.batch_prints(batch))
    if not prints:
        raise Http404
    first = prints[0]
    sheets = posters.build_sheets(
        [row.post for row in prints], kind=first.kind, paper=first.paper, prints={row.post_id: row for row in prints}
    )
    context = {"sheets": sheets, "kind": first.kind, "paper": first.paper, "made_at": first.made_at,
               "staff_language": translation.get_language()}
    return render(request, "vertrouwenspersonen/poster_sheets.html", context)


# --- work locations -------------------------------------------------------------------------------


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_GET
def location_list(request):
    page = Paginator(selectors.work_locations_for_management(), 50).get_page(request.GET.get("page"))
    return render(request, "vertrouwenspersonen/locations.html", {"page": page})


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_http_methods(["GET", "POST"])
def location_edit(request, location_id: int | None = None):
    location = None
    if location_id is not None:
        location = selectors.work_location_for_management(location_id=location_id)
        if location is None:
            raise Http404
    initial = work_location_initial(location) if location else {"is_active": True}
    form = WorkLocationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.work_location_save(actor=request.user, location=location, **form.cleaned_data)
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("The work location is saved."))
            return redirect("counsellors:locations")
    context = {"form": form, "location": location}
    return render(request, "vertrouwenspersonen/location_form.html", context, status=400 if form.is_bound else 200)


# --- complaints about counsellors -----------------------------------------------------------------


@role_required(Role.COUNSELLOR_COORDINATOR)
@require_GET
def complaint_list(request):
    page = Paginator(selectors.complaint_worklist(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "vertrouwenspersonen/complaints.html", {"page": page, "today": timezone.localdate()})


@never_cache
@role_required(Role.COUNSELLOR_COORDINATOR)
@require_http_methods(["GET", "POST"])
def complaint_detail(request, complaint_id):
    complaint = selectors.complaint_of(request.user, complaint_id)
    if complaint is None:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = ComplaintStepForm(data, complaint=complaint, initial={"counsellor": complaint.counsellor_id})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.complaint_update(
                actor=request.user, complaint=complaint, counsellor=data.get("counsellor"), note=data.get("note", ""),
                message=data.get("message", ""), acknowledge=bool(data.get("acknowledge")), outcome=data.get("outcome", ""),
            )
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("Recorded."))
            return redirect("counsellors:complaint", complaint_id=complaint.pk)
    narrative = services.complaint_read(actor=request.user, complaint=complaint)
    context = {
        "complaint": complaint, "narrative": narrative, "notes": selectors.complaint_notes(complaint), "form": form,
        "today": timezone.localdate(),
    }
    return render(request, "vertrouwenspersonen/complaint_detail.html", context, status=400 if form.is_bound else 200)
