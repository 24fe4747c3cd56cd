"""Desk pages. Thin: selectors decide what is visible, forms validate, services write."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meldpunt.accounts import models as accounts_models
from meldpunt.accounts.models import Desk, Role
from meldpunt.accounts.permissions import role_required
from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Minutes
from meldpunt.intake.selectors import earlier_report_candidates, mailbox_messages, report_additions

from . import charts, moves, row_cache, selectors, services, workflow
from . import figures as annual
from .forms import (
    AssessmentForm,
    AssignForm,
    CaseOpenForm,
    DeadlineChangeForm,
    ExclusionForm,
    FiguresForm,
    MailboxJoinForm,
    MinutesForm,
    MoveProposalForm,
    NoteForm,
    TransitionForm,
)
from .models import CaseExclusion, StandardMessage
from .paging import keyset_page_of, page_of
from .templatetags.desk_lists import PLACEHOLDER as PLACEHOLDER_ID
from .translating import selectors as translating_selectors
from .translating import services as translating
from .translating.forms import HeldReplyForm, StandardMessageForm
from .translating.views import language_name, warn_if_endangered
from .workflow import PLACEHOLDER

DESK_ROLES = accounts_models.DESK_ROLES
COORDINATOR_ROLES = accounts_models.DESK_COORDINATOR_ROLES
PAGE_SIZE = 50
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _refused(request, exc: services.ActionRefused) -> None:
    for reason in exc.reasons:
        messages.error(request, reason)


def _visible_report(request, report_id):
    return get_object_or_404(selectors.reports_visible_to(request.user).select_related("category", "post"), pk=report_id)


def url_pattern(name: str) -> str:
    """A detail page's link with a placeholder for the id, for a list to fill in per row (the
    with_id filter): reversed once a request instead of once a row."""
    return reverse(name, args=[PLACEHOLDER_ID])


def _visible_case(request, case_id):
    case = selectors.case_for(request.user, case_id)
    if case is None:
        raise Http404
    return case


# --- lists -----------------------------------------------------------------------------------------------


@role_required(*DESK_ROLES)
@require_GET
def inbox(request):
    show = request.GET.get("show", "all")
    show = show if show in selectors.INBOX_FILTERS else "all"
    page = keyset_page_of(selectors.desk_inbox(request.user, show=show), request.GET, PAGE_SIZE, field="received_at")
    today, report_url = timezone.localdate(), url_pattern("cases:report-detail")
    context = {
        "page": page, "show": show, "today": today, "desk_name": Desk(request.user.desk).label,
        "rows": row_cache.inbox_rows(page.object_list, today=today, report_url=report_url),
        "case_url": url_pattern("cases:case-detail"),
    }
    return render(request, "cases/inbox.html", context)


@role_required(*DESK_ROLES)
@require_GET
def worklist(request):
    page = page_of(selectors.handler_worklist(request.user), request.GET.get("page"), PAGE_SIZE)
    context = {"page": page, "today": timezone.localdate(), "case_url": url_pattern("cases:case-detail")}
    return render(request, "cases/worklist.html", context)


@role_required(*COORDINATOR_ROLES)
@require_GET
def desk_cases(request):
    show = request.GET.get("show", "open")
    show = show if show in selectors.DESK_CASE_FILTERS else "open"
    page = page_of(selectors.desk_cases(request.user, show=show), request.GET.get("page"), PAGE_SIZE)
    context = {"page": page, "show": show, "today": timezone.localdate(), "case_url": url_pattern("cases:case-detail")}
    return render(request, "cases/desk_cases.html", context)


# --- a report --------------------------------------------------------------------------------------------


def _has(record, part: str) -> bool:
    """Whether a report or case has any `part` (annotated by selectors.report_for_page and
    case_for_page); one read otherwise is assumed to have it, and the part is read."""
    return getattr(record, f"has_{part}", True)


def _lost_code_context(request, report, join_form=None) -> dict:
    """"Lost your code?": the earlier report this one says it follows (only among reports this user
    may see), the join form, joins made, and a named reporter's open request for a new code."""
    claim = report.unseal("follows_claim")
    visible = selectors.reports_visible_to(request.user).exclude(pk=report.pk)
    return {
        "follows_claim": claim,
        "follows_candidates": earlier_report_candidates(claim, visible) if claim else [],
        "join_form": join_form or MailboxJoinForm(),
        "joined_into": report.joined_into if report.joined_into_id and visible.filter(pk=report.joined_into_id).exists() else None,
        "joined_reports": list(visible.filter(joined_into=report)) if _has(report, "joined") else [],
        "reissue": report.receipt_reissues.filter(used_at__isnull=True).first() if _has(report, "reissue") else None,
    }


