"""A sealed record's fields: nothing typed seals as an empty text, a field never sealed reads as empty,
and the record's data key is unwrapped once however many fields are read, and again only when the
wrapped key itself changes (a rotation to a new key-encryption key)."""

import pytest

from meldpunt import crypto
from meldpunt.channels.models import ManagerDraft


@pytest.fixture
def unwraps(monkeypatch):
    calls = []
    real = crypto.unwrap_data_key

    def counting(wrapped):
        calls.append(wrapped)
        return real(wrapped)

    monkeypatch.setattr(crypto, "unwrap_data_key", counting)
    return calls


def test_nothing_typed_is_sealed_as_an_empty_text():
    draft = ManagerDraft()
    draft.seal("narrative", None)
    assert draft.narrative_sealed and draft.unseal("narrative") == ""


def test_a_field_never_sealed_reads_as_empty():
    assert ManagerDraft().unseal("narrative") == ""


def test_the_data_key_is_unwrapped_once_for_every_field_read(unwraps):
    draft = ManagerDraft()
    draft.seal("narrative", "De consul nam geld aan.")
    for _ in range(3):
        assert draft.unseal("narrative") == "De consul nam geld aan."
    assert len(unwraps) == 1


def test_a_rewrapped_key_is_unwrapped_anew(unwraps, settings):
    draft = ManagerDraft()
    draft.seal("narrative", "Vertrouwelijk.")
    settings.MELDPUNT_KEKS = f"{crypto.generate_kek_entry('new')},{settings.MELDPUNT_KEKS}"
    draft.wrapped_key = crypto.rewrap_data_key(draft.wrapped_key)
    unwraps.clear()
    assert draft.unseal("narrative") == "Vertrouwelijk."
    assert unwraps == [draft.wrapped_key] and draft.wrapped_key.startswith("new:")
