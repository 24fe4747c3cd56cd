"""Re-wrap every data key under the current key-encryption key (the first in MELDPUNT_KEKS).

Only the small wrapped keys change; no field and no file is re-encrypted. Every record stays
readable throughout, because a data key itself never changes and both KEKs are configured while
this runs. Safe to run again: records already under the current KEK are left alone. Afterwards the
old KEK can be removed from MELDPUNT_KEKS.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from meldpunt import crypto
from meldpunt.audit.models import AuditEvent
from meldpunt.audit.services import audit_record
from meldpunt.sealed import SealedRecord

BATCH = 500


def sealed_record_models():
    return [m for m in apps.get_models() if issubclass(m, SealedRecord) and not m._meta.abstract and not m._meta.proxy]


class Command(BaseCommand):
    help = "Re-wrap every record's data key under the current key-encryption key (no data is re-encrypted)."

    def handle(self, *args, **options):
        current = crypto.current_kek_id()
        total = 0
        for model in sealed_record_models():
            rewrapped = 0
            stale = model.objects.exclude(wrapped_key="").exclude(wrapped_key__startswith=f"{current}:")
            while True:
                batch = list(stale.values_list("pk", "wrapped_key")[:BATCH])
                if not batch:
                    break
                with transaction.atomic():
                    for pk, wrapped in batch:
                        # Conditional on the old value: a key shredded meanwhile is not brought back.
                        rewrapped += model.objects.filter(pk=pk, wrapped_key=wrapped).update(
                            wrapped_key=crypto.rewrap_data_key(wrapped)
                        )
                if len(batch) < BATCH:
                    break
            remaining = model.objects.exclude(wrapped_key="").exclude(wrapped_key__startswith=f"{current}:").count()
            self.stdout.write(f"{model._meta.label}: {rewrapped} re-wrapped, {remaining} left under an older key")
            total += rewrapped
        # The sealed reasons in the audit trail have their own data keys (not covered by the chain's HMAC).
        audit_rewrapped = 0
        for pk, wrapped in AuditEvent.objects.exclude(wrapped_key="").exclude(wrapped_key__startswith=f"{current}:").values_list("pk", "wrapped_key").iterator():
            audit_rewrapped += AuditEvent.objects.filter(pk=pk, wrapped_key=wrapped).update(wrapped_key=crypto.rewrap_data_key(wrapped))
        self.stdout.write(f"{AuditEvent._meta.label}: {audit_rewrapped} re-wrapped")
        total += audit_rewrapped
        with transaction.atomic():
            audit_record(actor=None, action="crypto.kek_rotated", target=None, kek=current, rewrapped=total)
        self.stdout.write(self.style.SUCCESS(f"Done: {total} data keys now under key-encryption key {current!r}."))
        if not settings.MELDPUNT_AUDIT_KEYS:
            self.stdout.write(
                "Note: the audit chain's key is derived from the key-encryption keys (MELDPUNT_AUDIT_KEYS is unset): "
                "keep the old KEK configured for verify_audit to check older events, or set MELDPUNT_AUDIT_KEYS."
            )
