"""The desk's lists with 100,000 reports: inbox, worklist and the coordinator's case list, against a
bare read page, in the same process and run, through Django's test Client (the whole middleware).

Seeding is fast on purpose: rows go in with bulk_create, and all bench rows share one data key (each
field is still sealed per row, bound to its own table, row and field). Real reports each have their
own key; that costs one key wrap per report and is not what is measured here.
"""

from __future__ import annotations

import hashlib
import statistics
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path

REPORTS = 100_000
EXTERNAL_SHARE = 10  # one report in ten is filed at the external point
REPORTS_PER_CASE = 4  # every fourth CCI report is in a case
HANDLERS = 10
BATCH = 5_000


def bare_read(request):
    """The floor: the same middleware as a desk page, and one indexed read."""
    from meldpunt.intake.models import Report

    reference = Report.objects.filter(pk=request.GET.get("id")).values_list("reference", flat=True).first()
    return HttpResponse(reference or "-")


urlpatterns = [path("staff/__bare_read__/", bare_read), path("", include("meldpunt.urls"))]


def _fresh_database() -> None:
    from django.core.management import call_command
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    call_command("createcachetable", verbosity=0)


def _timings(fn, *, repeat: int = 100, warmup: int = 5) -> dict:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = fn()
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    samples.sort()
    return {"p50": statistics.median(samples), "p95": samples[int(len(samples) * 0.95) - 1]}


def _row(label: str, result: dict, floor: dict | None = None) -> None:
    ratio = f"   {result['p50'] / floor['p50']:5.1f}× the floor" if floor else ""
    print(f"  {label:<52} p50 {result['p50']:7.2f} ms   p95 {result['p95']:7.2f} ms{ratio}", flush=True)


def _seed(stdout_prefix="  ") -> dict:
    from django.utils import timezone

    from cases import deadlines
    from cases.models import Case, CaseExclusion, CaseReport, CaseState
    from meldpunt import crypto
    from meldpunt.accounts.models import Role, User
    from meldpunt.demo import load
    from meldpunt.intake.models import Category, Channel, Report
    from meldpunt.organisation.models import Post
    from tests.conftest import make_staff

    class Quiet:
        def write(self, *_):
            pass

    load(Quiet())
    started = time.perf_counter()
    categories = list(Category.objects.filter(is_active=True))
    posts = list(Post.objects.all())
    shared_key = crypto.wrap_data_key(crypto.generate_data_key())
    data_key = crypto.unwrap_data_key(shared_key)
    now = timezone.now()
    channels = [Channel.CENTRAL, Channel.MANAGER, Channel.COUNSELLOR]
    cci_reports = []
    batch: list[Report] = []
    for i in range(REPORTS):
        external = i % EXTERNAL_SHARE == 0
        received = now - timedelta(minutes=7 * (REPORTS - i))  # about a year and a half of reports
        day = timezone.localdate(received)
        acknowledged = received + timedelta(days=2) if i % 3 else None
        report = Report(
            id=uuid.uuid4(), reference=f"B-{i:06d}", channel=Channel.EXTERNAL if external else channels[i % 3],
            desk="external" if external else "cci", language=settings.REPORTER_LANGUAGES[i % len(settings.REPORTER_LANGUAGES)],
            category=categories[i % len(categories)], post=posts[i % len(posts)], received_at=received,
            acknowledgement_due=deadlines.acknowledgement_due(day), acknowledged_at=acknowledged,
            feedback_due=deadlines.feedback_due(received=day, acknowledged=timezone.localdate(acknowledged) if acknowledged else None),
            submission_token_hash=hashlib.sha256(f"bench-{i}".encode()).hexdigest(), wrapped_key=shared_key,
        )
        report.narrative_sealed = crypto.seal_text(data_key, f"Bench report {i}", aad=report._aad("narrative"))
        batch.append(report)
        if not external:
            cci_reports.append(report)
        if len(batch) == BATCH:
            Report.objects.bulk_create(batch)
            batch = []
    Report.objects.bulk_create(batch)
    print(f"{stdout_prefix}seeded {REPORTS:,} reports in {time.perf_counter() - started:.1f} s", flush=True)

    coordinator = User.objects.get(username="cci-coordinator")
    handlers = [User.objects.get(username="cci")] + [make_staff(Role.CCI_HANDLER, f"bench-handler-{n}") for n in range(HANDLERS - 1)]
    started = time.perf_counter()
    cases, links, exclusions = [], [], []
    states = [CaseState.RECEIVED, CaseState.TRIAGE, CaseState.ADDRESSING, CaseState.TRIAGE]
    for n, report in enumerate(cci_reports[::REPORTS_PER_CASE]):
        case = Case(
            id=uuid.uuid4(), reference=f"Z-B-{n:06d}", desk="cci", state=states[n % len(states)], opened_at=report.received_at,
            opened_by=coordinator, handler=handlers[n % HANDLERS] if n % 7 else None, wrapped_key=shared_key,
            instrument="conversation" if states[n % len(states)] == CaseState.ADDRESSING else "",
            next_deadline=report.feedback_due if report.acknowledged_at else report.acknowledgement_due,
            next_deadline_kind="feedback" if report.acknowledged_at else "acknowledgement",
        )
        case.deadline_order = case.next_deadline
        cases.append(case)
        links.append(CaseReport(case=case, report=report, linked_at=report.received_at, linked_by=coordinator))
        if n % 50 == 0:
            exclusions.append(CaseExclusion(case=case, user=handlers[1], reason="named_in_report", excluded_by=coordinator, excluded_at=now))
    Case.objects.bulk_create(cases, batch_size=BATCH)
    CaseReport.objects.bulk_create(links, batch_size=BATCH)
    CaseExclusion.objects.bulk_create(exclusions, batch_size=BATCH)
    print(f"{stdout_prefix}seeded {len(cases):,} cases across {HANDLERS} handlers in {time.perf_counter() - started:.1f} s", flush=True)
    from django.db import connection

    with connection.cursor() as cursor:  # fresh statistics, as a live database has them
        cursor.execute("ANALYZE")
    return {"coordinator": coordinator, "handler": handlers[0], "excluded": handlers[1], "any_report": cci_reports[-1]}


