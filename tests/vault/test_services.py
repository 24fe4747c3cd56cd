"""The vault's services: files sealed as they arrive, cleaned copies, audited reads, shredding."""

import io
import uuid
from datetime import timedelta

import pytest
from django.test import override_settings
from PIL import Image

from meldpunt import crypto
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_private_detail
from meldpunt.intake.models import MailboxMessage, ReceiptCode
from meldpunt.intake.services import mailbox_message_from_reporter
from meldpunt.vault import services, storage
from meldpunt.vault.models import EvidenceFile, UploadStaging, Variant

from . import samples


def plaintext(evidence, variant=Variant.ORIGINAL) -> bytes:
    name = evidence.stored_name if variant == Variant.ORIGINAL else evidence.working_stored_name
    return b"".join(storage.open_plain(key=evidence.file_key(), stored_name=name, aad=evidence.stream_aad(variant)))


def raw_stored(name) -> bytes:
    with storage.vault_storage().open(name, "rb") as handle:
        return handle.read()


# --- what comes in -------------------------------------------------------------------------------


def test_a_file_is_sealed_with_measured_size_hash_and_detected_type(cci_report, add_file):
    content = samples.pdf_with_author()
    evidence = add_file(cci_report, content, name="../../etc/Notes\x00 on\u202e it.pdf")
    assert evidence.media_type == "application/pdf"
    assert evidence.size == len(content)
    assert evidence.sha256 == crypto.sha256_hex(content)
    assert evidence.unseal("name") == "Notes on it.pdf"  # no path, no control or bidi-override characters
    stored = raw_stored(evidence.stored_name)
    assert b"Jan Jansen" not in stored and b"%PDF" not in stored
    assert plaintext(evidence) == content


def test_the_client_declared_type_and_name_do_not_decide_the_type(cci_report):
    upload = samples.upload(samples.EXE, name="holiday.jpg", content_type="image/jpeg")
    with pytest.raises(services.UploadRefused, match="not accepted"):
        services.upload_check(upload=upload, max_bytes=10**6)
    upload = samples.upload(samples.pdf_with_author(), name="photo.png", content_type="image/png")
    assert services.upload_check(upload=upload, max_bytes=10**6) == "application/pdf"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (samples.EXE, "not accepted"),
        (samples.HTML, "not accepted"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not accepted"),
        (b"", "empty"),
    ],
    ids=["program", "web page", "svg", "empty"],
)
def test_refused_content_gets_a_clear_reason(content, reason):
    with pytest.raises(services.UploadRefused, match=reason):
        services.upload_check(upload=samples.upload(content), max_bytes=10**6)


def test_a_file_over_the_limit_is_refused_with_the_limit_in_the_reason():
    with pytest.raises(services.UploadRefused, match="larger than 1.0"):
        services.upload_check(upload=samples.upload(b"x" * 2048, "a.txt"), max_bytes=1024)


def test_the_upload_handler_stops_writing_a_file_past_the_limit(rf, settings):
    from meldpunt.vault.uploads import BoundedTemporaryFileUploadHandler

    settings.VAULT_REPORTER_MAX_FILE_BYTES = 100
    request = rf.post("/report/")
    handler = BoundedTemporaryFileUploadHandler(request)
    handler.handle_raw_input(None, request.META, 1000, b"x")
    handler.new_file("files", "big.txt", "text/plain", 1000)
    for start in range(0, 1000, 64):
        handler.receive_data_chunk(b"a" * 64, start)
    upload = handler.file_complete(1000)
    assert upload.over_limit
    assert len(open(upload.temporary_file_path(), "rb").read()) <= 100  # nothing much reached the disk
    with pytest.raises(services.UploadRefused, match="larger than"):
        services.upload_check(upload=upload, max_bytes=100)


def test_the_same_content_twice_in_one_report_is_one_piece_of_evidence(cci_report, add_file):
    first = add_file(cci_report, samples.TEXT, "minutes.txt")
    again = add_file(cci_report, samples.TEXT, "minutes (copy).txt")
    assert again.pk == first.pk
    assert EvidenceFile.objects.filter(report=cci_report).count() == 1
    assert len(storage.vault_storage().listdir(f"evidence/{first.pk}")[1]) == 1  # the copy was not left behind


def test_adding_a_file_is_audited_without_its_name(cci_report, add_file, handler):
    evidence = add_file(cci_report, samples.TEXT, "Secret name of witness.txt")
    event = AuditEvent.objects.get(action="evidence.added", target_id=str(evidence.pk))
    assert event.actor == handler
    assert event.detail["sha256"] == evidence.sha256 and event.detail["report"] == str(cci_report.pk)
    assert "witness" not in str(event.detail)


# --- sealed under the report's key ---------------------------------------------------------------


