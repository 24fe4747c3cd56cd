"""Prepares the HTTP benchmark's database (run by bench/http.py in its own process, with the portal's
production settings): migrated, demo data, 2,000 reports, and signed-in sessions to send as cookies.
Prints one JSON line: the cookies and the ids of the pages to fetch."""

import json
import sys
import uuid
from urllib.parse import quote

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def main() -> None:
    from django.conf import settings

    # Filing the background reports is set-up, not what is measured: a cheap Argon2id for their codes.
    settings.RECEIPT_HASH_TIME_COST, settings.RECEIPT_HASH_MEMORY_KIB = 1, 1024
    call_command("createcachetable", verbosity=0)  # first: migrating seeds rows, which moves the content version
    call_command("migrate", verbosity=0, interactive=False)

    from django.apps import apps
    from django.utils.module_loading import autodiscover_modules

    from meldpunt.intake import services
    from meldpunt.intake.models import Category, Report
    from meldpunt.organisation.models import Post
    from tests.conftest import make_staff, signed_in

    class Quiet:
        def write(self, *_):
            pass

    if not Report.objects.exists():  # every app's demo data, as load_demo does
        autodiscover_modules("demo")
        for config in apps.get_app_configs():
            module = getattr(config.module, "demo", None)
            if module is not None and hasattr(module, "load"):
                module.load(Quiet())
    category = Category.objects.get(code="racism_discrimination")
    post = Post.objects.first()
    code = None
    while Report.objects.count() < 2000:
        submitted = services.report_submit(
            details=services.ReportDetails(category=category, post=post, narrative="bench narrative " * 20),
            channel="central", language="ar", submission_token=uuid.uuid4().hex,
        )
        code = code or submitted.receipt_code
    if code is None:  # a database kept from an earlier run: one more report gives a fresh code
        code = services.report_submit(
            details=services.ReportDetails(category=category, post=post, narrative="bench narrative"),
            channel="central", language="ar", submission_token=uuid.uuid4().hex,
        ).receipt_code

    reporter = Client(HTTP_HOST="127.0.0.1")
    reporter.post("/mailbox/sign-in/", {"code": code}, secure=True)
    from meldpunt.accounts.models import User

    coordinator = User.objects.filter(username="cci-coordinator").first() or make_staff("cci_coordinator")
    handler = signed_in(coordinator)
    report = Report.objects.filter(channel="central").order_by("-received_at").first()
    from cases.models import Case

    case_id = Case.objects.filter(desk="cci").values_list("pk", flat=True).first()
    # The inbox's last page as its Next link reaches it (keyset paging): as deep as the bench's 2,000 reports go.
    from cases.paging import keyset_page_of
    from cases.selectors import desk_inbox
    from cases.views import PAGE_SIZE
    from meldpunt.organisation.models import Region

    last_number = max(1, -(-desk_inbox(coordinator).count() // PAGE_SIZE))
    before_last = keyset_page_of(desk_inbox(coordinator), {"page": str(last_number - 1)}, PAGE_SIZE, field="received_at")
    deep_inbox = f"/staff/desk/?after={quote(before_last.next_cursor)}&page={last_number}" if before_last.next_cursor else ""

    print(json.dumps({
        "mailbox_cookie": reporter.cookies["sessionid"].value,
        "staff_cookie": handler.cookies["sessionid"].value,
        "report_id": str(report.pk),
        "case_id": str(case_id) if case_id else None,
        "deep_inbox": deep_inbox,
        "region": Region.objects.order_by("pk").values_list("pk", flat=True).first(),
        "category": category.pk,
        "post": post.pk,
    }))


if __name__ == "__main__":
    sys.exit(main())
