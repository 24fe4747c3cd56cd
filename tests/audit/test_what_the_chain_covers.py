"""What the audit chain covers, word for word: every column of an event and the previous event's hash go
into its HMAC in one canonical form, under the key id it names; the head is signed over the newest id and
hash; verify_audit's findings name the event and what happened to it. An outside checker recomputes these
bytes, so their form is part of the contract, not an implementation detail."""

import base64
import json
import uuid
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import override_settings

from meldpunt import crypto
from meldpunt.audit import services
from meldpunt.audit.models import AuditChainHead, AuditEvent
from meldpunt.audit.services import GENESIS_HASH, audit_private_detail, audit_record, audit_verify

pytestmark = pytest.mark.django_db

# Two key ids with the same key material: only the key id in the hashed payload tells them apart.
SAME_KEY = base64.b64encode(b"k" * 32).decode()
TWO_NAMES_ONE_KEY = f"a1:{SAME_KEY},a2:{SAME_KEY}"


def test_an_event_s_payload_is_every_column_in_one_canonical_json_form():
    at = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    detail = {"zeta": 1, "alpha": uuid.UUID(int=7), "sealed": ["reason"]}  # unsorted, and not plain JSON
    payload = services.event_payload(
        key_id="a1", previous_hash="ab" * 32, at=at, actor_id=42, actor_label="sanne", action="case.note",
        target_type="intake.report", target_id="r1", detail=detail, sealed_detail=b"\x01\x02sealed",
    )
    assert payload == (
        '["hmac-v2","a1","' + "ab" * 32 + '","2026-03-04T05:06:07+00:00",42,"sanne","case.note","intake.report","r1",'
        '{"alpha":"00000000-0000-0000-0000-000000000007","sealed":["reason"],"zeta":1},"AQJzZWFsZWQ="]'
    ).encode()
    # Nothing sealed: the last column is empty, not "None".
    plain = services.event_payload(
        key_id="a1", previous_hash=GENESIS_HASH, at=at, actor_id=None, actor_label="system", action="x",
        target_type="", target_id="", detail={}, sealed_detail=None,
    )
    assert plain == ('["hmac-v2","a1","' + "0" * 64 + '","2026-03-04T05:06:07+00:00",null,"system","x","","",{},""]').encode()


def test_the_head_payload_is_the_newest_id_and_hash():
    assert services.head_payload(last_id=12, last_hash="cd" * 32) == ('["head","hmac-v2",12,"' + "cd" * 32 + '"]').encode()


def test_a_recorded_event_is_hashed_over_its_stored_columns_and_the_head_is_signed(staff_factory):
    sanne = staff_factory("cci_handler", "sanne")
    with time_machine.travel(datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC), tick=False):
        first = audit_record(actor=None, action="system.start")
        event = audit_record(actor=sanne, action="evidence.original_opened", target=("vault.evidencefile", 9),
                             reason="Why", purpose="download")
    stored = AuditEvent.objects.get(pk=event.pk)
    key_id = crypto.audit_key_id()
    sealed = base64.b64encode(bytes(stored.sealed_detail)).decode()
    expected = (
        f'["hmac-v2","{key_id}","{first.hash}","2026-03-04T05:06:07+00:00",{sanne.id},"sanne",'
        f'"evidence.original_opened","vault.evidencefile","9",{{"purpose":"download","sealed":["reason"]}},"{sealed}"]'
    ).encode()
    assert stored.hash == crypto.audit_mac(expected, key_id=key_id)
    assert stored.key_id == key_id and stored.previous_hash == first.hash
    assert first.previous_hash == GENESIS_HASH
    head = AuditChainHead.objects.get()
    assert (head.constraints_id, head.last_id, head.last_hash, head.key_id) == (1, event.id, event.hash, key_id)
    assert head.mac == crypto.audit_mac(f'["head","hmac-v2",{event.id},"{event.hash}"]'.encode(), key_id=key_id)
    assert str(head) == f"audit chain head {event.hash[:12]}"
    assert audit_verify() == []


