"""Field-by-field encryption at rest for models.

A model that holds sensitive text inherits `SealedRecord` (it owns a data key) or `SealedChild` (it
uses the data key of the record it belongs to, so shredding the owner shreds it too). Each sealed
field is a BinaryField named `<field>_sealed`; read and write it with `unseal()` and `seal()`.
Primary keys are UUIDs made in Python, so the associated data can name the row before it is saved.
"""

from __future__ import annotations

from django.db import models

from meldpunt import crypto


class _Sealing(models.Model):
    class Meta:
        abstract = True

    def key_owner(self) -> SealedRecord:
        raise NotImplementedError

    def _aad(self, field: str) -> str:
        return f"{self._meta.db_table}:{self.pk}:{field}"

    def seal(self, field: str, value: str) -> None:
        setattr(self, f"{field}_sealed", crypto.seal_text(self.key_owner().data_key(), value or "", aad=self._aad(field)))

    def unseal(self, field: str) -> str:
        sealed = getattr(self, f"{field}_sealed")
        if not sealed:
            return ""
        return crypto.open_text(self.key_owner().data_key(), sealed, aad=self._aad(field))


class SealedRecord(_Sealing):
    """A record with its own data key, wrapped by the key-encryption key."""

    wrapped_key = models.TextField(blank=True, editable=False, help_text="Data key wrapped by the KEK; empty once shredded.")

    class Meta:
        abstract = True

    def key_owner(self) -> SealedRecord:
        return self

    def data_key(self) -> bytes:
        if not self.wrapped_key and self._state.adding:
            self.wrapped_key = crypto.wrap_data_key(crypto.generate_data_key())
        cached = getattr(self, "_data_key_cache", None)
        if cached is None or cached[0] != self.wrapped_key:
            cached = (self.wrapped_key, crypto.unwrap_data_key(self.wrapped_key))
            self._data_key_cache = cached
        return cached[1]

    @property
    def is_shredded(self) -> bool:
        return not self.wrapped_key and not self._state.adding


class SealedChild(_Sealing):
    """A record sealed under its owner's data key (set `sealed_owner_field`)."""

    sealed_owner_field = ""

    class Meta:
        abstract = True

    def key_owner(self) -> SealedRecord:
        return getattr(self, self.sealed_owner_field)
