"""Demo data for `make run`: one report at the CCI with evidence in the vault (a photo carrying GPS
data and a PDF carrying its author, both with cleaned copies, and the desk's minutes). Safe to run
again: the report is found by its form token, and files are added only to a report that has none."""

import io
import wave

from meldpunt.accounts.models import User
from meldpunt.intake.models import Category, Channel
from meldpunt.intake.services import ReportDetails, report_submit
from meldpunt.organisation.models import Post

from . import services
from .models import EvidenceFile

DEMO_TOKEN = "5a17f0e4c3b24d51a1e6b7a9c0d2e3f4"  # a fixed form token: the same report on every run


def _photo() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 480), (222, 232, 242))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 600, 440), outline=(21, 66, 115), width=6)
    draw.text((70, 220), "Demo photo: the notice on the staff board", fill=(21, 66, 115))
    exif = Image.Exif()
    exif[0x013B] = "A. Colleague"  # Artist
    exif[0x0110] = "Demo phone"  # Model
    exif[0x8825] = {1: "N", 2: (34.0, 1.0, 12.0), 3: "W", 4: (6.0, 50.0, 24.0)}  # GPS: Rabat
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def _pdf() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.docinfo["/Author"] = "A. Colleague"
    pdf.docinfo["/Title"] = "Demo: e-mail exchange, printed"
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def _recording() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * 8000)
    return buffer.getvalue()


class _Upload(io.BytesIO):
    def __init__(self, content: bytes, name: str):
        super().__init__(content)
        self.name = name
        self.size = len(content)


def load(stdout) -> None:
    post = Post.objects.filter(code="rabat").first()
    category = Category.objects.filter(code="racism_discrimination").first()
    if post is None or category is None:
        stdout.write("  vault: no demo post or category; skipped")
        return
    report = report_submit(
        details=ReportDetails(
            category=category, post=post,
            narrative="Demo report with evidence: a notice with racist remarks was put up on the staff board.",
        ),
        channel=Channel.CENTRAL, language="en", submission_token=DEMO_TOKEN,
    ).report
    if not report.evidence_files.exists():
        handler = User.objects.filter(username="cci").first()
        files = [
            (_photo(), "IMG_2041.jpg", EvidenceFile.Source.REPORTER, None, ""),
            (_pdf(), "emails-printed.pdf", EvidenceFile.Source.REPORTER, None, ""),
            (_recording(), "interview-witness.wav", EvidenceFile.Source.STAFF, handler, "Interview with a witness (demo)"),
        ]
        for content, name, source, by, description in files:
            upload = _Upload(content, name)
            media_type = services.upload_check(upload=upload, max_bytes=len(content) + 1)
            evidence, _created = services.evidence_add(
                report=report, upload=upload, media_type=media_type, source=source, uploaded_by=by, description=description
            )
            services.evidence_clean(evidence_id=str(evidence.pk))
    stdout.write(f"  vault: report {report.reference} with {report.evidence_files.count()} sealed files")
