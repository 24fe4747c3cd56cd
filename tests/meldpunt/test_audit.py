"""The audit trail: every staff read recorded, hash-chained, and tampering found by verify_audit."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record, audit_verify


@pytest.mark.django_db
def test_every_staff_read_of_a_report_is_recorded(report_factory, staff_factory, client_for):
    report = report_factory().report
    handler = staff_factory("cci_handler")
    client_for(handler).get(reverse("cases:report-detail", args=[report.pk]))
    client_for(handler).get(reverse("cases:report-detail", args=[report.pk]))
    reads = AuditEvent.objects.filter(action="report.read", target_id=str(report.pk), actor=handler)
    assert reads.count() == 2


@pytest.mark.django_db
def test_audit_details_hold_no_report_text(report_factory):
    report_factory(narrative="SECRET-STORY")
    assert not any("SECRET-STORY" in str(e.detail) for e in AuditEvent.objects.all())


@pytest.mark.django_db
def test_an_altered_event_is_found(capsys):
    for n in range(5):
        audit_record(actor=None, action="test.event", n=n)
    assert audit_verify() == []
    call_command("verify_audit")
    AuditEvent.objects.filter(pk=AuditEvent.objects.order_by("id")[2].pk).update(action="test.edited")
    problems = audit_verify()
    assert len(problems) == 1 and "altered" in problems[0]
    with pytest.raises(CommandError):
        call_command("verify_audit")


@pytest.mark.django_db
def test_a_removed_event_is_found():
    for n in range(5):
        audit_record(actor=None, action="test.event", n=n)
    AuditEvent.objects.order_by("id")[1].delete()
    assert any("removed" in p for p in audit_verify())


@pytest.mark.django_db
def test_removing_the_newest_event_is_found():
    for n in range(3):
        audit_record(actor=None, action="test.event", n=n)
    AuditEvent.objects.order_by("-id").first().delete()
    assert any("newest" in p for p in audit_verify())


@pytest.mark.django_db
def test_the_admin_offers_no_change_or_delete(staff_factory, client_for):
    admin = staff_factory("administrator")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    audit_record(actor=admin, action="test.event")
    event = AuditEvent.objects.get()
    client = client_for(admin)
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    page = client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:audit_auditevent_delete", args=[event.pk])).status_code == 403
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