def altered(event) -> str:
    return f"event {event.id}: altered (its content no longer matches its hash)"


@pytest.mark.parametrize(
    "column, value",
    [
        ("at", datetime(2020, 1, 1, tzinfo=UTC)),
        ("actor_label", "someone-else"),
        ("action", "report.nothing"),
        ("target_type", "intake.other"),
        ("target_id", "r9"),
        ("detail", {"purpose": "view", "sealed": ["reason"]}),
        ("sealed_detail", b"\x01" + b"\x00" * 40),
    ],
)
def test_changing_any_column_of_an_event_is_found(staff_factory, column, value):
    sanne = staff_factory("cci_handler", "sanne")
    audit_record(actor=sanne, action="report.read", target=("intake.report", "r1"))
    event = audit_record(actor=sanne, action="evidence.original_opened", target=("intake.report", "r1"),
                         reason="Why", purpose="download")
    audit_record(actor=sanne, action="report.read", target=("intake.report", "r1"))
    AuditEvent.objects.filter(pk=event.pk).update(**{column: value})
    assert audit_verify() == [altered(event)]


def test_changing_who_did_it_is_found_even_with_the_name_kept(staff_factory):
    sanne, marieke = staff_factory("cci_handler", "sanne"), staff_factory("cci_handler", "marieke")
    event = audit_record(actor=sanne, action="report.read", actor_label="sanne")
    AuditEvent.objects.filter(pk=event.pk).update(actor=marieke)
    assert audit_verify() == [altered(event)]


def test_an_event_s_previous_hash_is_covered_by_its_own_hash():
    """Rewriting where an event points is both a broken chain and an altered event."""
    first = audit_record(actor=None, action="a")
    second = audit_record(actor=None, action="b")
    AuditEvent.objects.filter(pk=second.pk).update(previous_hash="f" * 64)
    assert audit_verify() == [
        f"event {second.id}: chain broken before it (an event was removed or inserted after id {first.id})",
        altered(second),
    ]


@override_settings(MELDPUNT_AUDIT_KEYS=TWO_NAMES_ONE_KEY)
def test_the_key_id_an_event_names_is_covered_by_its_hash():
    event = audit_record(actor=None, action="a")
    assert event.key_id == "a1"
    AuditEvent.objects.filter(pk=event.pk).update(key_id="a2")  # same key bytes, another name
    assert audit_verify() == [altered(event)]


def test_an_event_under_a_key_that_is_not_configured_cannot_be_checked():
    event = audit_record(actor=None, action="a")
    audit_record(actor=None, action="b")
    AuditEvent.objects.filter(pk=event.pk).update(key_id="gone")
    assert audit_verify() == [f"event {event.id}: cannot be checked (Audit key 'gone' is not configured.)"]


def test_the_first_event_must_start_from_the_genesis_hash():
    event = audit_record(actor=None, action="a")
    AuditEvent.objects.filter(pk=event.pk).update(previous_hash="1" * 64)
    assert f"event {event.id}: chain broken before it (an event was removed or inserted after id 0)" in audit_verify()


def test_an_empty_trail_is_intact_with_or_without_a_head():
    assert audit_verify() == []
    AuditChainHead.objects.create(last_hash=GENESIS_HASH)
    assert audit_verify() == []


def test_what_verify_says_about_the_head():
    events = [audit_record(actor=None, action="a", n=n) for n in range(3)]
    head = AuditChainHead.objects.values("last_hash", "last_id", "key_id", "mac").get()

    AuditChainHead.objects.update(last_id=events[1].id)
    assert audit_verify() == [f"the newest event(s) after id {events[2].id} were removed"]
    AuditChainHead.objects.update(**head)

    AuditChainHead.objects.update(mac="0" * 64)
    assert audit_verify() == ["the chain head was altered (its signature does not match)"]
    AuditChainHead.objects.update(key_id="")  # an unsigned head is no head
    assert audit_verify() == ["the chain head was altered (its signature does not match)"]
    AuditChainHead.objects.update(key_id="gone")
    assert audit_verify() == ["the chain head was altered (its signature does not match)"]
    AuditChainHead.objects.update(**head)

    AuditChainHead.objects.all().delete()
    assert audit_verify() == ["the chain head is missing: the newest event(s) may have been removed"]


