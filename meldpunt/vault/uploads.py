"""Uploads stream to disk: Django's TemporaryFileUploadHandler, bounded.

Nothing of an upload is held in memory (FILE_UPLOAD_MAX_MEMORY_SIZE = 0 and this is the only
handler). The bound matters because Django caps the size of form fields but not of files: without
it, one anonymous request could fill the disk. A file that passes the limit of whoever sends it
(staff or reporter) is no longer written; the form then refuses it with a clear reason. Files beyond
the per-request maximum are not written at all.
"""

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler


def upload_limit_for(request) -> int:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "is_desk_staff", False):
        return settings.VAULT_STAFF_MAX_FILE_BYTES
    return settings.VAULT_REPORTER_MAX_FILE_BYTES


class BoundedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = upload_limit_for(self.request)
        self.files_seen = 0
        return super().handle_raw_input(input_data, META, content_length, boundary, encoding)

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.files_seen += 1
        self.file.over_limit = False
        self.file.over_count = self.files_seen > settings.VAULT_MAX_FILES_PER_REQUEST

    def receive_data_chunk(self, raw_data, start):
        if self.file.over_limit or self.file.over_count:
            return None
        if start + len(raw_data) > self.limit:
            # Keep reading the request (so the rest of the form arrives) but write no more of this file.
            self.file.over_limit = True
            self.file.truncate(0)
            return None
        self.file.write(raw_data)
        return None


# --- a part whose header is too long (security review L13) -------------------------------------------
# Django refuses a whole request when one multipart part header passes 1,024 bytes (a guard against
# header floods), which a file name of about 340 CJK characters does: the reporter got a bare 400
# and lost what they typed. This parser keeps Django's limit but skips only that part, and marks the
# request with PART_HEADER_TOO_LONG so the page can say which problem there was and keep the rest.

PART_HEADER_TOO_LONG = "_part_header_too_long"


def part_tolerant_parser():
    from django.http import multipartparser as mp

    class PartTolerantParser(mp.Parser):
        def __iter__(self):
            for sub_stream in mp.InterBoundaryIter(self._stream, self._separator):
                try:
                    yield mp.parse_boundary_stream(sub_stream, mp.MAX_TOTAL_HEADER_SIZE)
                except mp.MultiPartParserError:
                    mp.exhaust(sub_stream)  # the part, header and content, is read and dropped
                    marker = {"content-disposition": ("form-data", {"name": PART_HEADER_TOO_LONG.encode()})}
                    yield mp.FIELD, marker, mp.LazyStream(iter([b"1"]))

    return PartTolerantParser


def install_part_tolerant_parser() -> None:
    """Called once from the vault's AppConfig.ready(): Django's MultiPartParser looks Parser up by name."""
    from django.http import multipartparser

    if not getattr(multipartparser.Parser, "meldpunt_part_tolerant", False):
        parser = part_tolerant_parser()
        parser.meldpunt_part_tolerant = True
        multipartparser.Parser = parser


def part_header_too_long(request) -> bool:
    return bool(request.POST.get(PART_HEADER_TOO_LONG))
