"""A reporter asked how they are doing after closure, who has no meeting yet, sees the aftercare
question and the meeting form together: each label must point at its own box."""

import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meldpunt.intake.models import AftercareCheckIn
from tests.conftest import open_mailbox


def test_aftercare_and_meeting_forms_on_one_page_have_their_own_ids(report_factory):
    report = report_factory().report
    AftercareCheckIn.objects.create(report=report, step="3m", asked_at=timezone.now())
    client = Client()
    open_mailbox(client, report)
    html = client.get(reverse("intake:mailbox")).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert 'for="id_aftercare_note"' in html and 'id="id_aftercare_note"' in html
    assert 'for="id_meeting_note"' in html and 'id="id_meeting_note"' in html
