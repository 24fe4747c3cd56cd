"""Error pages in the visitor's language, on the site's own layout, with the way back.

LocaleMiddleware has already chosen the language from the cookie or the browser when these run.
The 500 page renders without context processors or any query, so it shows when the database is down.
A CSRF failure on a reporter's form keeps what was typed: the report form is shown again filled in,
other reporter forms (mailbox message, meeting request, answers) get the typed text back in a form
that sends it again with a fresh token. Nothing is stored or sent before the reporter presses send.
"""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext_lazy as _

# Reporter text fields that a re-shown form shows in a box; every other field goes along hidden.
TYPED_TEXT_FIELDS = ("body", "note", "correction")


ERRORS = {
    400: (
        _("The request could not be read"),
        _("Something in what your browser sent was damaged or incomplete, so it could not be handled. "
          "Please go back and try again."),
    ),
    403: (
        _("This page is not open to you"),
        _("You may not open this page. If you followed a link to it, go back to where you came from or to the start page."),
    ),
    404: (
        _("Page not found"),
        _("There is no page at this address. The address may be mistyped, or the page may have moved."),
    ),
}


def _error_page(request, template: str, status: int, context: dict | None = None):
    context = {"staff_path": request.path.startswith("/staff/"), **(context or {})}
    return render(request, template, context, status=status)


def _plain_error(request, status: int):
    title, explanation = ERRORS[status]
    return _error_page(request, "errors/error.html", status, {"title": title, "explanation": explanation})


def bad_request(request, exception=None):
    return _plain_error(request, 400)


def permission_denied(request, exception=None):
    return _plain_error(request, 403)


def page_not_found(request, exception=None):
    return _plain_error(request, 404)


def server_error(request):
    """No context processors, no session, no database: only what the template needs."""
    context = {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "LANGUAGE_CODE": get_language(),
        "LANGUAGE_BIDI": get_language_bidi(),
        "staff_path": request.path.startswith("/staff/"),
    }
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def csrf_failure(request, reason=""):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    view_name = match.view_name if match else ""
    if request.method == "POST" and view_name in ("intake:report", "intake:report-external", "intake:report-complaint"):
        return _report_form_again(request, channel=match.kwargs.get("channel", "central"))
    context = {}
    if request.method == "POST" and view_name.startswith("intake:mailbox") and view_name != "intake:mailbox-sign-in":
        fields = [(name, value) for name, value in request.POST.items() if name != "csrfmiddlewaretoken"]
        if any(name in TYPED_TEXT_FIELDS and value.strip() for name, value in fields):
            context["resend_url"] = request.path
            context["typed"] = [(name, value) for name, value in fields if name in TYPED_TEXT_FIELDS]
            context["hidden"] = [(name, value) for name, value in fields if name not in TYPED_TEXT_FIELDS]
    return _error_page(request, "403_csrf.html", 403, context)


def _report_form_again(request, *, channel):
    """The report form filled in with what was typed (files must be chosen again), not yet sent."""
    from meldpunt.intake.forms import ReportForm
    from meldpunt.vault.views import ReportFormUploads, reporter_limits

    typed = {name: value for name, value in request.POST.items() if name != "csrfmiddlewaretoken"}
    context = {
        "form": ReportForm(initial=typed),
        "channel": channel,
        "uploads": ReportFormUploads(limits=reporter_limits(already=0)),
        "expired_page": True,
    }
    return render(request, "intake/report_form.html", context, status=403)
