"""The desk's evidence pages: list, add, preview, download, the original with a reason, the register."""

import csv
import io

import pytest
from django.urls import reverse
from PIL import Image

from meldpunt.accounts.models import Role
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_private_detail
from meldpunt.vault import storage
from meldpunt.vault.models import EvidenceFile

from . import samples


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def desk(client_for, handler):
    return client_for(handler)


@pytest.fixture
def photo(cci_report, add_file):
    return add_file(cci_report, samples.jpeg_with_gps(), "IMG_0042.jpg", description="Sent by a witness")


def url(name, evidence):
    return reverse(name, kwargs={"report_id": evidence.report_id, "file_id": evidence.pk})


def test_the_report_page_links_to_its_evidence(desk, cci_report):
    page = desk.get(reverse("cases:report-detail", kwargs={"report_id": cci_report.pk})).content.decode()
    assert reverse("cases:evidence", kwargs={"report_id": cci_report.pk}) in page


def test_the_list_shows_name_type_size_who_when_and_hash_and_is_audited(desk, cci_report, photo, handler):
    response = desk.get(reverse("cases:evidence", kwargs={"report_id": cci_report.pk}))
    page = response.content.decode()
    assert response.status_code == 200
    for expected in ("IMG_0042.jpg", "Sent by a witness", "JPG", photo.sha256, handler.username, "cleaned copy"):
        assert expected in page
    assert 'scope="col"' in page
    assert AuditEvent.objects.filter(action="evidence.list_read", actor=handler).exists()


def test_a_handler_adds_evidence_with_a_progress_bar_and_a_description(desk, cci_report, handler, on_commit):
    minutes = samples.upload(samples.TEXT, "minutes 12 March.txt", "application/pdf")
    recording = samples.upload(samples.wav(), "interview.wav", "audio/wav")
    with on_commit():
        response = desk.post(
            reverse("cases:evidence", kwargs={"report_id": cci_report.pk}),
            {"files": [minutes, recording], "description": "Meeting with the reporter"}, follow=True,
        )
    page = response.content.decode()
    assert "2 files were sealed in the vault." in page
    files = EvidenceFile.objects.filter(report=cci_report).order_by("media_type")
    assert [f.media_type for f in files] == ["audio/x-wav", "text/plain"]  # detected, not as the client claimed
    assert all(f.uploaded_by == handler and f.source == "staff" for f in files)
    assert files[0].unseal("description") == "Meeting with the reporter"
    assert '<progress id="evidence-upload-progress"' in page


