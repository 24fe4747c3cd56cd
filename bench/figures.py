"""The annual export at 100,000 reports (issue 16): the coordinator's organisation-wide CSV, which
reads this year's and last year's figures, with suppression, from the live reports (the 100k set of
bench/cases.py, all open) and from 100,000 anonymous statistics rows of closed reports."""

from __future__ import annotations

import statistics
import time

STATISTICS_ROWS = 100_000


def _seed_statistics(*, year: int) -> None:
    from cases.models import OutcomeStatistic, ReportStatistic
    from meldpunt.intake.models import Category
    from meldpunt.organisation.models import Post

    categories = [(c.code, c.rijk_category.code) for c in Category.objects.select_related("parent")]
    posts = [(p.region.code, p.kind) for p in Post.objects.select_related("region")]
    measures = ["", "reprimand", "transfer", "dismissal", "other", "none"]
    rows = []
    for i in range(STATISTICS_ROWS):
        code, rijk = categories[i % len(categories)]
        region, kind = posts[i % len(posts)]
        rows.append(ReportStatistic(
            counts_case=i % 2 == 0, desk="external" if i % 10 == 0 else "cci", year=year - (i % 3),
            category_code=code, rijk_category_code=rijk, channel=["central", "manager", "counsellor", "external"][i % 4],
            region_code=region, post_kind=kind, language=["nl", "en", "fr", "ar"][i % 4], instrument="conversation",
            acknowledged_in_time=i % 5 != 0, feedback_in_time=i % 7 != 0, days_to_feedback=i % 120,
        ))
    ReportStatistic.objects.bulk_create(rows, batch_size=5000)
    # Findings and measures per person concerned: one finding and one measure for each case row.
    outcomes = []
    for i in range(0, STATISTICS_ROWS, 2):
        code, rijk = categories[i % len(categories)]
        common = {"desk": "external" if i % 10 == 0 else "cci", "category_code": code, "rijk_category_code": rijk, "year": year - (i % 3)}
        outcomes.append(OutcomeStatistic(kind="finding", value="established" if i % 4 == 0 else "not_established", **common))
        if measures[i % len(measures)]:
            outcomes.append(OutcomeStatistic(kind="measure", value=measures[i % len(measures)], **common))
    OutcomeStatistic.objects.bulk_create(outcomes, batch_size=5000)


def run() -> None:
    from django.db import connection
    from django.utils import timezone

    from bench.cases import REPORTS, _fresh_database, _seed
    from cases import services

    _fresh_database()
    seeded = _seed()
    year = timezone.localdate().year
    started = time.perf_counter()
    _seed_statistics(year=year)
    print(f"  seeded {STATISTICS_ROWS:,} statistics rows of closed reports in {time.perf_counter() - started:.1f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    coordinator = seeded["coordinator"]
    print(f"  database: {connection.vendor}; {REPORTS:,} live reports", flush=True)
    for label, scope in (("annual export, all desks (this year + last)", "all"), ("annual export, CCI desk (this year + last)", "desk")):
        samples = []
        for _ in range(5):
            began = time.perf_counter()
            body = services.figures_export(actor=coordinator, year=year, scope=scope)
            samples.append((time.perf_counter() - began) * 1000)
        assert body.startswith("year,")
        print(f"  {label:<52} median {statistics.median(samples):8.1f} ms   max {max(samples):8.1f} ms", flush=True)
