"""L13: a file name longer than a multipart part header may be (about 340 CJK characters) gave a
bare English "Bad Request (400)" and lost what the reporter typed. Now the form comes back, in the
reporter's language, with the narrative and a message about that one file."""

import io

import pytest
from django.test import Client

from meldpunt.intake.models import Report
from meldpunt.vault.models import EvidenceFile
from tests.conftest import form_token
from tests.vault import samples

pytestmark = pytest.mark.django_db

LONG_NAME = "举报材料" * 85 + ".jpg"  # 344 characters, over 1,000 bytes in UTF-8
NARRATIVE = "我的上司在会议上多次发表种族主义言论。"


class NamedBytes(io.BytesIO):
    """A file as a browser sends it: Django's own upload classes would cut the name to 255 characters."""

    def __init__(self, content: bytes, name: str):
        super().__init__(content)
        self.name = name


def long_named_photo():
    return NamedBytes(samples.jpeg_with_gps(), LONG_NAME)


def test_a_file_with_a_very_long_name_brings_the_form_back_with_the_narrative_and_a_clear_message(
    category, post
):
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    token = form_token(client)
    data = {"submission_token": token, "category": category.pk, "post": post.pk, "identity": "anonymous",
            "narrative": NARRATIVE}
    photo = long_named_photo()
    short = samples.upload(samples.jpeg_with_gps(colour="blue"), "短.jpg", "image/jpeg")
    response = client.post("/report/", {**data, "files": [photo, short]})
    assert response.status_code == 400
    page = response.content.decode()
    assert NARRATIVE in page  # what was typed is kept
    assert 'lang="zh-hans"' in page.lower()
    assert "文件名太长" in page  # "the file name is too long", in the reporter's language
    assert Report.objects.count() == 0
    assert [f.media_type for f in EvidenceFile.objects.all()] == ["image/jpeg"]  # the other file is kept
    # Sent again without the long-named file, the report goes, with the file already kept.
    assert client.post("/report/", data).status_code == 302
    assert EvidenceFile.objects.get().report == Report.objects.get()


def test_a_long_file_name_in_the_mailbox_is_refused_with_a_message(report_factory):
    from meldpunt.intake import receipts

    code = report_factory().receipt_code
    client = Client()
    client.post("/mailbox/sign-in/", {"code": receipts.display(code)})
    photo = long_named_photo()
    response = client.post("/mailbox/files/", {"files": [photo]}, follow=True)
    assert response.status_code == 200
    assert "name is too long" in response.content.decode()
    assert EvidenceFile.objects.count() == 0
