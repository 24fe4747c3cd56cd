"""Working copies without hidden data: images re-encoded without EXIF/GPS/XMP, PDFs without their
document information and XMP metadata. The original stays sealed as it came in."""

from __future__ import annotations

from typing import BinaryIO

from django.conf import settings

# Pillow and pikepdf are imported where they are used: the web process that only streams files
# never loads them (and pikepdf announces itself in the log on import).

IMAGE_FORMATS_KEPT = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
# Only what is needed to show the picture as it was: colour profile, transparency, animation timing.
IMAGE_INFO_KEPT = ("icc_profile", "transparency", "duration", "loop", "background")


class CannotClean(Exception):
    """No clean copy can be made (damaged, password-protected, too large)."""


def clean_image(source: BinaryIO, target: BinaryIO) -> str:
    from PIL import Image, ImageOps, ImageSequence

    try:
        with Image.open(source) as image:
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
            if width * height * frames > settings.VAULT_IMAGE_MAX_PIXELS:
                raise CannotClean("The image has too many pixels for a cleaned copy.")
            out_format = image.format if image.format in IMAGE_FORMATS_KEPT else "PNG"
            kept = {key: image.info[key] for key in IMAGE_INFO_KEPT if key in image.info}
            if frames > 1 and out_format in ("GIF", "WEBP", "PNG"):
                pictures = [frame.copy() for frame in ImageSequence.Iterator(image)]
            else:
                image.load()
                # Apply the EXIF orientation to the pixels before the EXIF goes, so nothing turns over.
                pictures = [ImageOps.exif_transpose(image)]
        for picture in pictures:
            picture.info = dict(kept)
        params = {}
        if "icc_profile" in kept:
            params["icc_profile"] = kept["icc_profile"]
        if out_format == "JPEG":
            params["quality"] = 95
        elif out_format == "WEBP":
            params["quality"] = 95
        if len(pictures) > 1:
            params.update(save_all=True, append_images=pictures[1:], loop=kept.get("loop", 0))
            if "duration" in kept:
                params["duration"] = kept["duration"]
        first = pictures[0]
        if out_format == "JPEG" and first.mode not in ("L", "RGB", "CMYK"):
            first = first.convert("RGB")
        first.save(target, format=out_format, **params)
    except CannotClean:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise CannotClean(f"The image could not be read: {exc.__class__.__name__}") from exc
    return IMAGE_FORMATS_KEPT[out_format]


def clean_pdf(source: BinaryIO, target: BinaryIO) -> str:
    import pikepdf

    try:
        with pikepdf.open(source) as pdf:
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            root = pdf.Root
            for key in ("/Metadata", "/PieceInfo", "/OpenAction", "/AA"):
                if key in root:
                    del root[key]
            if "/Names" in root and "/JavaScript" in root.Names:
                del root.Names["/JavaScript"]
            for page in pdf.pages:
                for key in ("/Metadata", "/PieceInfo", "/AA"):
                    if key in page.obj:
                        del page.obj[key]
            # Only objects still reachable are written: the old metadata and earlier revisions go.
            pdf.save(target, fix_metadata_version=False, deterministic_id=True)
    except pikepdf.PasswordError as exc:
        raise CannotClean("The PDF is protected with a password.") from exc
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise CannotClean(f"The PDF could not be read: {exc.__class__.__name__}") from exc
    return "application/pdf"


CLEANERS = {
    "image/jpeg": clean_image,
    "image/png": clean_image,
    "image/gif": clean_image,
    "image/webp": clean_image,
    "image/tiff": clean_image,
    "image/bmp": clean_image,
    "application/pdf": clean_pdf,
}


def cleaner_for(media_type: str):
    return CLEANERS.get(media_type)
