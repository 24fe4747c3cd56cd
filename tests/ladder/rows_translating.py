"""Translations (cases/translating): the desk asks and approves; a translator reaches only the text
assigned to them, only while the assignment is open, and only while the report is at the desk that
asked. Two more translators join the ladder: one whose assignment has ended, one of the external desk."""

from meldpunt.accounts.models import Role

# ENDED_TRANSLATOR delivered their translation of the CCI report: no longer in. EXTERNAL_TRANSLATOR holds
# an open assignment of the external desk.
from .core import ENDED_TRANSLATOR, EXTERNAL_TRANSLATOR, OTHER_DESK_HANDLER, Row

EXTRA = [ENDED_TRANSLATOR, EXTERNAL_TRANSLATOR]
TRANSLATORS = frozenset({Role.TRANSLATOR, *EXTRA})
CCI_CASE_TEAM = frozenset({Role.CCI_HANDLER, Role.CCI_COORDINATOR})
EXTERNAL_CASE_TEAM = frozenset({OTHER_DESK_HANDLER, Role.EXTERNAL_COORDINATOR})

ROWS = [
    Row("translate:assignments", TRANSLATORS),
    Row("translate:assignment", frozenset({Role.TRANSLATOR}), kwargs=lambda ctx: {"request_id": ctx["cci_translation"].pk}),
    Row("translate:assignment", frozenset(), kwargs=lambda ctx: {"request_id": ctx["ended_translation"].pk}, variant="ended"),
    Row("translate:assignment", frozenset({EXTERNAL_TRANSLATOR}), kwargs=lambda ctx: {"request_id": ctx["external_translation"].pk},
        variant="external desk"),
    Row("translate:assignment", frozenset({Role.TRANSLATOR}), kwargs=lambda ctx: {"request_id": ctx["cci_translation"].pk},
        method="post", data=lambda ctx: {"translation": ""}, variant="deliver"),
    Row("cases:translation-new", CCI_CASE_TEAM, kwargs=lambda ctx: {"report_id": ctx["cci_report"].pk}),
    Row("cases:translation-new", EXTERNAL_CASE_TEAM, kwargs=lambda ctx: {"report_id": ctx["external_report"].pk}, variant="external desk"),
    Row("cases:translation-detail", CCI_CASE_TEAM, kwargs=lambda ctx: {"request_id": ctx["cci_translation"].pk}),
    Row("cases:translation-detail", EXTERNAL_CASE_TEAM, kwargs=lambda ctx: {"request_id": ctx["external_translation"].pk},
        variant="external desk"),
]


def extend_context(ctx):
    from datetime import timedelta

    from django.utils import timezone

    from cases.translating import services
    from meldpunt.accounts.models import TranslatorProfile
    from tests.conftest import make_translator

    users = ctx["users"]
    translator = users[Role.TRANSLATOR]
    TranslatorProfile.objects.create(user=translator, kind="language_officer", statement_signed_on=timezone.localdate(), statement_version="1")
    ended, external = make_translator("ladder-ended-translator"), make_translator("ladder-external-translator")
    ctx["extra"].update({ENDED_TRANSLATOR: ended, EXTERNAL_TRANSLATOR: external})
    due = timezone.now() + timedelta(days=2)
    handler, report = users[Role.CCI_HANDLER], ctx["cci_report"]
    common = {"source_kind": "narrative", "target_language": "en", "due_at": due}
    ctx["cci_translation"] = services.translation_request(actor=handler, report=report, translator=translator, **common)
    ctx["ended_translation"] = services.translation_request(actor=handler, report=report, translator=ended, **common)
    services.translation_provide(translator=ended, request_id=ctx["ended_translation"].pk, text="The translation.")
    ctx["external_translation"] = services.translation_request(
        actor=ctx["extra"][OTHER_DESK_HANDLER], report=ctx["external_report"], translator=external, **common
    )
