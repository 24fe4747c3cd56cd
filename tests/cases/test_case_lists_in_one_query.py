"""The lists on a case's pages are read in one query whatever their length: the case page's history, notes,
exclusions and reports, the instrument's record, a report's deadline changes and the coordinator's lessons.
Each test builds one row and then several, and reads every attribute the page's template reads (and
unseals what the view unseals): a relation or a column left out of the selector would be loaded later,
one query per row."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import selectors, services
from cases.models import CaseExclusion, CaseState, Instrument, InstrumentEntry, LessonLearned

from .conftest import person_with_outcome


def queries_to_read(read):
    """How many queries it takes to fetch a list and read it as its page does."""
    with CaptureQueriesContext(connection) as captured:
        read()
    return len(captured.captured_queries)


# --- the case page: cases/templates/cases/case_detail.html ------------------------------------------------


def read_history(case):
    for change in selectors.case_history(case):
        # "when · who · from · to · reason" (the view unseals the reason under the case's key)
        change.at, change.by.get_username(), change.get_from_state_display(), change.get_to_state_display()
        change.unseal("reason")


def test_the_case_page_reads_its_history_in_one_query_with_one_step_or_three_oldest_first(case_in):
    new = case_in(CaseState.RECEIVED)
    assert len(selectors.case_history(new)) == 1
    assert queries_to_read(lambda: read_history(new)) == 1
    busy = case_in(CaseState.ADDRESSING)
    assert queries_to_read(lambda: read_history(busy)) == 1
    history = selectors.case_history(busy)
    assert [c.to_state for c in history] == [CaseState.RECEIVED, CaseState.TRIAGE, CaseState.ADDRESSING]
    assert [c.by.get_username() for c in history] == ["marieke"] * 3


def read_notes(case):
    for note in selectors.case_notes(case):
        note.author.get_username(), note.written_at, note.unseal("body")


def test_the_case_page_reads_one_note_or_five_in_one_query_oldest_first_with_their_authors(case_in, team, clock):
    case = case_in(CaseState.RECEIVED)
    services.case_note_add(case=case, author=team["coordinator"], body="Note 0")
    assert queries_to_read(lambda: read_notes(case)) == 1
    for i in range(1, 5):
        clock.shift(datetime.timedelta(minutes=1))
        services.case_note_add(case=case, author=team["handler" if i % 2 else "coordinator"], body=f"Note {i}")
    assert queries_to_read(lambda: read_notes(case)) == 1
    notes = selectors.case_notes(case)
    assert [n.unseal("body") for n in notes] == [f"Note {i}" for i in range(5)]
    assert [n.author.get_username() for n in notes] == ["marieke", "sanne", "marieke", "sanne", "marieke"]


def read_exclusions(case):
    for exclusion in selectors.case_exclusions(case):
        exclusion.user.get_full_name(), exclusion.user.get_username(), exclusion.get_reason_display(), exclusion.excluded_at


def test_the_case_page_reads_one_exclusion_or_three_in_one_query_oldest_first(case_in, team, staff_factory, clock):
    from meldpunt.accounts.models import Role

    case = case_in(CaseState.RECEIVED)
    services.case_exclude(case=case, user=team["colleague"], actor=team["coordinator"], reason=CaseExclusion.Reason.NAMED_IN_REPORT)
    assert queries_to_read(lambda: read_exclusions(case)) == 1
    for name in ("femke", "joris"):
        clock.shift(datetime.timedelta(minutes=1))
        services.case_exclude(case=case, user=staff_factory(Role.CCI_HANDLER, name), actor=team["coordinator"],
                              reason=CaseExclusion.Reason.CONFLICT_OF_INTEREST)
    assert queries_to_read(lambda: read_exclusions(case)) == 1
    assert [e.user.get_username() for e in selectors.case_exclusions(case)] == ["youssef", "femke", "joris"]


def read_reports(case):
    return [
        (report.pk, report.reference, report.received_at, report.language, report.acknowledged_at,
         report.acknowledgement_due, report.feedback_due, report.feedback_given_at)
        for report in selectors.case_reports(case)
    ]


def test_the_case_page_reads_one_report_or_four_in_one_query_in_the_order_they_came_in(case_in, team, report_factory, clock):
    case = case_in(CaseState.RECEIVED)
    assert queries_to_read(lambda: read_reports(case)) == 1
    for i in range(3):
        clock.shift(datetime.timedelta(hours=1))
        services.case_link_report(case=case, report=report_factory(narrative=f"Report {i}").report, actor=team["coordinator"])
    other = case_in(CaseState.RECEIVED)  # another case's report is not this case's
    assert queries_to_read(lambda: read_reports(case)) == 1
    reports = selectors.case_reports(case)
    assert len(reports) == 4 and [r.received_at for r in reports] == sorted(r.received_at for r in reports)
    assert [r.pk for r in selectors.case_reports(other)] == [other.report_links.get().report_id]


# --- the instrument's record: cases/templates/cases/instrument_record.html ----------------------------------


def read_record(case):
    return [
        (entry.get_kind_display(), entry.person.number if entry.person else None, entry.get_detail_display(), entry.on,
         entry.recorded_at, entry.recorded_by.get_username(), entry.unseal("text"), entry.unseal("response"))
        for entry in selectors.instrument_entries(case)
    ]


def test_the_instrument_record_reads_one_entry_or_five_in_one_query_with_the_person_heard(case_in, team, category, clock):
    from cases import workflow

    case = case_in(CaseState.TRIAGE)
    case = services.case_transition(
        case=services.case_assess(case=case, actor=team["coordinator"], category=category, seriousness="serious",
                                  retaliation_risk="medium", urgency="normal", considerations="Serious."),
        transition="choose_instrument", actor=team["coordinator"], reason="Investigate.",
        instrument=Instrument.INVESTIGATION, instrument_reasons="Several witnesses.",
    )
    kinds = [k for k in workflow.INSTRUMENT_KINDS[Instrument.INVESTIGATION] if k != InstrumentEntry.Kind.HEARING]
    details = {kind: choices[-1] for kind, choices in workflow.DETAIL_OF_KIND.items()}
    today = timezone.localdate()
    services.instrument_entry_add(case=case, actor=team["coordinator"], kind=kinds[0], text="First entry.", on=today,
                                  detail=details.get(kinds[0], ""))
    assert queries_to_read(lambda: read_record(case)) == 1
    people = [person_with_outcome(case, team["coordinator"]) for _ in range(2)]
    for person in people:
        clock.shift(datetime.timedelta(minutes=1))
        services.instrument_entry_add(case=case, actor=team["handler"], kind=InstrumentEntry.Kind.HEARING, on=today,
                                      person_id=person.pk, text="Heard.", response="They deny it.")
    for kind in kinds[1:3]:
        clock.shift(datetime.timedelta(minutes=1))
        services.instrument_entry_add(case=case, actor=team["coordinator"], kind=kind, text=f"Entry {kind}.", on=today,
                                      detail=details.get(kind, ""))
    entries = selectors.instrument_entries(case)
    assert queries_to_read(lambda: read_record(case)) == 1
    assert len(entries) == 5 and [e.recorded_at for e in entries] == sorted(e.recorded_at for e in entries)
    assert [e.person.number for e in entries if e.person] == [p.number for p in people]
    assert selectors.instrument_entries(case_in(CaseState.RECEIVED)) == []  # another case's record is its own


# --- a report's deadline changes: cases/templates/cases/report_deadlines.html -------------------------------


def read_changes(report):
    for change in selectors.report_deadline_changes(report):
        change.at, change.get_action_display(), change.clock, change.new_due, change.by.get_username(), change.unseal("reason")


def test_a_report_s_deadline_changes_read_in_one_query_with_one_change_or_five(team, report_factory, clock):
    report = report_factory().report
    coordinator = team["coordinator"]
    other = report_factory().report
    services.report_deadline_extend(report=other, actor=coordinator, clock="feedback",
                                    new_due=other.feedback_due + datetime.timedelta(days=30), reason="Another report's change.")
    services.report_clocks_suspend(report=report, actor=coordinator, reason="Waiting for the police.")
    assert queries_to_read(lambda: read_changes(report)) == 1
    for i in range(2):
        clock.shift(datetime.timedelta(hours=1))
        services.report_clocks_resume(report=report, actor=coordinator, reason=f"Resumed {i}.")
        clock.shift(datetime.timedelta(hours=1))
        services.report_clocks_suspend(report=report, actor=coordinator, reason=f"Suspended again {i}.")
    assert queries_to_read(lambda: read_changes(report)) == 1
    changes = list(selectors.report_deadline_changes(report))
    assert [c.unseal("reason") for c in changes] == [
        "Waiting for the police.", "Resumed 0.", "Suspended again 0.", "Resumed 1.", "Suspended again 1."]


# --- the coordinator's lessons learned: cases/templates/cases/lessons.html ----------------------------------


def lesson(desk, year, text, at, instrument=Instrument.CONVERSATION):
    row = LessonLearned(desk=desk, year=year, rijk_category_code="racism_discrimination", instrument=instrument, written_at=at)
    row.seal("text", text)
    row.save()
    return row


def read_lessons(desk, year):
    for row in selectors.lessons_of_desk(desk=desk, year=year):
        row.rijk_category_code, row.instrument, row.get_instrument_display(), row.written_at, row.unseal("text")


def test_the_lessons_of_a_year_read_in_one_query_with_one_lesson_or_five_oldest_first_for_the_desk_only(db):
    now = timezone.now()
    lesson("cci", 2026, "Lesson 0", now)
    assert queries_to_read(lambda: read_lessons("cci", 2026)) == 1
    for i in range(1, 5):
        lesson("cci", 2026, f"Lesson {i}", now - datetime.timedelta(days=i))
    lesson("external", 2026, "The other desk's lesson", now)
    lesson("cci", 2025, "Last year's lesson", now)
    assert queries_to_read(lambda: read_lessons("cci", 2026)) == 1
    assert [row.unseal("text") for row in selectors.lessons_of_desk(desk="cci", year=2026)] == [
        "Lesson 4", "Lesson 3", "Lesson 2", "Lesson 1", "Lesson 0"]
    assert [row.unseal("text") for row in selectors.lessons_of_desk(desk="external", year=2026)] == ["The other desk's lesson"]
