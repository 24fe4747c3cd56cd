"""What the vault's lists and register show, line by line: the desk's evidence list, the reporter's own
files in the mailbox and on the unsent form, and the chain-of-custody register of a report."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meldpunt.vault import selectors, services
from meldpunt.vault.models import EvidenceFile
from meldpunt.vault.selectors import ReporterFile

from . import samples

pytestmark = pytest.mark.django_db


def text(n: int) -> bytes:
    return samples.TEXT + f"Item {n}.\n".encode()


def as_the_reporter_sees_it(evidence: EvidenceFile, name: str) -> ReporterFile:
    return ReporterFile(
        id=str(evidence.pk), name=name, size=evidence.size, media_type=evidence.media_type, added_at=evidence.uploaded_at
    )


def count_queries(read) -> int:
    with CaptureQueriesContext(connection) as captured:
        read()
    return len(captured)


def test_the_register_has_one_line_per_event_of_this_report_s_evidence_and_nothing_else(
    cci_report, add_file, handler, report_factory
):
    photo = add_file(cci_report, samples.jpeg_with_gps(), "IMG_0042.jpg")
    note = add_file(cci_report, text(1), "note.txt", by=None)  # the reporter's, never cleaned
    services.evidence_open(user=handler, evidence=photo, purpose="preview")
    services.evidence_original_open(user=handler, evidence=photo, reason="For the investigator", purpose="download")
    services.evidence_list_read(user=handler, report=cci_report)
    # Another report, its file and its own events: none of them belong in this register.
    other = report_factory().report
    add_file(other, text(2), "other.txt")
    services.evidence_list_read(user=handler, report=other)
    services.report_crypto_shred(report=other, actor=handler, reason="Retention period over")

    rows = [dict(zip(selectors.REGISTER_COLUMNS, row, strict=True)) for row in selectors.register_rows(cci_report)]
    photo_id, note_id = str(photo.pk), str(note.pk)
    assert [(row["file_id"], row["event_action"]) for row in rows] == [
        (photo_id, "evidence.added"), (photo_id, "evidence.cleaned"), (note_id, "evidence.added"),
        (photo_id, "evidence.previewed"), (photo_id, "evidence.original_opened"), ("", "evidence.list_read"),
    ]
    added_photo, added_note, previewed, opened, list_read = rows[0], rows[2], rows[3], rows[4], rows[5]
    assert (added_photo["size_bytes"], added_photo["cleaned_copy_size_bytes"]) == (str(photo.size), str(photo.working_size))
    assert (added_note["size_bytes"], added_note["cleaned_copy_size_bytes"]) == (str(note.size), "")
    assert added_photo["added_by"] == handler.get_username() and added_note["added_by"] == "Reporter"
    # Which copy was opened, and why the original was: only where there is one, empty elsewhere.
    assert [row["event_variant"] for row in rows] == ["", "", "", "working", "", ""]
    assert [row["event_reason"] for row in rows] == ["", "", "", "", "For the investigator", ""]
    assert previewed["event_actor"] == opened["event_actor"] == handler.get_username()
    # A line about the report as a whole names no file.
    assert [list_read[column] for column in selectors.REGISTER_COLUMNS[:10]] == [""] * 10

    # Once the report's data is destroyed the register still tells what there was, and says so last;
    # the file names can no longer be read and are left empty.
    services.report_crypto_shred(report=cci_report, actor=handler, reason="Retention period over")
    rows = [dict(zip(selectors.REGISTER_COLUMNS, row, strict=True)) for row in selectors.register_rows(cci_report)]
    assert [row["event_action"] for row in rows][-1] == "report.crypto_shredded" and len(rows) == 7
    assert {row["file_name"] for row in rows} == {""}


def test_the_reporter_sees_only_their_own_files_of_this_report_and_none_once_destroyed(
    cci_report, add_file, handler, report_factory
):
    theirs = add_file(cci_report, text(1), "what I saw.txt", by=None)
    add_file(cci_report, text(2), "minutes of the desk.txt")  # the desk's: never shown to the reporter
    add_file(report_factory().report, text(3), "another report.txt", by=None)

    assert selectors.reporter_files(cci_report) == [as_the_reporter_sees_it(theirs, "what I saw.txt")]
    assert selectors.reporter_file_count(cci_report) == 1  # what counts towards the reporter's limit

    services.report_crypto_shred(report=cci_report, actor=handler, reason="Retention period over")
    assert selectors.reporter_files(cci_report) == []


def test_the_unsent_form_lists_its_files_as_the_reporter_chose_them_at_one_query():
    token = str(uuid.uuid4())
    staged = [
        services.evidence_stage(token=token, upload=samples.temporary_upload(text(n), f"page {n}.txt"), media_type="text/plain")
        for n in range(3)
    ]
    assert selectors.staged_files(token) == [as_the_reporter_sees_it(f, f"page {n}.txt") for n, f in enumerate(staged)]
    assert selectors.staged_files("not a token") == []
    assert count_queries(lambda: selectors.staged_files(token)) == 1


def test_the_evidence_lists_keep_the_order_files_were_added_and_one_fixed_order_within_an_instant(
    cci_report, add_file, handler, report_factory
):
    other = report_factory().report
    files = [add_file(cci_report if n % 2 else other, text(n), f"file {n}.txt") for n in range(4)]
    # Added in the order opposite to their ids, so that an order by id alone shows.
    by_id = sorted(files, key=lambda f: f.pk)
    start = timezone.now() - timedelta(hours=1)
    for minutes, evidence in enumerate(reversed(by_id)):
        EvidenceFile.objects.filter(pk=evidence.pk).update(uploaded_at=start + timedelta(minutes=minutes))
    assert list(selectors.evidence_of_reports([cci_report, other])) == list(reversed(by_id))
    assert list(selectors.report_evidence(cci_report)) == [f for f in reversed(by_id) if f.report_id == cci_report.pk]

    # Files added in the same instant are always listed in the same order (by their id).
    EvidenceFile.objects.update(uploaded_at=start)
    assert list(selectors.evidence_of_reports([cci_report, other])) == by_id
    assert list(selectors.report_evidence(cci_report)) == [f for f in by_id if f.report_id == cci_report.pk]


def test_the_reporter_sees_their_files_in_the_order_they_added_them(cci_report, add_file):
    files = [add_file(cci_report, text(n), f"page {n}.txt", by=None) for n in range(4)]
    # Added in the order opposite to their (random) ids, so that an order by id alone shows.
    by_id = sorted(files, key=lambda f: f.pk)
    start = timezone.now() - timedelta(hours=1)
    for minutes, evidence in enumerate(reversed(by_id)):
        EvidenceFile.objects.filter(pk=evidence.pk).update(uploaded_at=start + timedelta(minutes=minutes))
    assert [f.id for f in selectors.reporter_files(cci_report)] == [str(f.pk) for f in reversed(by_id)]
    # Added in the same instant: always the same order (by id).
    EvidenceFile.objects.update(uploaded_at=start)
    assert [f.id for f in selectors.reporter_files(cci_report)] == [str(f.pk) for f in by_id]


def test_the_desk_s_evidence_lists_cost_the_same_queries_for_one_file_or_several(
    cci_report, add_file, handler, report_factory
):
    def read_list(reports):
        return [
            (selectors.safe_unseal(f, "name"), selectors.uploader_label(f)) for f in selectors.evidence_of_reports(reports)
        ]

    other = report_factory().report
    add_file(cci_report, text(0), "first.txt")
    one_row = count_queries(lambda: selectors.evidence_rows(cci_report))
    one_file = count_queries(lambda: read_list([cci_report, other]))
    for n in range(1, 4):
        add_file(cci_report, text(n), f"file {n}.txt")
        add_file(other, text(10 + n), f"other {n}.txt")
    assert count_queries(lambda: selectors.evidence_rows(cci_report)) == one_row
    assert count_queries(lambda: read_list([cci_report, other])) == one_file
    rows = selectors.evidence_rows(cci_report)
    assert [row.name for row in rows][:2] == ["first.txt", "file 1.txt"] and {row.uploader for row in rows} == {handler.get_username()}
