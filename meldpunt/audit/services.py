from __future__ import annotations

import base64
import json
import logging

from django.db import models, transaction
from django.utils import timezone

from meldpunt import crypto

from .models import AuditChainHead, AuditEvent

GENESIS_HASH = "0" * 64
CHAIN_VERSION = "hmac-v2"
# Free text typed by staff (why an original was opened, why someone is excluded): sealed, never plain.
PRIVATE_DETAIL_KEYS = ("reason",)
head_log = logging.getLogger("meldpunt.audit.head")


def event_payload(*, key_id: str, previous_hash: str, at, actor_id, actor_label: str, action: str, target_type: str,
                  target_id: str, detail: dict, sealed_detail: bytes | None) -> bytes:
    """Every column of an event (the wrapped data key aside, which KEK rotation re-wraps), canonically."""
    sealed = base64.b64encode(bytes(sealed_detail)).decode() if sealed_detail else ""
    return json.dumps(
        [CHAIN_VERSION, key_id, previous_hash, at.isoformat(), actor_id, actor_label, action, target_type,
         target_id, detail, sealed],
        sort_keys=True, separators=(",", ":"), default=str,
    ).encode()


def _event_mac(event: AuditEvent) -> str:
    return crypto.audit_mac(_payload_of(event), key_id=event.key_id)


def head_payload(*, last_id: int, last_hash: str) -> bytes:
    return json.dumps(["head", CHAIN_VERSION, last_id, last_hash], separators=(",", ":")).encode()


def _target(target) -> tuple[str, str]:
    if target is None:
        return "", ""
    if isinstance(target, models.Model):
        return target._meta.label_lower, str(target.pk)
    kind, ident = target
    return kind, str(ident)


def _private_aad(previous_hash: str) -> str:
    return f"audit_auditevent:{previous_hash}:sealed_detail"


def audit_record(*, actor, action: str, target=None, actor_label: str = "", **detail) -> AuditEvent:
    """Append one event to the keyed hash chain. Call it inside the transaction of the change it records.

    `actor` is a staff user or None (then `actor_label` says who: "reporter" or "system").
    `detail` must never hold report content: ids and states are fine; a reason typed by staff is
    sealed (PRIVATE_DETAIL_KEYS), readable only through `audit_private_detail`.
    """
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(
            constraints_id=1, defaults={"last_hash": GENESIS_HASH}
        )
        target_type, target_id = _target(target)
        label = actor_label or (actor.get_username() if actor is not None else "system")
        private = {key: detail.pop(key) for key in PRIVATE_DETAIL_KEYS if detail.get(key) not in (None, "")}
        sealed, wrapped = None, ""
        if private:
            data_key = crypto.generate_data_key()
            wrapped = crypto.wrap_data_key(data_key)
            sealed = crypto.seal_text(data_key, json.dumps(private), aad=_private_aad(head.last_hash))
            detail["sealed"] = sorted(private)
        event = AuditEvent(
            at=timezone.now(), actor=actor, actor_label=label, action=action, target_type=target_type,
            target_id=target_id, detail=detail, sealed_detail=sealed, wrapped_key=wrapped,
            key_id=crypto.audit_key_id(), previous_hash=head.last_hash,
        )
        event.hash = _event_mac(event)
        event.save()
        head.last_hash, head.last_id, head.key_id = event.hash, event.id, event.key_id
        head.mac = crypto.audit_mac(head_payload(last_id=event.id, last_hash=event.hash), key_id=event.key_id)
        head.save(update_fields=["last_hash", "last_id", "key_id", "mac"])
        return event


def audit_private_detail(event: AuditEvent) -> dict:
    """The sealed part of an event's detail (e.g. the reason given), for the pages that may show it."""
    if not event.sealed_detail:
        return {}
    try:
        data_key = crypto.unwrap_data_key(event.wrapped_key)
        return json.loads(crypto.open_text(data_key, event.sealed_detail, aad=_private_aad(event.previous_hash)))
    except crypto.DecryptionError:
        return {}


def audit_head_signed() -> dict:
    """The chain's newest event, signed with the audit key: published daily (log) and exported."""
    last = AuditEvent.objects.order_by("-id").values("id", "hash").first() or {"id": 0, "hash": GENESIS_HASH}
    key_id = crypto.audit_key_id()
    head = {
        "chain": CHAIN_VERSION, "at": timezone.now().isoformat(), "last_id": last["id"], "last_hash": last["hash"],
        "events": AuditEvent.objects.count(), "key_id": key_id,
    }
    head["signature"] = crypto.audit_mac(head_payload(last_id=head["last_id"], last_hash=head["last_hash"]), key_id=key_id)
    return head


def audit_head_publish() -> dict:
    head = audit_head_signed()
    head_log.warning("audit chain head %s", json.dumps(head, sort_keys=True))
    return head


def _published_problems(published: list[dict]) -> list[str]:
    problems = []
    for head in published:
        try:
            signed = crypto.audit_mac_matches(
                head_payload(last_id=int(head["last_id"]), last_hash=head["last_hash"]), head["signature"],
                key_id=head["key_id"],
            )
        except (KeyError, ValueError, TypeError, crypto.DecryptionError):
            signed = False
        if not signed:
            problems.append(f"published head of {head.get('at', '?')}: its signature does not match (not ours, or altered)")
            continue
        if head["last_id"] and not AuditEvent.objects.filter(id=head["last_id"], hash=head["last_hash"]).exists():
            problems.append(
                f"published head of {head.get('at', '?')}: event {head['last_id']} is gone or altered "
                "(the trail was cut back or rewritten after it was published)"
            )
    return problems


def audit_verify(*, published: list[dict] | None = None) -> list[str]:
    """Walk the chain; return a line for every event that was altered, removed or inserted, a head that
    was removed or moved, and every published head the trail no longer contains."""
    problems = []
    previous = GENESIS_HASH
    last_id = 0
    events = AuditEvent.objects.order_by("id")
    for event in events.iterator(chunk_size=2000):  # pragma: no mutate (how many rows are fetched at a time)
        if event.previous_hash != previous:
            problems.append(f"event {event.id}: chain broken before it (an event was removed or inserted after id {last_id})")
        try:
            intact = crypto.audit_mac_matches(_payload_of(event), event.hash, key_id=event.key_id)
        except crypto.DecryptionError as exc:
            problems.append(f"event {event.id}: cannot be checked ({exc})")
        else:
            if not intact:
                problems.append(f"event {event.id}: altered (its content no longer matches its hash)")
        previous = event.hash
        last_id = event.id
    head = AuditChainHead.objects.filter(constraints_id=1).first()
    if head is None:
        if last_id:
            problems.append("the chain head is missing: the newest event(s) may have been removed")
    else:
        try:
            head_signed = bool(head.key_id) and crypto.audit_mac_matches(
                head_payload(last_id=head.last_id, last_hash=head.last_hash), head.mac, key_id=head.key_id
            )
        except crypto.DecryptionError:
            head_signed = False
        if head.last_id != last_id or head.last_hash != previous:
            problems.append(f"the newest event(s) after id {last_id} were removed")
        elif not head_signed and last_id:
            problems.append("the chain head was altered (its signature does not match)")
    problems.extend(_published_problems(published or []))
    return problems


def _payload_of(event: AuditEvent) -> bytes:
    return event_payload(
        key_id=event.key_id, previous_hash=event.previous_hash, at=event.at, actor_id=event.actor_id,
        actor_label=event.actor_label, action=event.action, target_type=event.target_type, target_id=event.target_id,
        detail=event.detail, sealed_detail=event.sealed_detail,
    )
