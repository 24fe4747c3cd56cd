"""A large file goes in and out through the real views (a live server, real HTTP) while the
process's peak memory stays far below the file's size: uploads stream to disk, sealing and opening
stream chunk by chunk. Measured with tracemalloc (process-wide: server and client threads); no time
is asserted."""

import hashlib
import http.client
import tracemalloc
import uuid
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from meldpunt.accounts.models import Role
from meldpunt.vault.models import EvidenceFile
from tests.conftest import file_report, make_staff, signed_in

MiB = 1024 * 1024
FILE_SIZE = 128 * MiB
PIECE = MiB
CSRF = "streamingtestcsrftoken0123456789"  # 32 characters: a valid CSRF secret


def text_piece(index: int) -> bytes:
    line = f"Line {index:08d} of the minutes of a very long meeting typed out in full.\n".encode()
    return (line * (PIECE // len(line) + 1))[:PIECE]


@pytest.mark.django_db(transaction=True)
def test_a_128_mib_upload_and_download_stream_in_flat_memory(live_server, category, post):
    handler = make_staff(Role.CCI_HANDLER, post=post)
    report = file_report(category=category, post=post).report
    session_cookie = signed_in(handler).cookies["sessionid"].value
    cookies = f"sessionid={session_cookie}; csrftoken={CSRF}"
    address = urlsplit(live_server.url)
    path = reverse("cases:evidence", kwargs={"report_id": report.pk})

    boundary = f"----vault{uuid.uuid4().hex}"
    head = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrfmiddlewaretoken\"\r\n\r\n{CSRF}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nFull minutes\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"minutes.txt\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    digest = hashlib.sha256()

    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=600)
        connection.putrequest("POST", path)
        connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
        connection.putheader("Content-Length", str(len(head) + FILE_SIZE + len(tail)))
        connection.putheader("Cookie", cookies)
        connection.endheaders()
        connection.send(head)
        for index in range(FILE_SIZE // PIECE):
            piece = text_piece(index)
            digest.update(piece)
            connection.send(piece)
        connection.send(tail)
        response = connection.getresponse()
        answer = response.read()
        assert response.status == 302, answer.decode()[-3000:]
        upload_peak = tracemalloc.get_traced_memory()[1]

        evidence = EvidenceFile.objects.get(report=report)
        assert evidence.size == FILE_SIZE and evidence.sha256 == digest.hexdigest()
        assert evidence.media_type == "text/plain"

        tracemalloc.reset_peak()
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=600)
        download = reverse("cases:evidence-download", kwargs={"report_id": report.pk, "file_id": evidence.pk})
        connection.request("GET", download, headers={"Cookie": cookies})
        response = connection.getresponse()
        assert response.status == 200 and int(response.getheader("Content-Length")) == FILE_SIZE
        received = hashlib.sha256()
        while chunk := response.read(PIECE):
            received.update(chunk)
        download_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert received.hexdigest() == digest.hexdigest()
    # Far below the 128 MiB that went through; a few chunks of buffers at most.
    assert upload_peak < 24 * MiB, f"upload peak {upload_peak / MiB:.1f} MiB"
    assert download_peak < 24 * MiB, f"download peak {download_peak / MiB:.1f} MiB"
    print(f"\nupload peak {upload_peak / MiB:.1f} MiB, download peak {download_peak / MiB:.1f} MiB for {FILE_SIZE // MiB} MiB")