def test_files_cannot_be_swapped_between_files_or_between_original_and_copy(cci_report, add_file, report_factory):
    photo = add_file(cci_report, samples.jpeg_with_gps(), "photo.jpg")
    minutes = add_file(cci_report, samples.TEXT, "minutes.txt")
    other = add_file(report_factory().report, samples.jpeg_with_gps(colour="blue"), "other.jpg")
    vault = storage.vault_storage()

    def overwrite(target_name, source_name):
        with open(vault.path(target_name), "wb") as handle:
            handle.write(raw_stored(source_name))

    overwrite(minutes.stored_name, photo.stored_name)  # another file of the same report
    overwrite(other.stored_name, photo.working_stored_name)  # a file of another report
    saved_original = raw_stored(photo.stored_name)
    overwrite(photo.stored_name, photo.working_stored_name)  # the copy in place of the original
    for evidence in (minutes, other, photo):
        with pytest.raises(crypto.DecryptionError):
            plaintext(evidence)
    overwrite_back = vault.path(photo.stored_name)
    with open(overwrite_back, "wb") as handle:
        handle.write(saved_original)
    assert plaintext(photo) == samples.jpeg_with_gps()


def test_a_file_key_does_not_open_under_another_reports_key(cci_report, add_file, report_factory):
    evidence = add_file(cci_report, samples.TEXT)
    evidence.report = report_factory().report
    with pytest.raises(crypto.DecryptionError):
        evidence.file_key()


# --- cleaned working copies ----------------------------------------------------------------------


def test_a_photo_gets_a_cleaned_copy_without_location_and_the_original_keeps_it(cci_report, add_file):
    original = samples.jpeg_with_gps(width=64, height=48, orientation=6)
    evidence = add_file(cci_report, original, "IMG_0001.jpg")
    assert evidence.working_status == EvidenceFile.Cleaning.CLEANED
    assert evidence.working_media_type == "image/jpeg"
    cleaned = plaintext(evidence, Variant.WORKING)
    assert evidence.working_sha256 == crypto.sha256_hex(cleaned) and evidence.working_size == len(cleaned)
    with Image.open(io.BytesIO(cleaned)) as image:
        assert not image.getexif() and "exif" not in image.info and "xmp" not in image.info
        assert image.size == (48, 64)  # turned upright before the orientation tag went
    assert b"Jan Jansen" not in cleaned
    with Image.open(io.BytesIO(plaintext(evidence))) as image:
        assert image.getexif().get_ifd(samples.GPS_IFD)  # the sealed original is untouched
    assert AuditEvent.objects.filter(action="evidence.cleaned", target_id=str(evidence.pk)).exists()


def test_png_text_chunks_are_removed(cci_report, add_file):
    evidence = add_file(cci_report, samples.png_with_text(), "screenshot.png")
    cleaned = plaintext(evidence, Variant.WORKING)
    assert b"Jan Jansen" not in cleaned and b"Rabat" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.mode == "RGBA" and image.size == (20, 10)


def test_a_pdf_loses_its_document_information_and_xmp_in_the_copy(cci_report, add_file):
    import pikepdf

    evidence = add_file(cci_report, samples.pdf_with_author(), "notes.pdf")
    assert evidence.working_status == EvidenceFile.Cleaning.CLEANED
    cleaned = plaintext(evidence, Variant.WORKING)
    assert b"Jan Jansen" not in cleaned and b"Reporter's laptop" not in cleaned
    with pikepdf.open(io.BytesIO(cleaned)) as pdf:
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        assert len(pdf.pages) == 1
    assert b"Jan Jansen" in plaintext(evidence)


def test_a_file_that_cannot_be_cleaned_is_marked_and_its_original_needs_a_reason(cci_report, add_file):
    broken = samples.jpeg_with_gps()[:300]  # a JPEG that stops half-way
    evidence = add_file(cci_report, broken, "broken.jpg")
    assert evidence.working_status == EvidenceFile.Cleaning.FAILED
    assert services.original_needs_reason(evidence)
    protected = add_file(cci_report, samples.pdf_with_author(password="geheim"), "locked.pdf")
    assert protected.working_status == EvidenceFile.Cleaning.FAILED


def test_types_that_are_not_cleaned_say_so(cci_report, add_file):
    """Plain text has nothing hidden; recordings are cleaned now (tests/security/test_metadata_cleaning.py)."""
    evidence = add_file(cci_report, samples.TEXT, "minutes.txt")
    assert evidence.media_type == "text/plain"
    assert evidence.working_status == EvidenceFile.Cleaning.NOT_APPLICABLE
    assert not services.original_needs_reason(evidence)


@override_settings(VAULT_IMAGE_MAX_PIXELS=1000)
def test_an_image_with_too_many_pixels_gets_no_copy(cci_report, add_file):
    evidence = add_file(cci_report, samples.jpeg_with_gps(width=100, height=100), "huge.jpg")
    assert evidence.working_status == EvidenceFile.Cleaning.FAILED


