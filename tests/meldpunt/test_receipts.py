"""Receipt codes: normalising what people type, rate limits, and never telling whether a code exists."""

import pytest
from django.test import override_settings

from meldpunt.intake import receipts, services
from meldpunt.intake.services import MailboxAccess


def test_spaces_dashes_and_other_scripts_digits_are_read_as_the_same_code():
    code = "123456789012345678901234"
    assert receipts.normalise("1234 5678-9012 3456 7890 1234") == code
    arabic_indic = "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣٤"
    assert receipts.normalise(arabic_indic) == code
    assert receipts.normalise("1234") is None
    assert receipts.normalise("12345678901234567890123x") is None
    assert receipts.normalise("") is None


@pytest.mark.django_db
def test_the_right_code_opens_the_mailbox_and_a_wrong_one_does_not(report_factory):
    submitted = report_factory()
    outcome, report = services.mailbox_open(typed_code=receipts.display(submitted.receipt_code))
    assert outcome == MailboxAccess.OK and report == submitted.report
    wrong = submitted.receipt_code[:8] + "0" * 16
    assert services.mailbox_open(typed_code=wrong) == (MailboxAccess.WRONG, None)


@pytest.mark.django_db
@override_settings(RECEIPT_FAILED_ATTEMPTS_PER_CODE=3, RECEIPT_LOCKED_INTERVAL_SECONDS=600, RECEIPT_QUEUE_SECONDS=0)
def test_wrong_codes_slow_a_lookup_whether_or_not_it_exists(report_factory):
    existing = report_factory().receipt_code
    unknown = "99999999" + "1" * 16
    for lookup_code in (existing[:8] + "0" * 16, unknown):
        answers = [services.mailbox_open(typed_code=lookup_code)[0] for _ in range(5)]
        # Three wrong, then the lookup is slowed: "try again shortly" until its next check.
        assert answers == [MailboxAccess.WRONG] * 3 + [MailboxAccess.WAIT] * 2


@pytest.mark.django_db
@override_settings(RECEIPT_FAILED_ATTEMPTS_PER_CODE=100)
def test_wrong_codes_on_many_lookups_lock_no_one_out(report_factory):
    """No site-wide lockout (security review H3): the Argon2 gate protects the CPU instead."""
    existing = report_factory().receipt_code
    answers = [services.mailbox_open(typed_code=f"{n:08d}" + "0" * 16)[0] for n in range(70)]
    assert set(answers) == {MailboxAccess.WRONG}
    assert services.mailbox_open(typed_code=existing)[0] == MailboxAccess.OK


def test_codes_are_random_digits_of_the_full_length():
    codes = {receipts.random_digits(24) for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 24 and c.isdigit() for c in codes)


def test_the_receipt_hash_cost_is_tunable_and_older_codes_keep_opening(settings):
    from meldpunt.intake.receipts import hash_secret, secret_matches

    settings.RECEIPT_HASH_TIME_COST, settings.RECEIPT_HASH_MEMORY_KIB = 1, 1024
    cheap = hash_secret("1234567890123456")
    settings.RECEIPT_HASH_TIME_COST, settings.RECEIPT_HASH_MEMORY_KIB = 2, 2048
    dearer = hash_secret("1234567890123456")
    assert "m=1024,t=1" in cheap and "m=2048,t=2" in dearer
    assert secret_matches(cheap, "1234567890123456") and secret_matches(dearer, "1234567890123456")
    assert not secret_matches(cheap, "1234567890123457")


def test_a_lookup_s_wrong_tries_are_kept_exactly_as_long_as_their_window_and_no_longer(monkeypatch):
    """The count of wrong codes for one lookup lives until its window ends (plus the second the cache
    rounds away), is gone the moment the window ends, and clearing one lookup leaves the others."""
    from django.core.cache import cache

    clock = {"now": 1_900_000_000.0}
    monkeypatch.setattr(receipts.time, "time", lambda: clock["now"])  # the cache's clock too
    kept = []
    real_set = cache.set
    monkeypatch.setattr(receipts.cache, "set", lambda key, value, timeout=None: (kept.append((key, timeout)), real_set(key, value, timeout))[1])
    now = clock["now"]

    receipts._save_state("11112222", receipts.LookupState(failures=3, window_end=now + 600.5, next_check_at=now))
    receipts._save_state("33334444", receipts.LookupState(failures=1, window_end=now + 60, next_check_at=now))
    receipts._save_state("55556666", receipts.LookupState(failures=2, window_end=now + 30, next_check_at=now))
    assert kept == [("receipt-lookup:11112222", 601), ("receipt-lookup:33334444", 61), ("receipt-lookup:55556666", 31)]
    assert receipts.lookup_state("11112222").failures == 3

    # A window that ends now: its tries are removed, not stored again, and the other lookups keep theirs.
    receipts._save_state("55556666", receipts.LookupState(failures=2, window_end=now, next_check_at=now))
    assert cache.get("receipt-lookup:55556666") is None
    assert len(kept) == 3, "an ended window is deleted, not stored again"
    assert receipts.lookup_state("33334444").failures == 1
    assert receipts.lookup_state("11112222").failures == 3

    # At the very second a window ends, its tries no longer count.
    clock["now"] = now + 600.5
    assert receipts.lookup_state("11112222") == receipts.LookupState()
    cache.delete_many(["receipt-lookup:11112222", "receipt-lookup:33334444"])  # stored under the test's clock
