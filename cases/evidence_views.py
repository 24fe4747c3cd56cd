"""The desk's evidence on a report: list and add files, preview, download, open an original with a
stated reason, export the chain-of-custody register.

Who may see a report is decided by selectors.reports_visible_to; the vault's services write the
audit events (every preview, download, opening of an original and export is on the record).
Previews are served inline from this site only: images in <img>, PDFs in a same-origin <iframe>.
"""

from __future__ import annotations

import os
import time

from csp.constants import NONE, SELF
from csp.decorators import csp
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods

from meldpunt import crypto, spreadsheet
from meldpunt.accounts.permissions import role_required
from meldpunt.vault import selectors as vault_selectors
from meldpunt.vault import services as vault_services
from meldpunt.vault.forms import OriginalOpenForm, StaffEvidenceForm
from meldpunt.vault.models import EvidenceFile, Variant

from . import selectors
from .views import DESK_ROLES

GRANTS_SESSION_KEY = "evidence_original_grants"
GRANT_SECONDS = 10 * 60  # a reason given opens the original in the browser for this long
PREVIEWABLE = ("image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf")
WORKING_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp", "application/pdf": "pdf"}


def _report(request, report_id):
    return get_object_or_404(selectors.reports_visible_to(request.user), pk=report_id)


def _evidence(report, file_id) -> EvidenceFile:
    return get_object_or_404(vault_selectors.report_evidence(report).filter(shredded_at__isnull=True), pk=file_id)


def _variant(request) -> str:
    return Variant.ORIGINAL if request.GET.get("variant") == Variant.ORIGINAL else Variant.WORKING


def _grant(request, evidence) -> None:
    grants = {k: v for k, v in request.session.get(GRANTS_SESSION_KEY, {}).items() if v > time.time()}
    grants[str(evidence.pk)] = time.time() + GRANT_SECONDS
    request.session[GRANTS_SESSION_KEY] = grants


def _granted(request, evidence) -> bool:
    return request.session.get(GRANTS_SESSION_KEY, {}).get(str(evidence.pk), 0) > time.time()


def _filename(evidence: EvidenceFile, variant: str, media_type: str) -> str:
    stem = os.path.splitext(vault_selectors.safe_unseal(evidence, "name"))[0] or "evidence"
    if variant == Variant.WORKING:
        return f"{stem}-cleaned.{WORKING_EXTENSIONS.get(media_type, 'bin')}"
    return f"{stem}.{evidence.extension}"


def _file_response(opened, *, filename: str, inline: bool) -> StreamingHttpResponse:
    response = StreamingHttpResponse(opened.chunks, content_type=opened.media_type)
    response["Content-Length"] = str(opened.size)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _damaged(request, report, evidence) -> HttpResponse:
    return render(
        request, "cases/evidence_damaged.html", {"report": report, "evidence": evidence}, status=500
    )


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
def evidence_list(request, report_id):
    report = _report(request, report_id)
    form = StaffEvidenceForm(request.POST or None, request.FILES or None)
    refused = []
    if request.method == "POST" and form.is_valid():
        added = 0
        for upload in form.cleaned_data["files"]:
            try:
                media_type = vault_services.upload_check(upload=upload, max_bytes=settings.VAULT_STAFF_MAX_FILE_BYTES)
                _evidence_file, created = vault_services.evidence_add(
                    report=report, upload=upload, media_type=media_type, source=EvidenceFile.Source.STAFF,
                    uploaded_by=request.user, description=form.cleaned_data["description"],
                )
            except vault_services.UploadRefused as refusal:
                refused.append((vault_services.client_name(upload), str(refusal.reason)))
                continue
            if created:
                added += 1
            else:
                messages.info(request, _("%(name)s is already in the vault (same content).") % {
                    "name": vault_services.client_name(upload)})
        if added:
            messages.success(
                request, ngettext("%(count)s file was sealed in the vault.", "%(count)s files were sealed in the vault.", added)
                % {"count": added},
            )
        if not refused:
            return redirect("cases:evidence", report_id=report.pk)
    vault_services.evidence_list_read(user=request.user, report=report)
    context = {
        "report": report,
        "rows": vault_selectors.evidence_rows(report),
        "form": form,
        "refused": refused,
        "max_bytes": settings.VAULT_STAFF_MAX_FILE_BYTES,
        "extensions": sorted({ext.upper() for ext in settings.VAULT_ACCEPTED_TYPES.values()}),
        "previewable": PREVIEWABLE,
    }
    return render(request, "cases/evidence_list.html", context, status=400 if form.is_bound else 200)