def test_cleaning_twice_changes_nothing(cci_report, add_file):
    evidence = add_file(cci_report, samples.jpeg_with_gps(), "photo.jpg")
    assert services.evidence_clean(evidence_id=str(evidence.pk)) == "skipped"
    assert EvidenceFile.objects.get(pk=evidence.pk).working_sha256 == evidence.working_sha256


# --- audited reads -------------------------------------------------------------------------------


def test_staff_open_the_cleaned_copy_by_default_and_it_is_audited(cci_report, add_file, handler):
    evidence = add_file(cci_report, samples.jpeg_with_gps(), "photo.jpg")
    opened = services.evidence_open(user=handler, evidence=evidence, purpose="preview")
    assert opened.variant == Variant.WORKING
    assert b"".join(opened.chunks) == plaintext(evidence, Variant.WORKING)
    event = AuditEvent.objects.filter(action="evidence.previewed").latest("id")
    assert event.actor == handler and event.detail["variant"] == "working"


def test_the_original_of_a_cleaned_file_needs_a_reason(cci_report, add_file, handler):
    evidence = add_file(cci_report, samples.jpeg_with_gps(), "photo.jpg")
    with pytest.raises(services.ReasonRequired):
        services.evidence_open(user=handler, evidence=evidence, purpose="download", variant=Variant.ORIGINAL)
    with pytest.raises(services.ReasonRequired):
        services.evidence_open(user=handler, evidence=evidence, purpose="download", variant=Variant.ORIGINAL, reason="  ")
    opened = services.evidence_open(
        user=handler, evidence=evidence, purpose="download", variant=Variant.ORIGINAL, reason="Check where the photo was taken"
    )
    assert b"".join(opened.chunks) == samples.jpeg_with_gps()
    reason_event = AuditEvent.objects.get(action="evidence.original_opened")
    assert audit_private_detail(reason_event)["reason"] == "Check where the photo was taken"
    assert "reason" not in reason_event.detail, "sealed, not in the readable detail (security L11)"
    assert AuditEvent.objects.filter(action="evidence.downloaded", detail__variant="original").exists()


def test_a_file_without_a_copy_for_its_type_opens_as_itself(cci_report, add_file, handler):
    evidence = add_file(cci_report, samples.TEXT, "minutes.txt")
    opened = services.evidence_open(user=handler, evidence=evidence, purpose="download")
    assert opened.variant == Variant.ORIGINAL and b"".join(opened.chunks) == samples.TEXT


def test_a_tampered_file_fails_before_anything_is_released(cci_report, add_file, handler):
    evidence = add_file(cci_report, samples.TEXT, "minutes.txt")
    path = storage.vault_storage().path(evidence.stored_name)
    data = bytearray(open(path, "rb").read())
    data[-1] ^= 1
    open(path, "wb").write(bytes(data))
    with pytest.raises(crypto.DecryptionError):
        services.evidence_open(user=handler, evidence=evidence, purpose="download")
    assert not AuditEvent.objects.filter(action="evidence.downloaded").exists()


# --- staged files of a report form ---------------------------------------------------------------


def test_staged_files_join_the_report_when_it_is_stored(category, post, on_commit):
    from meldpunt.intake.services import ReportDetails, report_submit

    token = uuid.uuid4().hex
    upload = samples.temporary_upload(samples.jpeg_with_gps(), "photo.jpg")
    with on_commit():
        staged = services.evidence_stage(
            token=token, upload=upload, media_type=services.upload_check(upload=upload, max_bytes=10**7)
        )
    assert staged.report is None and staged.staging.token_hash
    with on_commit():
        report = report_submit(
            details=ReportDetails(category=category, post=post, narrative="Er is iets gebeurd."),
            channel="central", language="nl", submission_token=token,
        ).report
    evidence = EvidenceFile.objects.get(pk=staged.pk)
    assert evidence.report == report and evidence.staging is None
    assert evidence.unseal("name") == "photo.jpg"
    assert plaintext(evidence) == samples.jpeg_with_gps()
    assert plaintext(evidence, Variant.WORKING)  # cleaned once the report was stored (not while staged)
    event = AuditEvent.objects.get(action="evidence.added", target_id=str(evidence.pk))
    assert event.actor_label == "reporter"


def test_staging_for_a_form_already_sent_stores_nothing(category, post):
    from meldpunt.intake.services import ReportDetails, report_submit

    assert services.staging_token_hash("not-a-token") is None
    token = uuid.uuid4().hex
    report_submit(
        details=ReportDetails(category=category, post=post, narrative="Er is iets gebeurd."),
        channel="central", language="nl", submission_token=token,
    )
    # The same form again (a double click): its files went with the first submission.
    assert services.evidence_stage(token=token, upload=samples.upload(samples.TEXT), media_type="text/plain") is None
    assert not EvidenceFile.objects.exists()


