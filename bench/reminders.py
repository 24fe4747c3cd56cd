"""One full reminder scan over 10,000 and over 100,000 reports: its time and its query count.

The newest 10,000 reports cover the last 140 days (about 70 a day, so every reminder window is
populated: acknowledgements due soon, feedback due in 14 and 3 days, deadlines passed within the
catch-up window). The next 90,000 are three more years of older history. What a scan reads is what
falls due in its windows, read by indexed date filters, so with a tenfold history its query count
stays the same and its time nearly so. Seeding uses bulk_create and one shared data key (see
bench/cases.py).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from datetime import timedelta

from django.db import connection, reset_queries
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

RECENT, RECENT_DAYS = 10_000, 140
HISTORY_DAYS = 3 * 365
BATCH = 5_000


def _seed(total: int, *, start_at: int) -> None:
    from django.utils import timezone

    from cases import deadlines
    from cases.models import Case, CaseReport, CaseState
    from meldpunt import crypto
    from meldpunt.accounts.models import User
    from meldpunt.intake.models import Category, Channel, Report
    from meldpunt.organisation.models import Post

    categories = list(Category.objects.filter(is_active=True))
    posts = list(Post.objects.all())
    coordinator = User.objects.get(username="cci-coordinator")
    handler = User.objects.get(username="cci")
    shared_key = crypto.wrap_data_key(crypto.generate_data_key())
    data_key = crypto.unwrap_data_key(shared_key)
    now = timezone.now()
    reports, cases, links = [], [], []
    for k in range(start_at, total):
        # k = 0 is now; larger k lies further back.
        if k < RECENT:
            received = now - timedelta(days=RECENT_DAYS) * (k / RECENT)
        else:
            received = now - timedelta(days=RECENT_DAYS) - timedelta(days=HISTORY_DAYS) * ((k - RECENT) / 90_000)
        day = timezone.localdate(received)
        acknowledged = received + timedelta(days=2) if k % 3 and received < now - timedelta(days=3) else None
        old = received < now - timedelta(days=85)
        report = Report(
            id=uuid.uuid4(), reference=f"R-{k:07d}", channel=Channel.CENTRAL, desk="cci" if k % 10 else "external",
            language="nl", category=categories[k % len(categories)], post=posts[k % len(posts)], received_at=received,
            acknowledgement_due=deadlines.acknowledgement_due(day), acknowledged_at=acknowledged,
            feedback_due=deadlines.feedback_due(received=day, acknowledged=timezone.localdate(acknowledged) if acknowledged else None),
            feedback_given_at=received + timedelta(days=80) if old and k % 4 else None,
            submission_token_hash=hashlib.sha256(f"bench-reminders-{k}".encode()).hexdigest(), wrapped_key=shared_key,
        )
        if k % 10 == 0:
            report.channel = Channel.EXTERNAL
        report.narrative_sealed = crypto.seal_text(data_key, f"Bench report {k}", aad=report._aad("narrative"))
        reports.append(report)
        if k % 4 == 0 and report.desk == "cci":
            case = Case(
                id=uuid.uuid4(), reference=f"Z-R-{k:07d}", desk="cci", state=CaseState.TRIAGE, opened_at=received,
                opened_by=coordinator, handler=handler if k % 8 == 0 else None, wrapped_key=shared_key,
            )
            cases.append(case)
            links.append(CaseReport(case=case, report=report, linked_at=received, linked_by=coordinator))
        if len(reports) == BATCH:
            Report.objects.bulk_create(reports)
            reports = []
    Report.objects.bulk_create(reports)
    Case.objects.bulk_create(cases, batch_size=BATCH)
    CaseReport.objects.bulk_create(links, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _scan(label: str) -> None:
    from cases.models import SentReminder
    from cases.reminders import reminders_scan

    SentReminder.objects.all().delete()
    for kind in ("first run: records and mails what is due", "second run: nothing new"):
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            result = reminders_scan()
            took = time.perf_counter() - started
        print(f"  {label:<16} {kind:<44} {took * 1000:8.1f} ms   {len(ctx.captured_queries):3d} queries   "
              f"{sum(result['recorded'].values()):6,} recorded   {result['emails']:3d} emails", flush=True)


def run() -> None:
    from bench._support import fresh_database
    from meldpunt.demo import load

    class Quiet:
        def write(self, *_):
            pass

    fresh_database()
    load(Quiet())
    print(f"  database: {connection.vendor}; the newest {RECENT:,} reports span {RECENT_DAYS} days, the rest is older history", flush=True)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend", DIGEST_WEEKDAY=6, DIGEST_HOUR=24 * 2):
        started = time.perf_counter()
        _seed(10_000, start_at=0)
        print(f"  seeded 10,000 reports in {time.perf_counter() - started:.1f} s", flush=True)
        _scan("10,000 reports")
        started = time.perf_counter()
        _seed(100_000, start_at=10_000)
        print(f"  seeded 90,000 more reports in {time.perf_counter() - started:.1f} s", flush=True)
        _scan("100,000 reports")