def _report_page(request, report, *, form=None, case_form=None, join_form=None, move_form=None, status=200):
    services.report_read_by_staff(user=request.user, report=report)
    link = getattr(report, "case_link", None)
    case = link.case if link is not None and selectors.cases_visible_to(request.user).filter(pk=link.case_id).exists() else None
    sent_kinds = selectors.report_standard_messages_sent(report) if _has(report, "messages") else set()
    kinds = [
        (kind, label) for kind, label in StandardMessage.Kind.choices
        if kind in services.SENDABLE_KINDS
        and not (kind == StandardMessage.Kind.ACKNOWLEDGEMENT and report.acknowledged_at)
        and not (kind == StandardMessage.Kind.FORWARDING_CONSENT and report.desk != "external")
    ]
    consents = list(report.forwarding_consents.order_by("requested_at")) if _has(report, "consents") else []
    translations = translating_selectors.report_translations(request.user, report) if _has(report, "translations") else []
    translating.translations_read(user=request.user, report=report, requests=[t for t in translations if t.translated_at])
    translated = translating_selectors.delivered_by_source(translations)
    # The thread holds the messages of reports joined into this one too.
    thread = mailbox_messages(report=report) if _has(report, "messages") or _has(report, "joined") else []
    additions = report_additions(report=report) if _has(report, "additions") else []
    context = {
        "report": report,
        "language_name": language_name(translating.written_language_of(report)),
        "translations": [(t, t.unseal("translation") if t.translated_at else "") for t in translations],
        "sealed": {field: report.unseal(field) for field in report.SEALED_FIELDS},
        "thread": thread,
        "additions": additions,  # read under the same audited report.read
        # Delivered translations beside their originals: the report's text, each message, each addition.
        "narrative_translations": translated.get("narrative", []),
        "thread_rows": [(message, translated.get(message.id, [])) for message in thread],
        "addition_rows": [(addition, translated.get(addition.id, [])) for addition in additions],
        **_lost_code_context(request, report, join_form),
        "form": form or HeldReplyForm(initial={"written_language": request.LANGUAGE_CODE}),
        "case": case,
        "case_form": case_form or CaseOpenForm(),
        "standard_kinds": kinds,
        "sent_kinds": sent_kinds,
        "meetings": [
            (meeting, [(v, v.unseal("body"), v.unseal("correction"), translated.get(str(v.pk), [])) for v in meeting.versions.all()],
             meeting.unseal("request_note"))
            for meeting in (selectors.report_meetings(report) if _has(report, "meetings") else [])
        ],
        "consents": [c for c in consents if not c.moves_on_acceptance],
        "can_forward": report.desk == "external" and any(c.is_given and c.used_at is None and not c.moves_on_acceptance for c in consents),
        "move_proposals": [c for c in consents if c.moves_on_acceptance],
        "move_form": move_form or MoveProposalForm(report=report),
        "today": timezone.localdate(),
    }
    return render(request, "cases/report_detail.html", context, status=status)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def report_detail(request, report_id):
    """The report, its mailbox thread, and a free message to the reporter."""
    report = selectors.report_for_page(request.user, report_id)
    if report is None:
        raise Http404
    form = HeldReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            outcome, sent = translating.reply_send_or_hold(
                actor=request.user, report=report, body=data["body"], written_language=data["written_language"],
                translator=data["translator"], due_at=data["due_at"], form_token=data["form_token"],
            )
        except services.AlreadyDone as exc:
            _refused(request, exc)
        except services.ActionRefused as exc:
            form.add_error(None, "; ".join(exc.reasons))  # the message stays in the box
            return _report_page(request, report, form=form, status=400)
        else:
            _reply_outcome(request, report, outcome, sent)
        return redirect("cases:report-detail", report_id=report.pk)
    return _report_page(request, report, form=form, status=400 if form.is_bound else 200)


