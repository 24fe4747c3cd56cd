from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One append-only line of the audit trail.

    `hash` is an HMAC (key outside the database, meldpunt/crypto.py) over every column of the event,
    the actor's id included, and the previous event's hash. Free text given by staff (a reason) is
    not kept readable in `detail`: it is sealed in `sealed_detail` under the event's own data key.
    """

    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    actor_label = models.CharField(max_length=150, help_text="Username, or 'reporter' / 'system'.")
    action = models.CharField(max_length=80, db_index=True)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True, db_index=True)
    detail = models.JSONField(default=dict, blank=True)
    sealed_detail = models.BinaryField(null=True, blank=True, editable=False)
    wrapped_key = models.CharField(max_length=120, blank=True, editable=False)
    key_id = models.CharField(max_length=40, blank=True, help_text="The audit key the hash was made with.")
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["target_type", "target_id", "id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor_label} {self.action} {self.target_type}:{self.target_id}"


class AuditChainHead(models.Model):
    """A single row locked while appending, so concurrent writers extend the chain one at a time.

    It names the newest event and carries an HMAC over (id, hash), so the tail cannot be cut off and
    the head moved back without the key."""

    last_hash = models.CharField(max_length=64)
    last_id = models.BigIntegerField(default=0)
    key_id = models.CharField(max_length=40, blank=True)
    mac = models.CharField(max_length=64, blank=True)
    constraints_id = models.PositiveSmallIntegerField(default=1, unique=True)

    def __str__(self):
        return f"audit chain head {self.last_hash[:12]}"
