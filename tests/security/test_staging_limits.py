"""M3, M6, L12: what an upload leaves behind. Plaintext temp files of killed uploads are swept;
files on forms never sent are capped per visitor and site-wide and cost no cleaning; a lost
cleaning task is queued again; a failed vault task is recorded for the coordinators."""

import os
import time
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from cases.models import TaskFailure
from meldpunt.intake.models import Report
from meldpunt.vault import services, storage, tasks
from meldpunt.vault.models import EvidenceFile, UploadStaging
from tests.conftest import form_token
from tests.vault import samples

pytestmark = pytest.mark.django_db
KiB = 1024


def form_data(client, category, post, **extra):
    token = form_token(client)
    return {"submission_token": token, "category": category.pk, "post": post.pk, "identity": "anonymous",
            "narrative": "Mijn leidinggevende maakte racistische opmerkingen.", **extra}


def photo(colour):
    return samples.upload(samples.jpeg_with_gps(colour=colour), f"{colour}.jpg", "image/jpeg")


def test_the_plaintext_of_an_upload_killed_halfway_is_swept_and_an_upload_in_progress_is_not(settings, tmp_path):
    """M3: SIGKILL mid-upload left var/uploads/tmp….upload.txt (31 MB of evidence) forever."""
    settings.FILE_UPLOAD_TEMP_DIR = settings.VAULT_TEMP_DIR = str(tmp_path)
    left = tmp_path / "tmpy9l2gxeu.upload.txt"
    left.write_bytes(b"the reporter's evidence, in plain text")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(left, (two_hours_ago, two_hours_ago))
    arriving = tmp_path / "tmpabcdefgh.upload.jpg"
    arriving.write_bytes(b"still arriving")
    assert tasks.upload_temp_sweep.delay().get() == 1
    assert not left.exists() and arriving.exists()


def test_one_visitor_cannot_stage_more_than_their_share_on_forms_never_sent(settings, category, post):
    """M6: 20 x 100 MiB per form token, unlimited tokens, kept 24 h, each queued for cleaning."""
    settings.VAULT_STAGING_MAX_BYTES_PER_VISITOR = 3 * samples_size()
    client = Client()
    for colour in ("red", "green", "blue"):
        client.post("/report/", form_data(client, category, post, narrative="", files=[photo(colour)]))
    response = client.post("/report/", form_data(client, category, post, narrative="Wat er gebeurde.",
                                                 files=[photo("yellow")]))
    assert response.status_code == 400
    refused = response.context["uploads"].refused
    assert [r.name for r in refused] == ["yellow.jpg"] and "in your mailbox" in refused[0].reason
    assert "Wat er gebeurde." in response.content.decode()  # the narrative is kept
    assert EvidenceFile.objects.filter(staging__isnull=False).count() == 3


def test_when_the_site_holds_its_most_unsent_files_a_reporter_is_told_to_send_first(settings, category, post):
    settings.VAULT_STAGING_MAX_BYTES = 2 * samples_size()
    for colour in ("red", "green"):  # others' forms, never sent
        other = Client()
        other.post("/report/", form_data(other, category, post, narrative="", files=[photo(colour)]))
    reporter = Client()
    data = form_data(reporter, category, post)
    response = reporter.post("/report/", {**data, "files": [photo("blue")]})
    assert response.status_code == 400
    assert "cannot take more files on report forms right now" in response.context["uploads"].refused[0].reason
    # Sent without the file, the report goes.
    assert reporter.post("/report/", data).status_code == 302
    assert Report.objects.count() == 1


def test_a_file_on_a_form_never_sent_is_not_cleaned_and_is_cleaned_once_the_report_is_sent(
    category, post, django_capture_on_commit_callbacks
):
    client = Client()
    data = form_data(client, category, post)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/report/", {**data, "narrative": "", "files": [photo("red")]})
    staged = EvidenceFile.objects.get()
    assert staged.staging_id and staged.working_status == EvidenceFile.Cleaning.PENDING  # nothing queued yet
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/report/", data).status_code == 302
    staged.refresh_from_db()
    assert staged.report_id and staged.working_status == EvidenceFile.Cleaning.CLEANED


def test_a_file_whose_cleaning_task_was_lost_is_cleaned_by_the_next_scan(report_factory, monkeypatch):
    """L12: a deleted broker message left evidence "being cleaned" forever."""
    report = report_factory().report
    monkeypatch.setattr(tasks.evidence_clean, "delay", lambda *args: None)  # the message is lost
    upload = samples.temporary_upload(samples.jpeg_with_gps(), "photo.jpg")
    evidence, _ = services.evidence_add(report=report, upload=upload, media_type="image/jpeg", source="reporter")
    monkeypatch.undo()
    assert tasks.evidence_clean_requeue.delay().get() == 0  # too early to call it lost
    with time_machine.travel(timezone.now() + timedelta(minutes=20)):
        assert tasks.evidence_clean_requeue.delay().get() == 1
    evidence.refresh_from_db()
    assert evidence.working_status == EvidenceFile.Cleaning.CLEANED


def test_a_vault_task_that_fails_is_recorded_for_the_coordinators(report_factory):
    """L12: intake and vault task failures were only in the worker log."""
    report = report_factory().report
    upload = samples.temporary_upload(samples.jpeg_with_gps(), "photo.jpg")
    evidence, _ = services.evidence_add(report=report, upload=upload, media_type="image/jpeg", source="reporter")
    EvidenceFile.objects.filter(pk=evidence.pk).update(working_status=EvidenceFile.Cleaning.PENDING)
    storage.delete(evidence.stored_name)  # the sealed file is gone: the cleaning cannot run
    with pytest.raises(Exception):  # noqa: B017 - whatever the storage raises
        tasks.evidence_clean.delay(str(evidence.pk)).get()
    failure = TaskFailure.objects.get()
    assert failure.task_name == "meldpunt.vault.tasks.evidence_clean" and str(evidence.pk) in failure.arguments


def test_staged_rows_of_a_sent_report_do_not_count_against_anyone(settings, category, post):
    settings.VAULT_STAGING_MAX_BYTES = samples_size() + KiB
    client = Client()
    data = form_data(client, category, post)
    assert client.post("/report/", {**data, "files": [photo("red")]}).status_code == 302
    assert services.staged_bytes_site_wide() == 0 and not UploadStaging.objects.exists()
    other = Client()
    assert other.post("/report/", {**form_data(other, category, post), "files": [photo("green")]}).status_code == 302


def samples_size() -> int:
    return max(len(samples.jpeg_with_gps(colour=c)) for c in ("red", "green", "blue", "yellow")) + 16




def test_an_intake_task_that_fails_is_recorded_for_the_coordinators(monkeypatch):
    from meldpunt.intake import notify
    from meldpunt.intake import tasks as intake_tasks

    def broken(**_kwargs):
        raise ConnectionError("the mail server is down")

    monkeypatch.setattr(notify, "reporter_nudge", broken)
    with pytest.raises(ConnectionError):
        intake_tasks.reporter_nudge_send.delay("00000000-0000-0000-0000-000000000001").get()
    failure = TaskFailure.objects.get()
    assert failure.task_name == "meldpunt.intake.tasks.reporter_nudge_send" and failure.error == "ConnectionError"
    assert "mail server" not in failure.error  # the kind of error only, never a message