def _reply_outcome(request, report, outcome, sent) -> None:
    if outcome == "sent":
        messages.success(request, _("Your message is in the reporter's mailbox."))
    else:
        messages.success(request, _("Your message is held: it goes to the reporter once you approve its translation."))
        warn_if_endangered(request, report, sent.due_at)


JOIN_REFUSALS = {
    "no_reason": gettext_lazy("Give the reason for joining the two reports."),
    "same_report": gettext_lazy("Choose another report than this one."),
    "other_desk": gettext_lazy("Reports of different desks cannot be joined."),
    "joined_before": gettext_lazy("One of the two reports was joined before."),
    "no_code": gettext_lazy("This report has no receipt code to carry on with."),
    "used": gettext_lazy("This request for a new code was already used."),
    "no_address": gettext_lazy("The report has no email address to send the link to."),
}


@role_required(*DESK_ROLES)
@require_POST
def report_join(request, report_id):
    """Join this (later) report's mailbox to the earlier one its reporter lost the code of."""
    report = _visible_report(request, report_id)
    form = MailboxJoinForm(request.POST)
    earlier = None
    if form.is_valid():
        earlier = selectors.reports_visible_to(request.user).exclude(pk=report.pk).filter(
            reference=form.cleaned_data["earlier"].strip().upper()
        ).first()
        if earlier is None:
            form.add_error("earlier", _("No report with this reference that you may see."))
    if not form.is_valid() or earlier is None:
        return _report_page(request, report, join_form=form, status=400)
    try:
        intake_services.mailbox_join(actor=request.user, later_report=report, earlier_report=earlier, reason=form.cleaned_data["reason"])
    except intake_services.JoinRefused as exc:
        form.add_error(None, JOIN_REFUSALS[exc.code])
        return _report_page(request, report, join_form=form, status=409)
    messages.success(request, _("Joined: the reporter's new code now opens the mailbox of %(reference)s; the old code no longer works.") % {"reference": earlier.reference})
    return redirect("cases:report-detail", report_id=earlier.pk)


@role_required(*DESK_ROLES)
@require_POST
def report_reissue(request, report_id):
    """Send a named reporter the one-time link to a new code, after checking their request."""
    report = _visible_report(request, report_id)
    reissue = report.receipt_reissues.filter(used_at__isnull=True).first()
    if reissue is None:  # used in the meantime, or never asked: the report page says what there is
        return redirect("cases:report-detail", report_id=report.pk)
    try:
        intake_services.receipt_reissue_send(actor=request.user, reissue=reissue)
    except intake_services.JoinRefused as exc:
        messages.error(request, JOIN_REFUSALS[exc.code])
    else:
        messages.success(request, _("The link to a new code has been sent to the email address in the report."))
    return redirect("cases:report-detail", report_id=report.pk)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def report_message(request, report_id, kind):
    """A standard message, prefilled in the report's language; the handler edits it and sends it."""
    if kind not in services.SENDABLE_KINDS:
        raise Http404
    report = _visible_report(request, report_id)
    reporter_language, staff_language = translating.written_language_of(report), request.LANGUAGE_CODE
    reporter_text = services.standard_message_text(kind=kind, language=reporter_language)
    staff_text = services.standard_message_text(kind=kind, language=staff_language)
    form = StandardMessageForm(request.POST or None, initial={"body": reporter_text, "staff_body": staff_text})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        translate = data["send_as"] == StandardMessageForm.TRANSLATE
        try:
            outcome, sent = translating.reply_send_or_hold(
                actor=request.user, report=report, kind=kind, body=data["staff_body"] if translate else data["body"],
                written_language=staff_language if translate else reporter_language,
                translator=data["translator"], due_at=data["due_at"], form_token=data["form_token"],
            )
        except services.AlreadyDone as exc:
            _refused(request, exc)
            return redirect("cases:report-detail", report_id=report.pk)
        except services.ActionRefused as exc:
            form.add_error(None, exc.reasons[0] if len(exc.reasons) == 1 else "; ".join(exc.reasons))
        else:
            if outcome == "sent":
                messages.success(request, _("%(kind)s sent to the reporter's mailbox.") % {"kind": StandardMessage.Kind(kind).label})
            else:
                _reply_outcome(request, report, outcome, sent)
            return redirect("cases:report-detail", report_id=report.pk)
    context = {
        "report": report, "form": form, "kind": StandardMessage.Kind(kind),
        "language_name": language_name(reporter_language),
        "staff_language_name": language_name(staff_language),
        "reporter_language": reporter_language, "staff_language": staff_language,
        "same_language": reporter_language == staff_language,
        # The standard texts with their parts to fill marked, in both languages.
        "reporter_parts": reporter_text.split(PLACEHOLDER), "staff_parts": staff_text.split(PLACEHOLDER),
    }
    return render(request, "cases/report_message.html", context, status=400 if form.is_bound else 200)


