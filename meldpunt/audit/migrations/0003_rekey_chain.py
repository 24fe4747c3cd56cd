"""Re-key the audit trail: the unkeyed SHA-256 chain becomes the HMAC chain (security M4), and reasons
typed by staff move out of the readable detail into a sealed part (L11).

The old chain is checked first; what was found is recorded in a last event, `audit.chain_rekeyed`,
with the old head, so the re-keying itself is on the trail. The payload functions are the services'
at the time of this migration (CHAIN_VERSION hmac-v2); a later chain version brings its own migration.
"""

import hashlib
import json

from django.db import migrations
from django.utils import timezone

GENESIS_HASH = "0" * 64


def _old_hash(event, previous_hash):
    payload = json.dumps(
        [previous_hash, event.at.isoformat(), event.actor_label, event.action, event.target_type, event.target_id, event.detail],
        sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def rekey(apps, schema_editor):
    from meldpunt import crypto
    from meldpunt.audit.services import PRIVATE_DETAIL_KEYS, _private_aad, event_payload, head_payload

    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    if not AuditEvent.objects.exists():
        return
    key_id = crypto.audit_key_id()
    old_previous, old_problems, previous, count = GENESIS_HASH, 0, GENESIS_HASH, 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.previous_hash != old_previous or _old_hash(event, event.previous_hash) != event.hash:
            old_problems += 1
        old_previous = event.hash
        private = {k: event.detail.pop(k) for k in PRIVATE_DETAIL_KEYS if event.detail.get(k) not in (None, "")}
        if private:
            data_key = crypto.generate_data_key()
            event.wrapped_key = crypto.wrap_data_key(data_key)
            event.sealed_detail = crypto.seal_text(data_key, json.dumps(private), aad=_private_aad(previous))
            event.detail["sealed"] = sorted(private)
        elif event.sealed_detail:
            raise RuntimeError("audit event with sealed detail before re-keying")
        event.key_id, event.previous_hash = key_id, previous
        event.hash = crypto.audit_mac(_payload(event_payload, event), key_id=key_id)
        event.save(update_fields=["detail", "sealed_detail", "wrapped_key", "key_id", "previous_hash", "hash"])
        previous, count = event.hash, count + 1
    detail = {"old_head": old_previous, "old_events": count, "old_chain_problems": old_problems, "chain": "hmac-v2"}
    event = AuditEvent(
        at=timezone.now(), actor=None, actor_label="system", action="audit.chain_rekeyed", detail=detail,
        key_id=key_id, previous_hash=previous,
    )
    event.hash = crypto.audit_mac(_payload(event_payload, event), key_id=key_id)
    event.save()
    AuditChainHead.objects.update_or_create(constraints_id=1, defaults={
        "last_hash": event.hash, "last_id": event.id, "key_id": key_id,
        "mac": crypto.audit_mac(head_payload(last_id=event.id, last_hash=event.hash), key_id=key_id),
    })


def _payload(event_payload, event):
    return event_payload(
        key_id=event.key_id, previous_hash=event.previous_hash, at=event.at, actor_id=event.actor_id,
        actor_label=event.actor_label, action=event.action, target_type=event.target_type, target_id=event.target_id,
        detail=event.detail, sealed_detail=event.sealed_detail,
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_keyed_chain")]
    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
