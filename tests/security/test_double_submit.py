"""M1: a double click on "send" with a file attached, and two reports filed at the same moment,
both end on the receipt page: never a 500, never a lost code."""

import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from meldpunt.intake import services as intake_services
from meldpunt.intake.models import Report
from meldpunt.vault import services
from meldpunt.vault.models import EvidenceFile
from tests.conftest import file_report, form_token
from tests.vault import samples

pytestmark = pytest.mark.django_db


def form_data(client, category, post, **extra):
    token = form_token(client)
    return {"submission_token": token, "category": category.pk, "post": post.pk,
            "narrative": "Mijn leidinggevende maakte racistische opmerkingen.", "identity": "anonymous", **extra}


def test_a_double_click_with_a_photo_attached_lands_both_clicks_on_the_receipt(monkeypatch, category, post):
    """The second click's copy of the photo is stored between the first click's check for it and
    its own insert (the race behind "evidence_unique_per_staging": 9 of 10 double clicks gave a 500)."""
    client = Client(raise_request_exception=False)
    data = form_data(client, category, post)
    photo = samples.jpeg_with_gps()
    original_full_clean = EvidenceFile.full_clean
    raced = []

    def the_other_click_stores_the_same_photo_first(self, *args, **kwargs):
        if self.staging_id and not raced:
            raced.append(True)
            other = samples.temporary_upload(photo, "photo.jpg")
            services.evidence_stage(token=data["submission_token"], upload=other, media_type="image/jpeg")
        return original_full_clean(self, *args, **kwargs)

    monkeypatch.setattr(EvidenceFile, "full_clean", the_other_click_stores_the_same_photo_first)
    first = client.post("/report/", {**data, "files": [samples.upload(photo, "photo.jpg")]})
    second = client.post("/report/", {**data, "files": [samples.upload(photo, "photo.jpg")]})
    assert raced
    assert (first.status_code, second.status_code) == (302, 302)
    assert first.url.endswith("/report/received/") and second.url.endswith("/report/received/")
    report = Report.objects.get()
    assert EvidenceFile.objects.filter(report=report).count() == 1
    assert EvidenceFile.objects.filter(staging__isnull=False).count() == 0
    assert client.get("/report/received/").context["code"]


def test_the_receipt_code_is_shown_after_a_double_click_with_a_file(category, post):
    client = Client(raise_request_exception=False)
    data = form_data(client, category, post)
    photo = samples.jpeg_with_gps()
    client.post("/report/", {**data, "files": [samples.upload(photo, "photo.jpg")]})
    client.post("/report/", {**data, "files": [samples.upload(photo, "photo.jpg")]})
    assert client.get("/report/received/").context["code"]


def test_a_staging_left_empty_by_the_report_is_not_kept(category, post):
    client = Client()
    data = form_data(client, category, post)
    client.post("/report/", {**data, "files": [samples.upload(samples.jpeg_with_gps(), "photo.jpg")]})
    from meldpunt.vault.models import UploadStaging

    assert not UploadStaging.objects.exists()


def test_a_report_that_draws_a_reference_another_just_took_gets_the_next_one(monkeypatch, category, post):
    """Read-max-then-insert: two reports at the same moment drew the same reference; the second
    reporter got an error page. Here the other report takes the number between the draw and the insert."""
    taken = file_report(category=category, post=post).report
    original = intake_services._next_reference
    draws = []

    def same_number_as_the_other_report(received_at):
        draws.append(True)
        return taken.reference if len(draws) == 1 else original(received_at)

    monkeypatch.setattr(intake_services, "_next_reference", same_number_as_the_other_report)
    second = file_report(category=category, post=post)
    assert second.receipt_code and second.report.reference != taken.reference
    assert Report.objects.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the read-max race needs PostgreSQL's concurrency")
def test_two_reports_filed_at_the_same_moment_on_postgresql_both_get_a_reference(category, post):
    original = intake_services._next_reference
    both_read = threading.Barrier(2, timeout=10)
    local = threading.local()
    results, errors = [], []

    def draw_together(received_at):
        reference = original(received_at)
        if not getattr(local, "waited", False):
            local.waited = True
            both_read.wait()  # both have read the same maximum before either inserts
        return reference

    def submit():
        try:
            details = intake_services.ReportDetails(category=category, post=post, narrative="Tegelijk verstuurd.")
            results.append(intake_services.report_submit(
                details=details, channel="central", language="nl", submission_token=uuid.uuid4().hex
            ))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    intake_services._next_reference = draw_together
    try:
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        intake_services._next_reference = original
    assert errors == []
    assert len({result.report.reference for result in results}) == 2
    assert all(result.receipt_code for result in results)
