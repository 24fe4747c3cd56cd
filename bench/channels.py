"""The channel guide, a procedure page, the manager's overview and the CCI's advice list, against a
bare Django page; and the manager's draft save and forward."""

import uuid

from django.test import Client, override_settings

from bench._support import fresh_database, print_row, timings


def run() -> None:
    fresh_database()
    from meldpunt.channels import services
    from meldpunt.demo import load
    from meldpunt.intake.models import Category
    from meldpunt.organisation.models import Post
    from tests.channels.content import ensure_procedure_content
    from tests.conftest import make_staff, signed_in

    class Quiet:
        def write(self, *_):
            pass

    load(Quiet())
    ensure_procedure_content()
    category = Category.objects.get(code="racism_discrimination")
    post = Post.objects.first()
    manager, handler = make_staff("manager", post=post), make_staff("cci_handler")
    for _ in range(100):
        draft = services.manager_draft_save(
            manager=manager, draft_id=uuid.uuid4(),
            data=services.DraftInput(category=category, post=post, narrative="bench narrative " * 20),
        )
        services.manager_draft_forward(manager=manager, draft_id=draft.pk, language="nl")
        services.advice_request_ask(
            manager=manager, request_id=uuid.uuid4(), category=category, post=post, question="bench question", language="nl"
        )
    manager_client, handler_client, client = signed_in(manager), signed_in(handler), Client()
    form = {"category": category.pk, "post": post.pk, "narrative": "A bench draft", "identity": "anonymous", "slip_language": "nl"}
    with override_settings(ROOT_URLCONF="bench._support"):
        print_row("bare Django page (floor)", timings(lambda: client.get("/__bare__/")))
        print_row("channel guide (reporter)", timings(lambda: client.get("/guide/")))
        print_row("procedure page (reporter)", timings(lambda: client.get("/procedure/after-a-report/")))
        print_row("manager overview, 100 reports", timings(lambda: manager_client.get("/staff/manager/")))
        print_row("CCI advice list, 100 requests", timings(lambda: handler_client.get("/staff/desk/advice/")))
        print_row(
            "manager draft save (seal + audit)",
            timings(lambda: manager_client.post(f"/staff/manager/drafts/{uuid.uuid4()}/", {**form, "action": "save"}), repeat=50),
        )
        print_row(
            "draft save + forward (report + receipt hash)",
            timings(lambda: manager_client.post(f"/staff/manager/drafts/{uuid.uuid4()}/", {**form, "action": "forward"}), repeat=50),
        )
