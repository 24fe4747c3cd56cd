"""M8: a Word file's author reached the desk. Office documents and recordings are now cleaned like
photos and PDFs; what cannot be cleaned opens only with a reason; the reporter is told which is which."""

import pytest

from meldpunt.vault import cleaning, services
from meldpunt.vault.models import EvidenceFile
from tests.vault import samples

from . import office_samples as office
from .bombs import zip_with

pytestmark = pytest.mark.django_db

OFFICE = {
    "docx": office.docx, "xlsx": office.xlsx, "pptx": office.pptx, "odt": office.odt,
}
RECORDINGS = {"mp3": office.mp3, "wav": office.wav_with_info}


@pytest.fixture
def reporter_adds(report_factory, django_capture_on_commit_callbacks):
    """A reporter's file joins a report; the cleaning task runs as after a real commit."""
    report = report_factory().report

    def add(content, name):
        upload = samples.temporary_upload(content, name)
        media_type = services.upload_check(upload=upload, max_bytes=10 * 1024 * 1024)
        with django_capture_on_commit_callbacks(execute=True):
            evidence, _ = services.evidence_add(
                report=report, upload=upload, media_type=media_type, source=EvidenceFile.Source.REPORTER
            )
        evidence.refresh_from_db()
        return evidence

    return add


def desk_download(user, evidence) -> bytes:
    opened = services.evidence_open(user=user, evidence=evidence, purpose="download")
    return b"".join(opened.chunks)


@pytest.mark.parametrize("kind", sorted(OFFICE))
def test_the_desk_downloads_an_office_document_without_its_authors_comments_or_company(
    kind, reporter_adds, staff_factory
):
    evidence = reporter_adds(OFFICE[kind](), f"statement.{kind}")
    assert evidence.working_status == EvidenceFile.Cleaning.CLEANED
    assert evidence.working_media_type == evidence.media_type
    content = office.everything_in(desk_download(staff_factory("cci_handler"), evidence))
    assert office.AUTHOR.encode() not in content
    assert office.COMPANY.encode() not in content and b"jjansen" not in content
    assert office.TEXT.encode() in content  # the document still says what it said


def test_a_cleaned_word_document_keeps_its_tracked_change_but_not_who_made_it(reporter_adds, staff_factory):
    from lxml import etree

    evidence = reporter_adds(office.docx(), "statement.docx")
    import io
    import zipfile

    cleaned = zipfile.ZipFile(io.BytesIO(desk_download(staff_factory("cci_handler"), evidence)))
    document = etree.fromstring(cleaned.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    insertion = document.find(f".//{w}ins")
    assert insertion is not None and insertion.get(f"{w}author") == ""
    assert b"Added later." in cleaned.read("word/document.xml")
    assert not any(key.endswith("rsidR") for element in document.iter() for key in element.attrib)


@pytest.mark.parametrize("kind", sorted(RECORDINGS))
def test_the_desk_hears_a_recording_without_its_tags(kind, reporter_adds, staff_factory):
    evidence = reporter_adds(RECORDINGS[kind](), f"meeting.{kind}")
    assert evidence.working_status == EvidenceFile.Cleaning.CLEANED
    content = desk_download(staff_factory("cci_handler"), evidence)
    assert office.AUTHOR.encode() not in content
    assert len(content) > 1000  # the sound is still there


def test_an_email_file_gets_no_cleaned_copy_and_opens_only_with_a_reason(reporter_adds, staff_factory):
    eml = (
        b"From: Jan Jansen <jan.jansen@rabat.example>\r\nTo: desk@example.org\r\nSubject: Minutes\r\n"
        b"Date: Mon, 30 Nov 2026 10:00:00 +0100\r\nMessage-ID: <1@rabat.example>\r\n\r\nThe minutes.\r\n"
    )
    evidence = reporter_adds(eml, "minutes.eml")
    assert evidence.media_type == "message/rfc822"
    assert evidence.working_status == EvidenceFile.Cleaning.FAILED
    with pytest.raises(services.ReasonRequired):
        services.evidence_open(user=staff_factory("cci_handler"), evidence=evidence, purpose="download")


def test_a_plain_text_file_has_nothing_hidden_and_is_kept_as_it_is(reporter_adds):
    evidence = reporter_adds(samples.TEXT, "minutes.txt")
    assert evidence.working_status == EvidenceFile.Cleaning.NOT_APPLICABLE


def test_a_word_file_with_a_part_inflating_to_256_mib_gets_no_cleaned_copy(tmp_path):
    bomb = zip_with([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", 256)])
    with open(tmp_path / "in", "w+b") as source, open(tmp_path / "out", "w+b") as target:
        source.write(bomb)
        from meldpunt.vault import office as office_cleaning

        with pytest.raises(cleaning.CannotClean):
            cleaning.clean_contained(office_cleaning.clean_ooxml, source, target)


def test_the_report_form_tells_the_reporter_exactly_what_is_and_is_not_cleaned(client, settings):
    page = client.get("/report/").content.decode()
    for promised in ("Word, Excel, PowerPoint and OpenDocument", "sound recordings", "videos and e-mail files"):
        assert promised in page
    assert "Other files, such as Word documents and sound recordings, are kept as they are" not in page
