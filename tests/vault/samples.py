"""Files to upload in tests: photos with location data, PDFs with an author, and things the vault refuses."""

import io
import wave

from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

GPS_IFD = 0x8825
ARTIST, MODEL, ORIENTATION = 0x013B, 0x0110, 0x0112


def jpeg_with_gps(*, width=64, height=48, orientation=None, colour="red") -> bytes:
    from PIL import Image

    image = Image.new("RGB", (width, height), colour)
    exif = Image.Exif()
    exif[ARTIST] = "Jan Jansen"
    exif[MODEL] = "Reporter's phone"
    if orientation:
        exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (52.0, 4.0, 48.0), 3: "E", 4: (4.0, 18.0, 36.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def png_with_text() -> bytes:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jan Jansen")
    info.add_text("Location", "Rabat, embassy, 2nd floor")
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 10), (0, 0, 255, 128)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def pdf_with_author(*, password: str = "") -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    pdf.docinfo["/Author"] = "Jan Jansen"
    pdf.docinfo["/Title"] = "Notes on the incident"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = ["Jan Jansen"]
        meta["xmp:CreatorTool"] = "Reporter's laptop"
    buffer = io.BytesIO()
    encryption = pikepdf.Encryption(owner=password, user=password) if password else False
    pdf.save(buffer, encryption=encryption)
    return buffer.getvalue()


def wav(seconds: float = 0.1) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x01" * int(8000 * seconds))
    return buffer.getvalue()


EXE = b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00" + b"\x00" * 200
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
TEXT = b"Minutes of the meeting of 12 March.\nPresent: the handler and the reporter.\n"


def upload(content: bytes, name: str = "file.bin", content_type: str = "application/octet-stream"):
    """An uploaded file as Django's parser would hand it over (the client's type is whatever it says)."""
    return SimpleUploadedFile(name, content, content_type=content_type)


def temporary_upload(content: bytes, name: str = "file.bin", content_type: str = "application/octet-stream"):
    """The same, on disk, as TemporaryFileUploadHandler makes it."""
    upload_file = TemporaryUploadedFile(name, content_type, len(content), None)
    upload_file.write(content)
    upload_file.seek(0)
    return upload_file
