"""What a file is, from its content (libmagic), never from the name or type the client sent."""

from __future__ import annotations

import struct
import zipfile
import zlib

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


# Detection runs in the web process, on anonymous uploads: it reads names from the central
# directory and at most MIMETYPE_BYTES of one entry, never a whole entry (a 1 MiB zip can inflate
# to gigabytes), and gives up on archives with more entries than any real document has (each entry
# costs memory when the directory is read).
MIMETYPE_BYTES = 100
MAX_ZIP_ENTRIES = 10_000


def zip_entry_count(fileobj) -> int | None:
    """The number of entries the end-of-directory record announces, read without parsing the directory."""
    try:
        end = zipfile._EndRecData(fileobj)  # the stdlib's own reader of that record (stable since 2.x)
    except (OSError, ValueError, struct.error):
        return None
    return None if end is None else end[zipfile._ECD_ENTRIES_TOTAL]


def _zip_document_type(fileobj) -> str | None:
    count = zip_entry_count(fileobj)
    if count is None or count > MAX_ZIP_ENTRIES:
        return None
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                for part, media_type in OOXML_MAIN_PARTS.items():
                    if part in names:
                        return media_type
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    declared = entry.read(MIMETYPE_BYTES).decode("ascii", "replace").strip()
                if declared.startswith("application/vnd.oasis.opendocument."):
                    return declared
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError, EOFError, zlib.error):
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