def test_who_an_event_names_and_what_it_is_about(staff_factory):
    sanne = staff_factory("cci_handler", "sanne")
    by_system = audit_record(actor=None, action="a")
    by_reporter = audit_record(actor=None, action="a", actor_label="reporter")
    by_staff = audit_record(actor=sanne, action="a", target=sanne)
    named = audit_record(actor=sanne, action="a", actor_label="on behalf", target=("intake.report", 7))
    assert [e.actor_label for e in (by_system, by_reporter, by_staff, named)] == ["system", "reporter", "sanne", "on behalf"]
    assert (by_system.target_type, by_system.target_id) == ("", "")
    assert (by_staff.target_type, by_staff.target_id) == ("accounts.user", str(sanne.pk))
    assert (named.target_type, named.target_id) == ("intake.report", "7")
    assert AuditEvent.objects.get(pk=by_staff.pk).actor == sanne
    assert audit_verify() == []


def test_an_empty_reason_is_not_sealed_and_a_given_one_is_bound_to_its_place_in_the_chain(staff_factory):
    handler = staff_factory("cci_handler")
    blank = audit_record(actor=handler, action="a", reason="")
    missing = audit_record(actor=handler, action="a", reason=None)
    assert AuditEvent.objects.get(pk=blank.pk).detail == {"reason": ""} and blank.sealed_detail is None
    assert AuditEvent.objects.get(pk=missing.pk).detail == {"reason": None} and blank.wrapped_key == ""
    assert audit_private_detail(blank) == {}

    given = audit_record(actor=handler, action="a", reason="Because")
    stored = AuditEvent.objects.get(pk=given.pk)
    assert stored.wrapped_key and stored.detail == {"sealed": ["reason"]}
    data_key = crypto.unwrap_data_key(stored.wrapped_key)
    aad = f"audit_auditevent:{stored.previous_hash}:sealed_detail"
    assert json.loads(crypto.open_text(data_key, stored.sealed_detail, aad=aad)) == {"reason": "Because"}
    assert audit_private_detail(stored) == {"reason": "Because"}
    # Moved elsewhere in the chain (another previous hash), or damaged: nothing readable, no error.
    stored.previous_hash = "e" * 64
    assert audit_private_detail(stored) == {}
    stored.refresh_from_db()
    stored.sealed_detail = bytes(stored.sealed_detail)[:-1] + b"\x00"
    assert audit_private_detail(stored) == {}


def test_the_signed_head_names_the_newest_event_and_counts_them():
    moment = datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC)
    key_id = crypto.audit_key_id()
    with time_machine.travel(moment, tick=False):
        empty = services.audit_head_signed()
        assert empty == {
            "chain": "hmac-v2", "at": "2026-05-06T07:08:09+00:00", "last_id": 0, "last_hash": GENESIS_HASH,
            "events": 0, "key_id": key_id,
            "signature": crypto.audit_mac(f'["head","hmac-v2",0,"{GENESIS_HASH}"]'.encode(), key_id=key_id),
        }
        events = [audit_record(actor=None, action="a") for _ in range(3)]
        head = services.audit_head_signed()
    assert (head["last_id"], head["last_hash"], head["events"]) == (events[-1].id, events[-1].hash, 3)
    assert head["signature"] == crypto.audit_mac(f'["head","hmac-v2",{events[-1].id},"{events[-1].hash}"]'.encode(), key_id=key_id)


