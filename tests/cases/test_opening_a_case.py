"""Opening a case's page: the case comes with its handler, who opened and who assessed it, and its category,
so the page's header reads no more; and with whether it has notes, persons concerned and exclusions, so the
page reads only the lists that are not empty (and shows those that are not). Found by reference, typed
loosely, only by those who may see it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases import selectors, services
from cases.models import CaseExclusion, CaseState
from meldpunt.public_cache import reference_rows

from .conftest import person_with_outcome


def header(case):
    return (case.handler.get_username(), case.opened_by.get_username(), case.assessed_by.get_username(), str(case.category))


def test_a_case_comes_with_what_its_header_shows_and_no_query_more(team, case_in):
    coordinator = team["coordinator"]
    case = case_in(CaseState.ADDRESSING)  # assessed on the way
    services.case_assign(case=case, handler=team["handler"], actor=coordinator)
    reference_rows("intake.Category")  # kept once a process, not per page
    expected = ("sanne", "marieke", "marieke", str(case.category))
    for read in (selectors.case_for, selectors.case_for_page):
        found = read(coordinator, case.pk)
        with CaptureQueriesContext(connection) as reading:
            assert header(found) == expected
        assert reading.captured_queries == [], read.__name__


def test_the_case_page_knows_which_of_its_lists_are_empty(team, case_in):
    coordinator = team["coordinator"]
    full, bare = case_in(CaseState.TRIAGE), case_in(CaseState.TRIAGE)
    services.case_note_add(case=full, author=coordinator, body="A note.")
    person_with_outcome(full, coordinator)
    services.case_exclude(case=full, user=team["colleague"], actor=coordinator, reason=CaseExclusion.Reason.CONFLICT_OF_INTEREST)
    full_page, bare_page = selectors.case_for_page(coordinator, full.pk), selectors.case_for_page(coordinator, bare.pk)
    assert (full_page.has_notes, full_page.has_persons, full_page.has_exclusions) == (True, True, True)
    assert (bare_page.has_notes, bare_page.has_persons, bare_page.has_exclusions) == (False, False, False)
    # Only those who may see the case get it.
    assert selectors.case_for_page(team["colleague"], full.pk) is None
    assert selectors.case_for(team["colleague"], full.pk) is None
    assert selectors.case_for_page(team["external_coordinator"], bare.pk) is None
    assert selectors.case_for(coordinator, bare.pk).pk == bare.pk


def test_a_case_is_found_by_its_reference_typed_loosely_but_only_by_who_may_see_it(team, case_in):
    case = case_in(CaseState.RECEIVED)
    typed = f"  {case.reference.lower()} "
    assert selectors.case_by_reference(team["coordinator"], typed) == case
    assert selectors.case_by_reference(team["external_coordinator"], typed) is None
    assert selectors.case_by_reference(team["coordinator"], "CCI-0000-0000") is None
