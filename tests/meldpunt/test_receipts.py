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


def test_an_unknown_code_is_checked_against_a_throwaway_hash_made_once_per_worker(monkeypatch):
    """So an unknown lookup costs one Argon2 check, as a known one does. Starts from a fresh worker: the
    hash is kept for the process's life, and an earlier test may have made it already."""
    fresh: list[str] = []
    monkeypatch.setattr(receipts, "_DUMMY_HASH", fresh)
    typed = "1" * receipts.SECRET_DIGITS
    receipts.spend_equal_time(typed)
    [made] = fresh
    assert made.startswith("$argon2id$") and not receipts.secret_matches(made, typed)
    receipts.spend_equal_time(typed)
    assert fresh == [made]


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


# --- the rules, word for word ----------------------------------------------------------------------------
# The limits are about time (a window, a next check, a wait, a turn's lifetime): these tests read the times the
# code computes from a fake clock and from what it hands the cache, instead of sleeping and hoping.


def test_every_usual_separator_is_skipped_and_nothing_else_is():
    code = "123456789012345678901234"
    assert receipts.normalise("1234–5678—9012.3456·7890 1234") == code
    assert receipts.normalise(" 12345678\t9012345678901234 ") == code
    assert receipts.normalise("1234X5678901234567890123 4") is None  # a letter is a typo, not a separator
    assert receipts.normalise(None) is None
    assert receipts.normalise("1234 5678 9012 3456 7890 12345") is None


def test_digits_of_keeps_every_digit_in_any_script_and_drops_the_rest():
    assert receipts.digits_of("ref. ١٢٣-45 x６!") == "123456"
    assert receipts.digits_of("no digits") == ""
    assert receipts.digits_of("") == "" and receipts.digits_of(None) == ""


def test_a_code_is_shown_in_groups_of_four_and_split_after_the_public_eight():
    assert receipts.display("123456789012345678901234") == "1234 5678 9012 3456 7890 1234"
    assert receipts.split("123456789012345678901234") == ("12345678", "9012345678901234")


def test_without_tuning_a_receipt_hash_costs_three_passes_over_64_mib_on_one_lane(settings):
    del settings.RECEIPT_HASH_TIME_COST, settings.RECEIPT_HASH_MEMORY_KIB
    assert receipts.hash_secret("1234567890123456").startswith("$argon2id$v=19$m=65536,t=3,p=1$")


def test_a_tuned_receipt_hash_still_runs_on_one_lane(settings):
    settings.RECEIPT_HASH_TIME_COST, settings.RECEIPT_HASH_MEMORY_KIB = 1, 1024
    assert receipts.hash_secret("1234567890123456").startswith("$argon2id$v=19$m=1024,t=1,p=1$")


@pytest.fixture
def clock(monkeypatch):
    """One fake clock for time.time (the lookup windows, and the local cache's expiry) and time.monotonic (the
    queue's deadline); sleeping moves it on and notes for how long."""
    from types import SimpleNamespace

    from django.core.cache import cache

    cache.clear()
    state = SimpleNamespace(now=1_900_000_000.0, slept=[])

    def sleep(seconds):
        state.slept.append(seconds)
        state.now += seconds

    monkeypatch.setattr(receipts.time, "time", lambda: state.now)
    monkeypatch.setattr(receipts.time, "monotonic", lambda: state.now)
    monkeypatch.setattr(receipts.time, "sleep", sleep)
    yield state
    cache.clear()


@pytest.fixture
def cache_calls(monkeypatch):
    """What the receipts hand the cache: (key, timeout) of every set and add."""
    from django.core.cache import cache

    calls = {"set": [], "add": []}
    real_set, real_add = cache.set, cache.add

    def recording_set(key, value, timeout="default"):
        calls["set"].append((key, timeout))
        return real_set(key, value, timeout) if timeout != "default" else real_set(key, value)

    def recording_add(key, value, timeout="default"):
        calls["add"].append((key, timeout))
        return real_add(key, value, timeout) if timeout != "default" else real_add(key, value)

    monkeypatch.setattr(receipts.cache, "set", recording_set)
    monkeypatch.setattr(receipts.cache, "add", recording_add)
    return calls


def slow_down(lookup, clock, *, next_check_in):
    receipts._save_state(lookup, receipts.LookupState(failures=5, window_end=clock.now + 900, next_check_at=clock.now + next_check_in))


def test_a_slowed_lookup_waits_exactly_until_its_next_check_in_steps_of_at_most_a_second(clock, settings):
    settings.RECEIPT_FAILED_ATTEMPTS_PER_CODE = 5
    slow_down("10000001", clock, next_check_in=0.25)
    assert receipts._take_turn("10000001", deadline=clock.now + 10) is not None
    assert clock.slept == [0.25]

    clock.slept.clear()
    slow_down("10000002", clock, next_check_in=2.5)
    assert receipts._take_turn("10000002", deadline=clock.now + 10) is not None
    assert clock.slept == [1.0, 1.0, 0.5]

    clock.slept.clear()
    slow_down("10000003", clock, next_check_in=0.01)  # never polls faster than POLL_SECONDS
    assert receipts._take_turn("10000003", deadline=clock.now + 10) is not None
    assert clock.slept == [receipts.POLL_SECONDS]


def test_at_the_instant_of_its_next_check_a_slowed_lookup_is_checked_without_waiting(clock, settings):
    settings.RECEIPT_FAILED_ATTEMPTS_PER_CODE = 5
    slow_down("20000001", clock, next_check_in=0)
    token = receipts._take_turn("20000001", deadline=clock.now)
    assert token is not None and clock.slept == []
    from django.core.cache import cache

    assert cache.get("receipt-turn:20000001") == token


