"""Who a coordinator may assign to or keep out of a case (the desk's active staff, by name, not those already
kept out), the persons concerned as their page reads them (in one query and one for all their measures,
by number), and which standard messages a report's reporter already had."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import selectors, services
from cases.models import CaseExclusion, CaseState, Finding, Measure, StandardMessage
from meldpunt.accounts.models import Role, User

from .conftest import person_with_outcome


def test_a_case_is_assigned_to_and_kept_from_the_desk_s_active_staff_by_name_but_not_those_already_kept_out(
    team, case_in, staff_factory,
):
    case = case_in(CaseState.RECEIVED)
    departed = staff_factory(Role.CCI_HANDLER, "anton")
    User.objects.filter(pk=departed.pk).update(is_active=False)
    staff_factory(Role.TRANSLATOR, "bea")  # not desk staff
    staff_factory(Role.COMPLAINTS_SECRETARY, "carla")  # another desk
    assert [u.username for u in selectors.desk_staff("cci")] == ["marieke", "sanne", "youssef"]
    assert [u.username for u in selectors.desk_staff("external")] == ["anouk", "peter"]
    services.case_exclude(case=case, user=team["colleague"], actor=team["coordinator"], reason=CaseExclusion.Reason.CONFLICT_OF_INTEREST)
    assert [u.username for u in selectors.assignable_handlers(case)] == ["marieke", "sanne"]
    assert [u.username for u in selectors.excludable_staff(case)] == ["marieke", "sanne"]
    # Kept out of another case, someone is still offered for this one.
    other = case_in(CaseState.RECEIVED)
    assert [u.username for u in selectors.assignable_handlers(other)] == ["marieke", "sanne", "youssef"]
    assert [u.username for u in selectors.excludable_staff(other)] == ["marieke", "sanne", "youssef"]


def read_persons(case):
    return [
        (person.number, person.unseal("name"), person.unseal("role"), person.get_finding_display(), person.finding_on,
         [(m.get_measure_display(), m.taken_on) for m in measures])
        for person, measures in selectors.case_persons(case)
    ]


def test_the_persons_concerned_are_read_with_their_measures_in_two_queries_one_person_or_three_by_number(team, case_in):
    case = case_in(CaseState.TRIAGE)
    person_with_outcome(case, team["coordinator"], role="Head of section")
    with CaptureQueriesContext(connection) as one:
        assert [row[0] for row in read_persons(case)] == [1]
    person_with_outcome(case, team["coordinator"], role="Deputy head", measures=(Measure.REPRIMAND, Measure.TRANSFER))
    person_with_outcome(case, team["coordinator"], role="Assistant", finding=Finding.NOT_ESTABLISHED, measures=())
    with CaptureQueriesContext(connection) as three:
        rows = read_persons(case)
    assert len(three.captured_queries) == len(one.captured_queries) == 2
    assert [(number, role, len(measures)) for number, _name, role, _finding, _on, measures in rows] == [
        (1, "Head of section", 1), (2, "Deputy head", 2), (3, "Assistant", 0)]
    assert selectors.case_persons(case_in(CaseState.TRIAGE)) == []  # another case's persons are its own


def test_the_standard_messages_a_reporter_already_had_are_those_sent_to_them_with_a_kind(team, report_factory):
    from meldpunt.intake import services as intake

    report = report_factory().report
    assert selectors.report_standard_messages_sent(report) == set()
    intake.mailbox_message_from_reporter(report=report, body="Is there news?")
    services.report_message_send(report=report, actor=team["handler"], body="We are looking into it.")  # no kind
    assert selectors.report_standard_messages_sent(report) == set()
    services.report_message_send(report=report, actor=team["handler"], kind=StandardMessage.Kind.ACKNOWLEDGEMENT,
                                 body="We have received your report.")
    assert selectors.report_standard_messages_sent(report) == {StandardMessage.Kind.ACKNOWLEDGEMENT}
    assert selectors.report_standard_messages_sent(report_factory().report) == set()


def read_meetings(report):
    return [
        (meeting.held_on, meeting.requested_at, meeting.unseal("request_note"),
         [(v.version, v.answer, v.written_at, v.written_by.get_username(), v.answered_at, v.unseal("body"), v.unseal("correction"))
          for v in meeting.versions.all()])
        for meeting in selectors.report_meetings(report)
    ]


def test_a_report_s_meetings_and_every_version_of_their_minutes_are_read_in_two_queries_oldest_first(team, report_factory, clock):
    report = report_factory().report
    today = timezone.localdate()
    services.meeting_minutes_record(report=report, actor=team["handler"], held_on=today, body="First meeting.")
    with CaptureQueriesContext(connection) as one:
        assert [[v[5] for v in versions] for *_m, versions in read_meetings(report)] == [["First meeting."]]
    clock.shift(datetime.timedelta(hours=1))
    second = services.meeting_minutes_record(report=report, actor=team["coordinator"], held_on=today, body="Second meeting.")
    clock.shift(datetime.timedelta(hours=1))
    services.meeting_minutes_record(report=report, actor=team["handler"], held_on=today, body="Second, corrected.",
                                    meeting_id=second.meeting_id)
    services.meeting_minutes_record(report=report_factory().report, actor=team["handler"], held_on=today, body="Another report's.")
    with CaptureQueriesContext(connection) as three:
        meetings = read_meetings(report)
    assert len(three.captured_queries) == len(one.captured_queries) == 2
    assert [[(v[0], v[3], v[5]) for v in versions] for *_m, versions in meetings] == [
        [(1, "sanne", "First meeting.")], [(1, "marieke", "Second meeting."), (2, "sanne", "Second, corrected.")]]