@role_required(*DESK_ROLES)
@require_POST
def report_case(request, report_id):
    """Open a case for the report, or add it to an existing case by its reference."""
    report = _visible_report(request, report_id)
    form = CaseOpenForm(request.POST)
    if not form.is_valid():
        return _report_page(request, report, case_form=form, status=400)
    reference = form.cleaned_data["reference"].strip()
    try:
        if reference:
            case = selectors.case_by_reference(request.user, reference)
            if case is None:
                form.add_error("reference", _("No open case of your desk has this reference."))
                return _report_page(request, report, case_form=form, status=400)
            case = services.case_link_report(case=case, report=report, actor=request.user)
            messages.success(request, _("The report is now part of case %(reference)s.") % {"reference": case.reference})
        else:
            case = services.case_open(report=report, actor=request.user)
            messages.success(request, _("Case %(reference)s opened.") % {"reference": case.reference})
    except services.ActionRefused as exc:
        _refused(request, exc)
        return redirect("cases:report-detail", report_id=report.pk)
    return redirect("cases:case-detail", case_id=case.pk)


@role_required(Role.EXTERNAL_HANDLER, Role.EXTERNAL_COORDINATOR)
@require_POST
def report_forward(request, report_id):
    report = _visible_report(request, report_id)
    try:
        services.report_forward_to_cci(report=report, actor=request.user)
    except services.ActionRefused as exc:
        _refused(request, exc)
        return redirect("cases:report-detail", report_id=report.pk)
    messages.success(request, _("Report %(reference)s was passed to the CCI.") % {"reference": report.reference})
    return redirect("cases:inbox")


@role_required(*DESK_ROLES)
@require_POST
def report_move_propose(request, report_id):
    """Propose to move the report to another desk; it moves only when the reporter accepts (cases.moves)."""
    report = _visible_report(request, report_id)
    form = MoveProposalForm(request.POST, report=report)
    if not form.is_valid():
        return _report_page(request, report, move_form=form, status=400)
    try:
        moves.report_move_propose(report=report, actor=request.user, **form.cleaned_data)
    except services.ActionRefused as exc:
        _refused(request, exc)
        return _report_page(request, report, move_form=form, status=400)
    messages.success(request, _("The reporter is asked in the mailbox; the report moves only if they accept."))
    return redirect("cases:report-detail", report_id=report.pk)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def minutes_record(request, report_id):
    """Record minutes of a meeting with the reporter (a new version when the reporter asked for a correction)."""
    report = _visible_report(request, report_id)
    meeting_id = request.POST.get("meeting") or request.GET.get("meeting") or None
    meeting = report.meetings.filter(pk=meeting_id).first() if meeting_id else None
    if meeting_id and meeting is None:
        raise Http404
    latest = meeting.versions.order_by("-version").first() if meeting else None
    initial = {"held_on": (meeting.held_on if meeting and meeting.held_on else timezone.localdate())}
    if latest is not None:
        initial["body"] = latest.unseal("body")
    form = MinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_minutes_record(
                report=report, actor=request.user, meeting_id=meeting.pk if meeting else None,
                held_on=form.cleaned_data["held_on"], body=form.cleaned_data["body"], form_token=form.cleaned_data["form_token"],
            )
        except services.AlreadyDone as exc:
            _refused(request, exc)
            return redirect("cases:report-detail", report_id=report.pk)
        except services.ActionRefused as exc:
            form.add_error(None, "; ".join(exc.reasons))
        else:
            messages.success(request, _("The minutes are in the reporter's mailbox, to accept or correct."))
            return redirect("cases:report-detail", report_id=report.pk)
    if latest is not None:
        services.report_read_by_staff(user=request.user, report=report)
    context = {
        "report": report, "form": form, "meeting": meeting, "latest": latest,
        "latest_correction": latest.unseal("correction") if latest else "",
        "request_note": meeting.unseal("request_note") if meeting else "",
        "is_final": bool(latest and latest.answer == Minutes.Answer.ACCEPTED),
    }
    return render(request, "cases/minutes_form.html", context, status=400 if form.is_bound else 200)


