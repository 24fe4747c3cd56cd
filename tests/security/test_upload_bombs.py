"""H1: one small anonymous upload must not take a worker's memory. The attacker's files inflate to
hundreds of MiB; the vault's checks and cleaners run here with little memory to spare (a forked
child with its address space capped), as a loaded web or cleaning worker would have."""

import io

import pytest

from meldpunt.vault import cleaning, services
from meldpunt.vault.models import EvidenceFile
from tests.vault import samples

from .bombs import MiB, odt_mimetype_bomb, pdf_stream_bomb, zip_with
from .memory import run_capped

HEADROOM = 96 * MiB  # far less than any bomb below inflates to


def test_a_zip_whose_mimetype_entry_inflates_to_256_mib_is_refused_without_inflating_it():
    bomb = odt_mimetype_bomb(256)
    assert len(bomb) < MiB

    def check():
        try:
            return services.upload_check(upload=samples.temporary_upload(bomb, "b.odt"), max_bytes=100 * MiB)
        except services.UploadRefused:
            return "refused"

    outcome, detail = run_capped(check, headroom=HEADROOM)
    assert outcome == "ok", detail
    assert detail == "refused"


def test_a_genuine_odt_is_still_recognised_from_its_first_hundred_bytes():
    odt = zip_with([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")])
    assert services.upload_check(upload=samples.temporary_upload(odt, "n.odt"), max_bytes=MiB) == (
        "application/vnd.oasis.opendocument.text"
    )


def test_a_zip_of_twenty_thousand_entries_is_not_read_as_a_document():
    # The central directory of a zip is read into memory entry by entry; a file made of nothing but
    # directory entries costs hundreds of bytes of memory per 46 bytes of upload.
    entries = [(f"{i}", b"") for i in range(20_000)]
    many = zip_with([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w/>"), *entries])
    with pytest.raises(services.UploadRefused):
        services.upload_check(upload=samples.temporary_upload(many, "many.docx"), max_bytes=100 * MiB)


def test_a_pdf_whose_stream_inflates_to_256_mib_is_cleaned_without_inflating_it(tmp_path):
    bomb = pdf_stream_bomb(256)

    def clean():
        with open(tmp_path / "in.pdf", "w+b") as source, open(tmp_path / "out.pdf", "w+b") as target:
            source.write(bomb)
            media_type = cleaning.clean_contained(cleaning.clean_pdf, source, target)
            return media_type, b"Jan Jansen" in target.read()

    outcome, detail = run_capped(clean, headroom=HEADROOM + 128 * MiB)
    assert outcome == "ok", detail
    assert detail == ("application/pdf", False)


def test_an_image_claiming_400_million_pixels_is_refused_before_a_pixel_is_decoded(tmp_path):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")  # a few KiB on disk, 400 MP once decoded

    def clean():
        with open(tmp_path / "in.png", "w+b") as source, open(tmp_path / "out.png", "w+b") as target:
            source.write(buffer.getvalue())
            try:
                return cleaning.clean_contained(cleaning.clean_image, source, target)
            except cleaning.CannotClean:
                return "no cleaned copy"

    outcome, detail = run_capped(clean, headroom=HEADROOM)
    assert outcome == "ok", detail
    assert detail == "no cleaned copy"


def test_a_cleaner_that_runs_out_of_memory_costs_the_cleaning_child_not_the_worker(settings, tmp_path):
    """Whatever bomb no check foresees (a codec, an object stream): the child meets the cap."""
    settings.VAULT_CLEAN_MEMORY_BYTES = 64 * MiB

    def greedy(source, target):
        hoard = [bytearray(MiB) for _ in range(1024)]  # 1 GiB, never reached
        return str(len(hoard))

    with open(tmp_path / "in", "w+b") as source, open(tmp_path / "out", "w+b") as target:
        source.write(b"x")
        with pytest.raises(cleaning.CannotClean):
            cleaning.clean_contained(greedy, source, target)


def test_a_cleaner_writing_without_end_is_stopped_at_twice_the_original(settings, tmp_path):
    settings.VAULT_CLEAN_OUTPUT_SLACK_BYTES = MiB

    def endless(source, target):
        for _ in range(64):
            target.write(b"\0" * MiB)
        return "image/png"

    with open(tmp_path / "in", "w+b") as source, open(tmp_path / "out", "w+b") as target:
        source.write(b"x" * 1024)
        with pytest.raises(cleaning.CannotClean):
            cleaning.clean_contained(endless, source, target)
    assert (tmp_path / "out").stat().st_size <= 2 * MiB


def test_a_bomb_sent_on_the_report_form_leaves_no_evidence_and_the_form_says_why(client, db, category, post):
    page = client.get("/report/")
    form = page.context["form"]
    bomb = samples.upload(odt_mimetype_bomb(64), "b.odt")
    response = client.post(
        "/report/",
        {"submission_token": form["submission_token"].value(), "category": category.pk, "post": post.pk,
         "narrative": "Iets ernstigs gebeurde op de ambassade.", "identity": "anonymous", "files": [bomb]},
    )
    assert EvidenceFile.objects.count() == 0
    assert response.status_code == 400
    assert [refused.name for refused in response.context["uploads"].refused] == ["b.odt"]
    assert "Iets ernstigs gebeurde op de ambassade." in response.content.decode()


def test_a_cleaning_stopped_by_a_limit_leaves_no_core_dump_of_the_evidence(settings, tmp_path, monkeypatch):
    import resource

    monkeypatch.chdir(tmp_path)
    settings.VAULT_CLEAN_CPU_SECONDS = 1
    seen = {}

    def spin(source, target):
        seen["core"] = resource.getrlimit(resource.RLIMIT_CORE)
        target.write(repr(seen).encode())
        target.flush()
        while True:
            pass

    with open(tmp_path / "in", "w+b") as source, open(tmp_path / "out", "w+b") as target:
        source.write(b"x")
        with pytest.raises(cleaning.CannotClean, match="took too long"):
            cleaning.clean_contained(spin, source, target)
        assert b"(0, 0)" in target.read()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("core")]
