"""Advice questions (meldpunt/advice): asking is for everyone; the question's mailbox only for its asker;
the advice point's list and questions only for the CCI desk (never the external desk, managers or
counsellors)."""

from .core import ASKER, EVERYONE, Row
from .rows_channels import CCI_DESK_ALL

ASKER_ONLY = frozenset({ASKER})


def extend_context(ctx: dict) -> None:
    from meldpunt.advice import services

    ctx["advice_question"] = services.advice_question_ask(
        question="Mag ik iets vragen voordat ik meld?", contact="", language="nl", submission_token="ladder"
    ).question


ROWS = [
    Row("advice:ask", EVERYONE),
    Row("advice:mailbox", ASKER_ONLY),
    Row("advice:mailbox", ASKER_ONLY, method="post", data=lambda ctx: {"body": "Nog een vraag."}, variant="writing back"),
    Row("advice:to-report", ASKER_ONLY),
    Row("cases:advice-questions", CCI_DESK_ALL),
    Row("cases:advice-question", CCI_DESK_ALL, kwargs=lambda ctx: {"question_id": ctx["advice_question"].pk}),
    Row(
        "cases:advice-question", CCI_DESK_ALL, kwargs=lambda ctx: {"question_id": ctx["advice_question"].pk},
        method="post", data=lambda ctx: {"body": "Een antwoord."}, variant="answering the asker",
    ),
]
