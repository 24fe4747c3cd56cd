"""Demo data for the channels: a manager with a draft not yet forwarded, a forwarded report and two
advice requests (one answered). Procedure pages come from the data migration. Safe to run again:
every object has a fixed id and is made only when it is missing."""

import uuid

from meldpunt.accounts.models import User
from meldpunt.intake.models import Category

from . import services
from .models import AdviceRequest, ManagerDraft

NAMESPACE = uuid.UUID("6f1c3f0e-2f7a-4c8e-9d0b-7a1e5c2b9d41")


def _id(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def load(stdout) -> None:
    manager = User.objects.filter(username="manager").first()
    manager2 = User.objects.filter(username="manager2").first()
    handler = User.objects.filter(username="cci").first()
    category = Category.objects.filter(code="racism_discrimination").first()
    bullying = Category.objects.filter(code="bullying").first() or category
    if not (manager and manager2 and handler and category and manager.post_id and manager2.post_id):
        stdout.write("  channels: skipped (load meldpunt's demo data first)")
        return

    def draft(owner, name, forward=False, **text):
        if ManagerDraft.objects.filter(pk=_id(name)).exists():
            return
        saved = services.manager_draft_save(
            manager=owner, draft_id=_id(name),
            data=services.DraftInput(category=text.pop("category", category), post=owner.post, **text),
        )
        if forward:
            services.manager_draft_forward(manager=owner, draft_id=saved.pk, language="nl")

    draft(
        manager, "forwarded", forward=True,
        narrative="Een lokaal aangenomen medewerker vertelde mij dat een collega hem bij herhaling uitscheldt om zijn "
        "afkomst, ook waar anderen bij zijn.",
        occurred_when="Sinds januari, meerdere keren per maand", involved="Een collega van de consulaire afdeling",
    )
    draft(
        manager, "unforwarded", category=bullying,
        narrative="Een stagiaire gaf aan dat zij in vergaderingen structureel wordt genegeerd. Ik spreek haar morgen verder.",
    )
    draft(manager2, "manager2-unforwarded", narrative="首次记录：一名员工反映在团队会议上受到嘲笑。")

    def advice(owner, name, question, answer=""):
        if AdviceRequest.objects.filter(pk=_id(name)).exists():
            return
        asked = services.advice_request_ask(
            manager=owner, request_id=_id(name), category=category, post=owner.post, question=question, language="nl"
        )
        if answer:
            services.advice_request_answer(user=handler, advice_id=asked.pk, answer=answer)

    advice(
        manager, "answered",
        "In mijn team vallen grappen over afkomst die sommigen 'onschuldig' vinden. Niemand heeft gemeld. Wat kan ik doen?",
        answer="Benoem in het team dat zulke grappen niet passen, ook zonder melding. Spreek de betrokkenen apart aan en "
        "wijs het team op de vertrouwenspersonen. Wilt u een teamsessie, dan denken wij mee.",
    )
    advice(manager, "open", "Een medewerker wil iets melden maar vreest voor verlenging van zijn contract. Hoe stel ik hem gerust?")
    stdout.write(
        f"  channels: {ManagerDraft.objects.count()} manager drafts, {AdviceRequest.objects.count()} advice requests"
    )
