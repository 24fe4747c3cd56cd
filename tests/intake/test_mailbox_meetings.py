"""The reporter's side of meetings, minutes and consent, in the mailbox: bad input keeps what was typed,
nothing works without an open mailbox, and intake never depends on the desks."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from meldpunt.intake import services
from meldpunt.intake.models import Meeting

from ..cases.conftest import reporter_client


@pytest.fixture
def report(report_factory):
    return report_factory(language="fr").report


def test_asking_for_a_meeting(report):
    client = reporter_client(report)
    page = client.get("/mailbox/").content.decode()
    assert "Ask for a meeting" in page
    response = client.post("/mailbox/meeting/", {"note": "Par téléphone, le matin."})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Par téléphone, le matin." in page and "Ask for a meeting" not in page
    assert Meeting.objects.get(report=report).unseal("request_note") == "Par téléphone, le matin."
    assert b"matin" not in bytes(Meeting.objects.get(report=report).request_note_sealed)


def test_a_huge_note_is_refused_and_kept(report):
    note = "x" * (settings.REPORT_SHORT_TEXT_MAX_CHARS + 1)
    response = reporter_client(report).post("/mailbox/meeting/", {"note": note})
    assert response.status_code == 400
    assert note in response.content.decode()
    assert not Meeting.objects.exists()


def test_without_an_open_mailbox_nothing_happens(report):
    from django.test import Client

    response = Client().post("/mailbox/meeting/", {"note": "hello"})
    # The sign-in page, with the note kept to be sent once the code is entered (test_mailbox_session.py).
    assert response.status_code == 403 and 'action="/mailbox/sign-in/"' in response.content.decode()
    assert "hello" in response.content.decode()
    assert not Meeting.objects.exists()


def test_one_open_request_at_a_time(report):
    services.meeting_request(report=report, note="")
    with pytest.raises(services.ReporterActionRefused):
        services.meeting_request(report=report, note="again")


def test_intake_never_imports_the_desks():
    root = Path(settings.BASE_DIR) / "meldpunt"
    offenders = [
        str(path) for path in root.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+cases\b", path.read_text(), re.MULTILINE)
    ]
    assert offenders == []
