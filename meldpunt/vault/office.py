"""Cleaned copies of Office documents (docx, xlsx, pptx; odt, ods) and audio recordings.

Office files are zips of XML parts. The copy keeps every part and the document as it reads, and
removes what names or places the people who made it:
- the document properties (core, app and custom: author, last editor, company, manager, template
  path, editing time, and the like), replaced by empty ones;
- comments and notes: their text, authors, initials and dates are emptied, and the people lists
  of modern comments (people.xml, persons, authors) too;
- the authors and dates of tracked changes (the changes themselves stay, as the content they are),
  and Word's editing-session ids (rsid), which link a document to other documents edited on the same
  machine.
What is not removed, and the reporter is told so: whatever the text, slides or cells themselves say,
embedded pictures' own metadata, links, and digital signatures.

Every part is read with a cap on its inflated size, the sum of all parts and the compression ratio
(security review H1), on top of the contained child's limits (cleaning.clean_contained).
Audio: tags (ID3, APE, MP4 and Vorbis comments) are removed with mutagen; a WAV file is written
again with only its sound (PCM), so no INFO, bext or ID3 chunk goes along.
"""

from __future__ import annotations

import re
import shutil
import wave
import zipfile
from typing import BinaryIO

from django.conf import settings

from .cleaning import CannotClean

MiB = 1024 * 1024
MAX_PART_BYTES = 64 * MiB  # an XML part larger than this is not a document we clean
MAX_RATIO = 200  # inflated / compressed, for entries over a MiB

OOXML_EMPTY = {
    "docProps/core.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        b'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
    ),
    "docProps/app.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
        b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
    ),
    "docProps/custom.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
        b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
    ),
}
ODF_META = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta '
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2">'
    b"<office:meta/></office:document-meta>"
)

