"""What an attacker with a copy of the database sees: no plaintext, and ciphertexts that only open in place."""

import pytest
from django.db import connection

from meldpunt import crypto
from meldpunt.intake.models import MailboxMessage, Report
from meldpunt.intake.services import mailbox_message_from_reporter

SECRETS = ["NARRATIVE-needle", "WHEN-needle", "INVOLVED-needle", "WITNESS-needle", "NAME-needle", "CONTACT-needle@x.org", "MAILBOX-needle"]


@pytest.mark.django_db
def test_raw_rows_hold_no_plaintext(report_factory):
    submitted = report_factory(
        narrative=SECRETS[0], occurred_when=SECRETS[1], involved=SECRETS[2], witnesses=SECRETS[3],
        is_anonymous=False, reporter_name=SECRETS[4], reporter_contact=SECRETS[5],
    )
    mailbox_message_from_reporter(report=submitted.report, body=SECRETS[6])
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for value in row:
                    dump.append(bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode())
    blob = b"\n".join(dump)
    for secret in SECRETS:
        assert secret.encode() not in blob, f"{secret} is stored in plaintext"
    report = Report.objects.get()
    assert report.unseal("narrative") == SECRETS[0]
    assert report.unseal("reporter_contact") == SECRETS[5]
    assert report.messages.get().unseal("body") == SECRETS[6]


@pytest.mark.django_db
def test_a_ciphertext_moved_to_another_row_or_field_does_not_open(report_factory):
    first = report_factory(narrative="first story").report
    second = report_factory(narrative="second story").report
    second.narrative_sealed = first.narrative_sealed
    with pytest.raises(crypto.DecryptionError):
        second.unseal("narrative")
    first.involved_sealed = first.narrative_sealed
    with pytest.raises(crypto.DecryptionError):
        first.unseal("involved")


@pytest.mark.django_db
def test_data_keys_are_wrapped_by_the_key_encryption_key_and_shredding_destroys_them(report_factory):
    report = report_factory(narrative="to be shredded").report
    mailbox_message_from_reporter(report=report, body="also gone")
    assert report.wrapped_key.startswith(crypto.current_kek_id() + ":")
    Report.objects.filter(pk=report.pk).update(wrapped_key="")
    report.refresh_from_db()
    with pytest.raises(crypto.KeyDestroyedError):
        report.unseal("narrative")
    message = MailboxMessage.objects.get(report=report)
    with pytest.raises(crypto.KeyDestroyedError):
        message.unseal("body")


def test_the_kek_is_required_and_checked(settings):
    settings.MELDPUNT_KEKS = "short:" + "QUJD"
    with pytest.raises(ValueError):
        crypto.wrap_data_key(crypto.generate_data_key())
