from __future__ import annotations

import hashlib
import json

from django.db import models, transaction
from django.utils import timezone

from .models import AuditChainHead, AuditEvent

GENESIS_HASH = "0" * 64


def event_hash(*, previous_hash: str, at, actor_label: str, action: str, target_type: str, target_id: str, detail: dict) -> str:
    payload = json.dumps(
        [previous_hash, at.isoformat(), actor_label, action, target_type, target_id, detail],
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _target(target) -> tuple[str, str]:
    if target is None:
        return "", ""
    if isinstance(target, models.Model):
        return target._meta.label_lower, str(target.pk)
    kind, ident = target
    return kind, str(ident)


def audit_record(*, actor, action: str, target=None, actor_label: str = "", **detail) -> AuditEvent:
    """Append one event to the hash chain. Call it inside the transaction of the change it records.

    `actor` is a staff user or None (then `actor_label` says who: "reporter" or "system").
    `detail` must never hold report content: ids, states, reasons given by staff are fine.
    """
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(
            constraints_id=1, defaults={"last_hash": GENESIS_HASH}
        )
        target_type, target_id = _target(target)
        label = actor_label or (actor.get_username() if actor is not None else "system")
        at = timezone.now()
        digest = event_hash(
            previous_hash=head.last_hash, at=at, actor_label=label, action=action,
            target_type=target_type, target_id=target_id, detail=detail,
        )
        event = AuditEvent.objects.create(
            at=at, actor=actor, actor_label=label, action=action, target_type=target_type,
            target_id=target_id, detail=detail, previous_hash=head.last_hash, hash=digest,
        )
        head.last_hash = digest
        head.save(update_fields=["last_hash"])
        return event


def audit_verify() -> list[str]:
    """Walk the chain; return a line for every event that was altered, removed or inserted."""
    problems = []
    previous = GENESIS_HASH
    last_id = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.previous_hash != previous:
            problems.append(f"event {event.id}: chain broken before it (an event was removed or inserted after id {last_id})")
        expected = event_hash(
            previous_hash=event.previous_hash, at=event.at, actor_label=event.actor_label, action=event.action,
            target_type=event.target_type, target_id=event.target_id, detail=event.detail,
        )
        if expected != event.hash:
            problems.append(f"event {event.id}: altered (its content no longer matches its hash)")
        previous = event.hash
        last_id = event.id
    head = AuditChainHead.objects.filter(constraints_id=1).first()
    if head is not None and head.last_hash != previous:
        problems.append(f"the newest event(s) after id {last_id} were removed")
    return problems