def run() -> None:
    from urllib.parse import quote

    from django.db import connection

    from cases.paging import keyset_page_of
    from cases.selectors import desk_inbox
    from cases.views import PAGE_SIZE
    from tests.conftest import signed_in

    _fresh_database()
    seeded = _seed()
    coordinator, handler = signed_in(seeded["coordinator"]), signed_in(seeded["handler"])
    excluded = signed_in(seeded["excluded"])
    print(f"  database: {connection.vendor}; each figure is {100} requests after {5} warm-up requests", flush=True)
    with override_settings(ROOT_URLCONF="bench.cases", ALLOWED_HOSTS=["testserver"]):
        floor = _timings(lambda: handler.get(f"/staff/__bare_read__/?id={seeded['any_report'].pk}"))
        _row("bare read page (staff middleware + 1 indexed read)", floor)
        _row("inbox, coordinator, page 1 (of about 1,800)", _timings(lambda: coordinator.get("/staff/desk/")), floor)
        _row("inbox, coordinator, page 900 by number (old bookmark)", _timings(lambda: coordinator.get("/staff/desk/?page=900")), floor)
        deep = keyset_page_of(desk_inbox(seeded["coordinator"]), {"page": "899"}, PAGE_SIZE, field="received_at")
        page_900 = f"/staff/desk/?after={quote(deep.next_cursor)}&page=900"
        _row("inbox, coordinator, page 900 by its Next link", _timings(lambda: coordinator.get(page_900)), floor)
        _row("inbox, handler, page 1", _timings(lambda: handler.get("/staff/desk/")), floor)
        _row("inbox, handler excluded from some cases, page 1", _timings(lambda: excluded.get("/staff/desk/")), floor)
        _row("inbox, not yet in a case, page 1", _timings(lambda: coordinator.get("/staff/desk/?show=new")), floor)
        _row("worklist, handler (about 1,900 open cases)", _timings(lambda: handler.get("/staff/desk/worklist/")), floor)
        _row("cases of the desk, coordinator, page 1", _timings(lambda: coordinator.get("/staff/desk/cases/")), floor)
        _row("cases of the desk, coordinator, not assigned", _timings(lambda: coordinator.get("/staff/desk/cases/?show=unassigned")), floor)