# --- a case ----------------------------------------------------------------------------------------------


def _case_page(request, case, *, note_form=None, status=200):
    notes = selectors.case_notes(case) if _has(case, "notes") else []
    services.case_read_by_staff(user=request.user, case=case, notes_shown=len(notes))
    user = request.user
    is_coordinator = user.is_desk_coordinator
    context = {
        "case": case,
        "reports": selectors.case_reports(case),
        "considerations": case.unseal("considerations"),
        "instrument_reasons": case.unseal("instrument_reasons"),
        "decision_reasons": case.unseal("decision_reasons"),
        "persons": [(person, "", "", measures) for person, measures in (selectors.case_persons(case) if _has(case, "persons") else [])],
        "steps": workflow.allowed_from(case.state),
        "history": [(change, change.unseal("reason")) for change in selectors.case_history(case)],
        "notes": [(note, note.unseal("body")) for note in notes],
        "note_form": note_form or NoteForm(),
        "exclusions": selectors.case_exclusions(case) if _has(case, "exclusions") else [],
        "is_coordinator": is_coordinator,
        "assign_form": AssignForm(handlers=selectors.assignable_handlers(case), initial={"handler": case.handler_id}) if is_coordinator else None,
        "exclusion_form": ExclusionForm(staff=selectors.excludable_staff(case)) if is_coordinator else None,
        "conflict_reason": CaseExclusion.Reason.CONFLICT_OF_INTEREST,
        "today": timezone.localdate(),
    }
    return render(request, "cases/case_detail.html", context, status=status)


