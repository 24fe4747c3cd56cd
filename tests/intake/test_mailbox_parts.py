"""The mailbox reads only the parts a report has (selectors.mailbox_parts, one statement): a mailbox of
messages alone reads no meetings, consents, check-ins, disclosures, additions or files; each part, once
it exists, is seen at once and shown."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import disclosure
from cases import services as desk_services
from meldpunt.intake import selectors, services
from meldpunt.intake.disclosure import mailbox_disclosures
from meldpunt.intake.models import ForwardingConsent
from meldpunt.vault import selectors as vault_selectors
from meldpunt.vault import services as vault_services
from tests.conftest import make_staff, open_mailbox
from tests.vault import samples

pytestmark = pytest.mark.django_db

PART_TABLES = ["intake_meeting", "intake_forwardingconsent", "intake_aftercarecheckin", "intake_identitydisclosure",
               "intake_reportaddition", "vault_evidencefile"]


def parts_as_the_selectors_see_them(report) -> selectors.MailboxParts:
    """What each part's own selector finds: what mailbox_parts must agree with."""
    meetings = selectors.mailbox_meetings(report=report)
    return selectors.MailboxParts(
        meetings=bool(meetings),
        open_meeting_request=any(meeting.held_on is None for meeting in meetings),
        pending_consent=selectors.mailbox_pending_consent(report=report) is not None,
        pending_aftercare=selectors.mailbox_pending_aftercare(report=report) is not None,
        disclosures=bool(mailbox_disclosures(report=report)),
        additions=bool(selectors.report_additions(report=report)),
        files=vault_selectors.reporter_file_count(report) > 0,
    )


def page_of(report) -> str:
    client = open_mailbox(Client(), report)
    page = client.get("/mailbox/")
    assert page.status_code == 200
    return page.content.decode()


def test_a_mailbox_of_messages_alone_reads_no_other_part(report_factory):
    report = report_factory().report
    services.mailbox_message_to_reporter(report=report, sender=make_staff("cci_handler"), body="We received your report.")
    client = open_mailbox(Client(), report)
    client.get("/mailbox/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/mailbox/").content.decode()
    assert "We received your report." in page
    statements = [q["sql"] for q in queries.captured_queries]
    reading_parts = [sql for sql in statements if any(f'"{table}"' in sql for table in PART_TABLES)]
    assert len(reading_parts) == 1 and reading_parts[0].startswith("SELECT EXISTS(")  # the one statement of flags
    assert selectors.mailbox_parts(report=report) == selectors.MailboxParts(*[False] * 7)


def test_each_part_is_seen_as_soon_as_it_exists(report_factory, staff_factory):
    desk = make_staff("cci_handler")
    coordinator = make_staff("cci_coordinator")
    report = report_factory(is_anonymous=False, reporter_name="Amina El Idrissi", reporter_contact="amina@example.org").report

    def agrees(**expected):
        parts = selectors.mailbox_parts(report=report)
        assert parts == parts_as_the_selectors_see_them(report)
        for part, value in expected.items():
            assert getattr(parts, part) is value, part
        return page_of(report)

    assert "Meetings and minutes" in agrees(meetings=False, files=False)

    meeting = services.meeting_request(report=report, note="By phone, in the evening please")
    assert "By phone, in the evening please" in agrees(meetings=True, open_meeting_request=True)
    desk_services.meeting_minutes_record(report=report, actor=desk, held_on=date(2026, 11, 2), body="Minutes we wrote",
                                         meeting_id=meeting.pk)
    assert "Minutes we wrote" in agrees(meetings=True, open_meeting_request=False)

    ForwardingConsent.objects.create(report=report, requested_at=timezone.now(), requested_by=desk)
    assert 'id="consent-heading"' in agrees(pending_consent=True)

    services.aftercare_checkin_send(report=report, step="3m", body="How are you doing three months on?")
    assert 'id="aftercare-heading"' in agrees(pending_aftercare=True)

    disclosure.disclosure_request(
        report=report, actor=coordinator, recipient_kind="investigator", recipient="External investigation bureau",
        purpose="The investigator must hear the reporter as a witness.", basis="consent",
        notice="We would like to pass your name to the external investigator.",
    )
    assert 'id="disclosure-heading-1"' in agrees(disclosures=True)

    services.report_addition_add(report=report, body="Something I remembered later", language="en")
    assert "Something I remembered later" in agrees(additions=True)

    vault_services.evidence_add(report=report, upload=samples.temporary_upload(samples.png_with_text(), "screenshot.png"),
                                media_type="image/png", source="reporter")
    assert "screenshot.png" in agrees(files=True)


def test_a_file_the_desk_added_is_not_the_reporter_s(report_factory):
    report = report_factory().report
    vault_services.evidence_add(report=report, upload=samples.temporary_upload(samples.png_with_text(), "desk-photo.png"),
                                media_type="image/png", source="staff", uploaded_by=make_staff("cci_handler"))
    assert selectors.mailbox_parts(report=report).files is False
    assert "desk-photo.png" not in page_of(report)