def test_refused_files_are_named_and_the_others_kept(desk, cci_report):
    response = desk.post(
        reverse("cases:evidence", kwargs={"report_id": cci_report.pk}),
        {"files": [samples.upload(samples.EXE, "tool.pdf"), samples.upload(samples.TEXT, "ok.txt")], "description": "x"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "tool.pdf" in page and "not accepted" in page
    assert "1 file was sealed in the vault." in page
    assert EvidenceFile.objects.filter(report=cci_report).count() == 1


def test_uploading_without_a_file_says_so(desk, cci_report):
    response = desk.post(reverse("cases:evidence", kwargs={"report_id": cci_report.pk}), {"description": "x"})
    assert response.status_code == 400 and "Choose at least one file." in response.content.decode()


def test_previewing_shows_the_cleaned_copy_inline_and_is_audited(desk, photo, handler):
    page = desk.get(url("cases:evidence-preview", photo)).content.decode()
    content_url = url("cases:evidence-content", photo)
    assert f'<img src="{content_url}"' in page
    assert not AuditEvent.objects.filter(action="evidence.previewed").exists()  # the page holds no file
    response = desk.get(content_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    with Image.open(io.BytesIO(body(response))) as image:
        assert not image.getexif()
    event = AuditEvent.objects.get(action="evidence.previewed")
    assert event.actor == handler and event.target_id == str(photo.pk) and event.detail["variant"] == "working"


def test_a_pdf_previews_in_a_same_origin_frame(desk, cci_report, add_file):
    pdf = add_file(cci_report, samples.pdf_with_author(), "notes.pdf")
    page = desk.get(url("cases:evidence-preview", pdf)).content.decode()
    assert f'<iframe src="{url("cases:evidence-content", pdf)}"' in page
    response = desk.get(url("cases:evidence-content", pdf))
    assert response["Content-Type"] == "application/pdf" and response["X-Frame-Options"] == "SAMEORIGIN"
    assert b"Jan Jansen" not in body(response)


def test_a_file_that_cannot_be_shown_is_not_served_inline(desk, cci_report, add_file):
    text = add_file(cci_report, samples.TEXT, "minutes.txt")
    assert desk.get(url("cases:evidence-content", text)).status_code == 404
    assert not AuditEvent.objects.filter(action="evidence.previewed").exists()


def test_downloading_gives_the_cleaned_copy_and_is_audited(desk, photo, handler):
    response = desk.get(url("cases:evidence-download", photo))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="IMG_0042-cleaned.jpg"' in response["Content-Disposition"]
    assert int(response["Content-Length"]) == photo.working_size
    data = body(response)
    assert b"Jan Jansen" not in data
    assert AuditEvent.objects.get(action="evidence.downloaded").detail["variant"] == "working"


def test_the_original_opens_only_with_a_reason_which_is_recorded(desk, photo, handler):
    original_url = url("cases:evidence-original", photo)
    assert desk.get(url("cases:evidence-content", photo) + "?variant=original").status_code == 403
    response = desk.post(original_url, {"reason": "  ", "purpose": "download"})
    assert response.status_code == 400 and "Please give a reason." in response.content.decode()
    response = desk.post(original_url, {"reason": "Where was it taken? The reporter disputes the place.", "purpose": "download"})
    assert response["Content-Disposition"].startswith("attachment")
    assert body(response) == samples.jpeg_with_gps()
    opened = AuditEvent.objects.get(action="evidence.original_opened")
    assert opened.actor == handler and audit_private_detail(opened)["reason"].startswith("Where was it taken?")
    assert AuditEvent.objects.filter(action="evidence.downloaded", detail__variant="original").count() == 1


def test_the_original_can_be_viewed_in_the_browser_for_a_while_after_a_reason(desk, photo):
    response = desk.post(url("cases:evidence-original", photo), {"reason": "Compare with the copy", "purpose": "preview"})
    preview_url = url("cases:evidence-preview", photo) + "?variant=original"
    assert response.status_code == 302 and response["Location"] == preview_url
    page = desk.get(preview_url).content.decode()
    assert "Original, with any hidden data it holds" in page
    content = desk.get(url("cases:evidence-content", photo) + "?variant=original")
    assert content.status_code == 200 and body(content) == samples.jpeg_with_gps()
    assert AuditEvent.objects.filter(action="evidence.previewed", detail__variant="original").count() == 1


def test_a_type_that_is_never_cleaned_downloads_without_a_reason(desk, cci_report, add_file):
    text = add_file(cci_report, samples.TEXT, "minutes.txt")
    response = desk.get(url("cases:evidence-download", text))
    assert body(response) == samples.TEXT
    assert 'filename="minutes.txt"' in response["Content-Disposition"]


def test_a_file_that_failed_cleaning_sends_the_handler_to_the_reason_form(desk, cci_report, add_file):
    broken = add_file(cci_report, samples.jpeg_with_gps()[:300], "broken.jpg")
    response = desk.get(url("cases:evidence-download", broken))
    assert response.status_code == 302 and response["Location"] == url("cases:evidence-original", broken)


def test_a_tampered_file_shows_a_clear_error_and_nothing_of_it(desk, photo):
    path = storage.vault_storage().path(photo.working_stored_name)
    data = bytearray(open(path, "rb").read())
    data[100] ^= 0xFF
    open(path, "wb").write(bytes(data))
    response = desk.get(url("cases:evidence-download", photo))
    assert response.status_code == 500
    assert "failed its integrity check" in response.content.decode()


def test_the_other_desk_and_other_roles_cannot_reach_the_files(client_for, staff_factory, photo):
    assert client_for(staff_factory(Role.EXTERNAL_HANDLER)).get(url("cases:evidence-download", photo)).status_code == 404
    assert client_for(staff_factory(Role.MANAGER)).get(url("cases:evidence-download", photo)).status_code == 403
    assert not AuditEvent.objects.filter(action="evidence.downloaded").exists()


def test_a_file_of_another_report_is_not_found_through_this_report(desk, photo, report_factory):
    other = report_factory().report
    response = desk.get(reverse("cases:evidence-download", kwargs={"report_id": other.pk, "file_id": photo.pk}))
    assert response.status_code == 404


def test_the_register_lists_files_hashes_uploaders_and_every_access(desk, cci_report, photo, add_file, handler):
    add_file(cci_report, samples.TEXT, "=2+5+cmd.txt")
    desk.get(url("cases:evidence-content", photo))
    body(desk.get(url("cases:evidence-download", photo)))
    desk.post(url("cases:evidence-original", photo), {"reason": "For the investigator", "purpose": "download"})
    response = desk.get(reverse("cases:evidence-register", kwargs={"report_id": cci_report.pk}))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="evidence-register-{cci_report.reference}.csv"'
    rows = list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))
    photo_rows = [r for r in rows if r["file_id"] == str(photo.pk)]
    assert [r["event_action"] for r in photo_rows] == [
        "evidence.added", "evidence.cleaned", "evidence.previewed", "evidence.downloaded",
        "evidence.original_opened", "evidence.downloaded",
    ]
    first = photo_rows[0]
    assert first["file_name"] == "IMG_0042.jpg" and first["sha256"] == photo.sha256
    assert first["cleaned_copy_sha256"] == photo.working_sha256 and first["added_by"] == handler.username
    assert photo_rows[4]["event_reason"] == "For the investigator"
    assert all(r["audit_event_hash"] == AuditEvent.objects.get(pk=r["audit_event_id"]).hash for r in rows)
    formula = next(r for r in rows if "cmd" in r["file_name"])
    assert formula["file_name"].startswith("'=")  # a spreadsheet will not run it
    assert AuditEvent.objects.filter(action="evidence.register_exported", actor=handler).exists()


def test_a_double_submit_by_the_desk_keeps_one_copy(desk, cci_report):
    url_list = reverse("cases:evidence", kwargs={"report_id": cci_report.pk})
    desk.post(url_list, {"files": [samples.upload(samples.TEXT, "minutes.txt")]})
    response = desk.post(url_list, {"files": [samples.upload(samples.TEXT, "minutes.txt")]}, follow=True)
    assert "minutes.txt is already in the vault (same content)." in response.content.decode()
    assert EvidenceFile.objects.filter(report=cci_report).count() == 1


def test_the_evidence_of_several_reports_for_a_case(cci_report, photo, add_file, report_factory):
    from meldpunt.vault.selectors import evidence_of_reports

    other = report_factory().report
    minutes = add_file(other, samples.TEXT, "minutes.txt")
    assert set(evidence_of_reports([cci_report, other])) == {photo, minutes}
