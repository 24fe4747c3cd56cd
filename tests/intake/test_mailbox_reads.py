"""What the mailbox reads for the reporter, field by field: the thread (who wrote, in which language), the
meetings with every version of their minutes (which one waits for an answer), what they added to their
report, their report read back, the consent question still open, and when an idle mailbox closes."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from meldpunt.accounts.models import Role
from meldpunt.intake import selectors, services
from meldpunt.intake.models import ForwardingConsent, Meeting, Minutes

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(report_factory):
    return report_factory(language="fr").report


# --- an idle mailbox closes -----------------------------------------------------------------------


def test_a_mailbox_open_until_this_very_second_is_still_open(report, monkeypatch):
    monkeypatch.setattr(selectors.time, "time", lambda: 1_000.0)
    session = {selectors.SESSION_MAILBOX: str(report.pk), selectors.SESSION_MAILBOX_UNTIL: 1_000.0}
    opened = selectors.mailbox_open_in_session(session=session)
    assert opened.report == report and not opened.timed_out


def test_a_mailbox_with_no_closing_time_is_closed_and_forgets_its_report(report):
    session = {selectors.SESSION_MAILBOX: str(report.pk)}
    assert selectors.mailbox_open_in_session(session=session) == selectors.OpenMailbox(None, timed_out=True)
    assert session == {}


def test_a_mailbox_past_its_closing_time_forgets_both_keys(report, monkeypatch):
    monkeypatch.setattr(selectors.time, "time", lambda: 1_000.0)
    session = {selectors.SESSION_MAILBOX: str(report.pk), selectors.SESSION_MAILBOX_UNTIL: 999.0, "other": 1}
    assert selectors.mailbox_open_in_session(session=session).timed_out
    assert session == {"other": 1}


# --- the thread -------------------------------------------------------------------------------------


def test_the_thread_says_who_wrote_each_message_and_in_which_language(report, staff_factory):
    handler = staff_factory(Role.CCI_HANDLER, "hans")
    mine = services.mailbox_message_from_reporter(report=report, body="Merci.", written_language="fr")
    theirs = services.mailbox_message_to_reporter(report=report, sender=handler, body="We read your report.")
    thread = selectors.mailbox_messages(report=report)
    assert [(m.id, m.from_reporter, m.body, m.is_new, m.language) for m in thread] == [
        (str(mine.pk), True, "Merci.", False, "fr"),
        (str(theirs.pk), False, "We read your report.", True, theirs.written_language),
    ]
    assert thread[0].sent_at == mine.sent_at


# --- meetings and their minutes ---------------------------------------------------------------------


def minutes(meeting, writer, version, body, **fields):
    row = Minutes(report=meeting.report, meeting=meeting, version=version, written_by=writer,
                  written_at=timezone.now() + timedelta(minutes=version), **fields)
    row.seal("body", body)
    row.save()
    return row


def test_a_meeting_shows_every_version_of_its_minutes_oldest_first_and_only_the_last_can_wait_for_an_answer(
    report, staff_factory
):
    writer = staff_factory(Role.CCI_HANDLER, "hans")
    meeting = services.meeting_request(report=report, note="Par téléphone.")
    Meeting.objects.filter(pk=meeting.pk).update(held_on=date(2026, 11, 30))
    answered = timezone.now()
    second = minutes(meeting, writer, 2, "Version two.")
    first = minutes(meeting, writer, 1, "Version one.", answer=Minutes.Answer.ACCEPTED, answered_at=answered)
    first.seal("correction", "A date was wrong.")
    first.save()

    [shown] = selectors.mailbox_meetings(report=report)
    assert (shown.id, shown.request_note, shown.held_on) == (str(meeting.pk), "Par téléphone.", date(2026, 11, 30))
    assert shown.requested_at == Meeting.objects.get().requested_at is not None
    assert [
        (v.id, v.version, v.written_at, v.body, v.answer, v.answer_label, v.answered_at, v.correction, v.is_pending)
        for v in shown.versions
    ] == [
        (str(first.pk), 1, first.written_at, "Version one.", "accepted", "Accepted", answered, "A date was wrong.", False),
        (str(second.pk), 2, second.written_at, "Version two.", "pending", "Waiting for your answer", None, "", True),
    ]


def test_an_unanswered_earlier_version_no_longer_waits_for_an_answer(report, staff_factory):
    writer = staff_factory(Role.CCI_HANDLER, "hans")
    meeting = services.meeting_request(report=report)
    minutes(meeting, writer, 1, "Version one.")
    minutes(meeting, writer, 2, "Version two.", answer=Minutes.Answer.ACCEPTED, answered_at=timezone.now())
    [shown] = selectors.mailbox_meetings(report=report)
    assert [v.is_pending for v in shown.versions] == [False, False]


# --- the report read back, and what was added to it ------------------------------------------------


def test_the_report_reads_back_with_its_date_language_and_additions(report):
    added = services.report_addition_add(report=report, body="Un témoin de plus.", language="fr")
    own = selectors.mailbox_own_report(report=report)
    assert own.reference_date == report.received_at
    assert own.language == (report.written_language or report.language) == "fr"
    assert own.additions == [selectors.Addition(added_at=added.added_at, body="Un témoin de plus.", language="fr", id=str(added.pk))]


def test_the_language_read_back_is_the_one_written_in_when_it_differs_from_the_pages(report):
    report.written_language = "ar"
    assert selectors.mailbox_own_report(report=report).language == "ar"
    report.written_language = ""
    assert selectors.mailbox_own_report(report=report).language == "fr"


# --- the consent question ---------------------------------------------------------------------------


def test_the_open_consent_question_is_the_one_still_unanswered(report, staff_factory):
    asker = staff_factory(Role.EXTERNAL_HANDLER, "erik")
    question = ForwardingConsent.objects.create(report=report, requested_at=timezone.now(), requested_by=asker)
    assert selectors.mailbox_pending_consent(report=report) == question
