"""Profile photos: check the upload with Pillow, then keep only a fresh JPEG of bounded size.

Re-encoding from pixels drops everything else the file carried (EXIF with GPS position and camera
serial, XMP, ICC, comments, trailing data). The size is checked before decoding, and Pillow's
decompression-bomb guard is tightened to what a portrait can need.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_SOURCE_PIXELS = 40_000_000  # a 7,000 x 5,700 camera picture; anything larger is refused unread
OUTPUT_MAX_SIDE = 480
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}


@dataclass(frozen=True)
class CleanPhoto:
    jpeg: bytes
    digest: str
    width: int
    height: int


def photo_clean(upload) -> CleanPhoto:
    """A clean JPEG from an uploaded file, or a ValidationError that says what to do instead."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is too large. Choose a file of at most 5 MB."), code="too_large")
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is too large. Choose a file of at most 5 MB."), code="too_large")
    return photo_from_bytes(data)


def photo_from_bytes(data: bytes) -> CleanPhoto:
    unreadable = ValidationError(_("This file is not a photo we can use. Choose a JPEG, PNG or WebP image."), code="invalid")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise unreadable
            width, height = probe.size
            if width * height > MAX_SOURCE_PIXELS or width < 1 or height < 1:
                raise ValidationError(
                    _("The photo has too many pixels. Choose a smaller picture."), code="too_many_pixels"
                )
            probe.verify()  # structure and checksums, before any pixel is decoded
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (OUTPUT_MAX_SIDE * 2, OUTPUT_MAX_SIDE * 2))  # JPEG: decode at reduced scale
            image = ImageOps.exif_transpose(image)  # keep the orientation the camera meant, then drop EXIF
            image = image.convert("RGB")
            image.thumbnail((OUTPUT_MAX_SIDE, OUTPUT_MAX_SIDE), Image.Resampling.LANCZOS)
            clean = Image.new("RGB", image.size)  # fresh image: carries no info dict from the source
            clean.paste(image)
            out = io.BytesIO()
            clean.save(out, format="JPEG", quality=85, optimize=True, progressive=True)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise unreadable from exc
    jpeg = out.getvalue()
    return CleanPhoto(jpeg=jpeg, digest=hashlib.sha256(jpeg).hexdigest(), width=clean.width, height=clean.height)