# Parts whose every text and author are emptied (comments, notes and the people who wrote them).
COMMENT_PARTS = re.compile(
    r"^(word/(comments[A-Za-z]*|people)\.xml|xl/comments\d*\.xml|xl/threadedComments/.*\.xml|xl/persons/.*\.xml"
    r"|ppt/comments/.*\.xml|ppt/commentAuthors\.xml|ppt/authors\.xml)$"
)
# Attributes that name a person, date a change or link editing sessions, wherever they appear.
PERSON_ATTRIBUTES = {"author", "initials", "userId", "providerId", "displayName", "name", "date", "dateUtc"}
PERSON_ATTRIBUTES_EVERYWHERE = {"author", "initials", "userId", "providerId", "date", "dateUtc"}
RSID = re.compile(r"^rsid")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _parse(data: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise CannotClean("A part of the document could not be read.") from exc


def _serialise(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _blank_people(root, *, everything: bool) -> None:
    """Empty person attributes (and, in comment parts, all text)."""
    names = PERSON_ATTRIBUTES if everything else PERSON_ATTRIBUTES_EVERYWHERE
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in list(element.attrib):
            local = _local(attribute)
            if RSID.match(local):
                del element.attrib[attribute]
            elif local in names:
                element.attrib[attribute] = ""
        if everything:
            if element.text and element.text.strip():
                element.text = ""
            if element.tail and element.tail.strip():
                element.tail = ""


def _odf_blank(root) -> None:
    """content.xml / styles.xml: annotations go; tracked changes keep their content, not who or when."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    dc = "http://purl.org/dc/elements/1.1/"
    for tag in (f"{{{office}}}annotation", f"{{{office}}}annotation-end"):
        for element in list(root.iter(tag)):
            parent = element.getparent()
            if element.tail:  # keep the document's own text that follows
                previous = element.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + element.tail
                else:
                    parent.text = (parent.text or "") + element.tail
            parent.remove(element)
    for tag in (f"{{{dc}}}creator", f"{{{dc}}}date"):
        for element in root.iter(tag):
            element.text = ""


def _checked_entries(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    entries = archive.infolist()
    if len(entries) > 10_000:
        raise CannotClean("The document has too many parts.")
    total = sum(entry.file_size for entry in entries)
    if total > settings.VAULT_CLEAN_MAX_INFLATED_BYTES:
        raise CannotClean("The document unpacks to more than a cleaning may handle.")
    for entry in entries:
        if entry.file_size > MiB and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise CannotClean("A part of the document is compressed beyond what real documents are.")
    return entries


def _read_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    if entry.file_size > MAX_PART_BYTES:
        raise CannotClean("A part of the document is too large to clean.")
    with archive.open(entry) as part:
        data = part.read(MAX_PART_BYTES + 1)  # zipfile never returns more than the declared size
    if len(data) > MAX_PART_BYTES:
        raise CannotClean("A part of the document is too large to clean.")
    return data


def _rewrite(source: BinaryIO, target: BinaryIO, transform) -> None:
    """Copy a zip part by part; transform(name, read) returns new bytes for a part, or None to copy it."""
    try:
        with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
            for entry in _checked_entries(archive):
                new = transform(entry.filename, lambda entry=entry: _read_part(archive, entry))
                info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = entry.compress_type
                info.external_attr = entry.external_attr
                if new is not None:
                    out.writestr(info, new)
                else:
                    with archive.open(entry) as part, out.open(info, "w") as copy:
                        shutil.copyfileobj(part, copy, 1024 * 1024)
    except CannotClean:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError, RuntimeError) as exc:
        raise CannotClean(f"The document could not be read: {exc.__class__.__name__}") from exc


def clean_ooxml(source: BinaryIO, target: BinaryIO) -> str:
    """docx, xlsx, pptx."""
    with zipfile.ZipFile(source) as archive:
        names = set(archive.namelist())
    from .detect import OOXML_MAIN_PARTS

    media_type = next((kind for part, kind in OOXML_MAIN_PARTS.items() if part in names), None)
    if media_type is None:
        raise CannotClean("The document is not a Word, Excel or PowerPoint file.")
    source.seek(0)

    def transform(name, read):
        if name in OOXML_EMPTY:
            return OOXML_EMPTY[name]
        if not name.endswith(".xml") or name == "[Content_Types].xml":
            return None
        root = _parse(read())
        _blank_people(root, everything=bool(COMMENT_PARTS.match(name)))
        return _serialise(root)

    _rewrite(source, target, transform)
    return media_type


def clean_odf(source: BinaryIO, target: BinaryIO) -> str:
    """odt, ods: the mimetype entry stays first and uncompressed, as ODF requires."""
    with zipfile.ZipFile(source) as archive:
        with archive.open("mimetype") as entry:
            media_type = entry.read(100).decode("ascii", "replace").strip()
    source.seek(0)

    def transform(name, read):
        if name == "meta.xml":
            return ODF_META
        if name in ("content.xml", "styles.xml"):
            root = _parse(read())
            _odf_blank(root)
            return _serialise(root)
        return None

    _rewrite(source, target, transform)
    return media_type


# --- audio ------------------------------------------------------------------------------------------


def clean_audio(source: BinaryIO, target: BinaryIO) -> str:
    """Tags removed with mutagen; WAV written again with only its sound."""
    from .detect import detect_media_type

    media_type = detect_media_type(source)
    source.seek(0)
    if media_type == "audio/x-wav":
        return _clean_wav(source, target)
    shutil.copyfileobj(source, target, 1024 * 1024)
    target.flush()
    target.seek(0)
    try:
        if media_type == "audio/mpeg":
            from mutagen import apev2, id3

            id3.delete(target, delete_v1=True, delete_v2=True)
            target.seek(0)
            try:
                apev2.APEv2File(target).delete(target)
            except Exception:  # noqa: BLE001 - mutagen says "no APE tag" in several ways
                pass
        else:
            import mutagen

            audio = mutagen.File(target)
            if audio is None:
                raise CannotClean("The recording's format is not one whose tags can be removed.")
            target.seek(0)
            audio.delete(target)
    except CannotClean:
        raise
    except Exception as exc:  # noqa: BLE001 - mutagen raises its own error per format
        raise CannotClean(f"The recording could not be read: {exc.__class__.__name__}") from exc
    target.seek(0)
    return media_type


def _clean_wav(source: BinaryIO, target: BinaryIO) -> str:
    try:
        with wave.open(source, "rb") as original, wave.open(target, "wb") as copy:
            copy.setparams(original.getparams())
            while frames := original.readframes(65536):
                copy.writeframes(frames)
    except (wave.Error, EOFError) as exc:
        raise CannotClean("Only plain (PCM) WAV recordings can be cleaned.") from exc
    return "audio/x-wav"


def not_cleaned(source: BinaryIO, target: BinaryIO) -> str:
    """Videos and e-mail files: no cleaner here; the desk opens the original only with a reason."""
    raise CannotClean("No cleaned copy is made of this kind of file.")
