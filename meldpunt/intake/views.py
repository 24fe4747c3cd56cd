"""Reporter pages. Thin: forms validate, services write. No IP address is read or kept here."""

import time

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from meldpunt.vault.views import report_form_uploads

from . import receipts, selectors, services
from .forms import (
    AftercareAnswerForm,
    ForwardingConsentForm,
    MailboxReplyForm,
    MeetingRequestForm,
    MinutesAnswerForm,
    ReceiptCodeForm,
    ReportForm,
)
from .models import Channel

SESSION_RECEIPT = "receipt_code_once"
SESSION_MAILBOX = "mailbox_report"
SESSION_MAILBOX_UNTIL = "mailbox_until"


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
        is_anonymous=not named,
        reporter_name=data["reporter_name"] if named else "",
        reporter_contact=data["reporter_contact"] if named else "",
        wants_email_nudge=bool(named and data["wants_email_nudge"]),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request, channel=Channel.CENTRAL):
    form = ReportForm(request.POST or None)
    uploads = report_form_uploads(request)  # staged under the form's token; they join the report when it is stored
    if request.method == "POST" and form.is_valid() and uploads.complete:
        submitted = services.report_submit(
            details=_details_from(form),
            channel=channel,
            language=get_language(),
            submission_token=form.cleaned_data["submission_token"],
        )
        if submitted.receipt_code:
            request.session[SESSION_RECEIPT] = submitted.receipt_code
        return redirect("intake:receipt")
    context = {"form": form, "channel": channel, "uploads": uploads}
    return render(request, "intake/report_form.html", context, status=400 if form.is_bound else 200)


@never_cache
def receipt(request):
    """Show the receipt code once. A reload shows guidance instead of the code."""
    code = request.session.pop(SESSION_RECEIPT, None)
    return render(request, "intake/receipt.html", {"code": receipts.display(code) if code else None})


def _mailbox_report(request):
    report_id = request.session.get(SESSION_MAILBOX)
    if not report_id or request.session.get(SESSION_MAILBOX_UNTIL, 0) < time.time():
        return None
    return selectors.report_for_mailbox(report_id=report_id)


@never_cache
@require_http_methods(["GET", "POST"])
def mailbox_sign_in(request):
    form = ReceiptCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome, report = services.mailbox_open(typed_code=form.cleaned_data["code"])
        if outcome == services.MailboxAccess.OK:
            request.session.cycle_key()
            request.session[SESSION_MAILBOX] = str(report.pk)
            request.session[SESSION_MAILBOX_UNTIL] = time.time() + settings.MAILBOX_SESSION_SECONDS
            return redirect("intake:mailbox")
        if outcome == services.MailboxAccess.WAIT:
            form.add_error("code", _("Many codes are being checked right now. Please try again in a minute."))
        else:
            form.add_error(
                "code",
                _("This receipt code does not open a mailbox. Check the 24 digits and try again."),
            )
    return render(request, "intake/mailbox_sign_in.html", {"form": form}, status=400 if form.is_bound else 200)


def _mailbox_page(
    request, report, *, form=None, meeting_form=None, answer_forms=None, consent_form=None, aftercare_form=None, status=200
):
    """The mailbox with its thread, meetings and minutes; bound forms come back with their errors."""
    messages_shown = selectors.mailbox_messages(report=report)
    services.mailbox_messages_mark_read(report=report)
    answer_forms = answer_forms or {}
    meetings = []
    for meeting in selectors.mailbox_meetings(report=report):
        latest, answer_form = meeting.latest, None
        if latest is not None and latest.is_pending:
            answer_form = answer_forms.get(latest.id) or MinutesAnswerForm(auto_id=f"id_{latest.id[:8]}_%s")
        meetings.append((meeting, answer_form))
    consent = selectors.mailbox_pending_consent(report=report)
    context = {
        "report": report,
        "thread": messages_shown,
        "form": form or MailboxReplyForm(),
        "meetings": meetings,
        "meeting_open": selectors.mailbox_open_meeting_request(report=report),
        "meeting_form": meeting_form or MeetingRequestForm(),
        "consent": consent,
        "consent_form": consent_form or ForwardingConsentForm(),
        "aftercare": selectors.mailbox_pending_aftercare(report=report),
        "aftercare_form": aftercare_form or AftercareAnswerForm(),
        "notice": NOTICES.get(request.GET.get("done", "")),
        "sent": request.GET.get("sent") == "1",
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
}


@never_cache
@require_http_methods(["GET", "POST"])
def mailbox(request):
    report = _mailbox_report(request)
    if report is None:
        return HttpResponseRedirect(reverse("intake:mailbox-sign-in"))
    form = MailboxReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.mailbox_message_from_reporter(report=report, body=form.cleaned_data["body"])
        return redirect(f"{reverse('intake:mailbox')}?sent=1")
    return _mailbox_page(request, report, form=form, status=400 if form.is_bound else 200)


def _mailbox_done(what: str):
    return redirect(f"{reverse('intake:mailbox')}?done={what}#meetings")


@never_cache
@require_POST
def mailbox_meeting_request(request):
    report = _mailbox_report(request)
    if report is None:
        return HttpResponseRedirect(reverse("intake:mailbox-sign-in"))
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
        return HttpResponseRedirect(reverse("intake:mailbox-sign-in"))
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
        return HttpResponseRedirect(reverse("intake:mailbox-sign-in"))
    if not report.forwarding_consents.filter(pk=consent_id).exists():
        raise Http404
    form = ForwardingConsentForm(request.POST)
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
        return HttpResponseRedirect(reverse("intake:mailbox-sign-in"))
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
