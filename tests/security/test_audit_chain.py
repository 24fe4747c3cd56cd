"""The audit trail against someone who can write the database (security M4, L11).

Before: the chain was unkeyed SHA-256 without actor_id, so changing who did something, cutting off the
newest events together with the head, or rewriting the whole chain passed `verify_audit`; reasons
typed by staff were stored readable in the detail. Now the chain is an HMAC under a key outside the
database over every column, the head is signed, its signed copy is published daily and exportable."""

import hashlib
import json
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command

from meldpunt.audit.models import AuditChainHead, AuditEvent
from meldpunt.audit.services import audit_private_detail, audit_record, audit_verify


@pytest.fixture
def trail(db, staff_factory):
    sanne, marieke = staff_factory("cci_handler", "sanne"), staff_factory("cci_coordinator", "marieke")
    for n in range(6):
        audit_record(actor=sanne if n % 2 else marieke, action="report.read", target=("intake.report", f"r{n}"))
    return list(AuditEvent.objects.order_by("id")), sanne, marieke


def verify(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("verify_audit", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return False, err.getvalue() + str(exc)
    return True, out.getvalue()


def test_changing_who_did_something_is_caught(trail):
    events, sanne, marieke = trail
    read_by_marieke = events[0]
    AuditEvent.objects.filter(pk=read_by_marieke.pk).update(actor=sanne)  # the label kept
    ok, output = verify()
    assert not ok and f"event {read_by_marieke.id}: altered" in output


def test_cutting_off_the_newest_events_and_the_head_is_caught(trail):
    events, *_ = trail
    AuditEvent.objects.filter(pk__in=[e.pk for e in events[-3:]]).delete()
    AuditChainHead.objects.all().delete()
    ok, output = verify()
    assert not ok and "head is missing" in output


def test_cutting_off_the_newest_events_and_moving_the_head_back_is_caught(trail):
    events, *_ = trail
    AuditEvent.objects.filter(pk__in=[e.pk for e in events[-3:]]).delete()
    AuditChainHead.objects.update(last_hash=events[-4].hash)
    ok, output = verify()
    assert not ok and "were removed" in output
    AuditChainHead.objects.update(last_hash=events[-4].hash, last_id=events[-4].id)
    ok, output = verify()
    assert not ok and "head was altered" in output


def test_a_full_recompute_without_the_key_is_caught(trail):
    """Tamper with one event, then recompute every hash and the head with the unkeyed SHA-256 scheme the
    portal used (all an attacker without the key can do), as the review did."""
    events, sanne, _ = trail
    AuditEvent.objects.filter(pk=events[2].pk).update(actor=sanne, actor_label="sanne")
    previous = "0" * 64
    for event in AuditEvent.objects.order_by("id"):
        payload = json.dumps(
            [previous, event.at.isoformat(), event.actor_label, event.action, event.target_type,
             event.target_id, event.detail], sort_keys=True, separators=(",", ":"), default=str,
        )
        digest = hashlib.sha256(payload.encode()).hexdigest()
        AuditEvent.objects.filter(pk=event.pk).update(previous_hash=previous, hash=digest)
        previous = digest
    AuditChainHead.objects.update(last_hash=previous)
    ok, output = verify()
    assert not ok and output.count("altered") >= len(events)


def test_a_trail_cut_back_to_an_earlier_head_is_caught_by_the_published_head(trail, tmp_path):
    """Someone who saved an earlier head row can restore it after cutting the tail; the head published
    (logged daily, or exported) since then still names the removed events."""
    events, *_ = trail
    old_head = AuditChainHead.objects.values("last_hash", "last_id", "key_id", "mac").get()
    audit_record(actor=None, action="system.later_event")
    published = tmp_path / "heads.jsonl"
    call_command("export_audit_head", "--append", str(published), stdout=StringIO())
    assert verify("--published", str(published))[0]
    AuditEvent.objects.filter(id__gt=old_head["last_id"]).delete()
    AuditChainHead.objects.update(**old_head)
    assert verify()[0], "without the published head this replay is invisible"
    ok, output = verify("--published", str(published))
    assert not ok and "gone or altered" in output


def test_the_daily_head_is_signed_and_logged(trail, caplog):
    from meldpunt.audit.tasks import audit_head_publish_run

    caplog.set_level("INFO", logger="meldpunt.audit.head")
    last_id = audit_head_publish_run()
    line = next(r.getMessage() for r in caplog.records if r.name == "meldpunt.audit.head")
    head = json.loads(line[line.index("{"):])
    assert head["last_id"] == last_id and len(head["signature"]) == 64


def test_reasons_typed_by_staff_are_sealed_in_the_trail(db, staff_factory):
    """Before: `evidence.original_opened` kept the typed reason readable in the detail and the admin."""
    handler = staff_factory("cci_handler")
    event = audit_record(actor=handler, action="evidence.original_opened", target=("vault.evidencefile", "1"),
                         reason="The reporter's neighbour took the photo", purpose="download")
    stored = AuditEvent.objects.get(pk=event.pk)
    assert "neighbour" not in json.dumps(stored.detail) and b"neighbour" not in bytes(stored.sealed_detail)
    assert stored.detail == {"purpose": "download", "sealed": ["reason"]}
    assert audit_private_detail(stored) == {"reason": "The reporter's neighbour took the photo"}
    assert audit_verify() == []


def test_the_migration_rekeys_an_unkeyed_trail_and_seals_its_reasons(db, staff_factory):
    """An installation with the old SHA-256 chain: after the migration it verifies under the key."""
    migration = __import__("meldpunt.audit.migrations.0003_rekey_chain", fromlist=["rekey"])
    handler = staff_factory("cci_handler")
    previous = "0" * 64
    for n in range(4):
        detail = {"reason": "Plain reason typed long ago"} if n == 1 else {"n": n}
        event = AuditEvent(at=handler.date_joined, actor=handler, actor_label="h", action="old.event", detail=detail)
        event.previous_hash, event.hash = previous, migration._old_hash(event, previous)
        event.save()
        previous = event.hash
    AuditChainHead.objects.create(last_hash=previous)
    assert audit_verify(), "the old chain does not verify under the key"
    migration.rekey(django_apps, None)
    assert audit_verify() == []
    last = AuditEvent.objects.order_by("-id").first()
    assert last.action == "audit.chain_rekeyed" and last.detail["old_chain_problems"] == 0
    sealed = AuditEvent.objects.get(detail__sealed=["reason"])
    assert audit_private_detail(sealed) == {"reason": "Plain reason typed long ago"}


def test_a_kek_rotation_keeps_sealed_reasons_readable_and_the_chain_verifiable(db, staff_factory):
    import base64
    import os

    from django.conf import settings
    from django.test import override_settings

    from meldpunt import crypto

    audit_key = f"a1:{base64.b64encode(os.urandom(32)).decode()}"
    new_kek = crypto.generate_kek_entry("k2")
    with override_settings(MELDPUNT_AUDIT_KEYS=audit_key):
        event = audit_record(actor=staff_factory("cci_handler"), action="evidence.original_opened", reason="Why I opened it")
        with override_settings(MELDPUNT_KEKS=f"{new_kek},{settings.MELDPUNT_KEKS}"):
            call_command("rotate_kek", stdout=StringIO())
        with override_settings(MELDPUNT_KEKS=new_kek):
            assert audit_private_detail(AuditEvent.objects.get(pk=event.pk)) == {"reason": "Why I opened it"}
            assert audit_verify() == []
