"""Reporter pages. Thin: forms validate, services write. No IP address is read or kept here."""

import time
import uuid

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meldpunt.accounts.models import Desk
from meldpunt.advice import services as advice_services
from meldpunt.advice import texts as advice_texts
from meldpunt.advice import views as advice_views
from meldpunt.public_cache import compressed_when_public
from meldpunt.vault.views import report_form_uploads

from . import disclosure, held_codes, selectors, services, slips
from .forms import (
    AftercareAnswerForm,
    DisclosureAnswerForm,
    ForwardingConsentForm,
    MailboxReplyForm,
    MeetingRequestForm,
    MinutesAnswerForm,
    NewCodeRequestForm,
    ReceiptCodeForm,
    ReportAdditionForm,
    ReportForm,
)
from .models import Channel
from .status import status_explained
from .willingness import SESSION_WILLINGNESS_DESK

RECEIPT_SLOT = "receipt"
SESSION_RECEIPT_SAVED = "receipt_saved"
SESSION_RECEIPT_REISSUED = "receipt_reissued"
SESSION_MAILBOX = selectors.SESSION_MAILBOX
SESSION_MAILBOX_UNTIL = selectors.SESSION_MAILBOX_UNTIL


@compressed_when_public
def home(request):
    return render(request, "intake/home.html")


def _details_from(form) -> services.ReportDetails:
    data = form.cleaned_data
    named = data["identity"] == "named"
    return services.ReportDetails(
        category=data["category"],
        post=data["post"],
        narrative=data["narrative"],
        occurred_when=data["occurred_when"],
        involved=data["involved"],
        witnesses=data["witnesses"],
        desk_involved=bool(data.get("desk_involved")),
        other_desk=data.get("other_desk") or "",
        is_anonymous=not named,
        reporter_name=data["reporter_name"] if named else "",
        reporter_contact=data["reporter_contact"] if named else "",
        wants_email_nudge=bool(named and data["wants_email_nudge"]),
        follows=data.get("follows", ""),
    )


@compressed_when_public
@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request, channel=Channel.CENTRAL):
    channel_desk = services.CHANNEL_DESK.get(channel, Desk.CCI)
    if request.method == "GET":
        return _report_form_untouched(request, channel, channel_desk)
    form = ReportForm(request.POST, channel_desk=channel_desk)
    uploads = report_form_uploads(request)  # staged under the form's token; they join the report when it is stored
    if request.method == "POST" and form.is_valid() and uploads.complete:
        submitted = services.report_submit(
            details=_details_from(form),
            channel=channel,
            language=get_language(),
            written_language=form.cleaned_data["written_language"] or get_language(),
            submission_token=form.cleaned_data["submission_token"],
        )
        response = redirect("intake:receipt")
        request.session[SESSION_WILLINGNESS_DESK] = submitted.report.desk
        if submitted.receipt_code:
            held_codes.hold(
                request, response, slot=RECEIPT_SLOT, code=submitted.receipt_code, language=get_language(),
                path=reverse("intake:receipt"),
            )
            request.session.pop(SESSION_RECEIPT_SAVED, None)
            request.session.pop(SESSION_RECEIPT_REISSUED, None)
            request.session.pop("receipt_for", None)
        return response
    show_follows = bool(request.GET.get("follows") or (form.is_bound and form["follows"].value()))
    context = {"form": form, "channel": channel, "uploads": uploads, "show_follows": show_follows}
    return render(request, "intake/report_form.html", context, status=400 if form.is_bound else 200)


