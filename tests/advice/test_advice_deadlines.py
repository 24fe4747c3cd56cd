"""The advice point's reply clock: a question waits for an answer for REPLY_CLOCK_WORKING_DAYS working
days; the reminder scan reminds the CCI desk the day before and alerts its coordinators once it ran out.
An answer stops the clock; the asker writing back starts it again."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from cases.models import SentReminder
from cases.reminders import reminders_scan
from meldpunt.advice import services
from tests.cases.conftest import START, clock, no_digest, team  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_an_unanswered_question_reminds_the_desk_then_alerts_the_coordinators_once(clock, no_digest, team):  # noqa: F811
    question = services.advice_question_ask(question="Mag dit?", contact="", language="nl", submission_token="t1").question
    mail.outbox.clear()
    reminders_scan()
    assert not SentReminder.objects.filter(what="advice_reply").exists()

    clock.move_to(timezone.make_aware(timezone.datetime(2026, 3, 9, 9, 0)))  # the working day before it is due
    reminders_scan()
    reminders_scan()
    cci_desk = sorted(team[who].email for who in ("coordinator", "handler", "colleague"))
    assert sorted(SentReminder.objects.filter(what="advice_reply").values_list("recipient", flat=True)) == cci_desk
    assert sorted(m.to[0] for m in mail.outbox) == cci_desk, "the external desk hears nothing"
    assert "/staff/desk/advice-questions/" in mail.outbox[0].body and "Mag dit" not in mail.outbox[0].body

    clock.move_to(timezone.make_aware(timezone.datetime(2026, 3, 11, 9, 0)))  # a day late
    mail.outbox.clear()
    reminders_scan()
    reminders_scan()
    assert [m.to for m in mail.outbox] == [[team["coordinator"].email]]

    # The answer stops the clock; the asker writing back starts a new one.
    services.advice_message_to_asker(user=team["handler"], question=question, body="Ja, dat mag.")
    clock.shift(timedelta(days=3))
    mail.outbox.clear()
    reminders_scan()
    assert not mail.outbox
    question.refresh_from_db()
    services.advice_message_from_asker(question=question, body="Nog een vraag.")
    question.refresh_from_db()
    assert question.awaiting_reply_since == timezone.now()
    assert START < question.awaiting_reply_since


def test_the_annual_figures_count_advice_questions_per_year_with_small_counts_hidden():
    import time_machine

    from cases.figures import annual_figures
    from meldpunt.accounts.models import Desk

    with time_machine.travel(timezone.make_aware(timezone.datetime(2025, 5, 1, 9, 0)), tick=False):
        for n in range(6):
            services.advice_question_ask(question=f"Vraag {n}", contact="", language="nl", submission_token=f"nl{n}")
        services.advice_question_ask(question="سؤال", contact="", language="ar", submission_token="ar")
    services.advice_question_ask(question="Later", contact="", language="nl", submission_token="later")  # another year

    figures = annual_figures(desks=[Desk.CCI], year=2025)
    assert figures.get("advice_questions").count == 7
    cells = {c.key: c for c in figures.cells if c.figure == "advice_questions" and c.breakdown == "language"}
    assert cells["ar"].count is None and cells["ar"].suppressed == "small"
    assert cells["nl"].count is None, "the only other cell would give the hidden one away"
    assert annual_figures(desks=[Desk.EXTERNAL], year=2025).get("advice_questions").count == 0


def test_retention_removes_an_answered_question_after_its_period_and_keeps_an_unanswered_one(team):  # noqa: F811
    import time_machine

    from cases.retention import expired_records, retention_purge
    from meldpunt.advice.models import AdviceMessage, AdviceQuestion, AdviceReceipt

    with time_machine.travel(timezone.make_aware(timezone.datetime(2023, 1, 10, 9, 0)), tick=False):
        answered = services.advice_question_ask(question="Oud", contact="", language="nl", submission_token="old").question
        services.advice_message_to_asker(user=team["handler"], question=answered, body="Antwoord.")
        waiting = services.advice_question_ask(question="Nooit beantwoord", contact="", language="nl", submission_token="w").question
    recent = services.advice_question_ask(question="Nieuw", contact="", language="nl", submission_token="new").question
    services.advice_message_to_asker(user=team["handler"], question=recent, body="Antwoord.")

    listed = [(item.kind, item.id) for item in expired_records()]
    assert listed == [("advice_question", str(answered.pk))]
    assert retention_purge(dry_run=False)["advice_question"] == 1
    assert set(AdviceQuestion.objects.values_list("pk", flat=True)) == {waiting.pk, recent.pk}
    assert not AdviceMessage.objects.filter(question_id=answered.pk).exists()
    assert not AdviceReceipt.objects.filter(question_id=answered.pk).exists()


def test_a_question_turned_into_a_report_goes_with_that_report(team, category, post):  # noqa: F811
    from cases.retention import report_expire
    from meldpunt.advice.models import AdviceQuestion

    question = services.advice_question_ask(question="Vraag", contact="", language="nl", submission_token="c").question
    report = services.advice_question_to_report(question=question, category=category, post=post, narrative="Vraag", language="nl")
    assert report_expire(report_id=report.pk)
    assert not AdviceQuestion.objects.exists()