def test_a_wait_that_would_end_after_the_deadline_is_not_started_and_one_that_ends_on_it_is(clock, settings):
    from django.core.cache import cache

    settings.RECEIPT_FAILED_ATTEMPTS_PER_CODE = 5
    slow_down("30000001", clock, next_check_in=5)
    assert receipts._take_turn("30000001", deadline=clock.now + 0.5) is None
    assert clock.slept == [] and cache.get("receipt-turn:30000001") is None  # the turn is handed back

    slow_down("30000002", clock, next_check_in=0.25)
    assert receipts._take_turn("30000002", deadline=clock.now + 0.25) is not None
    assert clock.slept == [0.25]


def test_a_turn_held_elsewhere_is_waited_for_by_polling_and_holds_up_no_other_lookup(clock, settings, cache_calls):
    from django.core.cache import cache

    cache.add("receipt-turn:40000001", "someone-else", 30)
    assert receipts._take_turn("40000001", deadline=clock.now + 0.2) is None
    assert clock.slept and set(clock.slept) == {receipts.POLL_SECONDS}
    assert cache.get("receipt-turn:40000001") == "someone-else"
    clock.slept.clear()
    assert receipts._take_turn("40000002", deadline=clock.now) is not None and clock.slept == []
    # A turn left behind by a process that died frees itself after RECEIPT_TURN_SECONDS.
    assert cache_calls["add"][-1] == ("receipt-turn:40000002", settings.RECEIPT_TURN_SECONDS)


def test_the_argon2_gate_is_waited_for_only_until_the_queue_s_deadline(clock, settings, monkeypatch):
    class Gate:
        def __init__(self, free):
            self.free, self.timeouts, self.released = free, [], 0

        def acquire(self, timeout):
            self.timeouts.append(timeout)
            return self.free

        def release(self):
            self.released += 1

    settings.RECEIPT_QUEUE_SECONDS, settings.RECEIPT_FAILED_ATTEMPTS_PER_CODE = 0.75, 5
    gate = Gate(free=True)
    monkeypatch.setattr(receipts, "_gate", [gate])
    assert receipts.checked("50000001", lambda: True) == receipts.Outcome.OK
    assert gate.timeouts == [0.75] and gate.released == 1

    slow_down("50000002", clock, next_check_in=0.25)  # a quarter of the queue's time spent waiting for the turn
    assert receipts.checked("50000002", lambda: True) == receipts.Outcome.OK
    assert gate.timeouts[-1] == 0.5

    full = Gate(free=False)
    monkeypatch.setattr(receipts, "_gate", [full])
    checks = []
    assert receipts.checked("50000003", lambda: checks.append(1)) == receipts.Outcome.BUSY
    assert checks == [] and full.released == 0 and receipts.lookup_state("50000003") == receipts.LookupState()
    from django.core.cache import cache

    assert cache.get("receipt-turn:50000003") is None


def test_wrong_codes_open_one_fixed_window_and_slow_the_lookup_from_the_limit_on(clock, settings, cache_calls):
    settings.RECEIPT_FAILED_ATTEMPTS_PER_CODE, settings.RECEIPT_LOCKOUT_SECONDS = 3, 900
    settings.RECEIPT_LOCKED_INTERVAL_SECONDS, settings.RECEIPT_QUEUE_SECONDS = 2, 0
    start = clock.now
    assert receipts.checked("60000001", lambda: False) == receipts.Outcome.WRONG
    assert receipts.lookup_state("60000001") == receipts.LookupState(failures=1, window_end=start + 900, next_check_at=0.0)
    clock.now += 100
    assert receipts.checked("60000001", lambda: False) == receipts.Outcome.WRONG
    assert not receipts.lookup_locked("60000001")
    clock.now += 100
    assert receipts.checked("60000001", lambda: False) == receipts.Outcome.WRONG
    assert receipts.lookup_state("60000001") == receipts.LookupState(failures=3, window_end=start + 900, next_check_at=start + 202)
    assert receipts.lookup_locked("60000001")
    # Each wrong try stores the count until the window's end, never longer: the window does not move.
    assert cache_calls["set"] == [("receipt-lookup:60000001", 901), ("receipt-lookup:60000001", 801), ("receipt-lookup:60000001", 701)]

    assert receipts.checked("60000001", lambda: True) == receipts.Outcome.BUSY  # before its next check
    clock.now += 2
    assert receipts.checked("60000001", lambda: True) == receipts.Outcome.OK
    from django.core.cache import cache

    assert cache.get("receipt-lookup:60000001") is None and receipts.lookup_state("60000001") == receipts.LookupState()


def test_a_window_with_less_than_a_second_left_is_still_kept(clock, cache_calls):
    receipts._save_state("70000001", receipts.LookupState(failures=2, window_end=clock.now + 0.5))
    assert cache_calls["set"] == [("receipt-lookup:70000001", 1)]
    assert receipts.lookup_state("70000001").failures == 2


def test_a_stored_count_without_its_window_counts_for_nothing(clock):
    """A count from before the window's end was kept in the value: it may not slow a lookup forever."""
    from django.core.cache import cache

    cache.set("receipt-lookup:80000001", {"failures": 9}, 60)
    cache.set("receipt-lookup:80000002", {}, 60)
    assert receipts.lookup_state("80000001") == receipts.LookupState()
    assert receipts.lookup_state("80000002") == receipts.LookupState()
    assert receipts.LookupState() == receipts.LookupState(failures=0, window_end=0.0, next_check_at=0.0)
    assert not receipts.LookupState().locked
