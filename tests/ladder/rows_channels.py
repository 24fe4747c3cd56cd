"""The channels: the guide and procedure pages (everyone), the manager's pages (that manager only),
the advice point (the CCI only: not the external desk)."""

import uuid

from meldpunt.accounts.models import Role

from .core import DESK_CCI, DESK_COLLEAGUE, EVERYONE, EXCLUDED_HANDLER, OTHER_DESK_HANDLER, Row

# Advice requests and reports outside any case are the whole CCI desk's, case exclusions aside.
CCI_DESK_ALL = DESK_CCI | {DESK_COLLEAGUE, EXCLUDED_HANDLER}
# The external report sits in an external case assigned to the other-desk handler.
EXTERNAL_CASE_TEAM = frozenset({OTHER_DESK_HANDLER, Role.EXTERNAL_COORDINATOR})

MANAGER = frozenset({Role.MANAGER})
NOBODY = frozenset()


def extend_context(ctx: dict) -> None:
    """A second manager, and for each manager a draft, a forwarded report and advice requests."""
    from meldpunt.channels import services
    from meldpunt.channels.models import ProcedurePage
    from tests.conftest import make_staff

    category, post = ctx["cci_report"].category, ctx["cci_report"].post
    from meldpunt.content.models import ContentUnit

    ProcedurePage.objects.update_or_create(slug="ladder-page")
    for field, text in (("title", "Ladder"), ("body", "Tekst.")):
        ContentUnit.objects.update_or_create(key=f"procedure/ladder-page/{field}", language="nl", defaults={"text": text})
    manager, manager2 = ctx["users"][Role.MANAGER], make_staff(Role.MANAGER, post=post)
    ctx["manager2"] = manager2

    def draft(owner, forward=False):
        saved = services.manager_draft_save(
            manager=owner, draft_id=uuid.uuid4(),
            data=services.DraftInput(category=category, post=post, narrative="Een medewerker vertelde mij iets."),
        )
        if forward:
            return services.manager_draft_forward(manager=owner, draft_id=saved.pk, language="nl").report
        return saved

    def advice(owner):
        return services.advice_request_ask(
            manager=owner, request_id=uuid.uuid4(), category=category, post=post,
            question="Hoe ga ik om met een incident in mijn team?", language="nl",
        )

    ctx.update(
        manager_draft=draft(manager), other_manager_draft=draft(manager2),
        manager_report=draft(manager, forward=True), other_manager_report=draft(manager2, forward=True),
        advice=advice(manager), other_advice=advice(manager2),
        advice_for_manager_to_convert=advice(manager), advice_for_desk_to_convert=advice(manager2),
    )


DRAFT_POST = {"identity": "anonymous", "slip_language": "nl", "narrative": "Aanvulling", "action": "save"}

ROWS = [
    Row("intake:report-external", EVERYONE),
    Row("intake:report-complaint", EVERYONE),
    Row("channels:guide", EVERYONE),
    Row("channels:procedure-index", EVERYONE),
    Row("channels:procedure", EVERYONE, kwargs=lambda ctx: {"slug": "ladder-page"}),
    Row("manager:home", MANAGER),
    Row("manager:draft-new", MANAGER),
    Row("manager:draft", MANAGER, kwargs=lambda ctx: {"draft_id": ctx["manager_draft"].pk}),
    Row("manager:draft", NOBODY, kwargs=lambda ctx: {"draft_id": ctx["other_manager_draft"].pk},
        variant="another manager's draft"),
    Row("manager:draft", NOBODY, kwargs=lambda ctx: {"draft_id": ctx["other_manager_draft"].pk},
        method="post", data=lambda ctx: DRAFT_POST, variant="writing into another manager's draft"),
    Row("manager:report", MANAGER, kwargs=lambda ctx: {"report_id": ctx["manager_report"].pk}),
    Row("manager:report", NOBODY, kwargs=lambda ctx: {"report_id": ctx["other_manager_report"].pk},
        variant="a report another manager recorded"),
    Row("manager:report", NOBODY, kwargs=lambda ctx: {"report_id": ctx["cci_report"].pk},
        variant="a report filed at the central point"),
    Row("manager:receipt", MANAGER, kwargs=lambda ctx: {"report_id": ctx["manager_report"].pk}),
    Row("manager:receipt", NOBODY, kwargs=lambda ctx: {"report_id": ctx["other_manager_report"].pk},
        variant="another manager's receipt"),
    Row("manager:advice-new", MANAGER),
    Row("manager:advice", MANAGER, kwargs=lambda ctx: {"advice_id": ctx["advice"].pk}),
    Row("manager:advice", NOBODY, kwargs=lambda ctx: {"advice_id": ctx["other_advice"].pk},
        variant="another manager's advice request"),
    Row("manager:advice-convert", MANAGER, method="post",
        kwargs=lambda ctx: {"advice_id": ctx["advice_for_manager_to_convert"].pk}),
    Row("manager:advice-convert", NOBODY, method="post", kwargs=lambda ctx: {"advice_id": ctx["other_advice"].pk},
        variant="another manager's advice request"),
    # The advice point is the CCI's: the external desk, managers and counsellors are refused.
    Row("cases:advice-list", CCI_DESK_ALL),
    Row("cases:advice-detail", CCI_DESK_ALL, kwargs=lambda ctx: {"advice_id": ctx["advice"].pk}),
    Row("cases:advice-convert", CCI_DESK_ALL, method="post",
        kwargs=lambda ctx: {"advice_id": ctx["advice_for_desk_to_convert"].pk}),
    # Reports from the manager channel are the CCI's; external reports only the external desk's.
    Row("cases:report-detail", CCI_DESK_ALL, kwargs=lambda ctx: {"report_id": ctx["manager_report"].pk},
        variant="a report forwarded by a manager"),
    Row("cases:report-detail", EXTERNAL_CASE_TEAM, kwargs=lambda ctx: {"report_id": ctx["external_report"].pk},
        variant="a report filed at the external point"),
]
