"""Working copies without hidden data: images re-encoded without EXIF/GPS/XMP, PDFs without their
document information and XMP metadata. The original stays sealed as it came in."""

from __future__ import annotations

import json
import os
import resource
import signal
from typing import BinaryIO

from django.conf import settings

# Pillow and pikepdf are imported where they are used: the web process that only streams files
# never loads them (and pikepdf announces itself in the log on import).

IMAGE_FORMATS_KEPT = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
# Only what is needed to show the picture as it was: colour profile, transparency, animation timing.
IMAGE_INFO_KEPT = ("icc_profile", "transparency", "duration", "loop", "background")


class CannotClean(Exception):
    """No clean copy can be made (damaged, password-protected, too large)."""


# --- containment -----------------------------------------------------------------------------------
# Every decoder the vault runs on a reporter's file (Pillow, qpdf, zip, mutagen) runs in a forked
# child with its memory, CPU time and output size capped. A decompression bomb in any format,
# including ones no check below foresees (a PDF object stream, an image codec), then costs the
# child, never the worker: the child dies or fails, and the file gets no cleaned copy.


def _apply_limits(*, output_limit: int) -> None:
    with open("/proc/self/status") as status:
        vm_size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    # A child stopped by a limit (SIGXCPU, SIGXFSZ) would dump core by default: a core file holds
    # the plaintext of the evidence, so none is written.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _lower(resource.RLIMIT_AS, vm_size + settings.VAULT_CLEAN_MEMORY_BYTES)
    _lower(resource.RLIMIT_CPU, settings.VAULT_CLEAN_CPU_SECONDS)
    _lower(resource.RLIMIT_FSIZE, output_limit)


def _lower(kind: int, value: int) -> None:
    """Set a limit, never above one the process already has (a container's, an operator's)."""
    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, hard))


def clean_contained(cleaner, source, target) -> str:
    """cleaner(source, target) in a child process with capped memory, CPU and output size.

    `source` and `target` are real files (they have a fileno): the child writes the cleaned copy
    straight into `target`. Returns the cleaned copy's media type; CannotClean when the cleaner
    refuses the file or the child runs out of what it may use.
    """
    source.flush()
    target.flush()
    source_size = os.fstat(source.fileno()).st_size
    output_limit = max(2 * source_size, 0) + settings.VAULT_CLEAN_OUTPUT_SLACK_BYTES
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 1
        try:
            os.close(read_end)
            _apply_limits(output_limit=output_limit)
            source.seek(0)
            target.seek(0)
            message = ["ok", cleaner(source, target)]
            target.flush()
            status = 0
        except CannotClean as exc:
            message = ["refused", str(exc)]
        except MemoryError:
            message = ["refused", "The file needs more memory to clean than a cleaning may use."]
        except BaseException as exc:  # noqa: B036 - whatever a decoder does, the child reports and ends
            message = ["refused", f"The file could not be read: {exc.__class__.__name__}"]
        try:
            os.write(write_end, json.dumps(message).encode()[:4096])
        finally:
            os._exit(status)
    os.close(write_end)
    answer = b""
    with os.fdopen(read_end, "rb") as pipe:
        answer = pipe.read(8192)
    _pid, status = os.waitpid(pid, 0)
    target.seek(0)
    if os.WIFSIGNALED(status):
        killed = os.WTERMSIG(status)
        why = {signal.SIGXCPU: "took too long", signal.SIGXFSZ: "grew too large", signal.SIGKILL: "used too much memory"}
        raise CannotClean(f"Cleaning stopped: the file {why.get(killed, f'ended the cleaner (signal {killed})')}.")
    try:
        outcome, detail = json.loads(answer)
    except (ValueError, TypeError):
        outcome, detail = "refused", "The cleaner ended without an answer."
    if outcome != "ok" or os.WEXITSTATUS(status) != 0:
        raise CannotClean(detail)
    return detail


def clean_image(source: BinaryIO, target: BinaryIO) -> str:
    from PIL import Image, ImageOps, ImageSequence

    # Pillow's own decompression-bomb check, at the vault's limit: refused before any pixel is decoded.
    Image.MAX_IMAGE_PIXELS = settings.VAULT_IMAGE_MAX_PIXELS
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
OFFICE_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "clean_ooxml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "clean_ooxml",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "clean_ooxml",
    "application/vnd.oasis.opendocument.text": "clean_odf",
    "application/vnd.oasis.opendocument.spreadsheet": "clean_odf",
    "audio/mpeg": "clean_audio",
    "audio/x-m4a": "clean_audio",
    "audio/mp4": "clean_audio",
    "audio/x-wav": "clean_audio",
    "audio/ogg": "clean_audio",
    # No cleaner: these get no cleaned copy, so the desk opens them only with a reason.
    "video/mp4": "not_cleaned",
    "message/rfc822": "not_cleaned",
}
# Plain text has no hidden data to remove: it is the only kind kept without a cleaning step.
NOTHING_HIDDEN = {"text/plain", "text/csv"}


def cleaner_for(media_type: str):
    if media_type in CLEANERS:
        return CLEANERS[media_type]
    if media_type in OFFICE_TYPES:
        from . import office

        return getattr(office, OFFICE_TYPES[media_type])
    return None
