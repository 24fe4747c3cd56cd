"""Small files that inflate to very large ones, built quickly: every MiB of zeros deflates to the
same bytes after a full flush, so a bomb is one block repeated, written into a zip by hand."""

import io
import struct
import zlib

MiB = 1024 * 1024


def _deflated_zeros(size_mib: int) -> tuple[bytes, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * MiB) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    crc = 0
    zeros = b"\0" * MiB
    for _ in range(size_mib):
        crc = zlib.crc32(zeros, crc)
    return block * size_mib + tail, crc


def _stored(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def zip_with(entries: list[tuple[str, bytes | int]]) -> bytes:
    """A zip of (name, content) where content is bytes, or an int: that many MiB of zeros."""
    out = io.BytesIO()
    central = []
    for name, content in entries:
        if isinstance(content, int):
            data, crc = _deflated_zeros(content)
            size = content * MiB
        else:
            data, crc, size = _stored(content)
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0))
        out.write(encoded)
        out.write(data)
        central.append(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded),
                        0, 0, 0, 0, 0, offset) + encoded
        )
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def odt_mimetype_bomb(size_mib: int = 256) -> bytes:
    """The reviewer's H1 file: an ODF-looking zip whose `mimetype` entry inflates to size_mib MiB."""
    return zip_with([("mimetype", size_mib), ("content.xml", b"<office:document-content/>")])


def pdf_stream_bomb(size_mib: int = 256) -> bytes:
    """A one-page PDF with a content stream that inflates to size_mib MiB (Flate)."""
    import pikepdf

    data, _crc = _deflated_zeros(size_mib)
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    # zlib framing around the raw deflate data, as /FlateDecode expects
    framed = b"\x78\xda" + data + struct.pack(">I", 1)  # adler is not checked by every reader; qpdf warns
    stream = pikepdf.Stream(pdf, framed)
    stream.Filter = pikepdf.Name.FlateDecode
    pdf.pages[0].Contents = stream
    pdf.docinfo["/Author"] = "Jan Jansen"
    buffer = io.BytesIO()
    pdf.save(buffer, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return buffer.getvalue()
