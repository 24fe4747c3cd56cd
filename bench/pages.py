"""The reporter pages and the desk inbox against a bare Django page, in the same process and run."""

import uuid

from django.test import Client, override_settings

from bench._support import fresh_database, print_row, timings


def run() -> None:
    fresh_database()
    from meldpunt.demo import load
    from meldpunt.intake import services
    from meldpunt.intake.models import Category
    from meldpunt.organisation.models import Post
    from tests.conftest import make_staff, signed_in

    class Quiet:
        def write(self, *_):
            pass

    load(Quiet())
    category = Category.objects.get(code="racism_discrimination")
    post = Post.objects.first()
    for _ in range(200):
        services.report_submit(
            details=services.ReportDetails(category=category, post=post, narrative="bench narrative " * 20),
            channel="central", language="nl", submission_token=uuid.uuid4().hex,
        )
    handler = signed_in(make_staff("cci_handler"))
    client = Client()
    with override_settings(ROOT_URLCONF="bench._support"):
        print_row("bare Django page (floor)", timings(lambda: client.get("/__bare__/")))
        print_row("home (reporter)", timings(lambda: client.get("/")))
        print_row("report form (reporter)", timings(lambda: client.get("/report/")))
        form = {"category": category.pk, "post": post.pk, "narrative": "A bench report", "identity": "anonymous"}
        print_row(
            "report submit (seal + store + receipt hash)",
            timings(lambda: client.post("/report/", {**form, "submission_token": uuid.uuid4().hex}), repeat=50),
        )
        print_row("desk inbox, 200 reports, page 1", timings(lambda: handler.get("/staff/desk/")))
    print("  (receipt hashing uses the test settings' cheap Argon2id here; production costs ~50-125 ms by design)")
