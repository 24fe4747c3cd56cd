"""The keys held outside the database: how the key settings are read, and what each refusal says.

An operator who mistypes MELDPUNT_KEKS or MELDPUNT_AUDIT_KEYS must be told which entry is wrong and how
to make a good one, before the portal starts; and the audit chain's key must be exactly the one the
settings name (or, without one, the one derived from the current key-encryption key), since events
chained under another key no longer verify.
"""

import base64
import hashlib
import hmac

import pytest
from django.test import override_settings

from meldpunt import crypto

KEY_A = bytes(range(32))
KEY_B = bytes(range(100, 132))
ENTRY_A = f"a:{base64.b64encode(KEY_A).decode()}"
ENTRY_B = f"b:{base64.b64encode(KEY_B).decode()}"
HOW_TO = "(make one with: python -c \"import base64, os; print(base64.b64encode(os.urandom(32)).decode())\")."


# --- the key settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spec, named",
    [
        (f":{base64.b64encode(KEY_A).decode()}", "'?'"),  # no id
        ("a:" + base64.b64encode(bytes(31)).decode(), "'a'"),  # 31 bytes
        ("a:not base64!", "'a'"),
        ("a:" + base64.b64encode(KEY_A).decode()[:10] + "!" + base64.b64encode(KEY_A).decode()[10:], "'a'"),  # a stray character
        (f"a:b:{base64.b64encode(KEY_A).decode()}", "'a'"),  # an id holds no ":"
    ],
    ids=["no id", "short key", "not base64", "stray character", "colon in the id"],
)
def test_a_malformed_key_entry_is_named_and_the_message_says_how_to_make_one(spec, named):
    with pytest.raises(ValueError) as refused:
        crypto.check_kek_spec(spec)
    assert str(refused.value) == f"key {named}: each key-encryption key must be 'id:base64' with 32 bytes of key {HOW_TO}"


def test_the_same_key_id_twice_is_refused():
    with pytest.raises(ValueError) as refused:
        crypto.check_kek_spec(f"{ENTRY_A},{ENTRY_A}")
    assert str(refused.value) == "key id 'a' is used twice."


@pytest.mark.parametrize("spec", ["", " , ", ","])
def test_no_key_at_all_is_refused(spec):
    with pytest.raises(ValueError) as refused:
        crypto.check_kek_spec(spec)
    assert str(refused.value) == "No key-encryption key configured."


def test_the_first_key_is_current_and_spaces_around_entries_do_not_matter():
    with override_settings(MELDPUNT_KEKS=f" {ENTRY_B} , {ENTRY_A} "):
        assert crypto.current_kek_id() == "b"
        assert crypto.wrapped_key_id(crypto.wrap_data_key(bytes(32))) == "b"


# --- wrapped data keys ---------------------------------------------------------------------------------


def test_a_destroyed_data_key_says_so():
    with pytest.raises(crypto.KeyDestroyedError) as refused:
        crypto.unwrap_data_key("")
    assert str(refused.value) == "This record's data key was destroyed."


def test_a_wrapped_key_with_a_stray_character_does_not_unwrap():
    with override_settings(MELDPUNT_KEKS=ENTRY_A):
        key_id, _, encoded = crypto.wrap_data_key(bytes(32)).partition(":")
        with pytest.raises(crypto.DecryptionError) as refused:
            crypto.unwrap_data_key(f"{key_id}:{encoded[:8]}!{encoded[8:]}")
    assert str(refused.value) == "Data key does not open under key-encryption key 'a'."


def test_a_data_key_wrapped_by_a_key_no_longer_configured_names_that_key():
    with override_settings(MELDPUNT_KEKS=ENTRY_B):
        wrapped = crypto.wrap_data_key(bytes(32))
    with override_settings(MELDPUNT_KEKS=ENTRY_A), pytest.raises(crypto.DecryptionError) as refused:
        crypto.unwrap_data_key(wrapped)
    assert str(refused.value) == "Key-encryption key 'b' is not configured."


# --- sealed fields at their shortest -------------------------------------------------------------------


def test_the_shortest_sealed_field_is_an_empty_text_and_anything_shorter_is_not_a_sealed_value():
    sealed = crypto.seal_text(KEY_A, "", aad="t:1:f")
    assert len(sealed) == 1 + 12 + crypto.TAG_SIZE
    assert crypto.open_text(KEY_A, sealed, aad="t:1:f") == ""
    with pytest.raises(crypto.DecryptionError) as refused:
        crypto.open_text(KEY_A, sealed[:-1], aad="t:1:f")
    assert str(refused.value) == "Not a sealed value."
    with pytest.raises(crypto.DecryptionError) as refused:
        crypto.open_text(KEY_A, sealed, aad="t:2:f")
    assert str(refused.value) == "Sealed value does not open for t:2:f."


# --- the audit chain's key -----------------------------------------------------------------------------


def test_an_audit_key_set_apart_is_used_as_given_and_old_ones_still_verify():
    payload = b"event 1"
    with override_settings(MELDPUNT_AUDIT_KEYS=f"{ENTRY_B},{ENTRY_A}"):
        assert crypto.audit_key_id() == "b"
        assert crypto.audit_mac(payload, key_id="b") == hmac.new(KEY_B, payload, hashlib.sha256).hexdigest()
        old = crypto.audit_mac(payload, key_id="a")
        assert old == hmac.new(KEY_A, payload, hashlib.sha256).hexdigest()
        assert crypto.audit_mac_matches(payload, old, key_id="a")
        assert not crypto.audit_mac_matches(b"event 2", old, key_id="a")
        assert not crypto.audit_mac_matches(payload, old, key_id="b")


DERIVED_MAC_A = "14e961980ba12f6fdfdb9a751c2553bfb4f0c06973e76040604316d541b55f77"


def test_without_an_audit_key_one_is_derived_from_each_key_encryption_key():
    with override_settings(MELDPUNT_AUDIT_KEYS="", MELDPUNT_KEKS=f"{ENTRY_A},{ENTRY_B}"):
        assert crypto.audit_key_id() == "kek-a"
        # HKDF-SHA256 of the KEK, no salt, info "meldpunt-audit-chain", 32 bytes: pinned, so a derived chain
        # made today still verifies in every later version.
        assert crypto.audit_mac(b"event 1", key_id="kek-a") == DERIVED_MAC_A
        assert crypto.audit_mac(b"event 1", key_id="kek-b") != DERIVED_MAC_A  # each KEK derives its own


def test_an_audit_key_that_is_not_configured_is_named():
    with override_settings(MELDPUNT_AUDIT_KEYS=ENTRY_A), pytest.raises(crypto.DecryptionError) as refused:
        crypto.audit_mac(b"event", key_id="kek-a")
    assert str(refused.value) == "Audit key 'kek-a' is not configured."