def _report_form_untouched(request, channel, channel_desk):
    """The empty form. Everything in it but the one-time token is the same for every visitor in a
    language and is kept rendered (public_part), so the form itself (fourteen fields copied from the
    class) is made only when that part is rendered afresh or a field outside it is shown."""
    token = uuid.uuid4().hex
    form = SimpleLazyObject(lambda: ReportForm(initial={"submission_token": token}, channel_desk=channel_desk))
    context = {
        "form": form, "channel": channel, "uploads": report_form_uploads(request), "untouched_token": token,
        "show_follows": bool(request.GET.get("follows")),
    }
    return render(request, "intake/report_form.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def receipt(request):
    """The receipt code, shown through reloads and language switches until the reporter says they saved
    it (POST), the hold runs out or the session ends. The server holds only its ciphertext."""
    if request.method == "POST":
        response = redirect("intake:receipt")
        held_codes.release(request, response, slot=RECEIPT_SLOT, path=reverse("intake:receipt"))
        request.session[SESSION_RECEIPT_SAVED] = True
        return response
    held = held_codes.read(request, slot=RECEIPT_SLOT)
    context = {
        "saved": request.session.get(SESSION_RECEIPT_SAVED, False), "reissued": request.session.get(SESSION_RECEIPT_REISSUED),
        "for_advice": request.session.get("receipt_for") == "advice",
    }
    if held:
        context.update(slips.slip_context(request, code_display=held.display, language=get_language()))
    return render(request, "intake/receipt.html", context)


@never_cache
@require_GET
def receipt_slip(request):
    """The receipt slip as a small text file in the reporter's current language."""
    held = held_codes.read(request, slot=RECEIPT_SLOT)
    if held is None:
        return redirect("intake:receipt")
    return slips.slip_download(request, code_display=held.display, language=get_language())


@compressed_when_public
@never_cache
@require_http_methods(["GET", "POST"])
def lost_code(request):
    """"Lost your code?": file a new report that names the earlier one (the desk joins them), or, for a
    named reporter, ask for a new code sent to the address in the report. The answer never tells
    whether a report or an address exists."""
    form = NewCodeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.receipt_reissue_request(earlier=form.cleaned_data["earlier"], contact=form.cleaned_data["contact"])
        return redirect(f"{reverse('intake:lost-code')}?asked=1")
    context = {"form": form, "asked": request.GET.get("asked") == "1"}
    return render(request, "intake/lost_code.html", context, status=400 if form.is_bound else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def new_code(request, token):
    """The one-time link from the email. GET only explains (a mail scanner opening the link uses
    nothing up); the button (POST) makes the new code, which the receipt page then keeps on screen."""
    if request.method == "POST":
        redeemed = services.receipt_reissue_redeem(token=token)
        if redeemed is not None:
            _report, code = redeemed
            response = redirect("intake:receipt")
            held_codes.hold(request, response, slot=RECEIPT_SLOT, code=code, language=get_language(), path=reverse("intake:receipt"))
            request.session.pop(SESSION_RECEIPT_SAVED, None)
            request.session.pop("receipt_for", None)
            request.session[SESSION_RECEIPT_REISSUED] = True
            return response
        return render(request, "intake/new_code.html", {"failed": True}, status=400)
    return render(request, "intake/new_code.html", {"failed": False})


def _mailbox_report(request):
    """The report whose mailbox this browser has open, or None once the mailbox has closed
    (selectors.mailbox_open_in_session: a sliding idle timeout)."""
    mailbox = selectors.mailbox_open_in_session(session=request.session)
    if mailbox.timed_out:
        request.mailbox_timed_out = True
    return mailbox.report


# Mailbox actions whose form may arrive after the mailbox closed. What was typed is carried through
# the sign-in form (as fields of that page, never in the browser's storage nor on the server) and the
# action is done as soon as the code opens the mailbox again.
CARRIED_ACTIONS = {
    "intake:mailbox", "intake:mailbox-meeting", "intake:mailbox-minutes-answer",
    "intake:mailbox-aftercare-answer", "intake:mailbox-forwarding-consent", "intake:mailbox-addition",
    "advice:mailbox", "advice:to-report",
    "intake:mailbox-disclosure-answer",
}
CARRY_PREFIX = "carry-"
CARRY_TO = f"{CARRY_PREFIX}to"
CARRIED_TEXT_FIELDS = ("body", "note", "correction", "addition", "narrative")  # shown, so the reporter sees that nothing was lost


def _carried_action(data) -> tuple[str, list[tuple[str, str]]] | None:
    """(the action's path, its fields) carried in `data`, or None when nothing (valid) is carried."""
    path = data.get(CARRY_TO, "")
    if not path:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name not in CARRIED_ACTIONS:
        return None
    fields = [
        (key.removeprefix(CARRY_PREFIX), value)
        for key in data if key.startswith(CARRY_PREFIX) and key != CARRY_TO
        for value in data.getlist(key)
    ]
    return path, fields


def _sign_in_page(request, form, *, carried=None, status=200, closed=False):
    path, fields = carried or ("", [])
    context = {
        "form": form,
        "carry_to": path,
        "carried_text": [(f"{CARRY_PREFIX}{name}", value) for name, value in fields if name in CARRIED_TEXT_FIELDS],
        "carried_hidden": [(f"{CARRY_PREFIX}{name}", value) for name, value in fields if name not in CARRIED_TEXT_FIELDS],
        "closed": closed or request.GET.get("closed") == "1",
        "idle_minutes": settings.MAILBOX_IDLE_SECONDS // 60,
    }
    return render(request, "intake/mailbox_sign_in.html", context, status=status)


def _mailbox_closed(request):
    """The mailbox is not open (it closed, or was never opened). A page is sent to sign in; an action
    that was sent (a message, an answer) comes back on the sign-in page with everything typed in it,
    to be done once the code is entered again. 403: nothing was done yet."""
    timed_out = getattr(request, "mailbox_timed_out", False)
    if request.method != "POST":
        return HttpResponseRedirect(reverse("intake:mailbox-sign-in") + ("?closed=1" if timed_out else ""))
    fields = [(key, value) for key in request.POST if key != "csrfmiddlewaretoken" for value in request.POST.getlist(key)]
    return _sign_in_page(request, ReceiptCodeForm(), carried=(request.path, fields), status=403, closed=timed_out)


def _carry_out(request, carried):
    """Do the carried action now that the mailbox is open, as if its form had just been sent."""
    path, fields = carried
    match = resolve(path)
    data = QueryDict(mutable=True)
    for name, value in fields:
        data.appendlist(name, value)
    request.POST = data
    return match.func(request, *match.args, **match.kwargs)


@never_cache
@require_http_methods(["GET", "POST"])
def mailbox_sign_in(request):
    """The mailbox's door. Never compressed: it carries a CSRF token and, after a closed mailbox, what the
    reporter wrote; it is the first page of the mailbox, which is never compressed (BREACH)."""
    form = ReceiptCodeForm(request.POST or None)
    carried = _carried_action(request.POST) if request.method == "POST" else None
    if request.method == "POST" and form.is_valid() and advice_services.code_is_for_advice(form.cleaned_data["code"]):
        # An advice question's code: the same sign-in and limits, its own thread (meldpunt/advice).
        outcome, question = advice_services.advice_mailbox_open(typed_code=form.cleaned_data["code"])
        if outcome == services.MailboxAccess.OK:
            advice_views.open_for(request, question)
            return _carry_out(request, carried) if carried is not None else redirect("advice:mailbox")
    elif request.method == "POST" and form.is_valid():
        outcome, report = services.mailbox_open(typed_code=form.cleaned_data["code"])
        if outcome == services.MailboxAccess.OK:
            # A new session key at every sign-in: a key known before (fixation) opens nothing.
            request.session.cycle_key()
            request.session.pop("mailbox_advice", None)
            request.session[SESSION_MAILBOX] = str(report.pk)
            request.session[SESSION_MAILBOX_UNTIL] = time.time() + settings.MAILBOX_IDLE_SECONDS
            if carried is not None:
                return _carry_out(request, carried)
            return redirect("intake:mailbox")
    if request.method == "POST" and form.is_valid():
        if outcome == services.MailboxAccess.WAIT:
            form.add_error("code", _("Many codes are being checked right now. Please try again in a minute."))
        else:
            form.add_error(
                "code",
                _("This receipt code does not open a mailbox. Check the 24 digits and try again."),
            )
    response = _sign_in_page(request, form, carried=carried, status=400 if form.is_bound else 200)
    if request.method == "GET":
        response.public_page = True  # the same for every visitor with no session: kept whole, never compressed
    return response


@require_GET
def mailbox_session_css(request):
    """When the mailbox's idle warning and closing notice appear, counted from a page's arrival (every
    mailbox page moves the closing time on). The same for everyone: no session, cacheable."""
    warn_after = max(0, settings.MAILBOX_IDLE_SECONDS - settings.MAILBOX_WARNING_SECONDS)
    css = (
        f".session-warning {{ animation-delay: {warn_after}s; }} "
        f".session-closed {{ animation-delay: {settings.MAILBOX_IDLE_SECONDS}s; }}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@never_cache
@require_POST
def mailbox_still_here(request):
    """The reporter's browser says they are still working (with script only): the mailbox stays open."""
    if _mailbox_report(request) is None:
        return HttpResponse(status=403)
    return HttpResponse(status=204)


def _mailbox_page(
    request, report, *, form=None, meeting_form=None, answer_forms=None, consent_form=None, aftercare_form=None,
    addition_form=None, disclosure_form=None, status=200,
):
    """The mailbox with its thread, meetings and minutes; bound forms come back with their errors."""
    messages_shown = selectors.mailbox_messages(report=report)
    # Only what is shown as new is marked read, and only when there is any: looking again writes nothing.
    if new_ids := [message.id for message in messages_shown if message.is_new]:
        services.mailbox_messages_mark_read(report=report, message_ids=new_ids)
    parts = selectors.mailbox_parts(report=report)
    answer_forms = answer_forms or {}
    meetings = []
    for meeting in selectors.mailbox_meetings(report=report) if parts.meetings else []:
        latest, answer_form = meeting.latest, None
        if latest is not None and latest.is_pending:
            answer_form = answer_forms.get(latest.id) or MinutesAnswerForm(auto_id=f"id_{latest.id[:8]}_%s")
        meetings.append((meeting, answer_form))
    consent = selectors.mailbox_pending_consent(report=report) if parts.pending_consent else None
    context = {
        "report": report,
        "status": status_explained(report),
        "thread": messages_shown,
        "form": form or MailboxReplyForm(initial={"written_language": report.written_language or get_language()}),
        "meetings": meetings,
        "meeting_open": parts.open_meeting_request,
        "meeting_form": meeting_form or MeetingRequestForm(),
        "consent": consent,
        "consent_form": consent_form or ForwardingConsentForm(consent=consent),
        "aftercare": selectors.mailbox_pending_aftercare(report=report) if parts.pending_aftercare else None,
        "disclosures": disclosure.mailbox_disclosures(report=report) if parts.disclosures else [],
        "disclosure_form": disclosure_form or DisclosureAnswerForm(),
        "aftercare_form": aftercare_form or AftercareAnswerForm(),
        "own": selectors.mailbox_own_report(report=report, with_additions=parts.additions),
        "has_files": parts.files,
        "addition_form": addition_form or ReportAdditionForm(),
        "notice": NOTICES.get(request.GET.get("done", "")),
        "sent": request.GET.get("sent") == "1",
        "session": {
            "idle_seconds": settings.MAILBOX_IDLE_SECONDS,
            "idle_minutes": settings.MAILBOX_IDLE_SECONDS // 60,
            "warning_seconds": settings.MAILBOX_WARNING_SECONDS,
            "warning_minutes": settings.MAILBOX_WARNING_SECONDS // 60,
            "warn_after": max(0, settings.MAILBOX_IDLE_SECONDS - settings.MAILBOX_WARNING_SECONDS),
        },
    }
    return render(request, "intake/mailbox.html", context, status=status)


# What the mailbox says after an action (?done=...), in the reporter's language.
NOTICES = {
    "meeting": gettext_lazy("Your request for a meeting has been sent. The reporting point will contact you in this mailbox."),
    "meeting-open": gettext_lazy("You have already asked for a meeting. The reporting point will contact you in this mailbox."),
    "accepted": gettext_lazy("Thank you. You accepted the minutes."),
    "correction": gettext_lazy("Your correction has been sent. You will receive a corrected version of the minutes here."),
    "answered": gettext_lazy("These minutes were already answered."),
    "consent": gettext_lazy("Thank you. Your answer has been recorded."),
    "aftercare": gettext_lazy("Thank you for your answer. It has been recorded."),
    "disclosure": gettext_lazy("Thank you. Your answer has been recorded."),
    "addition": gettext_lazy("Your addition has been sent to the reporting point. It is now part of your report."),
    "reported": advice_texts.REPORTED_NOTICE,
}


@never_cache
@require_http_methods(["GET", "POST"])
def mailbox(request):
    report = _mailbox_report(request)
    if report is None:
        return _mailbox_closed(request)
    form = MailboxReplyForm(request.POST or None, initial={"written_language": report.written_language or get_language()})
    if request.method == "POST" and form.is_valid():
        services.mailbox_message_from_reporter(
            report=report, body=form.cleaned_data["body"], written_language=form.cleaned_data["written_language"]
        )
        return redirect(f"{reverse('intake:mailbox')}?sent=1")
    return _mailbox_page(request, report, form=form, status=400 if form.is_bound else 200)


@never_cache
@require_POST
def mailbox_report_addition(request):
    """The reporter adds information to their own report."""
    report = _mailbox_report(request)
    if report is None:
        return _mailbox_closed(request)
    form = ReportAdditionForm(request.POST)
    if not form.is_valid():
        return _mailbox_page(request, report, addition_form=form, status=400)
    services.report_addition_add(report=report, body=form.cleaned_data["addition"], language=get_language())
    return redirect(f"{reverse('intake:mailbox')}?done=addition#own-report")


def _mailbox_done(what: str):
    return redirect(f"{reverse('intake:mailbox')}?done={what}#meetings")


@never_cache
@require_POST
def mailbox_meeting_request(request):
    report = _mailbox_report(request)
    if report is None:
        return _mailbox_closed(request)
    form = MeetingRequestForm(request.POST)
    if not form.is_valid():
        return _mailbox_page(request, report, meeting_form=form, status=400)
    try:
        services.meeting_request(report=report, note=form.cleaned_data["note"])
    except services.ReporterActionRefused:
        return _mailbox_done("meeting-open")
    return _mailbox_done("meeting")


@never_cache
@require_POST
def mailbox_minutes_answer(request, minutes_id):
    report = _mailbox_report(request)
    if report is None:
        return _mailbox_closed(request)
    if not report.minutes.filter(pk=minutes_id).exists():
        raise Http404
    form = MinutesAnswerForm(request.POST, auto_id=f"id_{str(minutes_id)[:8]}_%s")
    if not form.is_valid():
        return _mailbox_page(request, report, answer_forms={str(minutes_id): form}, status=400)
    accept = form.cleaned_data["answer"] == MinutesAnswerForm.ACCEPT
    try:
        services.minutes_answer(
            report=report, minutes_id=minutes_id, accept=accept, correction=form.cleaned_data["correction"]
        )
    except services.ReporterActionRefused:
        return _mailbox_done("answered")
    return _mailbox_done("accepted" if accept else "correction")


@never_cache
@require_POST
def mailbox_forwarding_consent(request, consent_id):
    report = _mailbox_report(request)
    if report is None:
        return _mailbox_closed(request)
    consent = report.forwarding_consents.filter(pk=consent_id).first()
    if consent is None:
        raise Http404
    form = ForwardingConsentForm(request.POST, consent=consent)
    if not form.is_valid():
        return _mailbox_page(request, report, consent_form=form, status=400)
    try:
        services.forwarding_consent_answer(report=report, consent_id=consent_id, answer=form.cleaned_data["answer"])
    except services.ReporterActionRefused:
        pass  # answered before (a double click): the first answer stands
    return redirect(f"{reverse('intake:mailbox')}?done=consent")


@never_cache
@require_POST
def mailbox_aftercare_answer(request, checkin_id):
    report = _mailbox_report(request)
    if report is None:
        return _mailbox_closed(request)
    if not report.aftercare_checkins.filter(pk=checkin_id).exists():
        raise Http404
    form = AftercareAnswerForm(request.POST)
    if not form.is_valid():
        return _mailbox_page(request, report, aftercare_form=form, status=400)
    try:
        services.aftercare_answer(
            report=report, checkin_id=checkin_id, consequences=form.cleaned_data["answer"] == AftercareAnswerForm.YES,
            note=form.cleaned_data["note"],
        )
    except services.ReporterActionRefused:
        pass  # answered before (a double click): the first answer stands
    return redirect(f"{reverse('intake:mailbox')}?done=aftercare")


@require_POST
def mailbox_sign_out(request):
    request.session.flush()
    return redirect("intake:home")


@never_cache
@require_POST
def mailbox_disclosure_answer(request, disclosure_id):
    """The reporter consents, or not, to their identity being passed on."""
    report = _mailbox_report(request)
    if report is None:
        return _mailbox_closed(request)
    if not report.identity_disclosures.filter(pk=disclosure_id, notice_withheld=False).exists():
        raise Http404
    form = DisclosureAnswerForm(request.POST)
    if not form.is_valid():
        return _mailbox_page(request, report, disclosure_form=form, status=400)
    try:
        disclosure.disclosure_consent_answer(report=report, disclosure_id=disclosure_id, given=form.cleaned_data["answer"] == DisclosureAnswerForm.YES)
    except services.ReporterActionRefused:
        pass  # answered before (a double click): the first answer stands
    return redirect(f"{reverse('intake:mailbox')}?done=disclosure")