@role_required(*DESK_ROLES)
@require_GET
def evidence_preview(request, report_id, file_id):
    """The page that shows a file inside the app; the file itself comes from evidence_content."""
    report = _report(request, report_id)
    evidence = _evidence(report, file_id)
    variant = _variant(request)
    if variant == Variant.ORIGINAL and vault_services.original_needs_reason(evidence) and not _granted(request, evidence):
        return redirect("cases:evidence-original", report_id=report.pk, file_id=evidence.pk)
    if variant == Variant.WORKING and not evidence.has_working_copy:
        if vault_services.original_needs_reason(evidence):
            return redirect("cases:evidence-original", report_id=report.pk, file_id=evidence.pk)
        variant = Variant.ORIGINAL
    media_type = evidence.working_media_type if variant == Variant.WORKING else evidence.media_type
    content_url = reverse("cases:evidence-content", kwargs={"report_id": report.pk, "file_id": evidence.pk})
    if variant == Variant.ORIGINAL:
        content_url += "?variant=original"
    context = {
        "report": report,
        "evidence": evidence,
        "name": vault_selectors.safe_unseal(evidence, "name"),
        "variant": variant,
        "media_type": media_type,
        "is_image": media_type.startswith("image/") and media_type in PREVIEWABLE,
        "is_pdf": media_type == "application/pdf",
        "content_url": content_url,
        "needs_reason": vault_services.original_needs_reason(evidence),
    }
    return render(request, "cases/evidence_preview.html", context)


@role_required(*DESK_ROLES)
@require_GET
@never_cache
@xframe_options_sameorigin
@csp({"default-src": [NONE], "img-src": [SELF], "style-src": [SELF], "object-src": [SELF], "frame-ancestors": [SELF]})
def evidence_content(request, report_id, file_id):
    """The file itself, inline, for the preview page (an <img> or a same-origin <iframe>). Audited."""
    report = _report(request, report_id)
    evidence = _evidence(report, file_id)
    variant = _variant(request)
    if variant == Variant.WORKING and not evidence.has_working_copy and not vault_services.original_needs_reason(evidence):
        variant = Variant.ORIGINAL
    media_type = evidence.working_media_type if variant == Variant.WORKING else evidence.media_type
    if media_type not in PREVIEWABLE:
        return HttpResponse(_("This file cannot be shown in the browser. Download it instead."), status=404, content_type="text/plain")
    try:
        opened = vault_services.evidence_open(
            user=request.user, evidence=evidence, purpose="preview", variant=variant,
            granted=variant == Variant.ORIGINAL and _granted(request, evidence),
        )
    except vault_services.ReasonRequired:
        return HttpResponse(_("The original opens only with a stated reason."), status=403, content_type="text/plain")
    except (crypto.DecryptionError, FileNotFoundError):
        return _damaged(request, report, evidence)
    return _file_response(opened, filename=_filename(evidence, opened.variant, opened.media_type), inline=True)


@role_required(*DESK_ROLES)
@require_GET
@never_cache
def evidence_download(request, report_id, file_id):
    """Download the cleaned copy (or, for a type that is never cleaned, the file itself). Audited."""
    report = _report(request, report_id)
    evidence = _evidence(report, file_id)
    try:
        opened = vault_services.evidence_open(user=request.user, evidence=evidence, purpose="download")
    except vault_services.ReasonRequired:
        return redirect("cases:evidence-original", report_id=report.pk, file_id=evidence.pk)
    except (crypto.DecryptionError, FileNotFoundError):
        return _damaged(request, report, evidence)
    return _file_response(opened, filename=_filename(evidence, opened.variant, opened.media_type), inline=False)


@role_required(*DESK_ROLES)
@require_http_methods(["GET", "POST"])
@never_cache
def evidence_original(request, report_id, file_id):
    """Open the original of a cleaned file: only with a reason, which goes into the audit trail."""
    report = _report(request, report_id)
    evidence = _evidence(report, file_id)
    form = OriginalOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason, purpose = form.cleaned_data["reason"], form.cleaned_data["purpose"]
        if purpose == "download" or evidence.media_type not in PREVIEWABLE:
            try:
                opened = vault_services.evidence_open(
                    user=request.user, evidence=evidence, purpose="download", variant=Variant.ORIGINAL, reason=reason
                )
            except (crypto.DecryptionError, FileNotFoundError):
                return _damaged(request, report, evidence)
            return _file_response(opened, filename=_filename(evidence, Variant.ORIGINAL, opened.media_type), inline=False)
        vault_services.evidence_original_open(user=request.user, evidence=evidence, reason=reason, purpose="preview")
        _grant(request, evidence)
        url = reverse("cases:evidence-preview", kwargs={"report_id": report.pk, "file_id": evidence.pk})
        return redirect(f"{url}?variant=original")
    context = {"report": report, "evidence": evidence, "name": vault_selectors.safe_unseal(evidence, "name"), "form": form}
    return render(request, "cases/evidence_original.html", context, status=400 if form.is_bound else 200)


class _Echo:
    def write(self, value):
        return value


@role_required(*DESK_ROLES)
@require_GET
@never_cache
def evidence_register(request, report_id):
    """The chain of custody as CSV: every file, its hashes and uploader, and every access to it."""
    report = _report(request, report_id)
    vault_services.evidence_register_exported(user=request.user, report=report)
    writer = spreadsheet.csv_writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(vault_selectors.REGISTER_COLUMNS)
        for row in vault_selectors.register_rows(report):
            yield writer.writerow(spreadsheet.csv_row(row))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"evidence-register-{report.reference}.csv")
    response["Cache-Control"] = "no-store, private"
    return response
