"""The audit trail is hash-chained: `manage.py verify_audit` finds an altered or removed event, and the
admin offers no way to add, change or delete one."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record


@pytest.fixture
def trail(db, staff_factory):
    user = staff_factory("cci_handler", "sanne")
    for n in range(5):
        audit_record(actor=user, action="report.read", target=("intake.report", f"r{n}"))
    return list(AuditEvent.objects.order_by("id"))


def verify():
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except CommandError as exc:
        return False, err.getvalue() + str(exc)
    return True, out.getvalue()


def test_an_intact_trail_passes(trail):
    ok, output = verify()
    assert ok and "intact" in output and "5 events" in output


def test_an_altered_event_is_reported(trail):
    AuditEvent.objects.filter(pk=trail[2].pk).update(action="report.nothing_to_see")
    ok, output = verify()
    assert not ok
    assert f"event {trail[2].id}: altered" in output


def test_an_altered_detail_or_actor_is_reported(trail):
    AuditEvent.objects.filter(pk=trail[1].pk).update(detail={"innocent": True})
    AuditEvent.objects.filter(pk=trail[3].pk).update(actor_label="somebody-else")
    ok, output = verify()
    assert not ok and f"event {trail[1].id}: altered" in output and f"event {trail[3].id}: altered" in output


def test_a_removed_event_is_reported(trail):
    AuditEvent.objects.filter(pk=trail[2].pk).delete()
    ok, output = verify()
    assert not ok
    assert f"event {trail[3].id}: chain broken" in output


def test_removing_the_newest_event_is_reported(trail):
    AuditEvent.objects.filter(pk=trail[-1].pk).delete()
    ok, output = verify()
    assert not ok and "newest event(s)" in output


def test_the_admin_offers_no_add_change_or_delete(trail, staff_factory, client_for):
    admin = staff_factory("administrator", "eva")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = client_for(admin)
    event = trail[0]
    listing = client.get("/admin/audit/auditevent/")
    assert listing.status_code == 200 and 'name="action"' not in listing.content.decode()  # no bulk delete
    assert client.get("/admin/audit/auditevent/add/").status_code == 403
    change = client.get(f"/admin/audit/auditevent/{event.pk}/change/")
    assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
    assert client.post(f"/admin/audit/auditevent/{event.pk}/change/", {"action": "x"}).status_code == 403
    assert client.get(f"/admin/audit/auditevent/{event.pk}/delete/").status_code == 403
    assert client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == "report.read"
    ok, _output = verify()
    assert ok