def test_abandoned_staged_files_are_purged(post):
    token = uuid.uuid4().hex
    staged = services.evidence_stage(token=token, upload=samples.upload(samples.TEXT, "a.txt"), media_type="text/plain")
    assert services.staging_purge(older_than=timedelta(hours=1)) == 0
    UploadStaging.objects.update(created_at=staged.uploaded_at - timedelta(days=2))
    assert services.staging_purge(older_than=timedelta(hours=24)) == 1
    assert not EvidenceFile.objects.exists() and not UploadStaging.objects.exists()
    assert not storage.exists(staged.stored_name)


def test_a_reporter_can_take_a_staged_file_off_the_form(db):
    token = uuid.uuid4().hex
    staged = services.evidence_stage(token=token, upload=samples.upload(samples.TEXT, "a.txt"), media_type="text/plain")
    assert services.staged_remove(token=uuid.uuid4().hex, file_ids=[str(staged.pk)]) == 0  # another form's token
    assert services.staged_remove(token=token, file_ids=["nonsense", str(staged.pk)]) == 1
    assert not storage.exists(staged.stored_name)


# --- crypto-shredding ----------------------------------------------------------------------------


def test_crypto_shredding_makes_text_messages_and_files_unreadable(cci_report, add_file, handler, on_commit):
    mailbox_message_from_reporter(report=cci_report, body="Er is nog een getuige.")
    photo = add_file(cci_report, samples.jpeg_with_gps(), "photo.jpg")
    minutes = add_file(cci_report, samples.TEXT, "minutes.txt")
    sealed_names = [photo.stored_name, photo.working_stored_name, minutes.stored_name]
    with on_commit():
        result = services.report_crypto_shred(report=cci_report, actor=handler, reason="Retention period ended")
    assert result.files == 2 and not result.already
    cci_report.refresh_from_db()
    assert cci_report.is_shredded
    with pytest.raises(crypto.KeyDestroyedError):
        cci_report.unseal("narrative")
    with pytest.raises(crypto.DecryptionError):
        MailboxMessage.objects.get(report=cci_report).unseal("body")
    for evidence in EvidenceFile.objects.filter(report=cci_report):
        assert evidence.is_shredded
        with pytest.raises(crypto.DecryptionError):
            evidence.file_key()
        with pytest.raises(crypto.DecryptionError):
            evidence.unseal("name")
    assert not any(storage.exists(name) for name in sealed_names)
    assert not ReceiptCode.objects.filter(report=cci_report).exists()
    event = AuditEvent.objects.get(action="report.crypto_shredded")
    assert event.actor == handler and event.detail == {"sealed": ["reason"], "files": 2}
    assert audit_private_detail(event) == {"reason": "Retention period ended"}
    with pytest.raises(services.UploadRefused):
        services.evidence_add(report=cci_report, upload=samples.upload(samples.TEXT), media_type="text/plain", source="staff")
    assert services.report_crypto_shred(report=cci_report, actor=handler, reason="again").already


def test_even_a_saved_copy_of_the_file_key_row_is_useless_after_shredding(cci_report, add_file, handler):
    evidence = add_file(cci_report, samples.TEXT, "minutes.txt")
    wrapped_file_key = bytes(evidence.wrapped_file_key)
    stolen_ciphertext = raw_stored(evidence.stored_name)
    services.report_crypto_shred(report=cci_report, actor=handler, reason="Test")
    evidence.refresh_from_db()
    evidence.report.refresh_from_db()
    evidence.wrapped_file_key = wrapped_file_key  # e.g. from an old database backup
    with pytest.raises(crypto.DecryptionError):
        evidence.file_key()
    assert stolen_ciphertext  # and without the file key the backup's ciphertext stays closed


def test_shredding_needs_a_reason(cci_report, handler):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.report_crypto_shred(report=cci_report, actor=handler, reason=" ")


def test_a_staged_file_that_cannot_join_never_costs_the_report(category, post):
    from meldpunt.intake.models import Report
    from meldpunt.intake.services import ReportDetails, report_submit

    token = uuid.uuid4().hex
    staged = services.evidence_stage(token=token, upload=samples.upload(samples.TEXT, "a.txt"), media_type="text/plain")
    EvidenceFile.objects.filter(pk=staged.pk).update(wrapped_file_key=b"\x01" + b"\x00" * 40)  # damaged
    submitted = report_submit(
        details=ReportDetails(category=category, post=post, narrative="Er is iets gebeurd."),
        channel="central", language="nl", submission_token=token,
    )
    assert Report.objects.filter(pk=submitted.report.pk).exists() and submitted.receipt_code
    assert EvidenceFile.objects.get(pk=staged.pk).staging_id  # left staged, for the purge
