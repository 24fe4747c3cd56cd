"""The coordinator's complaint worklist, rule by rule: never a complaint about themselves, open ones first
and the earliest deadline first, the sealed report text never read for the list, and each page read in a
fixed number of queries. Complaints are made directly on reports, with the dates and ids each rule needs."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meldpunt.accounts.models import Role
from tests.conftest import make_staff
from vertrouwenspersonen import selectors
from vertrouwenspersonen.models import ComplaintNote, ComplaintStatus, CounsellorComplaint

SEALED_REPORT_COLUMNS = [
    "narrative_sealed", "involved_sealed", "witnesses_sealed", "occurred_when_sealed",
    "reporter_name_sealed", "reporter_contact_sealed",
]


@pytest.fixture
def complaint_on(make_complaint):
    """A complaint whose conclusion is due on `due` (received 56 days before it)."""

    def make(*, due, **fields):
        return make_complaint(due - datetime.timedelta(days=56), **fields)

    return make


def test_open_complaints_come_first_with_the_earliest_deadline_first(coordinator, complaint_on):
    # Ids (uuids) in the opposite order of the deadlines: the deadline decides, not the id.
    concluded_early = complaint_on(
        due=datetime.date(2026, 1, 5), status=ComplaintStatus.CONCLUDED, id=uuid.UUID(f"{'f' * 8}-0000-4000-8000-{'0' * 12}")
    )
    open_late = complaint_on(
        due=datetime.date(2026, 3, 1), status=ComplaintStatus.IN_PROGRESS, id=uuid.UUID(f"{'1' * 8}-0000-4000-8000-{'0' * 12}")
    )
    open_early = complaint_on(due=datetime.date(2026, 2, 1), id=uuid.UUID(f"{'e' * 8}-0000-4000-8000-{'0' * 12}"))
    concluded_late = complaint_on(
        due=datetime.date(2026, 2, 15), status=ComplaintStatus.CONCLUDED, id=uuid.UUID(f"{'2' * 8}-0000-4000-8000-{'0' * 12}")
    )

    assert list(selectors.complaint_worklist(coordinator)) == [open_early, open_late, concluded_early, concluded_late]


def test_complaints_due_the_same_day_keep_one_fixed_order(coordinator, complaint_on):
    due = datetime.date(2026, 4, 1)
    made_first = complaint_on(due=due, id=uuid.UUID("ffffffff-0000-4000-8000-000000000000"))
    made_second = complaint_on(due=due, id=uuid.UUID("00000000-0000-4000-8000-000000000000"))

    assert list(selectors.complaint_worklist(coordinator)) == [made_second, made_first]


def test_a_coordinator_who_is_also_a_counsellor_never_sees_a_complaint_about_themselves(
    coordinator, make_counsellor, complaint_on
):
    other_coordinator = make_staff(Role.COUNSELLOR_COORDINATOR, username="second-coordinator")
    # The profile is linked to the coordinator's own account (a coordinator who also counsels).
    themselves = make_counsellor("Coordinating Counsellor")
    type(themselves).objects.filter(pk=themselves.pk).update(user=coordinator)
    about_them = complaint_on(due=datetime.date(2026, 2, 1), counsellor=themselves)
    about_nobody = complaint_on(due=datetime.date(2026, 3, 1))

    assert list(selectors.complaint_worklist(coordinator)) == [about_nobody]
    assert selectors.complaint_of(coordinator, about_them.pk) is None
    assert list(selectors.complaint_worklist(other_coordinator)) == [about_them, about_nobody]
    assert selectors.complaint_of(other_coordinator, about_them.pk) == about_them


def test_the_worklist_never_reads_the_sealed_text_of_the_reports(coordinator, complaint_on):
    complaint_on(due=datetime.date(2026, 2, 1))
    with CaptureQueriesContext(connection) as queries:
        rows = list(selectors.complaint_worklist(coordinator))
    assert len(rows) == 1
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    for column in SEALED_REPORT_COLUMNS:
        assert column not in sql, column
    assert set(SEALED_REPORT_COLUMNS) <= rows[0].report.get_deferred_fields()


def test_the_worklist_shows_counsellor_reference_and_post_in_one_query(
    coordinator, complaint_on, make_counsellor, django_assert_num_queries
):
    counsellor = make_counsellor("Karim Bennani")
    complaint_on(due=datetime.date(2026, 2, 1), counsellor=counsellor)
    complaint_on(due=datetime.date(2026, 3, 1), counsellor=counsellor)
    with django_assert_num_queries(1):
        shown = [
            (c.counsellor.name, c.report.reference, c.report.post.name)
            for c in selectors.complaint_worklist(coordinator)
        ]
    assert [name for name, _reference, _post in shown] == ["Karim Bennani", "Karim Bennani"]
    assert {post for _name, _reference, post in shown} == {"Embassy Rabat"}


def test_one_complaint_is_opened_with_its_counsellor_report_and_post_in_one_query(
    coordinator, complaint_on, make_counsellor, django_assert_num_queries
):
    complaint = complaint_on(due=datetime.date(2026, 2, 1), counsellor=make_counsellor("Karim Bennani"))
    with django_assert_num_queries(1):
        found = selectors.complaint_of(coordinator, complaint.pk)
        assert (found.counsellor.name, found.report.reference, found.report.post.name) == (
            "Karim Bennani", complaint.report.reference, "Embassy Rabat",
        )


def test_the_notes_of_a_complaint_name_their_writers_in_one_query(coordinator, complaint_on, django_assert_num_queries):
    complaint = complaint_on(due=datetime.date(2026, 2, 1))
    start = timezone.now()
    for minutes, text in enumerate(["Called the reporter.", "Spoke with the counsellor."]):
        note = ComplaintNote(complaint=complaint, written_by=coordinator, written_at=start + datetime.timedelta(minutes=minutes))
        note.seal("text", text)
        note.save()
    complaint = CounsellorComplaint.objects.get(pk=complaint.pk)
    notes = selectors.complaint_notes(complaint)
    with django_assert_num_queries(0):
        assert [(note.written_by.username, text) for note, text in notes] == [
            ("coordinator", "Called the reporter."), ("coordinator", "Spoke with the counsellor."),
        ]
