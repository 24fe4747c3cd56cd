"""A reporter adds files: on the report form, and later through the mailbox."""

import time
import uuid

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.intake.models import Report
from meldpunt.vault.models import EvidenceFile

from . import samples

pytestmark = pytest.mark.django_db


def form_data(category, post, **extra):
    data = {
        "category": category.pk,
        "narrative": "Mijn leidinggevende maakte racistische opmerkingen in de vergadering.",
        "post": post.pk,
        "identity": "anonymous",
        "submission_token": uuid.uuid4().hex,
    }
    data.update(extra)
    return data


def test_the_form_states_limits_types_and_cleaning_before_a_file_is_chosen(client):
    page = client.get(reverse("intake:report")).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "You can add up to 20 files, each at most 100.0" in page
    assert "PDF" in page and "JPG" in page and "DOCX" in page
    assert "a copy is made without their hidden data" in page
    assert 'type="file"' in page and 'aria-describedby="files-limits"' in page
    assert '<progress id="report-upload-progress"' in page and "js/upload-progress.js" in page


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("nl", "U kunt tot 20 bestanden toevoegen"),
        ("fr", "Vous pouvez ajouter jusqu'à 20 fichiers"),
        ("ar", "يمكنك إضافة ما يصل إلى 20 ملفًا"),
        ("zh-hans", "您最多可以添加 20 个文件"),
    ],
)
def test_the_limits_are_stated_in_the_reporters_language(client, language, phrase):
    page = client.get(reverse("intake:report"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert phrase in page


def test_a_report_with_a_photo_arrives_with_the_photo_sealed_and_cleaned(client, category, post, on_commit):
    photo = samples.upload(samples.jpeg_with_gps(), "IMG_0042.jpg", "image/jpeg")
    with on_commit():
        response = client.post(reverse("intake:report"), {**form_data(category, post), "files": [photo]})
    assert response.status_code == 302 and response["Location"] == reverse("intake:receipt")
    report = Report.objects.get()
    evidence = EvidenceFile.objects.get(report=report)
    assert evidence.unseal("name") == "IMG_0042.jpg"
    assert evidence.source == "reporter" and evidence.uploaded_by is None
    assert evidence.working_status == EvidenceFile.Cleaning.CLEANED
    assert AuditEvent.objects.get(action="evidence.added").actor_label == "reporter"


def test_a_refused_file_keeps_the_text_and_the_other_files(client, category, post):
    data = form_data(category, post, narrative="Wat er gebeurde, in mijn eigen woorden.")
    good = samples.upload(samples.pdf_with_author(), "verslag.pdf", "application/pdf")
    bad = samples.upload(samples.EXE, "foto.jpg", "image/jpeg")
    response = client.post(reverse("intake:report"), {**data, "files": [good, bad]})
    page = response.content.decode()
    assert response.status_code == 400
    assert not Report.objects.exists()
    assert "Wat er gebeurde, in mijn eigen woorden." in page  # the typed text survives
    assert "foto.jpg" in page and "not accepted" in page  # the refused file, with its reason
    assert "verslag.pdf" in page and "Files added so far" in page  # the accepted one is kept
    assert "Your report has not been sent yet" in page
    # Sent again without choosing anything new: the report goes, with the file kept from before.
    response = client.post(reverse("intake:report"), data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert [e.unseal("name") for e in report.evidence_files.all()] == ["verslag.pdf"]


def test_a_mistake_in_the_text_does_not_cost_the_files(client, category, post):
    data = form_data(category, post, narrative="   ")
    photo = samples.upload(samples.jpeg_with_gps(), "photo.jpg", "image/jpeg")
    response = client.post(reverse("intake:report"), {**data, "files": [photo]})
    assert response.status_code == 400
    assert "photo.jpg" in response.content.decode()
    response = client.post(reverse("intake:report"), {**data, "narrative": "Nu wel ingevuld."})
    assert response.status_code == 302
    assert Report.objects.get().evidence_files.count() == 1


def test_a_reporter_can_take_a_file_off_before_sending(client, category, post):
    data = form_data(category, post, narrative="")
    client.post(reverse("intake:report"), {**data, "files": [samples.upload(samples.TEXT, "wrong.txt")]})
    staged = EvidenceFile.objects.get()
    response = client.post(reverse("intake:report"), {**data, "narrative": "Klaar.", "remove_file": [str(staged.pk)]})
    assert response.status_code == 302
    assert Report.objects.get().evidence_files.count() == 0
    assert not EvidenceFile.objects.exists()


def test_a_double_submit_stores_one_report_with_one_copy_of_each_file(client, category, post):
    data = form_data(category, post)
    for _attempt in range(2):
        photo = samples.upload(samples.jpeg_with_gps(), "photo.jpg", "image/jpeg")
        response = client.post(reverse("intake:report"), {**data, "files": [photo]})
        assert response.status_code == 302
    assert Report.objects.count() == 1
    assert EvidenceFile.objects.count() == 1


@override_settings(VAULT_REPORTER_MAX_FILES=2)
def test_the_number_of_files_is_limited_with_a_clear_reason(client, category, post):
    files = [samples.upload(f"note {i}\n".encode(), f"note{i}.txt", "text/plain") for i in range(3)]
    response = client.post(reverse("intake:report"), {**form_data(category, post), "files": files})
    page = response.content.decode()
    assert response.status_code == 400
    assert "at most 2 files" in page and "note2.txt" in page
    assert EvidenceFile.objects.count() == 2


@override_settings(VAULT_REPORTER_MAX_FILE_BYTES=1024)
def test_a_file_that_is_too_large_is_refused_and_not_kept(client, category, post):
    big = samples.upload(b"x" * 5000, "big.txt", "text/plain")
    response = client.post(reverse("intake:report"), {**form_data(category, post), "files": [big]})
    assert response.status_code == 400
    assert "larger than 1.0" in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_an_empty_file_is_refused(client, category, post):
    response = client.post(reverse("intake:report"), {**form_data(category, post), "files": [samples.upload(b"", "empty.pdf")]})
    assert response.status_code == 400 and "The file is empty." in response.content.decode()


def test_the_form_still_works_without_any_file(client, category, post):
    assert client.post(reverse("intake:report"), form_data(category, post)).status_code == 302
    assert Report.objects.count() == 1 and not EvidenceFile.objects.exists()


# --- the mailbox ---------------------------------------------------------------------------------


@pytest.fixture
def mailbox_client(report_factory):
    report = report_factory().report
    client = Client()
    session = client.session
    session["mailbox_report"] = str(report.pk)
    session["mailbox_until"] = time.time() + 600
    session.save()
    client.report = report
    return client


def test_the_mailbox_shows_limits_and_the_reporters_files(mailbox_client):
    page = mailbox_client.get(reverse("intake:mailbox")).content.decode()
    assert "Your files" in page and "You have not added any files." in page
    assert "You can add up to 20 files" in page and "a copy is made without their hidden data" in page
    assert reverse("vault:mailbox-files") in page


def test_a_reporter_adds_files_later_through_the_mailbox(mailbox_client, on_commit):
    files = [samples.upload(samples.pdf_with_author(), "extra.pdf"), samples.upload(samples.HTML, "page.html")]
    with on_commit():
        response = mailbox_client.post(reverse("vault:mailbox-files"), {"files": files}, follow=True)
    page = response.content.decode()
    assert "1 file was added to your report." in page
    assert "page.html was not added: This kind of file is not accepted" in page
    assert "extra.pdf" in page  # in the list of the reporter's files
    evidence = EvidenceFile.objects.get(report=mailbox_client.report)
    assert evidence.source == "reporter" and evidence.working_status == "cleaned"


def test_the_mailbox_upload_asks_for_a_file(mailbox_client):
    response = mailbox_client.post(reverse("vault:mailbox-files"), {}, follow=True)
    assert "Choose at least one file to add." in response.content.decode()


def test_the_mailbox_upload_needs_an_open_mailbox(client):
    response = client.post(reverse("vault:mailbox-files"), {"files": [samples.upload(samples.TEXT, "a.txt")]})
    assert response.status_code == 302 and response["Location"] == reverse("intake:mailbox-sign-in")
    assert not EvidenceFile.objects.exists()