def test_the_daily_publication_logs_the_signed_head_as_sorted_json(caplog):
    audit_record(actor=None, action="a")
    caplog.set_level("INFO", logger="meldpunt.audit.head")
    head = services.audit_head_publish()
    [record] = [r for r in caplog.records if r.name == "meldpunt.audit.head"]
    assert record.levelname == "WARNING"
    assert record.getMessage() == "audit chain head " + json.dumps(head, sort_keys=True)
    assert head == {**services.audit_head_signed(), "at": head["at"]}


def test_what_verify_says_about_published_heads():
    events = [audit_record(actor=None, action="a") for _ in range(2)]
    good = services.audit_head_signed()
    empty_trail_head = {**good, "last_id": 0, "last_hash": GENESIS_HASH,
                        "signature": crypto.audit_mac(f'["head","hmac-v2",0,"{GENESIS_HASH}"]'.encode(), key_id=good["key_id"])}
    assert audit_verify(published=[good, empty_trail_head]) == []

    forged = {**good, "last_id": events[0].id}  # signature of another head
    unsigned = {key: value for key, value in good.items() if key not in ("signature", "at")}
    not_a_number = {**good, "last_id": "seven"}
    no_id = {**good, "last_id": None}
    unknown_key = {**good, "key_id": "gone"}
    problems = audit_verify(published=[forged, unsigned, not_a_number, no_id, unknown_key])
    mismatch = "its signature does not match (not ours, or altered)"
    at = good["at"]
    assert problems == [
        f"published head of {at}: {mismatch}",
        f"published head of ?: {mismatch}",
        f"published head of {at}: {mismatch}",
        f"published head of {at}: {mismatch}",
        f"published head of {at}: {mismatch}",
    ]

    AuditEvent.objects.filter(pk=events[1].pk).update(action="rewritten", hash="9" * 64)
    AuditChainHead.objects.update(last_hash="9" * 64)
    problems = audit_verify(published=[good, {k: v for k, v in good.items() if k != "at"}])
    assert problems[-2:] == [
        f"published head of {at}: event {events[1].id} is gone or altered "
        "(the trail was cut back or rewritten after it was published)",
        f"published head of ?: event {events[1].id} is gone or altered "
        "(the trail was cut back or rewritten after it was published)",
    ]


def test_a_published_event_put_back_under_another_id_is_not_the_event_that_was_published():
    events = [audit_record(actor=None, action="a") for _ in range(2)]
    published = services.audit_head_signed()
    last = AuditEvent.objects.filter(pk=events[1].pk)
    row = last.values().get()
    last.delete()
    AuditEvent.objects.create(**{**row, "id": events[1].id + 10})  # the same hash, the same place in the chain
    assert f"published head of {published['at']}: event {events[1].id} is gone or altered " \
           "(the trail was cut back or rewritten after it was published)" in audit_verify(published=[published])


def test_appending_an_event_updates_only_the_head_s_four_columns():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    audit_record(actor=None, action="a")
    with CaptureQueriesContext(connection) as queries:
        audit_record(actor=None, action="b")
    [update] = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "audit_auditchainhead"')]
    assigned = update.split(" SET ", 1)[1].split(" WHERE ", 1)[0]
    assert sorted(part.split(" = ")[0].strip('"') for part in assigned.split(", ")) == ["key_id", "last_hash", "last_id", "mac"]


def test_the_chain_s_head_is_the_row_numbered_one_whatever_else_is_in_the_table():
    first = audit_record(actor=None, action="a")
    AuditChainHead.objects.create(constraints_id=2, last_hash="f" * 64, last_id=999)  # a stray row, not the head
    second = audit_record(actor=None, action="b")
    assert second.previous_hash == first.hash
    assert AuditChainHead.objects.get(constraints_id=1).last_id == second.id
    assert AuditChainHead.objects.get(constraints_id=2).last_id == 999
    assert audit_verify() == []
