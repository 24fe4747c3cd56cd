"""H3, L1, L2, L3: receipt-code limits protect the Argon2 CPU and never shut out the reporter who
has the right code, whatever others type."""

import threading

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from meldpunt.intake import receipts, services
from meldpunt.intake.services import MailboxAccess

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    """Each journey starts with no wrong codes counted anywhere (the test cache lives across tests)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def wrong_secret(code: str, n: int = 0) -> str:
    return code[:8] + f"{n:016d}"


def test_seventy_wrong_codes_from_anyone_do_not_shut_the_reporter_with_the_right_code_out(client, report_factory):
    """H3: the site-wide limit was global: 60 wrong codes a minute locked every mailbox for 15 minutes."""
    reporter = report_factory()
    for n in range(70):
        client.post("/mailbox/sign-in/", {"code": f"{n:08d}" + "7" * 16})
    response = client.post("/mailbox/sign-in/", {"code": receipts.display(reporter.receipt_code)})
    assert response.status_code == 302 and response.url.endswith("/mailbox/")


@override_settings(RECEIPT_LOCKED_INTERVAL_SECONDS=0.2, RECEIPT_QUEUE_SECONDS=5)
def test_someone_who_knows_the_eight_public_digits_cannot_lock_the_reporter_out(report_factory):
    """L3: seven wrong secrets on the reporter's lookup used to lock the real code out, again and again."""
    code = report_factory().receipt_code
    answers = [services.mailbox_open(typed_code=wrong_secret(code, n))[0] for n in range(7)]
    assert answers.count(MailboxAccess.WRONG) == 7  # slowed after five, never refused unheard
    assert receipts.lookup_locked(code[:8])
    # The reporter's right code waits its turn on the slowed lookup, and gets in.
    assert services.mailbox_open(typed_code=code)[0] == MailboxAccess.OK
    assert not receipts.lookup_locked(code[:8])


@override_settings(RECEIPT_LOCKED_INTERVAL_SECONDS=0.2, RECEIPT_QUEUE_SECONDS=5)
def test_an_attacker_trying_alongside_the_reporter_still_lets_the_right_code_through(report_factory):
    code = report_factory().receipt_code
    for n in range(5):
        services.mailbox_open(typed_code=wrong_secret(code, n))
    for n in range(3):  # the attacker keeps going; each wrong try takes a turn, none lengthens the lock
        assert services.mailbox_open(typed_code=wrong_secret(code, 100 + n))[0] == MailboxAccess.WRONG
        assert services.mailbox_open(typed_code=code)[0] == MailboxAccess.OK
        for m in range(5):
            services.mailbox_open(typed_code=wrong_secret(code, 200 + m))


@override_settings(RECEIPT_LOCKED_INTERVAL_SECONDS=60, RECEIPT_QUEUE_SECONDS=0)
def test_a_slowed_lookup_answers_busy_between_checks_and_checks_again_after_the_interval(report_factory):
    code = report_factory().receipt_code
    for n in range(5):
        services.mailbox_open(typed_code=wrong_secret(code, n))
    assert services.mailbox_open(typed_code=code)[0] == MailboxAccess.WAIT
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=61), tick=False):
        assert services.mailbox_open(typed_code=code)[0] == MailboxAccess.OK


@override_settings(
    CACHES={"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "security_test_cache"}},
    RECEIPT_LOCKOUT_SECONDS=900,
)
def test_the_lock_lasts_its_fifteen_minutes_with_the_database_cache_and_no_longer():
    """L1: with the database cache, incr() reset the lifetime to 300 s: the lock lasted 5 minutes."""
    call_command("createcachetable", verbosity=0)
    lookup = "12345678"
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for n in range(5):
            services.mailbox_open(typed_code=lookup + f"{n:016d}")
    with time_machine.travel(start + timezone.timedelta(minutes=10), tick=False):
        assert receipts.lookup_locked(lookup)
        services.mailbox_open(typed_code=lookup + "9" * 16)  # more wrong tries do not lengthen it
    with time_machine.travel(start + timezone.timedelta(minutes=15, seconds=2), tick=False):
        assert not receipts.lookup_locked(lookup)


@override_settings(RECEIPT_LOCKED_INTERVAL_SECONDS=600, RECEIPT_QUEUE_SECONDS=1)
def test_thirty_parallel_wrong_tries_on_one_lookup_are_checked_exactly_five_times():
    """L2: the limit was read before hashing and written after: 30 parallel tries got 9 checks."""
    checks, answers, start = [], [], threading.Barrier(30)

    def wrong():
        checks.append(1)
        return False

    def attempt():
        start.wait()
        answers.append(receipts.checked("55555555", wrong))

    threads = [threading.Thread(target=attempt) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(checks) == 5
    assert answers.count(receipts.Outcome.WRONG) == 5 and answers.count(receipts.Outcome.BUSY) == 25


@override_settings(RECEIPT_HASH_CONCURRENCY=1, RECEIPT_QUEUE_SECONDS=0.3)
def test_when_the_argon2_gate_is_full_others_hear_busy_and_nothing_is_counted_against_them(monkeypatch):
    monkeypatch.setattr(receipts, "_gate", [])
    hashing, release = threading.Event(), threading.Event()

    def slow_right():
        hashing.set()
        release.wait(10)
        return True

    busy_thread = threading.Thread(target=lambda: receipts.checked("11111111", slow_right))
    busy_thread.start()
    hashing.wait(10)
    assert receipts.checked("22222222", lambda: True) == receipts.Outcome.BUSY
    release.set()
    busy_thread.join()
    assert receipts.lookup_state("22222222").failures == 0
    assert receipts.checked("22222222", lambda: True) == receipts.Outcome.OK
