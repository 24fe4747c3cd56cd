"""Reporter side of the vault: files on the report form and, later, through the mailbox.

The report form itself belongs to intake; `report_form_uploads` is what its view calls to take the
files of a submission: it stages accepted files under the form's one-time token (so a refused file,
or a mistake in the text, never costs the reporter the files already chosen) and says what was
refused and why. The staged files join the report in report_submit's transaction (services).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import detect, selectors, services, uploads
from .models import EvidenceFile


@dataclass(frozen=True)
class Refused:
    name: str
    reason: str


@dataclass(frozen=True)
class UploadLimits:
    max_files: int
    max_bytes: int
    extensions: list[str]
    accept: str
    remaining: int


def reporter_limits(*, already: int) -> UploadLimits:
    return UploadLimits(
        max_files=settings.VAULT_REPORTER_MAX_FILES,
        max_bytes=settings.VAULT_REPORTER_MAX_FILE_BYTES,
        extensions=detect.accepted_extensions(),
        accept=detect.accept_attribute(),
        remaining=max(0, settings.VAULT_REPORTER_MAX_FILES - already),
    )


@dataclass
class ReportFormUploads:
    staged: list = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    limits: UploadLimits | None = None

    @property
    def complete(self) -> bool:
        """Nothing refused in this submission: the report may go."""
        return not self.refused


def _take_files(uploads, *, already: int, add) -> tuple[int, list[Refused]]:
    """Check and store each upload with `add(upload, media_type)`; collect the refusals."""
    added, refused = 0, []
    for upload in uploads:
        name = services.client_name(upload)
        try:
            if already + added >= settings.VAULT_REPORTER_MAX_FILES:
                raise services.UploadRefused(
                    _("A report can have at most %(count)s files.") % {"count": settings.VAULT_REPORTER_MAX_FILES}
                )
            media_type = services.upload_check(upload=upload, max_bytes=settings.VAULT_REPORTER_MAX_FILE_BYTES)
            if add(upload, media_type):
                added += 1
        except services.UploadRefused as refusal:
            refused.append(Refused(name=name, reason=str(refusal.reason)))
    return added, refused


def _name_too_long() -> Refused:
    return Refused(
        name=_("A file"),
        reason=_("The file name is too long. Rename the file to a shorter name and choose it again."),
    )


def report_form_uploads(request) -> ReportFormUploads:
    """Take the files of a report form submission (see the module's docstring)."""
    if request.method != "POST":
        return ReportFormUploads(limits=reporter_limits(already=0))
    token = request.POST.get("submission_token", "")
    services.staged_remove(token=token, file_ids=request.POST.getlist("remove_file"))
    already = len(selectors.staged_files(token))

    def add(upload, media_type):
        visitor_bytes = request.session.get(services.SESSION_STAGED_BYTES, 0)
        services.staging_room_check(size=upload.size, visitor_bytes=visitor_bytes)
        staged = services.evidence_stage(token=token, upload=upload, media_type=media_type)
        if staged is not None:
            request.session[services.SESSION_STAGED_BYTES] = visitor_bytes + staged.size
        return staged is not None

    _added, refused = _take_files(request.FILES.getlist("files"), already=already, add=add)
    if uploads.part_header_too_long(request):
        refused.append(_name_too_long())
    staged = selectors.staged_files(token)
    return ReportFormUploads(staged=staged, refused=refused, limits=reporter_limits(already=len(staged)))


def _mailbox_report(request):
    from meldpunt.intake import views as intake_views  # intake's view imports this module

    return intake_views._mailbox_report(request)


@never_cache
@require_POST
def mailbox_files(request):
    """A reporter adds files to their report from the mailbox."""
    report = _mailbox_report(request)
    if report is None:
        return redirect("intake:mailbox-sign-in")
    files = request.FILES.getlist("files")
    if uploads.part_header_too_long(request):
        refusal = _name_too_long()
        messages.error(request, _("%(name)s was not added: %(reason)s") % {"name": refusal.name, "reason": refusal.reason})
    if not files:
        if not uploads.part_header_too_long(request):
            messages.error(request, _("Choose at least one file to add."))
        return redirect(reverse("intake:mailbox") + "#files")

    def add(upload, media_type):
        services.evidence_add(report=report, upload=upload, media_type=media_type, source=EvidenceFile.Source.REPORTER)
        return True

    added, refused = _take_files(files, already=selectors.reporter_file_count(report), add=add)
    if added:
        messages.success(
            request,
            ngettext(
                "%(count)s file was added to your report.", "%(count)s files were added to your report.", added
            ) % {"count": added},
        )
    for refusal in refused:
        messages.error(request, _("%(name)s was not added: %(reason)s") % {"name": refusal.name, "reason": refusal.reason})
    return redirect(reverse("intake:mailbox") + "#files")


def mailbox_panel_context(report, *, has_files: bool = True) -> dict:
    already = selectors.reporter_file_count(report) if has_files else 0
    return {"files": selectors.reporter_files(report) if has_files else [], "limits": reporter_limits(already=already)}