@role_required(*DESK_ROLES)
@require_GET
def case_detail(request, case_id):
    case = selectors.case_for_page(request.user, case_id)
    if case is None:
        raise Http404
    return _case_page(request, case)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def case_assessment(request, case_id):
    case = _visible_case(request, case_id)
    first_report = selectors.case_reports(case)[:1]
    initial = {
        "version": case.version,
        "category": case.category_id or (first_report[0].category_id if first_report else None),
        "seriousness": case.seriousness, "retaliation_risk": case.retaliation_risk, "urgency": case.urgency,
        "considerations": case.unseal("considerations"),
    }
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.case_assess(
                case=case, actor=request.user, category=data["category"], seriousness=data["seriousness"],
                retaliation_risk=data["retaliation_risk"], urgency=data["urgency"], considerations=data["considerations"],
                expected_version=data["version"],
            )
        except services.StaleCase as exc:
            case.refresh_from_db()
            if case.assessed_by_id == request.user.pk and case.assessed_at >= timezone.now() - timedelta(seconds=60):
                messages.info(request, _("The assessment is recorded."))  # a double click: the first counted
                return redirect("cases:case-detail", case_id=case.pk)
            form.add_error(None, exc.reasons[0])
        except services.ActionRefused as exc:
            form.add_error(None, "; ".join(exc.reasons))
        else:
            messages.success(request, _("The assessment is recorded."))
            return redirect("cases:case-detail", case_id=case.pk)
    if case.assessed_at:
        services.case_read_by_staff(user=request.user, case=case, notes_shown=0)
    return render(request, "cases/assessment_form.html", {"case": case, "form": form}, status=400 if form.is_bound else 200)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def case_step(request, case_id, transition):
    case = _visible_case(request, case_id)
    step = workflow.TRANSITIONS.get(transition)
    if step is None:
        raise Http404
    initial = {"version": case.version}
    message_languages = []
    unsealed = []
    for field in step.inputs:
        if field == workflow.REPORTER_MESSAGE:
            value, message_languages = services.transition_message_prefill(case=case, transition=step.name)
        else:
            value = case.unseal(field) if field in services.SEALED_INPUTS else getattr(case, field, None)
        if value not in (None, ""):
            initial[field] = value
            if field in services.SEALED_INPUTS:
                unsealed.append(field)
    if request.method != "POST":
        services.case_sealed_inputs_read(user=request.user, case=case, fields=unsealed)
    form = TransitionForm(request.POST or None, transition=step, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.case_transition(
                    case=case, transition=step.name, actor=request.user, expected_version=form.cleaned_data["version"],
                    reason=form.cleaned_data.get("reason", ""), **form.values(),
                )
            except services.StaleCase as exc:
                if selectors.step_just_taken_by(case, step.name, request.user):
                    # A double click: the first request took the step; say so rather than "someone else".
                    messages.info(request, _("Done: %(step)s.") % {"step": step.label})
                    return redirect("cases:case-detail", case_id=case.pk)
                form.add_error(None, exc.reasons[0])
                status = 409
            except services.ActionRefused as exc:
                for reason in exc.reasons:
                    form.add_error(None, reason)
            else:
                messages.success(request, _("Done: %(step)s.") % {"step": step.label})
                return redirect("cases:case-detail", case_id=case.pk)
    allowed = case.state in step.sources
    context = {
        "case": case, "step": step, "form": form, "allowed": allowed,
        "message_languages": [LANGUAGE_NAMES.get(code, code) for code in dict.fromkeys(message_languages)],
        "refusal": None if allowed or form.is_bound else workflow.refusal_for_state(step, case.state),
    }
    return render(request, "cases/step_form.html", context, status=status)


@role_required(*COORDINATOR_ROLES)
@require_POST
def case_assign(request, case_id):
    case = _visible_case(request, case_id)
    form = AssignForm(request.POST, handlers=selectors.assignable_handlers(case))
    if not form.is_valid():
        messages.error(request, _("Choose a handler of your desk who is not excluded from this case."))
        return redirect("cases:case-detail", case_id=case.pk)
    try:
        services.case_assign(case=case, handler=form.cleaned_data["handler"], actor=request.user)
    except services.ActionRefused as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Case assigned to %(name)s.") % {"name": form.cleaned_data["handler"].get_username()})
    return redirect("cases:case-detail", case_id=case.pk)


@role_required(*DESK_ROLES)
@require_POST
def case_exclude(request, case_id):
    """A coordinator excludes a staff member; anyone on the case may declare their own conflict of interest."""
    case = _visible_case(request, case_id)
    if request.user.is_desk_coordinator:
        staff = selectors.excludable_staff(case)
    else:
        staff = selectors.excludable_staff(case).filter(pk=request.user.pk)
    form = ExclusionForm(request.POST, staff=staff)
    if not form.is_valid():
        messages.error(request, _("Choose the staff member and why they are excluded."))
        return redirect("cases:case-detail", case_id=case.pk)
    user = form.cleaned_data["user"]
    try:
        services.case_exclude(case=case, user=user, actor=request.user, reason=form.cleaned_data["reason"])
    except services.ActionRefused as exc:
        _refused(request, exc)
        return redirect("cases:case-detail", case_id=case.pk)
    if user.pk == request.user.pk:
        messages.success(request, _("You are excluded from case %(reference)s and no longer see it.") % {"reference": case.reference})
        return redirect("cases:inbox")
    messages.success(request, _("%(name)s is excluded from this case.") % {"name": user.get_username()})
    return redirect("cases:case-detail", case_id=case.pk)


@role_required(*DESK_ROLES)
@require_POST
def case_note_add(request, case_id):
    case = _visible_case(request, case_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, note_form=form, status=400)
    try:
        services.case_note_add(case=case, author=request.user, body=form.cleaned_data["body"], form_token=form.cleaned_data["form_token"])
    except services.ActionRefused as exc:
        _refused(request, exc)
    else:
        messages.success(request, _("Note saved."))
    return redirect(f"{reverse('cases:case-detail', kwargs={'case_id': case.pk})}#notes")


# --- figures ---------------------------------------------------------------------------------------------


def _year_form(request):
    data = request.GET if "year" in request.GET else {"year": timezone.localdate().year}
    return FiguresForm(data)


def _figures_context(request, *, only_category: str = ""):
    form = _year_form(request)
    context = {"form": form, "groups": [], "racism": only_category}
    if not form.is_valid():
        return context, 400
    desks = annual.desks_for_figures(user=request.user, scope=form.cleaned_data["scope"])
    if desks is None:
        raise PermissionDenied
    year = form.cleaned_data["year"]
    current = annual.annual_figures(desks=desks, year=year, only_category=only_category)
    previous = annual.annual_figures(desks=desks, year=year - 1, only_category=only_category)
    context.update({
        "groups": charts.figure_groups(current, previous), "figures": current, "previous": previous,
        "year": year, "scope": form.cleaned_data["scope"], "may_choose_all": request.user.desk == Desk.CCI,
    })
    return context, 200


@role_required(*COORDINATOR_ROLES)
@require_GET
def figures(request):
    context, status = _figures_context(request)
    context["csv_url"] = reverse("cases:figures-csv")
    return render(request, "cases/figures.html", context, status=status)


@role_required(*COORDINATOR_ROLES)
@require_GET
def figures_racism(request):
    """Seed 003: the same figures for racism and discrimination alone, with the counsellors' advice on it."""
    context, status = _figures_context(request, only_category=annual.RACISM)
    context["csv_url"] = reverse("cases:figures-racism-csv")
    return render(request, "cases/figures.html", context, status=status)


@role_required(*COORDINATOR_ROLES)
@require_GET
def figures_racism_csv(request):
    return _figures_csv(request, only_category=annual.RACISM)


@role_required(*COORDINATOR_ROLES)
@require_GET
def figures_csv(request):
    return _figures_csv(request)


def _figures_csv(request, *, only_category: str = ""):
    form = _year_form(request)
    if not form.is_valid():
        return HttpResponse(_("Choose a year between 2000 and 2100."), status=400, content_type="text/plain; charset=utf-8")
    year, scope = form.cleaned_data["year"], form.cleaned_data["scope"]
    try:
        body = services.figures_export(actor=request.user, year=year, scope=scope, only_category=only_category)
    except services.ActionRefused:
        raise PermissionDenied from None
    name = "racism-figures" if only_category else "figures"
    desks = "all" if scope == annual.ALL_DESKS else request.user.desk
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{desks}-{year}.csv"'
    return response


# --- legal clocks ----------------------------------------------------------------------------------------------


@role_required(*COORDINATOR_ROLES)
@require_http_methods(["GET", "POST"])
def report_deadlines(request, report_id):
    """The coordinator extends a deadline, or suspends or resumes the clocks, with a reason."""
    report = _visible_report(request, report_id)
    if report.desk != request.user.desk:
        raise Http404
    form = DeadlineChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            common = {"report": report, "actor": request.user, "reason": data["reason"], "form_token": data["form_token"]}
            if data["action"].startswith("extend_"):
                services.report_deadline_extend(clock=data["action"].removeprefix("extend_"), new_due=data["new_due"], **common)
            elif data["action"] == "suspend":
                services.report_clocks_suspend(**common)
            else:
                services.report_clocks_resume(**common)
        except services.AlreadyDone as exc:
            _refused(request, exc)
            return redirect("cases:report-detail", report_id=report.pk)
        except services.ActionRefused as exc:
            form.add_error(None, "; ".join(exc.reasons))
        else:
            messages.success(request, _("The deadlines were changed and the reporter was told in the mailbox."))
            return redirect("cases:report-detail", report_id=report.pk)
    changes = [(c, c.unseal("reason")) for c in selectors.report_deadline_changes(report)]
    if changes:
        services.report_read_by_staff(user=request.user, report=report)
    return render(request, "cases/report_deadlines.html", {"report": report, "form": form, "changes": changes},
                  status=400 if form.is_bound else 200)


@role_required(*COORDINATOR_ROLES)
@require_GET
def deadlines_overview(request):
    """Upcoming legal deadlines of the desk, reminders sent and when, and failed background tasks."""
    context = {**selectors.deadline_overview(request.user), "today": timezone.localdate()}
    return render(request, "cases/deadlines_overview.html", context)


@role_required(*COORDINATOR_ROLES)
@require_POST
def concern_update(request, concern_id):
    """Record that a retaliation concern was acknowledged to the reporter, or close it."""
    if not selectors.concerns_visible_to(request.user).filter(pk=concern_id).exists():
        raise Http404
    try:
        services.retaliation_concern_update(concern_id=concern_id, actor=request.user, action=request.POST.get("action", ""))
    except services.ActionRefused as exc:
        _refused(request, exc)
    return redirect(reverse("cases:deadlines") + "#concerns")
