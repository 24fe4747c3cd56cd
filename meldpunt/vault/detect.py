"""What a file is, from its content (libmagic), never from the name or type the client sent."""

from __future__ import annotations

import zipfile

import magic
from django.conf import settings

SNIFF_BYTES = 1024 * 1024

# Office documents are zip files; libmagic names them when [Content_Types].xml or the ODF mimetype
# entry comes first, and says "application/zip" otherwise. Their entries say what they are.
OOXML_MAIN_PARTS = {
    "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/presentation.xml": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def _zip_document_type(fileobj) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                for part, media_type in OOXML_MAIN_PARTS.items():
                    if part in names:
                        return media_type
            if "mimetype" in names:
                declared = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if declared.startswith("application/vnd.oasis.opendocument."):
                    return declared
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None
    return None


def detect_media_type(fileobj) -> str:
    """The media type of an open file (left at position 0), judged by its bytes."""
    path = fileobj.temporary_file_path() if hasattr(fileobj, "temporary_file_path") else None
    fileobj.seek(0)
    if path:
        media_type = magic.from_file(path, mime=True)
    else:
        media_type = magic.from_buffer(fileobj.read(SNIFF_BYTES), mime=True)
        fileobj.seek(0)
    if media_type in ("application/zip", "application/octet-stream"):
        refined = _zip_document_type(fileobj)
        fileobj.seek(0)
        media_type = refined or media_type
    return media_type


def is_accepted(media_type: str) -> bool:
    return media_type in settings.VAULT_ACCEPTED_TYPES


def accepted_extensions() -> list[str]:
    """The accepted types as the extensions people know, for the limits shown before choosing."""
    return sorted({ext.upper() for ext in settings.VAULT_ACCEPTED_TYPES.values()})


def accept_attribute() -> str:
    """A hint for the file chooser; the server decides by content regardless."""
    extensions = sorted({f".{ext}" for ext in settings.VAULT_ACCEPTED_TYPES.values()})
    if "image/jpeg" in settings.VAULT_ACCEPTED_TYPES:
        extensions.append(".jpeg")
    return ",".join(extensions + sorted(settings.VAULT_ACCEPTED_TYPES))
