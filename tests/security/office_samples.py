"""Office documents and recordings that name their author, built by hand (as Word, Excel,
PowerPoint, LibreOffice and a phone's recorder would write them, in their smallest form)."""

import io
import struct
import wave
import zipfile

AUTHOR = "Jan Jansen"
COMPANY = "Ambassade Rabat"
TEXT = "The incident happened on Monday in the canteen."

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
    f"<dc:creator>{AUTHOR}</dc:creator><cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy>"
    "<dc:title>Notes</dc:title></cp:coreProperties>"
)
APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Company>{COMPANY}</Company><Template>C:\\Users\\jjansen\\Normal.dotm</Template></Properties>"
)


def _zip(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            kind = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=kind)
    return buffer.getvalue()


def docx() -> bytes:
    return _zip({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        "word/document.xml": (
            f'<?xml version="1.0"?><w:document {W}><w:body><w:p w:rsidR="00A1B2C3"><w:r><w:t>{TEXT}</w:t></w:r>'
            f'<w:ins w:id="1" w:author="{AUTHOR}" w:date="2026-11-30T10:00:00Z"><w:r><w:t> Added later.</w:t></w:r></w:ins>'
            '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p></w:body></w:document>'
        ),
        "word/comments.xml": (
            f'<?xml version="1.0"?><w:comments {W}><w:comment w:id="0" w:author="{AUTHOR}" w:initials="JJ">'
            f"<w:p><w:r><w:t>Check this with {AUTHOR}'s manager</w:t></w:r></w:p></w:comment></w:comments>"
        ),
        "word/people.xml": (
            '<?xml version="1.0"?><w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
            f'<w15:person w15:author="{AUTHOR}"><w15:presenceInfo w15:providerId="AD" w15:userId="jjansen@rabat.example"/>'
            "</w15:person></w15:people>"
        ),
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
    })


def xlsx() -> bytes:
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return _zip({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {main}><sheets/></workbook>',
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst {main}><si><t>{TEXT}</t></si></sst>',
        "xl/comments1.xml": (
            f'<?xml version="1.0"?><comments {main}><authors><author>{AUTHOR}</author></authors>'
            f'<commentList><comment ref="A1" authorId="0"><text><t>{AUTHOR}:</t></text></comment></commentList></comments>'
        ),
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
    })


def pptx() -> bytes:
    p = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    return _zip({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "ppt/presentation.xml": f'<?xml version="1.0"?><p:presentation {p}/>',
        "ppt/slides/slide1.xml": f'<?xml version="1.0"?><p:sld {p}><p:txBody>{TEXT}</p:txBody></p:sld>',
        "ppt/commentAuthors.xml": (
            f'<?xml version="1.0"?><p:cmAuthorLst {p}><p:cmAuthor id="0" name="{AUTHOR}" initials="JJ"/></p:cmAuthorLst>'
        ),
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
    })


def odt() -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    )
    return _zip({
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": (
            f'<?xml version="1.0"?><office:document-content {ns}><office:body><office:text>'
            "<text:tracked-changes><text:changed-region><text:insertion><office:change-info>"
            f"<dc:creator>{AUTHOR}</dc:creator><dc:date>2026-11-30T10:00:00</dc:date>"
            "</office:change-info></text:insertion></text:changed-region></text:tracked-changes>"
            f"<text:p>{TEXT}<office:annotation><dc:creator>{AUTHOR}</dc:creator><text:p>Ask {AUTHOR}</text:p>"
            "</office:annotation> End.</text:p></office:text></office:body></office:document-content>"
        ),
        "meta.xml": (
            f'<?xml version="1.0"?><office:document-meta {ns}><office:meta>'
            f"<meta:initial-creator>{AUTHOR}</meta:initial-creator><dc:creator>{AUTHOR}</dc:creator>"
            "</office:meta></office:document-meta>"
        ),
        "META-INF/manifest.xml": '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    })


def mp3() -> bytes:
    """A few silent MPEG-1 Layer III frames with an ID3v2 tag before and an ID3v1 tag after."""
    from mutagen.id3 import ID3, TIT2, TPE1

    frame = b"\xff\xfb\x90\x00" + b"\x00" * 413
    audio = frame * 40
    buffer = io.BytesIO(audio)
    tags = ID3()
    tags.add(TPE1(encoding=3, text=AUTHOR))
    tags.add(TIT2(encoding=3, text="Meeting with the ambassador"))
    tags.save(buffer)
    v1 = b"TAG" + AUTHOR.encode().ljust(30, b"\0") + b"\0" * 30 * 2 + b"2026" + b"\0" * 30 + b"\xff"
    return buffer.getvalue() + v1


def wav_with_info() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x01" * 800)
    data = bytearray(buffer.getvalue())
    artist = AUTHOR.encode() + b"\0"
    info = b"INFO" + b"IART" + struct.pack("<I", len(artist)) + artist
    chunk = b"LIST" + struct.pack("<I", len(info)) + info
    data += chunk
    data[4:8] = struct.pack("<I", len(data) - 8)
    return bytes(data)


def everything_in(content: bytes) -> bytes:
    """All inflated bytes of a zip (or the bytes themselves), to look for a name anywhere."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    except zipfile.BadZipFile:
        return content
